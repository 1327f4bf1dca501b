/** @module coordinate/compare-stacks — two stacks or coordinates side by side: deltas in words, figures, orderings. */
import { NotFoundError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { STACK } from "../i18n/stack-phrases.js";
import type { CompiledFact, CompiledTechnology, Kb } from "../kb/kb.js";
import { compare as compareOrder } from "../kb/partial-order.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import type { StackComponents } from "../model/stack.js";
import type { Coordinate, CoordinateJson } from "./coordinate.js";
import { type Delta, describeDeltas } from "./describe-delta.js";
import { coordinateJson } from "./format-coordinate.js";
import { locate } from "./locate.js";
import { orderByFigures } from "./order-by-figures.js";
import { parseCoordinate } from "./parse-coordinate.js";
import { recordedStacks } from "./recorded-stacks.js";

/** One side of a comparison: a stack (located), a recorded stack (`case:ID`), or a bare coordinate. */
export interface CompareSide {
  readonly input: string;
  readonly kind: "stack" | "record" | "coordinate";
  readonly label: string;
  readonly components?: StackComponents;
  readonly coordinate: CoordinateJson;
}

/** A figure of a part, with its source, for side-by-side reading. */
export interface SideFigure {
  readonly technology: string;
  readonly value: string;
  readonly representative: number;
  readonly unit: string;
  readonly conditions: string;
  readonly source: string;
  readonly grade: string;
}

export interface FigureRow {
  readonly slot: string;
  readonly metric: string;
  readonly scope: string;
  readonly a?: SideFigure;
  readonly b?: SideFigure;
  /** Whether one source measured both (otherwise the two were not measured together). */
  readonly measuredTogether: boolean;
}

/**
 * An ordering question between two technologies: answered from their own figures of the ordering's
 * metric when both have one (`basis: figures`), else from the ordering's transitive closure over
 * their levels (`basis: levels`, saying whose figure is missing).
 */
export interface OrderingAnswer {
  readonly dimension: string;
  readonly ordering: string;
  readonly a: { readonly technology: string; readonly level: string };
  readonly b: { readonly technology: string; readonly level: string };
  /** How a relates to b: greater (more of the property), less, equal (tied) or incomparable (figures overlap). */
  readonly relation: "greater" | "less" | "equal" | "incomparable";
  readonly basis: "figures" | "levels";
  /** The figures that decided (basis `figures`). */
  readonly figures?: {
    readonly metric: string;
    readonly scope: string;
    readonly a: readonly SideFigure[];
    readonly b: readonly SideFigure[];
  };
  /** Technologies without an own figure of the ordering's metric (basis `levels`). */
  readonly missing?: readonly string[];
  readonly sentence: string;
}

export interface Comparison {
  readonly a: CompareSide;
  readonly b: CompareSide;
  /** What moves from a to b, dimension by dimension, in words. */
  readonly deltas: readonly Delta[];
  readonly orderings: readonly OrderingAnswer[];
  readonly figures: readonly FigureRow[];
}

const RECORD = /^(case|scenario):/;
const SLOTS = ["runtime", "orchestrator", "policy"] as const;

function side(kb: Kb, input: string, lang: Lang): CompareSide & { coord: Coordinate } {
  const text = input.trim();
  if (RECORD.test(text)) {
    const r = recordedStacks(kb).find((x) => x.id === text);
    if (!r) {
      const near = recordedStacks(kb)
        .map((x) => x.id)
        .filter((id) => id.startsWith(text.slice(0, 8)));
      throw new NotFoundError(STACK.noRecord(lang, { where: "compare", id: text }), { suggestions: near.slice(0, 8) });
    }
    return {
      input,
      kind: "record",
      label: r.label,
      components: r.components,
      coordinate: coordinateJson(kb, r.coordinate, lang),
      coord: r.coordinate,
    };
  }
  if (/^[(（]/u.test(text) || /^[A-Za-z][A-Za-z0-9]*\s*[=:：]/u.test(text)) {
    const c = parseCoordinate(kb, text, lang);
    const json = coordinateJson(kb, c, lang);
    return { input, kind: "coordinate", label: json.text, coordinate: json, coord: c };
  }
  const located = locate(kb, text, { lang });
  const { text: _text, ...coord } = located.coordinate;
  return {
    input,
    kind: "stack",
    label: located.stack.label,
    components: located.stack.components,
    coordinate: located.coordinate,
    coord,
  };
}

function figureOf(tech: CompiledTechnology, f: CompiledFact): SideFigure {
  const n = f.normalized;
  const value = formatNormalizedFigure(f);
  const conditions = typeof f.conditions === "string" ? f.conditions : f.conditions.en;
  return {
    technology: tech.id,
    value,
    representative: n.representative,
    unit: n.unit,
    conditions,
    source: f.source,
    grade: f.grade,
  };
}

/** The best-graded figure per metric and scope of a technology. */
function bestByMetric(tech: CompiledTechnology): Map<string, CompiledFact> {
  const out = new Map<string, CompiledFact>();
  for (const f of tech.facts) {
    const key = `${f.metric}|${f.scope}`;
    const prev = out.get(key);
    if (!prev || "ABCU".indexOf(f.grade) < "ABCU".indexOf(prev.grade)) out.set(key, f);
  }
  return out;
}

function figureRows(kb: Kb, a: StackComponents | undefined, b: StackComponents | undefined): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const slot of SLOTS) {
    const ta = a?.[slot] === undefined ? undefined : kb.technologies.get(a[slot]!);
    const tb = b?.[slot] === undefined ? undefined : kb.technologies.get(b[slot]!);
    if (!ta && !tb) continue;
    const fa = ta ? bestByMetric(ta) : new Map<string, CompiledFact>();
    const fb = tb ? bestByMetric(tb) : new Map<string, CompiledFact>();
    for (const key of [...new Set([...fa.keys(), ...fb.keys()])].sort()) {
      const [metric, scope] = key.split("|") as [string, string];
      const x = fa.get(key);
      const y = fb.get(key);
      rows.push({
        slot,
        metric,
        scope,
        ...(x && ta ? { a: figureOf(ta, x) } : {}),
        ...(y && tb ? { b: figureOf(tb, y) } : {}),
        measuredTogether: x !== undefined && y !== undefined && x.source === y.source,
      });
    }
  }
  return rows;
}

