/**
 * @module site/build-site — a static build of the atlas: the web UI, a page for each of its routes, and
 * the API's answers to every GET the pages make that needs no live query, precomputed through the routes.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import pino from "pino";
import { InvalidArgumentError } from "../errors.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { SITE } from "../i18n/site-phrases.js";
import { createApp } from "../server/create-app.js";
import type { KbSource } from "../server/kb-source.js";
import { type StaticManifest, staticKey } from "./static-key.js";

export interface BuildSiteOptions {
  readonly kbSource: KbSource;
  /** The built web UI (web/dist). */
  readonly webRoot: string;
  /** The folder to write: new, empty, or a previous build (replaced whole). */
  readonly out: string;
  /** The path the site is served under (default `/`). */
  readonly base?: string;
  readonly version: string;
  /** The language of error messages. */
  readonly lang?: Lang;
}

export interface BuildSiteResult {
  readonly out: string;
  readonly base: string;
  /** HTML pages written (one per route of the UI). */
  readonly pages: number;
  /** Answers precomputed, per language. */
  readonly answers: number;
  /** GETs that could not be answered here (e.g. no CNCF landscape), left to a live server. */
  readonly skipped: readonly string[];
}

/** The UI's pages that take no parameter in their path (web/src/app.tsx). */
const PAGES = ["atlas", "lookup", "recommend", "design", "evolution", "matrices"] as const;
/** The matrix views the matrices page asks for besides the default (web/src/pages/matrices-page.tsx). */
const MATRIX_DIMENSIONS = ["X", "Z", "A", "O"] as const;

