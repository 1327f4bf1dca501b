/** @module observability/localisation-matrix — localisation = O1 × O2 as a matrix: horizontal signals × layers. */
import { type Lang, localText } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import { productRule, requireDiagnostics, type Sourced } from "./diagnose.js";

export interface LocalisationMatrix {
  /** The rule the matrix spells out, with its source. */
  readonly rule: Sourced & { readonly levels: readonly string[] };
  /** Horizontal signals (what traces show). */
  readonly rows: readonly { readonly id: string; readonly name: string }[];
  /** Layers (levels of the layer dimension), with the vertical signals that point at each. */
  readonly columns: readonly {
    readonly code: string;
    readonly name: string;
    readonly signals: readonly { readonly id: string; readonly example: string; readonly source: string }[];
  }[];
  /** The symptom-table rows in each cell. */
  readonly cells: readonly {
    readonly row: string;
    readonly column: string;
    readonly symptoms: readonly {
      readonly id: string;
      readonly name: string;
      readonly vertical: string;
      readonly fix: string;
      readonly source: string;
    }[];
  }[];
}

/**
 * The O1 × O2 matrix: one row per horizontal signal, one column per layer, the symptom table in the
 * cells and the vertical signals (log keywords, kernel events) under each column.
 * @example localisationMatrix(kb).columns.map((c) => c.code) // ["L-0", "L-1", "L-2", "L-3", "L-4"]
 */
export function localisationMatrix(kb: Kb, lang: Lang = "en"): LocalisationMatrix {
  const diag = requireDiagnostics(kb, lang);
  const layers = kb.dimension(diag.layerDimension)?.levels ?? [];
  const cells: LocalisationMatrix["cells"][number][] = [];
  for (const h of diag.horizontal)
    for (const l of layers) {
      const symptoms = diag.symptoms
        .filter((s) => s.horizontal === h.id && s.level === l.code)
        .map((s) => ({
          id: s.id,
          name: s.names[lang],
          vertical: s.vertical,
          fix: localText(s.fix, lang),
          source: s.source,
        }));
      if (symptoms.length > 0) cells.push({ row: h.id, column: l.code, symptoms });
    }
  return {
    rule: productRule(kb, diag, lang),
    rows: diag.horizontal.map((h) => ({ id: h.id, name: h.names[lang] })),
    columns: layers.map((l) => ({
      code: l.code,
      name: l.names[lang],
      signals: diag.vertical
        .filter((v) => v.level === l.code)
        .map((v) => ({ id: v.id, example: v.patterns[0] ?? v.id, source: v.source })),
    })),
    cells,
  };
}
