/** @module kb/check-technology-orderings — a level ordering against the technologies' own figures. */

import { formatFigure } from "../model/fact.js";
import type { Technology } from "../model/technology.js";
import { issueAt } from "./_issue-at.js";
import { claimsAbout, figureLocation, figurePath, type OwnFigure, ownFigures } from "./_own-figures.js";
import type { ValidationContext } from "./_validation-context.js";
import type { FileData } from "./group-parsed-files.js";
import type { Issue } from "./issue.js";
import { buildPartialOrder, compare, parseOrderingChain } from "./partial-order.js";

/** The claim subject that records an exception to one ordering: `ordering:D/startup-speed`. */
export function orderingSubject(dimension: string, ordering: string): string {
  return `ordering:${dimension}/${ordering}`;
}

interface Placed {
  readonly tech: FileData<Technology>;
  readonly level: string;
  readonly figures: readonly OwnFigure[];
}

/**
 * ORDERING_CONTRADICTED_BY_TECHNOLOGIES (a warning) for every two technologies whose levels an ordering
 * ranks one way while their own best-graded figures of the ordering's `checkAgainst` metric (same
 * scope) say the other, without overlap. Reported at the first technology's figure, naming the other
 * figure's and the ordering's place. A claim whose `about` names the ordering
 * (`ordering:<dimension>/<id>`) and one of the two technologies records the exception; the pair is
 * then not reported.
 * @example const issues = checkTechnologyOrderings(ctx);
 */
export function checkTechnologyOrderings(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const dims = ctx.kb.dimensions;
  if (dims === undefined || ctx.metrics === undefined) return issues;
  const claims = ctx.kb.claims?.data.claims;
  dims.data.dimensions.forEach((d, i) => {
    (d.orderings ?? []).forEach((o, j) => {
      const against = o.checkAgainst;
      const metric = against === undefined ? undefined : ctx.metrics?.get(against.metric);
      if (against === undefined || metric === undefined) return;
      const levelCodes = ctx.levels.get(d.key);
      if (o.chains.some((c) => parseOrderingChain(c).elements.some((e) => !levelCodes?.has(e)))) return;
      const { order, problems } = buildPartialOrder(o.chains);
      if (problems.length > 0) return;
      const orderingPos = dims.file.locate(["dimensions", i, "orderings", j, "chains", 0]);
      const orderingAt = `${dims.file.relativePath}:${orderingPos.line}:${orderingPos.column}`;
      const subject = orderingSubject(d.key, o.id);
      const meaning = typeof o.meaning === "string" ? o.meaning : o.meaning.en;
      // "More" of the property means a larger figure (same) or a smaller one (opposite).
      const sign = against.direction === "same" ? 1 : -1;
      for (const scope of scopesOf(ctx, against.metric)) {
        const placed: Placed[] = [];
        for (const tech of ctx.technologies.values()) {
          const figures = ownFigures(tech.data, against.metric, scope, metric.unit);
          if (figures.length === 0) continue;
          for (const level of positionsOn(tech.data, d.key)) placed.push({ tech, level, figures });
        }
        const seen = new Set<string>();
        for (const a of placed) {
          for (const b of placed) {
            if (a.tech === b.tech) continue;
            const pair = `${a.tech.data.id}\u0000${b.tech.data.id}`;
            if (seen.has(pair)) continue;
            // Only "a has more of the property than b" is tested; the reverse pair covers "less".
            if (compare(order, a.level, b.level) !== "greater") continue;
            const aLo = Math.min(...a.figures.map((f) => f.lo));
            const aHi = Math.max(...a.figures.map((f) => f.hi));
            const bLo = Math.min(...b.figures.map((f) => f.lo));
            const bHi = Math.max(...b.figures.map((f) => f.hi));
            // Contradicted only when every figure of a lies beyond every figure of b, the wrong way.
            const contradicted = sign > 0 ? aHi < bLo : aLo > bHi;
            if (!contradicted) continue;
            seen.add(pair);
            seen.add(`${b.tech.data.id}\u0000${a.tech.data.id}`);
            const recorded =
              claimsAbout(claims, subject, a.tech.data.id).length > 0 ||
              claimsAbout(claims, subject, b.tech.data.id).length > 0;
            if (recorded) continue;
            const fa = a.figures[0]!;
            const fb = b.figures[0]!;
            const show = (p: Placed) => p.figures.map((f) => `${formatFigure(f.fact)} [${f.fact.grade}]`).join(", ");
            issues.push(
              issueAt(
                "ORDERING_CONTRADICTED_BY_TECHNOLOGIES",
                a.tech.file,
                figurePath(fa),
                `ordering "${o.id}" of ${d.key} (${meaning}; ${orderingAt}) ranks ${a.tech.data.id} (${a.level}) above ` +
                  `${b.tech.data.id} (${b.level}), but their own ${against.metric} figures say the opposite: ` +
                  `${a.tech.data.id} ${show(a)} (${figureLocation(a.tech, fa)}) vs ${b.tech.data.id} ${show(b)} ` +
                  `(${figureLocation(b.tech, fb)})`,
                {
                  hint: `correct the figures or the placement, or record the exception as a claim about [${subject}, ${a.tech.data.id}] in claims.yaml`,
                },
              ),
            );
          }
        }
      }
    });
  });
  return issues;
}

function positionsOn(t: Technology, key: string): readonly string[] {
  const p = (t.position as Record<string, string | readonly string[] | undefined>)[key];
  return p === undefined ? [] : typeof p === "string" ? [p] : p;
}

function scopesOf(ctx: ValidationContext, metric: string): Set<string> {
  const scopes = new Set<string>();
  for (const t of ctx.technologies.values())
    for (const f of t.data.facts ?? []) if (f.metric === metric) scopes.add(f.scope);
  return scopes;
}
