/** @module kb/import/import-landscape — merge CNCF landscape items with the curated knowledge base: curated wins, disagreements reported. */
import type { Position, Role } from "../../model/technology.js";
import type { CompiledTechnology, Kb } from "../kb.js";
import { normalizeName } from "../normalize-name.js";
import type { LandscapeProblem } from "./invalid-landscape-error.js";
import type { LandscapeMapping } from "./load-landscape-mapping.js";
import { mapLandscapeItem } from "./map-landscape-item.js";
import { LANDSCAPE_STAGES, type LandscapeItem, type LandscapeMaturity, type LandscapeStage } from "./read-landscape.js";

/** CNCF standing of an item: maturity and dated stages. */
export interface ImportedCncf {
  readonly maturity: LandscapeMaturity;
  readonly dates: { readonly [K in LandscapeStage]?: string };
}

/** A landscape item the curated knowledge base does not have, placed by the mapping table. */
export interface ImportedTechnology {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly position: Position;
  readonly category: string;
  readonly subcategory: string;
  readonly cncf?: ImportedCncf;
  readonly homepage?: string;
  /** Line of the item in landscape.yml. */
  readonly line: number;
}

/** A landscape item matched to a curated technology; the curated record wins. */
export interface MergedItem {
  readonly name: string;
  readonly technology: string;
  /** How it matched: the curated cncf.landscapeName, its English name, an alias or its id. */
  readonly by: "landscapeName" | "name" | "alias" | "id";
  readonly category: string;
  readonly subcategory: string;
  readonly cncf?: ImportedCncf;
  readonly line: number;
}

export interface SkippedItem {
  readonly name: string;
  readonly category: string;
  readonly subcategory: string;
  readonly reason: string;
  readonly line: number;
  /** A name listed again: the listing kept instead, as `category / subcategory` (the reason's parameter). */
  readonly takenFrom?: string;
}

/** A point where the landscape and the curated knowledge base disagree (curated wins). */
export interface ImportDisagreement {
  readonly code:
    | "CNCF_DATE_DIFFERS"
    | "CNCF_MATURITY_DIFFERS"
    | "CNCF_ONLY_IN_LANDSCAPE"
    | "CNCF_ONLY_IN_KB"
    | "CNCF_PROJECT_NOT_FOUND"
    | "NAME_COLLISION";
  readonly technology?: string;
  readonly name: string;
  readonly line?: number;
  readonly message: string;
}

/** A problem of the merged result that would make it an invalid knowledge base. */
export interface ImportIssue {
  readonly code: "UNKNOWN_LEVEL" | "UNKNOWN_SCENARIO" | "UNKNOWN_DIMENSION";
  readonly name: string;
  readonly line: number;
  readonly message: string;
}

/** What `import cncf-landscape` did. Nothing of it is written into data/: it lives in memory (or a file the user names). */
export interface LandscapeImport {
  readonly file: string;
  readonly mapping: string;
  readonly counts: {
    readonly items: number;
    readonly withMaturity: number;
    readonly added: number;
    readonly merged: number;
    /** Curated technologies with a cncf block whose landscape item was found. */
    readonly mergedCncf: number;
    readonly skipped: number;
    readonly disagreements: number;
  };
  readonly added: readonly ImportedTechnology[];
  readonly merged: readonly MergedItem[];
  readonly skipped: readonly SkippedItem[];
  /** Skip reasons with how many items each. */
  readonly skippedBy: Readonly<Record<string, number>>;
  readonly disagreements: readonly ImportDisagreement[];
  /** Problems of the merged result (none: the merged knowledge base is valid). */
  readonly errors: readonly ImportIssue[];
  /** The landscape file's warnings (dates out of order, a maturity without its date). */
  readonly warnings: readonly LandscapeProblem[];
  readonly valid: boolean;
}

