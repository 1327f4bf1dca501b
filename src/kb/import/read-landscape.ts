/** @module kb/import/read-landscape — read the CNCF landscape.yml (legacy layout) into a flat list of items. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** CNCF maturity as the landscape writes it in `project:`. */
export type LandscapeMaturity = "sandbox" | "incubating" | "graduated" | "archived";

/** One landscape item, flattened. */
export interface LandscapeItem {
  readonly name: string;
  readonly category: string;
  readonly subcategory: string;
  /** The CNCF maturity, for CNCF projects only. */
  readonly project?: LandscapeMaturity;
  /** CNCF dates ('YYYY-MM-DD'), from `extra`. */
  readonly dates: {
    readonly accepted?: string;
    readonly incubating?: string;
    readonly graduated?: string;
    readonly archived?: string;
  };
  readonly homepage_url?: string;
  readonly repo_url?: string;
  readonly description?: string;
  /** Other places the item is listed, "Category / Subcategory". */
  readonly second_path: readonly string[];
}

/**
 * Reads a landscape.yml file (cncf/landscape, legacy layout `landscape[].subcategories[].items[]`,
 * with null `category:`/`subcategory:`/`item:` marker keys) into its items, in file order. It is a
 * large third-party file: the data-file size limit does not apply.
 * @example readLandscape("../shared/data/cncf-landscape/landscape.yml").find((i) => i.name === "Kubernetes")
 */
export function readLandscape(path: string): LandscapeItem[] {
  return parseLandscape(readFileSync(path, "utf8"));
}

/**
 * Parses landscape.yml text; throws when the text is not a landscape.
 * @example parseLandscape("landscape:\n  - category:\n    name: A\n    subcategories: []\n") // []
 */
export function parseLandscape(text: string): LandscapeItem[] {
  // The landscape uses no aliases; keep the default alias guard anyway.
  const root: unknown = parse(text, { maxAliasCount: 100 });
  const categories = field(root, "landscape");
  if (!Array.isArray(categories)) throw new Error("not a CNCF landscape: no top-level `landscape:` list");
  const items: LandscapeItem[] = [];
  for (const cat of categories) {
    const category = str(field(cat, "name")) ?? "";
    const subs = field(cat, "subcategories");
    if (!Array.isArray(subs)) continue;
    for (const sub of subs) {
      const subcategory = str(field(sub, "name")) ?? "";
      const list = field(sub, "items");
      if (!Array.isArray(list)) continue;
      for (const it of list) {
        const name = str(field(it, "name"));
        if (name === undefined) continue;
        const extra = field(it, "extra");
        const project = str(field(it, "project"));
        const dates: Record<string, string> = {};
        for (const k of ["accepted", "incubating", "graduated", "archived"]) {
          const v = field(extra, k);
          // Dates are quoted in the landscape; an unquoted one would arrive as a string too (YAML 1.2 core).
          if (typeof v === "string") dates[k] = v;
        }
        const second = field(it, "second_path");
        const homepage = str(field(it, "homepage_url"));
        const repo = str(field(it, "repo_url"));
        const description = str(field(it, "description"));
        items.push({
          name,
          category,
          subcategory,
          ...(isMaturity(project) ? { project } : {}),
          dates,
          ...(homepage === undefined ? {} : { homepage_url: homepage }),
          ...(repo === undefined ? {} : { repo_url: repo }),
          ...(description === undefined ? {} : { description }),
          second_path: Array.isArray(second) ? second.filter((s): s is string => typeof s === "string") : [],
        });
      }
    }
  }
  return items;
}

function field(x: unknown, key: string): unknown {
  return typeof x === "object" && x !== null && Object.hasOwn(x, key) ? (x as Record<string, unknown>)[key] : undefined;
}

function str(x: unknown): string | undefined {
  return typeof x === "string" ? x : undefined;
}

function isMaturity(x: string | undefined): x is LandscapeMaturity {
  return x === "sandbox" || x === "incubating" || x === "graduated" || x === "archived";
}
