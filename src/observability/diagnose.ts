/** @module observability/diagnose — a horizontal signal × a vertical signal → the layer, the O1 × O2 cell, likely causes and fixes. */
import { InvalidArgumentError } from "../errors.js";
import { type Lang, localText } from "../i18n/lang.js";
import { DIAGNOSE } from "../i18n/observe-phrases.js";
import type { Kb, KbDiagnostics } from "../kb/kb.js";
import type { HorizontalRule, VerticalRule } from "../model/diagnostics.js";
import { requireSignal } from "./match-signal.js";
import { type ReachVerdict, runtimeLayer, signalReach } from "./signal-reach.js";
import { stackInput } from "./stack-input.js";

/** A statement with where it comes from. */
export interface Sourced {
  readonly text: string;
  readonly source: string;
  readonly grade: string;
  readonly where?: string;
}

export interface DiagnoseInput {
  /** A log line or kernel event: `OOMKilled`, `EPT violation`, `Sentry syscall denied`. */
  readonly vertical: string;
  /** What the trace shows: `span duration 1.8s`, `trace break`, `5xx`. */
  readonly horizontal?: string;
  /** The failing span's service, for the report. */
  readonly service?: string;
  /** The stack it runs on (parts or `case:ID`): says whether the layer is on its path and what eBPF sees there. */
  readonly stack?: string;
}

export interface Diagnosis {
  readonly vertical: {
    readonly input: string;
    readonly rule: string;
    readonly kind: string;
    readonly pattern: string;
  } & Sourced;
  readonly horizontal?: {
    readonly input: string;
    readonly rule: string;
    readonly name: string;
    readonly pattern: string;
  } & Sourced;
  readonly service?: string;
  readonly layer: { readonly code: string; readonly name: string };
  /** The cell of the localisation matrix: horizontal row × vertical column (the layer). */
  readonly cell: {
    readonly row: string | null;
    readonly column: string;
    readonly text: string;
    readonly rule: Sourced;
  };
  readonly causes: readonly Sourced[];
  readonly fixes: readonly Sourced[];
  /** Rows of the symptom table that agree: `exact` when both signals match the row. */
  readonly symptoms: readonly {
    readonly id: string;
    readonly name: string;
    readonly exact: boolean;
    readonly fix: Sourced;
  }[];
  readonly failureModes: readonly {
    readonly aspect: string;
    readonly mechanism: string;
    readonly failure: string;
    readonly fix: string;
    readonly source: string;
  }[];
  /** Tools to drill down at that layer, with how far they see into the stack's runtime when a stack was given. */
  readonly tools: readonly {
    readonly id: string;
    readonly name: string;
    readonly use: string;
    readonly source: string;
    readonly reach?: ReachVerdict;
  }[];
  readonly stack?: {
    readonly label: string;
    readonly runtimeLayer?: string;
    /** The layer is the runtime's own or one the stack's runtime sits on. */
    readonly onPath: boolean;
    readonly note: string;
  };
  /** Other rules the vertical signal also matched, weaker (shorter) matches. */
  readonly alternatives: readonly { readonly rule: string; readonly level: string; readonly pattern: string }[];
}

/** The diagnostics of the knowledge base, or a clear error (worded in `lang`) when it has none. */
export function requireDiagnostics(kb: Kb, lang: Lang = "en"): KbDiagnostics {
  if (kb.diagnostics === undefined) throw new InvalidArgumentError(DIAGNOSE.noDiagnostics(lang));
  return kb.diagnostics;
}

/**
 * Localises a fault: the vertical signal names the layer (the classification rules are data), the
 * horizontal one the row of the O1 × O2 matrix; the symptom table, the layer's failure modes and
 * drill-down tools follow, each with its source.
 * @example diagnose(kb, { vertical: "OOMKilled", horizontal: "span duration 2s" }).layer.code // "L-3"
 */