export interface ImportLandscapeOptions {
  readonly file?: string;
  readonly warnings?: readonly LandscapeProblem[];
  /** Called as items are merged (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Merges landscape items into the curated knowledge base's view: each item is matched to a curated
 * technology (by cncf.landscapeName, English name, alias or id — the curated record wins and any
 * difference in CNCF maturity or dates is reported), or placed by the mapping table as an added
 * technology, or skipped with the reason. A name listed in several categories is taken once (its
 * first placed listing, preferring the one with a CNCF maturity).
 * @example const r = importLandscape(kb, readLandscape(file), loadLandscapeMapping()); r.counts.mergedCncf
 */
export function importLandscape(
  kb: Kb,
  items: readonly LandscapeItem[],
  mapping: LandscapeMapping,
  options: ImportLandscapeOptions = {},
): LandscapeImport {
  const index = curatedIndex(kb);
  const added: ImportedTechnology[] = [];
  const merged: MergedItem[] = [];
  const skipped: SkippedItem[] = [];
  const disagreements: ImportDisagreement[] = [];
  const errors: ImportIssue[] = [];
  const usedIds = new Set(kb.technologies.keys());
  const matchedItems = new Map<string, LandscapeItem[]>();

  // Pick one listing per name: the CNCF one if any, else the first the table places.
  const byName = new Map<string, LandscapeItem[]>();
  for (const item of items) {
    const k = normalizeName(item.name);
    const list = byName.get(k);
    if (list) list.push(item);
    else byName.set(k, [item]);
  }
  const chosen = new Set<LandscapeItem>();
  for (const list of byName.values()) {
    const pick =
      list.find((i) => i.project !== undefined) ??
      list.find((i) => mapLandscapeItem(mapping, i).kind === "placed") ??
      list[0]!;
    chosen.add(pick);
  }

  const total = items.length;
  items.forEach((item, n) => {
    if (options.onProgress && (n % 100 === 0 || n === total - 1)) options.onProgress(n + 1, total);
    const base = { name: item.name, category: item.category, subcategory: item.subcategory, line: item.line };
    if (!chosen.has(item)) {
      const first = (byName.get(normalizeName(item.name)) ?? []).find((i) => chosen.has(i));
      const takenFrom = `${first?.category} / ${first?.subcategory}`;
      skipped.push({ ...base, reason: `listed again: taken from "${takenFrom}"`, takenFrom });
      return;
    }
    const cncf: ImportedCncf | undefined =
      item.project === undefined ? undefined : { maturity: item.project, dates: item.dates };
    const match = index.match(item.name);
    if (match) {
      merged.push({ ...base, technology: match.technology.id, by: match.by, ...(cncf ? { cncf } : {}) });
      const list = matchedItems.get(match.technology.id);
      if (list) list.push(item);
      else matchedItems.set(match.technology.id, [item]);
      return;
    }
    const placement = mapLandscapeItem(mapping, item);
    if (placement.kind === "skipped") {
      skipped.push({ ...base, reason: placement.reason });
      return;
    }
    let id = slug(item.name);
    if (usedIds.has(id)) {
      const curated = kb.technologies.get(id);
      if (curated)
        disagreements.push({
          code: "NAME_COLLISION",
          technology: curated.id,
          name: item.name,
          line: item.line,
          message: `"${item.name}" would take the id "${id}" of the curated ${curated.names.en}, which it does not match by name: imported as "${id}-cncf"`,
        });
      let k = 2;
      const stem = curated ? `${id}-cncf` : id;
      id = stem;
      while (usedIds.has(id)) id = `${stem}-${k++}`;
    }
    usedIds.add(id);
    errors.push(...checkPosition(kb, item, placement.position));
    added.push({
      id,
      name: item.name,
      role: placement.role,
      position: placement.position,
      category: item.category,
      subcategory: item.subcategory,
      ...(cncf ? { cncf } : {}),
      ...(item.homepage_url ? { homepage: item.homepage_url } : {}),
      line: item.line,
    });
  });

  // Compare CNCF standing once per curated technology, with its CNCF listing where it has several.
  for (const [id, list] of matchedItems) {
    const t = kb.technologies.get(id)!;
    disagreements.push(...compareCncf(t, list.find((i) => i.project !== undefined) ?? list[0]!));
  }
  for (const t of kb.technologies.values()) {
    // A sub-project often has no landscape item of its own: its parent's item speaks for it.
    if (t.cncf === undefined || t.cncf.parent !== undefined || matchedItems.has(t.id)) continue;
    disagreements.push({
      code: "CNCF_PROJECT_NOT_FOUND",
      technology: t.id,
      name: t.cncf.landscapeName ?? t.names.en,
      message: `${t.id} is curated as CNCF ${t.cncf.maturity}, but the landscape lists no "${t.cncf.landscapeName ?? t.names.en}"`,
    });
  }

  const skippedBy: Record<string, number> = {};
  for (const s of skipped) skippedBy[s.reason] = (skippedBy[s.reason] ?? 0) + 1;
  const mergedCncf = [...matchedItems.keys()].filter((id) => kb.technologies.get(id)?.cncf !== undefined).length;
  return {
    file: options.file ?? "landscape.yml",
    mapping: mapping.file,
    counts: {
      items: items.length,
      withMaturity: items.filter((i) => i.project !== undefined).length,
      added: added.length,
      merged: merged.length,
      mergedCncf,
      skipped: skipped.length,
      disagreements: disagreements.length,
    },
    added,
    merged,
    skipped,
    skippedBy,
    disagreements,
    errors,
    warnings: options.warnings ?? [],
    valid: errors.length === 0,
  };
}

type MatchBy = MergedItem["by"];

function curatedIndex(kb: Kb) {
  const by = new Map<string, { technology: CompiledTechnology; by: MatchBy; rank: number }>();
  const put = (name: string, technology: CompiledTechnology, how: MatchBy, rank: number) => {
    const k = normalizeName(name);
    const seen = by.get(k);
    if (seen === undefined || rank < seen.rank) by.set(k, { technology, by: how, rank });
  };
  for (const t of kb.technologies.values()) {
    if (t.cncf?.landscapeName) put(t.cncf.landscapeName, t, "landscapeName", 0);
    // A curated CNCF project claims its English name before any other technology's alias.
    put(t.names.en, t, "name", t.cncf ? 1 : 2);
    for (const a of t.aliases) put(a, t, "alias", 3);
    put(t.id, t, "id", 4);
  }
  return {
    match(name: string): { technology: CompiledTechnology; by: MatchBy } | undefined {
      return by.get(normalizeName(name));
    },
  };
}

function compareCncf(t: CompiledTechnology, item: LandscapeItem): ImportDisagreement[] {
  const out: ImportDisagreement[] = [];
  const c = t.cncf;
  const base = { technology: t.id, name: item.name, line: item.line };
  if (c === undefined) {
    if (item.project !== undefined)
      out.push({
        ...base,
        code: "CNCF_ONLY_IN_LANDSCAPE",
        message: `${t.id}: the landscape says CNCF ${item.project} (accepted ${item.dates.accepted ?? "?"}), the curated record has no cncf block`,
      });
    return out;
  }
  if (item.project === undefined) {
    // The landscape lists a sub-project (parent_project) without a maturity: the curated record
    // repeats its parent's standing, which is not a disagreement.
    if (c.parent !== undefined) return out;
    out.push({
      ...base,
      code: "CNCF_ONLY_IN_KB",
      message: `${t.id}: curated as CNCF ${c.maturity}, but this landscape item carries no maturity`,
    });
    return out;
  }
  if (item.project !== c.maturity)
    out.push({
      ...base,
      code: "CNCF_MATURITY_DIFFERS",
      message: `${t.id}: curated maturity ${c.maturity}, landscape says ${item.project} (curated kept)`,
    });
  for (const stage of LANDSCAPE_STAGES) {
    if (c[stage] !== item.dates[stage])
      out.push({
        ...base,
        code: "CNCF_DATE_DIFFERS",
        message: `${t.id}: ${stage} ${c[stage] ?? "absent"} in the curated record, ${item.dates[stage] ?? "absent"} in the landscape (curated kept)`,
      });
  }
  return out;
}

function checkPosition(kb: Kb, item: LandscapeItem, position: Position): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const [key, value] of Object.entries(position)) {
    if (value === undefined) continue;
    const dim = kb.dimension(key);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (!dim) {
        out.push({ code: "UNKNOWN_DIMENSION", name: item.name, line: item.line, message: `no dimension ${key}` });
      } else if (dim.valuesFrom === "scenarios") {
        if (!kb.scenarios.has(v))
          out.push({ code: "UNKNOWN_SCENARIO", name: item.name, line: item.line, message: `no scenario "${v}"` });
      } else if (!dim.levelByCode.has(v)) {
        out.push({ code: "UNKNOWN_LEVEL", name: item.name, line: item.line, message: `${v} is no level of ${key}` });
      }
    }
  }
  return out;
}

/** A kebab-case id from a landscape name ("Open Policy Agent (OPA)" → "open-policy-agent-opa"). */
function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "item" : s;
}