/** The base path, as `/x/y/`. */
function normalBase(base: string, lang: Lang): string {
  if (!base.startsWith("/") || /[\s?#"'<>\\]/.test(base)) throw new InvalidArgumentError(SITE.badBase(lang, { base }));
  return base.endsWith("/") ? base : `${base}/`;
}

/** Throws unless `out` may be written: missing, an empty folder, or a previous build. */
function checkOut(out: string, lang: Lang): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new InvalidArgumentError(SITE.notAFolder(lang, { dir: out }));
  if (readdirSync(out).length === 0) return;
  const manifest = join(out, "api", "manifest.json");
  let generator: unknown;
  try {
    generator = (JSON.parse(readFileSync(manifest, "utf8")) as { generator?: unknown }).generator;
  } catch {
    generator = undefined;
  }
  if (generator !== "stackatlas build-site") throw new InvalidArgumentError(SITE.notABuild(lang, { dir: out }));
}

/** index.html for the static site: its root-relative URLs under the base, and the two facts the UI reads. */
function siteIndex(html: string, base: string): string {
  const metas = `<meta name="stackatlas-base" content="${base}" />\n    <meta name="stackatlas-static" content="true" />\n    `;
  return html
    .replace(/(\s(?:src|href))="\/(?!\/)/g, `$1="${base}`)
    .replace(/<meta charset="utf-8" \/>\s*/, (m) => `${m}${metas}`);
}

/** The GETs whose answers the site holds: every one the pages make in a state a link can reach without a live query. */
async function staticRequests(fetchJson: (key: string) => Promise<unknown>, kbSource: KbSource): Promise<string[]> {
  const kb = kbSource.current();
  const keys = [
    "/api/graph",
    "/api/dimensions",
    "/api/scenarios",
    "/api/timeline",
    "/api/technologies",
    "/api/diagnose/matrix",
    "/api/predict/backtest",
    "/api/analyze",
    ...MATRIX_DIMENSIONS.map((d) => staticKey("/api/analyze", { matrixDimension: d })),
  ];
  for (const id of kb.technologies.keys()) keys.push(`/api/technologies/${encodeURIComponent(id)}`);
  for (const id of kb.scenarios.keys()) {
    const s = encodeURIComponent(id);
    keys.push(`/api/scenarios/${s}`, `/api/path/${s}`, `/api/predict/scenarios/${s}`);
  }
  for (const coordinate of await recordedCoordinates(fetchJson, kbSource)) {
    keys.push(staticKey("/api/lookup", { coordinate }));
  }
  return keys;
}

/** The coordinate of every recorded stack (reference stacks and cases), as the scenario analyses write them. */
async function recordedCoordinates(
  fetchJson: (key: string) => Promise<unknown>,
  kbSource: KbSource,
): Promise<string[]> {
  const found = new Set<string>();
  for (const id of kbSource.current().scenarios.keys()) {
    const a = (await fetchJson(`/api/scenarios/${encodeURIComponent(id)}`)) as {
      stacks?: { coordinate?: { text?: string } }[];
    } | null;
    for (const s of a?.stacks ?? []) if (s.coordinate?.text) found.add(s.coordinate.text);
  }
  return [...found].sort();
}

/**
 * Writes the static atlas into `out`, atomically: everything is written into a new folder beside it,
 * which then takes its place. Refuses (writing nothing) a folder that is neither empty nor a previous build.
 * @example await buildSite({ kbSource, webRoot: "web/dist", out: "site", base: "/atlas/", version: "0.1.0" })
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const lang = options.lang ?? "en";
  const out = resolve(options.out);
  const base = normalBase(options.base ?? "/", lang);
  checkOut(out, lang);
  const indexFile = join(options.webRoot, "index.html");
  if (!existsSync(indexFile)) throw new InvalidArgumentError(SITE.noWebUi(lang, { dir: options.webRoot }));

  const app = createApp({ kbSource: options.kbSource, logger: pino({ level: "silent" }), cache: false });
  const get = async (key: string, l: Lang): Promise<{ ok: boolean; text: string }> => {
    const res = await app.request(`http://site.local${key}${key.includes("?") ? "&" : "?"}lang=${l}`, {
      headers: { accept: "application/json" },
    });
    return { ok: res.ok, text: await res.text() };
  };
  const fetchJson = async (key: string): Promise<unknown> => {
    const r = await get(key, "en");
    return r.ok ? JSON.parse(r.text) : null;
  };

  mkdirSync(dirname(out), { recursive: true });
  const tmp = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    cpSync(options.webRoot, tmp, { recursive: true });
    const index = siteIndex(readFileSync(indexFile, "utf8"), base);
    writeFileSync(join(tmp, "index.html"), index);
    // GitHub Pages and others answer an unknown path with 404.html: the UI, which says "no such page".
    writeFileSync(join(tmp, "404.html"), index);
    const routes = [...PAGES, ...[...options.kbSource.current().technologies.keys()].map((id) => `technology/${id}`)];
    for (const route of routes) {
      mkdirSync(join(tmp, route), { recursive: true });
      writeFileSync(join(tmp, route, "index.html"), index);
    }

    const requested = await staticRequests(fetchJson, options.kbSource);
    const keys: string[] = [];
    const skipped: string[] = [];
    for (const l of LANGS) mkdirSync(join(tmp, "api", l), { recursive: true });
    for (const key of requested) {
      const answers = await Promise.all(LANGS.map((l) => get(key, l)));
      if (answers.some((a) => !a.ok)) {
        skipped.push(key);
        continue;
      }
      const i = keys.length;
      keys.push(key);
      for (const [n, l] of LANGS.entries()) writeFileSync(join(tmp, "api", l, `${i}.json`), answers[n]!.text);
    }
    const manifest: StaticManifest = {
      generator: "stackatlas build-site",
      version: options.version,
      builtAt: new Date().toISOString(),
      base,
      keys,
      coordinates: keys
        .filter((k) => k.startsWith("/api/lookup?"))
        .map((k) => new URLSearchParams(k.slice(k.indexOf("?") + 1)).get("coordinate") ?? ""),
    };
    writeFileSync(join(tmp, "api", "manifest.json"), `${JSON.stringify(manifest)}\n`);

    // The swap: the old build (if any) moves aside, the new one takes its name, the old one goes.
    const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
    return { out, base, pages: routes.length + 1, answers: keys.length, skipped };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
