/** @module kb/import/read-landscape — read the CNCF landscape.yml (legacy layout) into a flat list of located items. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import { NotFoundError } from "../../errors.js";
import type { Lang } from "../../i18n/lang.js";
import { LANDSCAPE } from "../../i18n/time-phrases.js";
import { InvalidLandscapeError, type LandscapeProblem, type LandscapeProblemCode } from "./invalid-landscape-error.js";

/** CNCF maturity as the landscape writes it in `project:`. */
export type LandscapeMaturity = "sandbox" | "incubating" | "graduated" | "archived";

/** The CNCF stages that carry a date in `extra`, in the order a project passes them. */
export const LANDSCAPE_STAGES = ["accepted", "incubating", "graduated", "archived"] as const;
export type LandscapeStage = (typeof LANDSCAPE_STAGES)[number];

/** One landscape item, flattened. */
export interface LandscapeItem {
  readonly name: string;
  readonly category: string;
  readonly subcategory: string;
  /** The CNCF maturity, for CNCF projects only. */
  readonly project?: LandscapeMaturity;
  /** CNCF dates ('YYYY-MM-DD'), from `extra`. */
  readonly dates: { readonly [K in LandscapeStage]?: string };
  readonly homepage_url?: string;
  readonly repo_url?: string;
  readonly description?: string;
  /** Other places the item is listed, "Category / Subcategory". */
  readonly second_path: readonly string[];
  /** Where the item starts in the file (1-based). */
  readonly line: number;
}

/** The answer of {@link safeParseLandscape}: the items, or every error; warnings either way. */
export type SafeParseLandscapeResult =
  | { readonly ok: true; readonly items: LandscapeItem[]; readonly warnings: readonly LandscapeProblem[] }
  | {
      readonly ok: false;
      readonly errors: readonly LandscapeProblem[];
      readonly warnings: readonly LandscapeProblem[];
    };

const MATURITIES: ReadonlySet<string> = new Set(["sandbox", "incubating", "graduated", "archived"]);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a landscape.yml file (cncf/landscape, legacy layout `landscape[].subcategories[].items[]`,
 * with null `category:`/`subcategory:`/`item:` marker keys) into its items, in file order. Throws
 * {@link NotFoundError} when the file is absent and {@link InvalidLandscapeError} (every problem with
 * its line) when it is no usable landscape. It is a large third-party file: the data-file size limit
 * does not apply. The errors' frame is worded in `lang` (each problem's own message stays English).
 * @example readLandscape("data/landscape/landscape.yml").find((i) => i.name === "Kubernetes")
 */
export function readLandscape(path: string, lang: Lang = "en"): LandscapeItem[] {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new NotFoundError(LANDSCAPE.noFile(lang, { where: "import", path }));
  return parseLandscape(readFileSync(path, "utf8"), path, lang);
}

/**
 * Parses landscape.yml text; throws {@link InvalidLandscapeError} when the text is not a usable landscape.
 * @example parseLandscape("landscape:\n  - category:\n    name: A\n    subcategories: []\n") // []
 */
export function parseLandscape(text: string, file = "landscape.yml", lang: Lang = "en"): LandscapeItem[] {
  const r = safeParseLandscape(text, file);
  if (!r.ok) throw new InvalidLandscapeError(file, [...r.errors, ...r.warnings], lang);
  return r.items;
}

/**
 * Parses landscape.yml text without throwing: malformed YAML, a wrong layout, malformed dates, an
 * unknown maturity and a name listed twice in one subcategory are errors; dates out of order and a
 * maturity without its date are warnings. Each problem carries its line and column.
 * @example const r = safeParseLandscape(text); if (!r.ok) r.errors.forEach((e) => console.error(e.line, e.message));
 */
