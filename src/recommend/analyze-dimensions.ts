/** @module recommend/analyze-dimensions — step 1 and 2 of the seed's method: what each requirement implies on each dimension, and the target coordinate. */
import type { Coordinate, CoordinateValue } from "../coordinate/coordinate.js";
import { tupleDimensions } from "../coordinate/coordinate.js";
import { satisfiesBound } from "../coordinate/evaluate-must.js";
import { figureVerdict } from "../evidence/judge-figure.js";
import { factEnds } from "../evidence/own-figures.js";
import { boundText } from "../i18n/coordinate-phrases.js";
import { ANALYSIS } from "../i18n/recommend-phrases.js";
import type { CompiledDimension } from "../kb/kb.js";
import type { Candidate, QueryContext } from "./query-context.js";
import type { SingleSlot } from "./stack-terms.js";

/** One requirement's effect on one dimension. */
export interface DimensionReason {
  readonly requirement: string;
  /** The levels it leaves possible (codes), or the value it fixes. */
  readonly levels: readonly string[];
  readonly why: string;
  readonly source?: string;
}

export interface DimensionAnalysis {
  readonly dimension: string;
  readonly name: string;
  /** The levels every requirement leaves possible (all of them when nothing constrains the dimension). */
  readonly levels: readonly string[];
  /** The target value when the requirements fix one, else null (`*`). */
  readonly value: CoordinateValue | null;
  readonly because: readonly DimensionReason[];
}

const SLOT_KEYS: Readonly<Record<SingleSlot, readonly string[]>> = {
  runtime: ["gpu", "untrustedCode", "linuxCompatibility"],
  orchestrator: ["offline", "kubernetesApi"],
  policy: [],
};

/**
 * Analyses the requirements dimension by dimension — bounds and figures by the levels' own facts,
 * traits by the levels of the parts that have them — and returns the partial target coordinate.
 * @example analyzeDimensions(ctx).coordinate.D // 4 for coldStartMs ≤ 10 ms
 */
