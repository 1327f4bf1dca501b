/**
 * @module web/lib/site — where the UI is hosted: its base path, and whether it is a static build
 * (`stackatlas build-site`) whose answers are files, not a live server.
 */
import { type StaticManifest, staticKey } from "../../../src/site/static-key.js";

const meta = (name: string): string | undefined =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? undefined;

/** The path the UI lives under, ending with `/` (`/` when served by `stackatlas serve`). */
export const BASE: string = meta("stackatlas-base") ?? "/";

/** True in a static build: GETs are read from precomputed files, and nothing is computed live. */
export const IS_STATIC: boolean = meta("stackatlas-static") === "true";

let manifest: Promise<StaticManifest> | undefined;

/** The static build's manifest (fetched once). */
export function staticManifest(): Promise<StaticManifest> {
  manifest ??= fetch(`${BASE}api/manifest.json`, { headers: { Accept: "application/json" } }).then(
    (r) => r.json() as Promise<StaticManifest>,
  );
  return manifest;
}

type Params = Readonly<Record<string, string | number | boolean | readonly string[] | undefined | null>>;

/** The file of a GET's answer in the static build, or undefined when the build does not hold it. */
export async function staticFile(path: string, params: Params, lang: string): Promise<string | undefined> {
  const m = await staticManifest();
  const i = m.keys.indexOf(staticKey(path, params));
  return i < 0 ? undefined : `${BASE}api/${lang}/${i}.json`;
}
