/** @module coordinate/describe-delta — how one dimension moved between two coordinates, in words. */
import { COORD } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { compare } from "../kb/partial-order.js";
import { type Coordinate, type CoordinateValue, isSetDimension, tupleDimensions, valuesEqual } from "./coordinate.js";
import { describeValue } from "./describe-value.js";

export interface Delta {
  readonly dimension: string;
  readonly name: string;
  readonly from: CoordinateValue | null;
  readonly to: CoordinateValue | null;
  /** Along the dimension's first ordering: `more`, `less`, `equal` (tied), `incomparable`; `changed` otherwise. */
  readonly direction: "more" | "less" | "equal" | "incomparable" | "changed";
  /** The ordering's word for the move ("stronger", "lighter"), or the rule now met ("complete"). */
  readonly word?: string;
  readonly text: string;
}

function orderWord(dim: CompiledDimension, from: string, to: string, lang: Lang): Pick<Delta, "direction" | "word"> {
  const ordering = [...dim.orderings.values()][0];
  if (!ordering) return { direction: "changed" };
  const c = compare(ordering.order, to, from);
  if (c === "greater") return { direction: "more", word: ordering.more[lang] };
  if (c === "less") return { direction: "less", word: ordering.less[lang] };
  return { direction: c === "equal" ? "equal" : "incomparable" };
}

/**
 * The move on one dimension, or undefined when the value did not change.
 * @example describeDelta(kb, kb.dimension("D")!, 3, 4, "en")?.text // "isolation L-3 container → L-4 sandbox (stronger)"
 */
export function describeDelta(
  kb: Kb,
  dim: CompiledDimension,
  from: CoordinateValue | null | undefined,
  to: CoordinateValue | null | undefined,
  lang: Lang,
): Delta | undefined {
  const a = from ?? null;
  const b = to ?? null;
  if (a === null && b === null) return undefined;
  if (a !== null && b !== null && valuesEqual(a, b)) return undefined;
  const fromText = describeValue(kb, dim, a, lang);
  const toText = describeValue(kb, dim, b, lang);
  let how: Pick<Delta, "direction" | "word"> = { direction: "changed" };
  if (a !== null && b !== null && dim.kind === "ordinal") {
    const la = dim.levelByValue.get(a as number);
    const lb = dim.levelByValue.get(b as number);
    if (la && lb) how = orderWord(dim, la.code, lb.code, lang);
  } else if (a !== null && b !== null && isSetDimension(dim)) {
    const before = new Set(a as readonly string[]);
    const after = new Set(b as readonly string[]);
    const met = dim.rules.filter(
      (r) => r.kind === "requires" && r.levels.every((l) => after.has(l)) && !r.levels.every((l) => before.has(l)),
    );
    const lost = dim.rules.filter(
      (r) => r.kind === "requires" && r.levels.every((l) => before.has(l)) && !r.levels.every((l) => after.has(l)),
    );
    if (met.length > 0) how = { direction: "more", word: met.map((r) => r.names[lang]).join(", ") };
    else if (lost.length > 0)
      how = {
        direction: "less",
        word: lost.map((r) => COORD.noLonger(lang, { names: r.names })).join(", "),
      };
    else if ([...before].every((x) => after.has(x))) how = { direction: "more", word: COORD.moreSignals(lang) };
    else if ([...after].every((x) => before.has(x))) how = { direction: "less", word: COORD.fewerSignals(lang) };
  }
  const text = `${dim.names[lang]} ${fromText} → ${toText}${how.word ? ` (${how.word})` : ""}`;
  return { dimension: dim.key, name: dim.names[lang], from: a, to: b, ...how, text };
}

/** Every dimension that moved between two coordinates, in tuple order; `skip` leaves some out (e.g. the year). */
export function describeDeltas(
  kb: Kb,
  from: Coordinate,
  to: Coordinate,
  lang: Lang,
  skip: readonly string[] = [],
): Delta[] {
  return tupleDimensions(kb)
    .filter((d) => !skip.includes(d.key))
    .map((d) => describeDelta(kb, d, from[d.key], to[d.key], lang))
    .filter((d): d is Delta => d !== undefined);
}
