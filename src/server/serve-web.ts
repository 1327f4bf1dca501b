/** @module server/serve-web — the built web UI's files (web/dist), never anything outside that folder. */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join, posix, resolve, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Files larger than this are not served from the UI folder (a UI bundle is far smaller). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A file of `root` for a URL path, or undefined: never a path outside `root`, never a symlink out of it. */
export function resolveWebFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const normalized = posix.normalize(`/${decoded}`);
  if (normalized.split("/").some((seg) => seg === ".." || (seg.startsWith(".") && seg.length > 0))) return undefined;
  const rootReal = realpathSync(root);
  const candidate = resolve(rootReal, `.${normalized}`);
  if (candidate !== rootReal && !candidate.startsWith(rootReal + sep)) return undefined;
  if (!existsSync(candidate)) return undefined;
  const real = realpathSync(candidate);
  if (real !== rootReal && !real.startsWith(rootReal + sep)) return undefined;
  const st = statSync(real);
  if (st.isDirectory()) {
    const index = join(real, "index.html");
    return existsSync(index) && statSync(index).isFile() ? index : undefined;
  }
  return st.isFile() && st.size <= MAX_FILE_BYTES ? real : undefined;
}

/**
 * Serves the UI folder: a file by its path, and `index.html` for any other path without an extension
 * (the UI routes in the browser). Hashed assets under /assets/ are cached for a year; the rest revalidate.
 * Answers undefined (the caller's 404) for what is not there.
 * @example const web = serveWeb("web/dist"); app.get("*", (c) => web(c) ?? c.notFound())
 */
export function serveWeb(root: string): (c: Context) => Response | undefined {
  return (c) => {
    const urlPath = new URL(c.req.url).pathname;
    let file = resolveWebFile(root, urlPath);
    if (file === undefined && extname(urlPath) === "" && !urlPath.startsWith("/api/")) {
      file = resolveWebFile(root, "/index.html");
    }
    if (file === undefined) return undefined;
    const st = statSync(file);
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const body = readFileSync(file);
    return new Response(body, {
      status: 200,
      headers: {
        "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        ETag: etag,
        "Cache-Control": urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        "X-Content-Type-Options": "nosniff",
      },
    });
  };
}