export function safeParseLandscape(text: string, file = "landscape.yml"): SafeParseLandscapeResult {
  const lineCounter = new LineCounter();
  // The landscape uses no aliases; keep a small alias guard anyway.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: LandscapeProblem[] = [];
  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const report = (
    code: LandscapeProblemCode,
    node: Node | null | undefined,
    path: string,
    message: string,
    severity: "error" | "warning" = "error",
  ) => problems.push({ code, severity, file, ...at(node), path, message });

  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({
      code: e.code === "DUPLICATE_KEY" ? "LANDSCAPE_DUPLICATE" : "LANDSCAPE_YAML",
      severity: "error",
      file,
      line: pos.line,
      column: pos.col,
      path: "",
      message: e.message.split("\n")[0] ?? e.message,
    });
  }
  const items: LandscapeItem[] = [];
  if (doc.errors.length > 0) return finish(items, problems);

  const root = doc.contents;
  const categories = isMap(root) ? get(root, "landscape") : undefined;
  if (!isSeq(categories)) {
    report("LANDSCAPE_LAYOUT", root, "landscape", "not a CNCF landscape: no top-level `landscape:` list");
    return finish(items, problems);
  }
  categories.items.forEach((cat, ci) => {
    const cpath = `landscape[${ci}]`;
    const category = isMap(cat) ? text1(get(cat, "name")) : undefined;
    if (!isMap(cat) || category === undefined) {
      report("LANDSCAPE_LAYOUT", cat as Node, cpath, "a category needs a `name:`");
      return;
    }
    const subs = get(cat, "subcategories");
    if (!isSeq(subs)) {
      report(
        "LANDSCAPE_LAYOUT",
        cat,
        `${cpath}.subcategories`,
        `category "${category}" has no \`subcategories:\` list`,
      );
      return;
    }
    subs.items.forEach((sub, si) => {
      const spath = `${cpath}.subcategories[${si}]`;
      const subcategory = isMap(sub) ? text1(get(sub, "name")) : undefined;
      if (!isMap(sub) || subcategory === undefined) {
        report("LANDSCAPE_LAYOUT", sub as Node, spath, `a subcategory of "${category}" needs a \`name:\``);
        return;
      }
      const list = get(sub, "items");
      if (list === undefined || list === null || (isScalar(list) && list.value === null)) return;
      if (!isSeq(list)) {
        report(
          "LANDSCAPE_LAYOUT",
          list as Node,
          `${spath}.items`,
          `"${category} / ${subcategory}": \`items:\` is not a list`,
        );
        return;
      }
      const seen = new Map<string, number>();
      list.items.forEach((it, ii) => {
        const ipath = `${spath}.items[${ii}]`;
        const name = isMap(it) ? text1(get(it, "name")) : undefined;
        if (!isMap(it) || name === undefined) {
          report("LANDSCAPE_LAYOUT", it as Node, ipath, `an item of "${category} / ${subcategory}" needs a \`name:\``);
          return;
        }
        const line = at(it).line;
        const first = seen.get(name);
        if (first !== undefined) {
          report(
            "LANDSCAPE_DUPLICATE",
            it,
            ipath,
            `"${name}" is listed twice in "${category} / ${subcategory}" (first at line ${first})`,
          );
          return;
        }
        seen.set(name, line);
        const projectNode = get(it, "project");
        const project = text1(projectNode);
        if (projectNode !== undefined && project !== undefined && !MATURITIES.has(project))
          report(
            "LANDSCAPE_MATURITY",
            projectNode,
            `${ipath}.project`,
            `"${name}": project "${project}" is no CNCF maturity (sandbox, incubating, graduated, archived)`,
          );
        const extra = get(it, "extra");
        const dates: Partial<Record<LandscapeStage, string>> = {};
        if (isMap(extra)) {
          for (const stage of LANDSCAPE_STAGES) {
            const node = get(extra, stage);
            if (node === undefined) continue;
            const value = isScalar(node) ? node.value : undefined;
            const date = typeof value === "string" ? value : value instanceof Date ? undefined : String(value);
            if (date === undefined || !validDate(date)) {
              report(
                "LANDSCAPE_DATE",
                node,
                `${ipath}.extra.${stage}`,
                `"${name}": ${stage} ${JSON.stringify(date ?? value)} is not a date 'YYYY-MM-DD'`,
              );
              continue;
            }
            dates[stage] = date;
          }
          checkOrder(name, dates, (stage, message) =>
            report("LANDSCAPE_DATE_ORDER", get(extra, stage), `${ipath}.extra.${stage}`, message, "warning"),
          );
        }
        const maturity = project !== undefined && MATURITIES.has(project) ? (project as LandscapeMaturity) : undefined;
        if (maturity !== undefined) {
          const needed: LandscapeStage = maturity === "sandbox" ? "accepted" : maturity;
          if (dates[needed] === undefined)
            report(
              "LANDSCAPE_DATE",
              projectNode,
              `${ipath}.extra.${needed}`,
              `"${name}" is CNCF ${maturity} but has no extra.${needed} date`,
              "warning",
            );
        }
        const second = get(it, "second_path");
        const homepage = text1(get(it, "homepage_url"));
        const repo = text1(get(it, "repo_url"));
        const description = text1(get(it, "description"));
        items.push({
          name,
          category,
          subcategory,
          ...(maturity === undefined ? {} : { project: maturity }),
          dates,
          ...(homepage === undefined ? {} : { homepage_url: homepage }),
          ...(repo === undefined ? {} : { repo_url: repo }),
          ...(description === undefined ? {} : { description }),
          second_path: isSeq(second)
            ? second.items.map((s) => text1(s as Node)).filter((s): s is string => s !== undefined)
            : [],
          line,
        });
      });
    });
  });
  return finish(items, problems);
}

function finish(items: LandscapeItem[], problems: readonly LandscapeProblem[]): SafeParseLandscapeResult {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, items, warnings };
}

function checkOrder(
  name: string,
  dates: Partial<Record<LandscapeStage, string>>,
  warn: (stage: LandscapeStage, message: string) => void,
): void {
  let prev: { stage: LandscapeStage; date: string } | undefined;
  for (const stage of ["accepted", "incubating", "graduated"] as const) {
    const date = dates[stage];
    if (date === undefined) continue;
    if (prev !== undefined && date < prev.date)
      warn(stage, `"${name}": ${stage} ${date} is before ${prev.stage} ${prev.date}`);
    prev = { stage, date };
  }
  if (dates.archived !== undefined && dates.accepted !== undefined && dates.archived < dates.accepted)
    warn("archived", `"${name}": archived ${dates.archived} is before accepted ${dates.accepted}`);
}

/** A calendar date that exists ('2021-02-30' does not). */
function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

// Linear scan: a landscape mapping has a handful of keys, and YAMLMap.get would build a key node per call.
function get(map: YAMLMap, key: string): Node | null | undefined {
  for (const pair of map.items) {
    const k = pair.key;
    if ((isScalar(k) ? k.value : k) === key) return pair.value as Node | null;
  }
  return undefined;
}

function text1(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}
