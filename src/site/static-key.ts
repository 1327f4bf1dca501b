/**
 * @module site/static-key — the name of a GET answer in a static build: its path and query (less the
 * language), in one canonical form that `build-site` writes and the web UI reads.
 */

type Params = Readonly<Record<string, string | number | boolean | readonly string[] | undefined | null>>;

/**
 * The canonical key of a GET of the API: the path, then its query sorted by name (values in order),
 * `lang` and empty values left out.
 * @example staticKey("/api/path/serverless?to=2025", { from: 2020, lang: "zh" }) // "/api/path/serverless?from=2020&to=2025"
 */
export function staticKey(path: string, params: Params = {}): string {
  const i = path.indexOf("?");
  const pairs: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(i < 0 ? "" : path.slice(i + 1))) pairs.push([k, v]);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    for (const x of Array.isArray(v) ? v : [v]) pairs.push([k, String(x)]);
  }
  const kept = pairs.filter(([k, v]) => k !== "lang" && v !== "");
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const q = new URLSearchParams(kept).toString();
  return (i < 0 ? path : path.slice(0, i)) + (q ? `?${q}` : "");
}

/** What a static build's `api/manifest.json` holds: each answer's key; key i of language L is `api/L/i.json`. */
export interface StaticManifest {
  readonly generator: "stackatlas build-site";
  readonly version: string;
  readonly builtAt: string;
  /** The base path the site was built for (ends with `/`). */
  readonly base: string;
  readonly keys: readonly string[];
  /** The coordinates whose lookups are in the build (every recorded stack's), for the lookup page. */
  readonly coordinates: readonly string[];
}
