/** @module kb/check-orderings — orderings are partial orders, and agree with the figures they name. */
import type { Dimension } from "../model/dimension.js";
import type { Fact } from "../model/fact.js";
import { formatFigure } from "../model/fact.js";
import type { Ordering } from "../model/ordering.js";
import { issueAt } from "./_issue-at.js";
import { claimsAbout } from "./_own-figures.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";
import { buildPartialOrder, compare, parseOrderingChain } from "./partial-order.js";
import { representativeValue } from "./representative-value.js";

/** Figures of a tie that differ by this factor or more are reported. */
const TIE_FACTOR = 2;

/**
 * ORDERING_CYCLE and NOT_PARTIAL_ORDER for chains that are no partial order; ORDERING_DISAGREES_WITH_FIGURES
 * (a warning) for every pair the order ranks one way and the `checkAgainst` figures the other, or
 * ties whose figures differ by a factor of two or more, unless a claim about the ordering
 * (`ordering:<key>/<id>` in its `about`) records the disagreement.
 * @example const issues = checkOrderings(ctx);
 */
export function checkOrderings(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const dims = ctx.kb.dimensions;
  if (dims === undefined) return issues;
  dims.data.dimensions.forEach((d, i) => {
    (d.orderings ?? []).forEach((o, j) => {
      const base: IssuePath = ["dimensions", i, "orderings", j];
      const levelCodes = ctx.levels.get(d.key);
      // Unknown levels are reported by checkLevels; an order over them is not checked further.
      if (o.chains.some((c) => parseOrderingChain(c).elements.some((e) => !levelCodes?.has(e)))) return;
      const { order, problems } = buildPartialOrder(o.chains);
      for (const p of problems) {
        const k = Math.max(
          0,
          // The last chain that touches the problem is usually the one that introduced it.
          o.chains.findLastIndex((c) => {
            const els = parseOrderingChain(c).elements;
            return p.elements.filter((e) => els.includes(e)).length >= 2;
          }),
        );
        issues.push(
          issueAt(
            p.code,
            dims.file,
            [...base, "chains", k],
            `ordering "${o.id}" of ${d.key} is not a partial order: ${p.message}`,
            {
              hint: "an ordering reads one way only: remove or turn around one of the steps",
            },
          ),
        );
      }
      if (problems.length > 0 || o.checkAgainst === undefined) return;
      // A claim about this ordering (`ordering:<key>/<id>`) records the disagreement: not reported again.
      // A claim that also names technologies records their exception, not the levels' figures.
      const onLevels = claimsAbout(ctx.kb.claims?.data.claims, `ordering:${d.key}/${o.id}`).filter((c) =>
        c.about.every((a) => a.includes(":")),
      );
      if (onLevels.length > 0) return;
      issues.push(...checkFigures(ctx, d, o, base, (a, b) => compare(order, a, b)));
    });
  });
  return issues;
}

interface LevelFigure {
  readonly code: string;
  readonly value: number;
  readonly facts: readonly Fact[];
}

function checkFigures(
  ctx: ValidationContext,
  d: Dimension,
  o: Ordering,
  base: IssuePath,
  cmp: (a: string, b: string) => string,
): Issue[] {
  const issues: Issue[] = [];
  const against = o.checkAgainst!;
  // Without the vocabulary the figures' units cannot be brought together: nothing to compare.
  if (ctx.metrics === undefined) return issues;
  const metric = ctx.metrics.get(against.metric);
  if (metric === undefined) {
    issues.push(
      ctx.unknown(
        "UNKNOWN_METRIC",
        ctx.kb.dimensions!.file,
        [...base, "checkAgainst", "metric"],
        "metric",
        against.metric,
        ctx.metrics.keys(),
      ),
    );
    return issues;
  }
  const unit = metric.unit;
  const figures: LevelFigure[] = [];
  for (const level of d.levels ?? []) {
    const facts = (level.facts ?? []).filter((f) => f.metric === against.metric);
    const values = facts.map((f) => representativeValue(f, unit)).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    figures.push({ code: level.code, value: values.reduce((a, b) => a + b, 0) / values.length, facts });
  }
  const sign = against.direction === "same" ? 1 : -1;
  const describe = (f: LevelFigure) => `${f.code} ${f.facts.map((x) => `${formatFigure(x)} (${x.source})`).join(", ")}`;
  const meaning = typeof o.meaning === "string" ? o.meaning : o.meaning.en;
  for (let x = 0; x < figures.length; x++) {
    for (let y = x + 1; y < figures.length; y++) {
      const a = figures[x]!;
      const b = figures[y]!;
      const rel = cmp(a.code, b.code);
      const diff = sign * (a.value - b.value);
      let message: string | undefined;
      if (rel === "greater" && diff < 0) message = `says ${a.code} > ${b.code}`;
      else if (rel === "less" && diff > 0) message = `says ${a.code} < ${b.code}`;
      else if (rel === "equal" && differStrongly(a.value, b.value)) message = `says ${a.code} = ${b.code}`;
      if (message === undefined) continue;
      issues.push(
        issueAt(
          "ORDERING_DISAGREES_WITH_FIGURES",
          ctx.kb.dimensions!.file,
          [...base, "chains", 0],
          `ordering "${o.id}" of ${d.key} (${meaning}) ${message}, but the ${against.metric} figures say otherwise: ${describe(a)} vs ${describe(b)}`,
          { hint: "keep both if the sources disagree (and record a claim), or correct the ordering or the figures" },
        ),
      );
    }
  }
  return issues;
}

function differStrongly(a: number, b: number): boolean {
  if (a === b) return false;
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return lo === 0 ? hi > 0 : hi / lo >= TIE_FACTOR;
}