export function analyzeDimensions(ctx: QueryContext): { dimensions: DimensionAnalysis[]; coordinate: Coordinate } {
  const { kb, req, lang } = ctx;
  const must = req.must;
  const out: DimensionAnalysis[] = [];
  const coordinate: Record<string, CoordinateValue | null> = {};
  const slotOf = (dim: CompiledDimension) => (dim.stackRule.from === "slot" ? dim.stackRule.slot : undefined);
  const candidatesOf: Record<SingleSlot, readonly Candidate[]> = {
    runtime: ctx.runtimes,
    orchestrator: ctx.orchestrators,
    policy: ctx.policies,
  };
  for (const dim of tupleDimensions(kb)) {
    const because: DimensionReason[] = [];
    const all = dim.levels.map((l) => l.code);
    let levels = all;
    const narrow = (requirement: string, keep: readonly string[], why: string, source?: string) => {
      because.push({ requirement, levels: keep, why, ...(source ? { source } : {}) });
      levels = levels.filter((l) => keep.includes(l));
    };
    const slot = slotOf(dim);
    if (dim.stackRule.from === "year") {
      coordinate[dim.key] = req.year;
      because.push({
        requirement: "year",
        levels: [],
        why: req.yearGiven ? ANALYSIS.asOf(lang, { year: req.year }) : ANALYSIS.noYear(lang, { year: req.year }),
      });
      out.push({ dimension: dim.key, name: dim.names[lang], levels: [], value: req.year, because });
      continue;
    }
    if (dim.stackRule.from === "scenario") {
      const v = req.scenario?.id ?? null;
      coordinate[dim.key] = v;
      if (req.scenario)
        because.push({ requirement: "scenario", levels: [req.scenario.id], why: `${req.scenario.names[lang]}` });
      out.push({ dimension: dim.key, name: dim.names[lang], levels: v ? [v] : [], value: v, because });
      continue;
    }
    if (dim.stackRule.from === "view") {
      const code = dim.stackRule.default;
      const v = dim.levelByCode.get(code)?.value ?? null;
      coordinate[dim.key] = v;
      because.push({
        requirement: "view",
        levels: [code],
        why: ANALYSIS.defaultView(lang, { code, name: dim.levelByCode.get(code)?.names[lang] ?? "" }),
      });
      out.push({ dimension: dim.key, name: dim.names[lang], levels: [code], value: v, because });
      continue;
    }
    if (slot === "observability") {
      const sig = must.observability ?? [];
      if (sig.length > 0) {
        because.push({
          requirement: "must.observability",
          levels: sig,
          why: ANALYSIS.mustCover(lang, { signals: sig }),
        });
      }
      coordinate[dim.key] = sig.length > 0 ? [...sig] : null;
      out.push({
        dimension: dim.key,
        name: dim.names[lang],
        levels: sig,
        value: sig.length > 0 ? [...sig] : null,
        because,
      });
      continue;
    }
    if (slot === undefined) continue;
    const boundKey = slot === "runtime" ? "isolation" : slot === "orchestrator" ? "orchestration" : "policy";
    const bound = must[boundKey];
    if (bound) {
      const keep = all.filter((c) => satisfiesBound(dim, c, bound) === true);
      narrow(
        `must.${boundKey}`,
        keep,
        ANALYSIS.bound(lang, {
          bound: boundText(bound, lang),
          ...(dim.distanceBy ? { ordering: dim.distanceBy } : {}),
        }),
        dim.source,
      );
    }
    if (slot === "runtime") {
      for (const [key, metric, unit] of [
        ["coldStartMs", "cold-start", "ms"],
        ["memoryMiB", "memory", "MiB"],
      ] as const) {
        const r = must[key];
        if (!r) continue;
        const keep: string[] = [];
        const notes: string[] = [];
        let source: string | undefined;
        for (const l of dim.levels) {
          const f = l.facts.find((x) => x.metric === metric && x.scope === "instance");
          if (!f) {
            keep.push(l.code);
            notes.push(ANALYSIS.levelWithoutFigure(lang, { code: l.code }));
            continue;
          }
          source ??= f.source;
          // The level's figure narrows the analysis' target only: it never admits or rejects a technology.
          const ok = figureVerdict(factEnds(f), r) === "met";
          if (ok) keep.push(l.code);
          const n = f.normalized;
          notes.push(
            `${l.code} ${n.min !== undefined && n.max !== undefined ? `${+n.min.toPrecision(3)}–${+n.max.toPrecision(3)}` : n.max !== undefined ? `≤ ${+n.max.toPrecision(3)}` : `≥ ${+(n.min ?? n.representative).toPrecision(3)}`} ${n.unit}${ok ? " ✓" : " ✗"}`,
          );
        }
        const want = r.max !== undefined ? `≤ ${r.max} ${unit}` : `≥ ${r.min} ${unit}`;
        narrow(`must.${key}`, keep, ANALYSIS.levelFigures(lang, { want, notes }), source);
      }
    }
    for (const key of SLOT_KEYS[slot]) {
      if ((must as Record<string, unknown>)[key] === undefined) continue;
      const ok = candidatesOf[slot].filter((c) => c.id !== null && !c.blockedBy.includes(key));
      const keep = [
        ...new Set(
          ok.flatMap((c) => {
            const v = kb.technologies.get(c.id!)?.positionValues[dim.key]?.[0];
            const code = v === undefined ? undefined : dim.levelByValue.get(v)?.code;
            return code ? [code] : [];
          }),
        ),
      ];
      narrow(
        `must.${key}`,
        keep,
        ANALYSIS.notRuledOut(lang, {
          slot,
          requirement: key,
          names: ok.slice(0, 4).map((c) => c.name),
          more: ok.length > 4,
        }),
      );
    }
    // A level no admissible part occupies cannot be the target.
    const occupied = new Set(
      candidatesOf[slot]
        .filter((c) => c.id !== null && c.blockedBy.length === 0)
        .flatMap((c) => {
          const v = kb.technologies.get(c.id!)?.positionValues[dim.key]?.[0];
          const code = v === undefined ? undefined : dim.levelByValue.get(v)?.code;
          return code ? [code] : [];
        }),
    );
    if (levels.some((l) => !occupied.has(l)) && because.length > 0) {
      narrow("parts", [...occupied], ANALYSIS.partsAlone(lang, { slot }));
    }
    const value = levels.length === 1 ? (dim.levelByCode.get(levels[0]!)?.value ?? null) : null;
    coordinate[dim.key] = value;
    out.push({ dimension: dim.key, name: dim.names[lang], levels, value, because });
  }
  return { dimensions: out, coordinate };
}