export function diagnose(kb: Kb, input: DiagnoseInput, lang: Lang = "en"): Diagnosis {
  const diag = requireDiagnostics(kb, lang);
  if (typeof input.vertical !== "string" || input.vertical.trim() === "")
    throw new InvalidArgumentError(DIAGNOSE.noVertical(lang));
  const v = requireSignal<VerticalRule>(diag.vertical, input.vertical, "vertical", lang);
  const h =
    input.horizontal === undefined || input.horizontal.trim() === ""
      ? undefined
      : requireSignal<HorizontalRule>(diag.horizontal, input.horizontal, "horizontal", lang);
  const layerDim = kb.dimension(diag.layerDimension);
  const level = layerDim?.levelByCode.get(v.rule.level);
  const layer = { code: v.rule.level, name: level ? `${level.code} ${level.names[lang]}` : v.rule.level };
  const sourced = (text: unknown, p: { source: string; grade: string; where?: string | undefined }): Sourced => ({
    text: localText(text as Parameters<typeof localText>[0], lang),
    source: p.source,
    grade: p.grade,
    ...(p.where === undefined ? {} : { where: p.where }),
  });

  const product = productRule(kb, diag);
  const rowName = h ? h.rule.names[lang] : DIAGNOSE.anyHorizontal(lang);
  const symptoms = diag.symptoms
    .filter(
      (s) => s.vertical === v.rule.id || (h !== undefined && s.horizontal === h.rule.id && s.level === layer.code),
    )
    .map((s) => ({
      id: s.id,
      name: s.names[lang],
      exact: s.vertical === v.rule.id && h !== undefined && s.horizontal === h.rule.id,
      fix: sourced(s.fix, s),
    }))
    .sort((a, b) => Number(b.exact) - Number(a.exact));

  let stack: Diagnosis["stack"];
  let runtime: string | undefined;
  if (input.stack !== undefined) {
    const s = stackInput(kb, input.stack, lang);
    runtime = s.components.runtime;
    const rl = runtimeLayer(kb, runtime === undefined ? undefined : kb.technologies.get(runtime));
    const onPath = rl === undefined || layerOnPath(kb, diag, rl, layer.code);
    stack = {
      label: s.label,
      ...(rl === undefined ? {} : { runtimeLayer: rl }),
      onPath,
      note: onPath
        ? DIAGNOSE.onPath(lang, { layer: layer.code })
        : DIAGNOSE.offPath(lang, { layer: layer.code, runtimeLayer: rl }),
    };
  }

  return {
    vertical: {
      input: input.vertical,
      rule: v.rule.id,
      kind: v.rule.kind,
      pattern: v.pattern,
      ...sourced(v.rule.meaning, v.rule),
    },
    ...(h
      ? {
          horizontal: {
            input: input.horizontal ?? "",
            rule: h.rule.id,
            name: h.rule.names[lang],
            pattern: h.pattern,
            ...sourced(h.rule.meaning, h.rule),
          },
        }
      : {}),
    ...(input.service === undefined ? {} : { service: input.service }),
    layer,
    cell: {
      row: h?.rule.id ?? null,
      column: layer.code,
      text: `${input.service ? `${input.service}: ` : ""}${rowName} × ${layer.name}`,
      rule: product,
    },
    causes: v.rule.causes.map((c) => sourced(c, v.rule)),
    fixes: v.rule.fixes.map((f) => sourced(f, v.rule)),
    symptoms,
    failureModes: diag.failureModes
      .filter((m) => m.level === layer.code)
      .map((m) => ({
        aspect: m.aspect,
        mechanism: localText(m.mechanism, lang),
        failure: localText(m.failure, lang),
        fix: localText(m.fix, lang),
        source: m.source,
      })),
    tools: diag.tools
      .filter((t) => t.levels.includes(layer.code))
      .map((t) => ({
        id: t.id,
        name: t.names[lang],
        use: localText(t.use, lang),
        source: t.source,
        ...(stack !== undefined && t.technology !== undefined
          ? { reach: signalReach(kb, t.technology, t.signal, runtime, lang) }
          : {}),
      })),
    ...(stack === undefined ? {} : { stack }),
    alternatives: v.alternatives.map((a) => ({ rule: a.rule.id, level: a.rule.level, pattern: a.pattern })),
  };
}

/** The signal dimension's `product` rule (localisation = O1 × O2), as a sourced statement. */
export function productRule(
  kb: Kb,
  diag: KbDiagnostics,
  lang: Lang = "en",
): Sourced & { readonly levels: readonly string[] } {
  const rule = kb.dimension(diag.signalDimension)?.rules.find((r) => r.kind === "product");
  if (rule === undefined) return { text: "", source: "", grade: "U", levels: [] };
  return { text: localText(rule.statement, lang), source: rule.source, grade: "C", levels: rule.levels };
}

/**
 * Whether a fault at `layer` can be on the path of a workload isolated at `runtimeLevel`: the runtime's
 * own layer, or one with a lower level number (the layers a boundary is built on). A coarse test: it
 * says "possibly on the path", never "certainly".
 */
function layerOnPath(kb: Kb, diag: KbDiagnostics, runtimeLevel: string, layer: string): boolean {
  if (runtimeLevel === layer) return true;
  const dim = kb.dimension(diag.layerDimension);
  const a = dim?.levelByCode.get(runtimeLevel)?.value;
  const b = dim?.levelByCode.get(layer)?.value;
  if (a === undefined || b === undefined) return true;
  return b < a;
}