/**
 * The ordering questions between two technologies ("does gVisor start faster than runc?"), on every
 * dimension both have a level on: from their own figures of the ordering's `checkAgainst` metric when
 * both have one, else from the ordering's transitive closure over their levels, and then saying so.
 * @example compareOrderings(kb, "gvisor", "runc", "en").find((o) => o.ordering === "startup-speed")?.relation // "less"
 */
export function compareOrderings(kb: Kb, a: string, b: string, lang: Lang): OrderingAnswer[] {
  const ta = kb.technologies.get(a);
  const tb = kb.technologies.get(b);
  if (!ta || !tb) return [];
  const out: OrderingAnswer[] = [];
  for (const dim of kb.dimensions.values()) {
    const la = ta.position[dim.key]?.[0];
    const lb = tb.position[dim.key]?.[0];
    if (la === undefined || lb === undefined) continue;
    const name = (t: CompiledTechnology, code: string) =>
      `${t.names[lang]} (${code} ${dim.levelByCode.get(code)?.names[lang] ?? ""})`.replace(" )", ")");
    for (const ordering of dim.orderings.values()) {
      const base = {
        dimension: dim.key,
        ordering: ordering.id,
        a: { technology: a, level: la },
        b: { technology: b, level: lb },
      };
      const metricId = ordering.checkAgainst?.metric;
      const metric = metricId === undefined ? undefined : (kb.metrics.get(metricId)?.names[lang] ?? metricId);
      const byFigures = orderByFigures(ta, tb, ordering);
      if (byFigures !== undefined && metric !== undefined) {
        const relation = byFigures.relation === "overlap" ? "incomparable" : byFigures.relation;
        const shown = (t: CompiledTechnology, fs: readonly CompiledFact[]) => fs.map((f) => figureOf(t, f));
        const text = (fs: readonly SideFigure[]) => fs.map((f) => `${f.value} [${f.grade}]`).join(", ");
        const figures = {
          metric: byFigures.metric,
          scope: byFigures.scope,
          a: shown(ta, byFigures.a),
          b: shown(tb, byFigures.b),
        };
        out.push({
          ...base,
          relation,
          basis: "figures",
          figures,
          sentence: STACK.orderByFigures(lang, {
            ordering: ordering.names[lang],
            a: ta.names[lang],
            b: tb.names[lang],
            ...(relation === "greater"
              ? { word: ordering.more[lang] }
              : relation === "less"
                ? { word: ordering.less[lang] }
                : {}),
            metric,
            figuresA: text(figures.a),
            figuresB: text(figures.b),
          }),
        });
        continue;
      }
      const relation = compareOrder(ordering.order, la, lb);
      const word = {
        greater: ordering.more[lang],
        less: ordering.less[lang],
        equal: STACK.tiedWith(lang),
        incomparable: STACK.notComparableWith(lang),
      }[relation];
      const missing =
        metricId === undefined
          ? []
          : [ta, tb].filter((t) => !t.facts.some((f) => f.metric === metricId)).map((t) => t.names[lang]);
      const why = STACK.byLevels(lang, { ...(metric !== undefined ? { metric } : {}), missing });
      const sentence = STACK.orderingSentence(lang, {
        ordering: ordering.names,
        a: name(ta, la),
        b: name(tb, lb),
        relation,
        word,
        why,
      });
      out.push({ ...base, relation, basis: "levels", ...(metricId !== undefined ? { missing } : {}), sentence });
    }
  }
  return out;
}

/**
 * Compares two sides — stacks as people write them, recorded stacks (`case:serverless-2020-seed-case-2`)
 * or coordinates — giving what moved on each dimension in words ("isolation L-3 → L-4 (stronger)"),
 * the ordering answers between their runtimes, orchestrators and policies, and their figures with sources.
 * @example compareStacks(kb, "case:serverless-2020-seed-case-2", "case:serverless-2025-seed-case-2").deltas.map((d) => d.text)
 */
export function compareStacks(kb: Kb, a: string, b: string, lang: Lang = "en"): Comparison {
  const sa = side(kb, a, lang);
  const sb = side(kb, b, lang);
  const orderings: OrderingAnswer[] = [];
  for (const slot of SLOTS) {
    const x = sa.components?.[slot];
    const y = sb.components?.[slot];
    if (x !== undefined && y !== undefined && x !== y) orderings.push(...compareOrderings(kb, x, y, lang));
  }
  const { coord: ca, ...sideA } = sa;
  const { coord: cb, ...sideB } = sb;
  return {
    a: sideA,
    b: sideB,
    deltas: describeDeltas(kb, ca, cb, lang),
    orderings,
    figures: figureRows(kb, sa.components, sb.components),
  };
}
