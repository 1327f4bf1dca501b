/** @module server/allowed-methods — which methods a path answers to, for 405 Method Not Allowed. */

/** A route as Hono lists it (`app.routes`). */
interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

/**
 * A function giving the methods registered for a path (patterns like `/api/technologies/:id` match any
 * one segment); middleware (`ALL`) and catch-alls (`*`) are left out.
 * @example allowedMethods(app.routes)("/api/lookup") // ["GET", "POST"]
 */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  const patterns = routes
    .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
    .map((r) => ({
      method: r.method.toUpperCase(),
      re: new RegExp(
        `^${r.path
          .split("/")
          .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
          .join("/")}/?$`,
      ),
    }));
  return (path) => {
    const methods = new Set<string>();
    for (const p of patterns) if (p.re.test(path)) methods.add(p.method);
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
