/** @module kb/_own-figures — a technology's own figures for one metric, for the checks that compare them. */
import type { Claim } from "../model/claim.js";
import type { Fact } from "../model/fact.js";
import type { Technology } from "../model/technology.js";
import { convertUnit } from "./convert-unit.js";
import type { FileData } from "./group-parsed-files.js";
import type { IssuePath } from "./issue.js";

const GRADE_ORDER = "ABCU";

/** One own figure, converted to the metric's unit, with where it is written. */
export interface OwnFigure {
  readonly fact: Fact;
  readonly index: number;
  /** The figure's lowest and highest value in the metric's unit (equal for a single value; 0 and ∞ for open bounds). */
  readonly lo: number;
  readonly hi: number;
}

/**
 * A technology's figures for `metric` at `scope`, in `unit`: every figure when `topGradeOnly` is
 * false, else only those of the best grade it has (a higher grade always wins, so a lower-graded
 * figure never decides an ordering).
 */
export function ownFigures(
  tech: Technology,
  metric: string,
  scope: string,
  unit: string,
  topGradeOnly = true,
): OwnFigure[] {
  const all: OwnFigure[] = [];
  (tech.facts ?? []).forEach((fact, index) => {
    if (fact.metric !== metric || fact.scope !== scope) return;
    // An upper bound alone ("≤ 10 ms") reaches down to 0, a lower bound alone up to infinity.
    const l = convertUnit(fact.min ?? fact.value ?? 0, fact.unit, unit);
    const h = convertUnit(fact.max ?? fact.value ?? Number.POSITIVE_INFINITY, fact.unit, unit);
    if (l === undefined || h === undefined) return;
    all.push({ fact, index, lo: l, hi: h });
  });
  if (!topGradeOnly || all.length === 0) return all;
  const best = Math.min(...all.map((f) => GRADE_ORDER.indexOf(f.fact.grade)));
  return all.filter((f) => GRADE_ORDER.indexOf(f.fact.grade) === best);
}

/** The path of a figure inside its technology file. */
export function figurePath(f: OwnFigure): IssuePath {
  return ["facts", f.index];
}

/** `technologies/gvisor.yaml:61:5`: where a figure is written, as people open it. */
export function figureLocation(t: FileData<Technology>, f: OwnFigure): string {
  const pos = t.file.locate(figurePath(f));
  return `${t.file.relativePath}:${pos.line}:${pos.column}`;
}

/**
 * The claims that record something about all of `subjects` (technology ids or prefixed names such
 * as `ordering:D/startup-speed`): a disagreement among them is recorded, not silent.
 */
export function claimsAbout(claims: readonly Claim[] | undefined, ...subjects: string[]): Claim[] {
  return (claims ?? []).filter((c) => subjects.every((s) => c.about.includes(s)));
}
