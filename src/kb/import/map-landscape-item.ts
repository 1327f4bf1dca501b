/** @module kb/import/map-landscape-item — the role and levels the mapping table gives a landscape item, or why it is skipped. */
import type { LandscapeMappingRule } from "../../model/landscape-mapping.js";
import type { Position, Role } from "../../model/technology.js";
import type { LandscapeMapping } from "./load-landscape-mapping.js";

/** Where the table places an item: its role and positions, and the rule that said so. */
export type LandscapePlacement =
  | { readonly kind: "placed"; readonly role: Role; readonly position: Position; readonly rule: number }
  | { readonly kind: "skipped"; readonly reason: string; readonly rule: number | null };

/**
 * The first rule of the table that matches the item's category (and subcategory, where the rule
 * names one) decides: a role and positions, or a reason to skip.
 * @example mapLandscapeItem(mapping, { category: "Wasm", subcategory: "Runtimes" }) // { kind: "placed", role: "runtime", position: { D: "L-4", A: "A5" }, … }
 */
export function mapLandscapeItem(
  mapping: { readonly rules: readonly LandscapeMappingRule[] } | LandscapeMapping,
  item: { readonly category: string; readonly subcategory: string },
): LandscapePlacement {
  const i = mapping.rules.findIndex(
    (r) => r.category === item.category && (r.subcategory === undefined || r.subcategory === item.subcategory),
  );
  const rule = mapping.rules[i];
  if (rule === undefined)
    return { kind: "skipped", reason: `no mapping rule for "${item.category} / ${item.subcategory}"`, rule: null };
  if (rule.skip !== undefined || rule.role === undefined)
    return { kind: "skipped", reason: rule.skip ?? "skipped by the mapping table", rule: i };
  return { kind: "placed", role: rule.role, position: rule.position ?? {}, rule: i };
}
