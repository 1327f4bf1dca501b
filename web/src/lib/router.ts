/** @module web/lib/router — the location as state: the page in the path, every view setting in the query, so a link can be shared. */
import { useSyncExternalStore } from "react";
import { BASE } from "./site.js";

const listeners = new Set<() => void>();
function emit(): void {
  for (const l of listeners) l();
}
window.addEventListener("popstate", emit);

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
/** The page's path inside the UI (its base path taken off: `/atlas` wherever the UI is hosted) and query. */
const snapshot = () => fromBase(window.location.pathname) + window.location.search;

/**
 * A path of the location without the base path, nor a trailing slash (a static host answers `/atlas` with
 * its folder's index.html, often after redirecting to `/atlas/`).
 */
function fromBase(pathname: string): string {
  let p = pathname;
  if (BASE !== "/") {
    if (p === BASE.slice(0, -1)) p = "/";
    else if (p.startsWith(BASE)) p = `/${p.slice(BASE.length)}`;
  }
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

/** A path of the UI (`/atlas`) as a path of the location (`/sub/atlas` under the base `/sub/`). */
function toBase(path: string): string {
  return BASE === "/" || !path.startsWith("/") ? path : BASE + path.slice(1);
}

/** The current path and query; re-renders when either changes. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const loc = useSyncExternalStore(subscribe, snapshot);
  const i = loc.indexOf("?");
  return { path: i < 0 ? loc : loc.slice(0, i), query: new URLSearchParams(i < 0 ? "" : loc.slice(i)) };
}

/** Goes to a path with a query (a new history entry), keeping the language; `to` may be an {@link href}. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.origin);
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang && !url.searchParams.has("lang")) url.searchParams.set("lang", lang);
  const next = fromBase(url.pathname) + url.search;
  if (next === snapshot()) return;
  if (options.replace) window.history.replaceState(null, "", toBase(next));
  else window.history.pushState(null, "", toBase(next));
  if (!options.replace) window.scrollTo(0, 0);
  emit();
}

/** Sets or clears query keys of the current page (replacing the history entry unless `push`). */
export function setQuery(
  changes: Readonly<Record<string, string | readonly string[] | null | undefined>>,
  push = false,
): void {
  const q = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(changes)) {
    q.delete(k);
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else q.set(k, v as string);
  }
  const s = q.toString();
  const next = window.location.pathname + (s ? `?${s}` : "");
  if (next === window.location.pathname + window.location.search) return;
  if (push) window.history.pushState(null, "", next);
  else window.history.replaceState(null, "", next);
  emit();
}

/** A link href that keeps the language. */
export function href(path: string, lang: string): string {
  if (lang === "en") return toBase(path);
  return `${toBase(path)}${path.includes("?") ? "&" : "?"}lang=${lang}`;
}
