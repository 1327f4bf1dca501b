/** @module server/landscape-source — the CNCF landscape the time routes read: found, read once, fitted once per knowledge base. */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { AtlasError, NotFoundError } from "../errors.js";
import { backtestProjects, type ProjectBacktest } from "../evolution/backtest-projects.js";
import { type ProjectPredictions, predictProjects } from "../evolution/predict-projects.js";
import { type ProjectHistory, projectHistories } from "../evolution/project-histories.js";
import { landscapePath } from "../kb/import/default-landscape-path.js";
import { importLandscape, type LandscapeImport } from "../kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../kb/import/load-landscape-mapping.js";
import { type LandscapeItem, readLandscape } from "../kb/import/read-landscape.js";
import type { Kb } from "../kb/kb.js";

/**
 * The landscape file is absent or unusable: the operation cannot be answered by this server as it is
 * configured (HTTP 503). The message says how to fix it without naming the server's paths.
 */
export class LandscapeUnavailableError extends Error {
  override readonly name = "LandscapeUnavailableError";
  readonly code = "LANDSCAPE_UNAVAILABLE";
}

/** Most fitted answers kept per knowledge base (the `asOf` and `cutoff` a client sends are open-ended). */
const MAX_FITS = 32;

/** What the landscape gives the routes; every method throws {@link LandscapeUnavailableError} without a usable file. */
export interface LandscapeSource {
  /** The CNCF projects' dated histories, matched to the knowledge base's technologies. */
  histories(kb: Kb): readonly ProjectHistory[];
  /** The landscape merged with the knowledge base, in memory (for the timeline). */
  merged(kb: Kb): LandscapeImport;
  /** Every project's forecast for every event (unfiltered), fitted once per knowledge base, years and day. */
  predictions(kb: Kb, years: number, asOf?: string): ProjectPredictions;
  /** The project model's backtest, fitted once per knowledge base, cutoff and horizon. */
  backtest(kb: Kb, cutoff: string, horizon: string): ProjectBacktest;
}

export interface LandscapeSourceOptions {
  /** The landscape.yml to read; default `$STACKATLAS_LANDSCAPE`, else the snapshot that ships with the package (data/landscape/). */
  readonly file?: string;
}

interface Read {
  readonly file: string;
  readonly stamp: string;
  readonly items: readonly LandscapeItem[];
}

interface PerKb {
  readonly read: Read;
  histories?: readonly ProjectHistory[];
  merged?: LandscapeImport;
  readonly fits: Map<string, ProjectPredictions | ProjectBacktest>;
}

/**
 * The landscape as the server reads it: the file is looked for on every call (so one put in place later
 * is found), parsed again only when it changes, and the fitted project model is kept per knowledge-base
 * load (a reload starts afresh).
 * @example const landscape = createLandscapeSource({ file: process.env.STACKATLAS_LANDSCAPE });
 */
export function createLandscapeSource(options: LandscapeSourceOptions = {}): LandscapeSource {
  let read: Read | undefined;
  const perKb = new WeakMap<Kb, PerKb>();

  const items = (): Read => {
    let file: string;
    try {
      file = landscapePath(options.file);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const how =
        options.file !== undefined
          ? "the landscape file the server was started with does not exist"
          : process.env.STACKATLAS_LANDSCAPE
            ? "STACKATLAS_LANDSCAPE points at a file that does not exist"
            : "the landscape snapshot of the package (data/landscape/landscape.yml) is missing";
      throw new LandscapeUnavailableError(
        `this operation needs the CNCF landscape, which this server does not have: ${how}; restart it with STACKATLAS_LANDSCAPE=/path/to/landscape.yml`,
        { cause: error },
      );
    }
    const st = statSync(file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    if (read?.file === file && read.stamp === stamp) return read;
    try {
      read = { file, stamp, items: readLandscape(file) };
    } catch (error) {
      if (!(error instanceof AtlasError)) throw error;
      throw new LandscapeUnavailableError(
        `the CNCF landscape file this server reads (${basename(file)}) is not usable: ${error.message.split("\n")[0] ?? ""}`,
        { cause: error },
      );
    }
    return read;
  };

  const forKb = (kb: Kb): PerKb => {
    const r = items();
    let entry = perKb.get(kb);
    if (entry?.read !== r) {
      entry = { read: r, fits: new Map() };
      perKb.set(kb, entry);
    }
    return entry;
  };

  const fitted = <T extends ProjectPredictions | ProjectBacktest>(entry: PerKb, key: string, make: () => T): T => {
    const hit = entry.fits.get(key);
    if (hit) {
      entry.fits.delete(key);
      entry.fits.set(key, hit);
      return hit as T;
    }
    const value = make();
    entry.fits.set(key, value);
    if (entry.fits.size > MAX_FITS) entry.fits.delete(entry.fits.keys().next().value as string);
    return value;
  };

  const histories = (kb: Kb): readonly ProjectHistory[] => {
    const entry = forKb(kb);
    entry.histories ??= projectHistories(entry.read.items, kb);
    return entry.histories;
  };

  return {
    histories,
    merged(kb) {
      const entry = forKb(kb);
      entry.merged ??= importLandscape(kb, entry.read.items, loadLandscapeMapping(), {
        file: basename(entry.read.file),
      });
      return entry.merged;
    },
    predictions(kb, years, asOf) {
      const h = histories(kb);
      return fitted(forKb(kb), `predict:${years}:${asOf ?? ""}`, () =>
        predictProjects(h, { years, ...(asOf === undefined ? {} : { asOf }) }),
      );
    },
    backtest(kb, cutoff, horizon) {
      const h = histories(kb);
      return fitted(forKb(kb), `backtest:${cutoff}:${horizon}`, () => backtestProjects(h, { cutoff, horizon }));
    },
  };
}
