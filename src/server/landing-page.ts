/** @module server/landing-page — what `/` answers while there is no web UI: the API, its routes, where its OpenAPI is. */

/** An operation as the landing page lists it. */
export interface LandingRoute {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A small, honest HTML page: this is the stackatlas HTTP API (there is no UI build here), with every
 * route from the OpenAPI document and a link to it. No script, no inline style: the CSP holds.
 * @example landingPage([{ method: "GET", path: "/api/lookup", summary: "stacks at a coordinate" }], "0.1.0")
 */
export function landingPage(routes: readonly LandingRoute[], version: string): string {
  const rows = routes
    .map((r) => {
      const example =
        r.method === "GET" && !r.path.includes("{")
          ? `<a href="${escapeHtml(r.path)}">${escapeHtml(r.path)}</a>`
          : escapeHtml(r.path);
      return `      <tr><td><code>${escapeHtml(r.method)}</code></td><td><code>${example}</code></td><td>${escapeHtml(r.summary)}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>stackatlas HTTP API</title>
  </head>
  <body>
    <h1>stackatlas HTTP API <small>${escapeHtml(version)}</small></h1>
    <p>A knowledge graph of cloud-native infrastructure on seven dimensions — isolation, orchestration, policy,
    time, architecture view, scenario, observability. This server answers JSON under <code>/api/</code>; the
    answers have the shapes of the CLI's <code>--format json</code>. Add <code>?lang=zh</code> for Chinese.</p>
    <p>This build has no web UI (no <code>web/dist</code> folder was found), so this page lists the API.
    The OpenAPI 3.1 description is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
    <table>
      <thead><tr><th>method</th><th>path</th><th>what it answers</th></tr></thead>
      <tbody>
${rows}
      </tbody>
    </table>
    <p>Try: <a href="/api/lookup?coordinate=(4,%202,%203,%202025,%201,%20edge,%20OTLP%2BeBPF)">/api/lookup?coordinate=(4, 2, 3, 2025, 1, edge, OTLP+eBPF)</a></p>
  </body>
</html>
`;
}
