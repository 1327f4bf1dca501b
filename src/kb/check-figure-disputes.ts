/** @module kb/check-figure-disputes — large disagreements between one technology's own figures are recorded. */

import { formatFigure } from "../model/fact.js";
import { issueAt } from "./_issue-at.js";
import { claimsAbout, figureLocation, figurePath, type OwnFigure, ownFigures } from "./_own-figures.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

/** Two figures disagree largely when the nearer ends of their ranges are this factor apart or more. */
export const DISPUTE_FACTOR = 5;

/**
 * How the knowledge base marks a figure stated without conditions (the seed corpus's tables). Such a
 * figure claims to hold in general, so it is alike with any other figure of the metric.
 */
export const UNCONDITIONED = "no conditions given";

/**
 * Words that name a different regime of measurement: two figures whose conditions differ in one of
 * them (a warm start against a cold one, a snapshot restore against a boot) measure different things
 * and are not a dispute. Matched as whole words in the English conditions.
 */
export const REGIME_WORDS = ["warm", "snapshot", "restore", "pre-warmed", "pooled", "template", "cached"] as const;

/**
 * UNRECORDED_FIGURE_DISPUTE (a warning) for two figures of one technology from different sources,
 * same metric and scope, equal grade (a higher grade wins and is no dispute) and alike conditions
 * (one of them stated without conditions, or both under the same conditions, and no regime word in
 * one only), whose ranges lie `DISPUTE_FACTOR` apart or more, when no claim in claims.yaml is about the
 * technology and cites both figures' sources. Reported at the higher figure, naming the other's place.
 * @example const issues = checkFigureDisputes(ctx);
 */
export function checkFigureDisputes(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  if (ctx.metrics === undefined) return issues;
  const claims = ctx.kb.claims?.data.claims;
  for (const t of ctx.technologies.values()) {
    const keys = new Set((t.data.facts ?? []).map((f) => `${f.metric}\u0000${f.scope}`));
    for (const key of keys) {
      const [metricId, scope] = key.split("\u0000") as [string, string];
      const metric = ctx.metrics.get(metricId);
      if (metric === undefined) continue;
      const figures = ownFigures(t.data, metricId, scope, metric.unit, false);
      for (let x = 0; x < figures.length; x++) {
        for (let y = x + 1; y < figures.length; y++) {
          const [lo, hi] = order(figures[x]!, figures[y]!);
          // One source's several figures are its several setups, not a dispute.
          if (lo.fact.source === hi.fact.source || lo.fact.grade !== hi.fact.grade) continue;
          if (!conditionsAlike(lo, hi)) continue;
          if (!(lo.hi > 0 && hi.lo / lo.hi >= DISPUTE_FACTOR)) continue;
          const recorded = claimsAbout(claims, t.data.id).some((c) => {
            const sources = new Set(c.positions.map((p) => p.source));
            return sources.has(lo.fact.source) && sources.has(hi.fact.source);
          });
          if (recorded) continue;
          issues.push(
            issueAt(
              "UNRECORDED_FIGURE_DISPUTE",
              t.file,
              figurePath(hi),
              `${t.data.id}'s own ${metricId} figures (${scope}, grade ${hi.fact.grade}) disagree by ${DISPUTE_FACTOR}× or more: ` +
                `${formatFigure(hi.fact)} (${hi.fact.source}) vs ${formatFigure(lo.fact)} (${lo.fact.source}, ${figureLocation(t, lo)})`,
              {
                hint: `record the dispute in claims.yaml (a claim about ${t.data.id} citing both sources), or correct a figure or its conditions`,
              },
            ),
          );
        }
      }
    }
  }
  return issues;
}

function order(a: OwnFigure, b: OwnFigure): [OwnFigure, OwnFigure] {
  return a.hi <= b.hi ? [a, b] : [b, a];
}

function conditionsAlike(a: OwnFigure, b: OwnFigure): boolean {
  const text = (f: OwnFigure) =>
    (typeof f.fact.conditions === "string" ? f.fact.conditions : f.fact.conditions.en).toLowerCase();
  const ta = text(a);
  const tb = text(b);
  const words = (t: string) => REGIME_WORDS.filter((w) => new RegExp(`(^|[^a-z-])${w}([^a-z-]|$)`).test(t)).join();
  if (words(ta) !== words(tb)) return false;
  return ta === tb || ta.includes(UNCONDITIONED) || tb.includes(UNCONDITIONED);
}
