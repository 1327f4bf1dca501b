/** @module recommend/describe-piece — what a term piece rests on, in words, with its source and grade. */
import { t as word } from "../i18n/messages.js";
import { cncfStatusText, PIECE } from "../i18n/recommend-phrases.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import { cncfScoreCached } from "./_scored-pieces.js";
import { slotDimension } from "./_validate-requirements.js";
import type { QueryContext } from "./query-context.js";
import type { TermPiece } from "./stack-terms.js";

/**
 * What a term piece rests on, in words (in the query's language), with its source and grade where a
 * figure decided it. Made on demand, for the stacks shown: the cached pieces hold numbers and keys only.
 * @example describePiece(ctx, ctx.runtimes[0]!.pieces[0]!).text // "WasmEdge cold start ≤ 1 ms"
 */
export function describePiece(ctx: QueryContext, p: TermPiece): { text: string; source?: string; grade?: string } {
  const { kb, lang } = ctx;
  const t = p.part === null ? undefined : kb.technologies.get(p.part);
  const who = t ? t.names[lang] : PIECE.emptySlot(lang, { slot: p.slot });
  switch (p.basis) {
    case "figure": {
      const label = p.label ?? "";
      if (!p.figure) return { text: PIECE.noFigure(lang, { who, label }) };
      const f = p.figure;
      return {
        text: PIECE.figure(lang, {
          who,
          label,
          figure: formatNormalizedFigure(f.fact),
          ...(f.estimated ? { estimatedFrom: f.fact.subject } : {}),
        }),
        source: f.fact.source,
        grade: f.fact.grade,
      };
    }
    case "isolation": {
      const dim = slotDimension(kb, "runtime");
      const v = t && dim ? t.positionValues[dim.key]?.[0] : undefined;
      const level = v === undefined || !dim ? undefined : dim.levelByValue.get(v);
      return {
        text: level
          ? PIECE.isolation(lang, {
              who,
              code: level.code,
              level: level.names[lang],
              percent: +(p.value * 100).toFixed(0),
              ordering: dim?.distanceBy ?? word("level", lang),
            })
          : PIECE.noIsolation(lang, { who }),
        ...(dim ? { source: dim.source } : {}),
      };
    }
    case "maturity": {
      if (!t) return { text: "" };
      const year = ctx.req.year;
      const c = cncfScoreCached(t, year);
      return {
        text: PIECE.maturity(lang, {
          who,
          status: cncfStatusText(c.status, year, lang),
          years: Math.max(0, year - t.releasedYear),
          released: t.releasedYear,
          year,
        }),
        source: t.released.source,
      };
    }
    case "fit": {
      const fit = ctx.fit;
      const sc = ctx.req.scenario;
      if (!fit || !sc) return { text: PIECE.noScenario(lang) };
      const count = fit.counts[p.slot].get(p.part ?? "-") ?? 0;
      const dim = p.slot === "observability" ? undefined : slotDimension(kb, p.slot);
      const want = dim ? fit.target[dim.key] : undefined;
      const target =
        want && fit.targetFrom
          ? PIECE.fitTarget(lang, {
              year: fit.targetFrom.year,
              scenario: sc.id,
              dim: `${dim?.key}`,
              levels: want.join("/"),
            })
          : "";
      return { text: PIECE.fit(lang, { who, count, n: fit.n, scenario: sc.id, target }) };
    }
    case "empty":
      return { text: p.term === "overhead" ? PIECE.nothingInPath(lang, { who }) : PIECE.nothingToJudge(lang, { who }) };
  }
}
