/**
 * @module web/lib/api — the UI's only way to the knowledge base: the typed client of the HTTP API. A call names
 * its route as the contract does (`"POST /api/migrate"`); its query, body and answer are the types the server's
 * schemas give that route (web/lib/api-contract). Errors come back as ApiError.
 */
import type { Answer, ApiRoutes, Body, ErrorAnswer, PathParams, QueryValue, Route } from "./api-contract.js";
import { ApiError } from "./api-error.js";
import type { Lang } from "./i18n.js";
import { IS_STATIC, staticFile } from "./site.js";

type Params = Readonly<Record<string, QueryValue>>;

/** The path of a route key: `"GET /api/technologies/{id}"` → `"/api/technologies/{id}"`. */
type PathOf<R extends Route> = R extends `${string} ${infer P}` ? P : never;

/** What a call of route R takes besides its route: the path's parameters, the query, the body (POST). */
export interface CallOptions<R extends Route> {
  readonly lang?: Lang;
  readonly path?: PathParams<PathOf<R>>;
  readonly query?: ApiRoutes[R]["query"];
  readonly body?: Body<R>;
  readonly signal?: AbortSignal;
}

/** The URL path of a route with its parameters filled in: `/api/technologies/wasmedge`. */
function routePath<R extends Route>(route: R, path?: PathParams<PathOf<R>>): string {
  const template = route.slice(route.indexOf(" ") + 1);
  const values = (path ?? {}) as Readonly<Record<string, string>>;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(values[k] ?? ""));
}

/** `/api/x?a=1&b=2&b=3`, skipping empty values. */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response, path: string): Promise<ApiError> {
  let body: Partial<ErrorAnswer> | undefined;
  try {
    body = (await res.json()) as Partial<ErrorAnswer>;
  } catch {
    body = undefined;
  }
  const e = body?.error;
  return new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? `${res.status} ${res.statusText}`,
    e?.issues ?? [],
    e?.suggestions ?? [],
    path,
  );
}

const prefetched = new Map<string, Promise<Response>>();

/**
 * Starts a GET before the page that needs it has loaded (the atlas's graph, while its code downloads);
 * the first `api()` call for the same URL takes the answer.
 * @example prefetch("/api/graph", "en")
 */
export function prefetch(path: string, lang: Lang): void {
  if (IS_STATIC) return;
  const url = apiUrl(path, { lang });
  if (!prefetched.has(url)) prefetched.set(url, fetch(url, { headers: { Accept: "application/json" } }));
}

/**
 * Calls a route of the API in the UI's language; throws ApiError on any non-2xx answer.
 * @example const t = await api("GET /api/technologies/{id}", { path: { id: "wasmedge" }, lang: "zh" });
 */
export function api<R extends Route>(route: R, options: CallOptions<R> = {}): Promise<Answer<R>> {
  const path = routePath(route, options.path);
  const params: Params = options.query ?? {};
  return request<Answer<R>>(path, { ...options, params });
}

/**
 * A GET whose answer is text (an export as CSV, Mermaid, DOT or Cypher), in the UI's language.
 * @example const mmd = await apiText("/api/export", { as: "mermaid", stack: "K3s + WasmEdge" }, "en");
 */
export async function apiText(path: "/api/export", params: Params, lang: Lang, signal?: AbortSignal): Promise<string> {
  if (IS_STATIC) throw new ApiError(0, NEEDS_SERVER, "this answer is computed live", [], [], path);
  let res: Response;
  try {
    res = await fetch(apiUrl(path, { ...params, lang }), signal ? { signal } : {});
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "the server could not be reached", [], [], path);
  }
  if (!res.ok) throw await toError(res, path);
  return res.text();
}

async function request<T>(
  path: string,
  options: { lang?: Lang | undefined; params?: Params; body?: unknown; signal?: AbortSignal | undefined },
): Promise<T> {
  if (IS_STATIC) return staticAnswer<T>(path, options);
  const url = apiUrl(path, { ...options.params, lang: options.lang });
  let res: Response;
  const early = options.body === undefined ? prefetched.get(url) : undefined;
  if (early) prefetched.delete(url);
  try {
    res = early
      ? await early
      : await fetch(url, {
          method: options.body === undefined ? "GET" : "POST",
          headers:
            options.body === undefined
              ? { Accept: "application/json" }
              : { Accept: "application/json", "Content-Type": "application/json" },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          ...(options.signal ? { signal: options.signal } : {}),
        });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", "the server could not be reached", [], [], path);
  }
  if (!res.ok) throw await toError(res, path);
  return (await res.json()) as T;
}

/** The code of the error a static build answers with for what only a live server computes. */
export const NEEDS_SERVER = "NEEDS_SERVER";

/**
 * A static build's answer: the precomputed file of a GET the build holds; anything else (a POST, a GET
 * the build did not compute) fails at once with {@link NEEDS_SERVER}, without a request that must fail.
 */
async function staticAnswer<T>(
  path: string,
  options: { lang?: Lang | undefined; params?: Params; body?: unknown; signal?: AbortSignal | undefined },
): Promise<T> {
  const file =
    options.body === undefined ? await staticFile(path, options.params ?? {}, options.lang ?? "en") : undefined;
  if (file === undefined) throw new ApiError(0, NEEDS_SERVER, "this answer is computed live", [], [], path);
  const res = await fetch(file, {
    headers: { Accept: "application/json" },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!res.ok) throw await toError(res, path);
  return (await res.json()) as T;
}
