/** @module evolution/project-histories — the dated CNCF history of every project: the data project forecasts are fitted on. */
import { InvalidArgumentError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import type { LandscapeItem, LandscapeStage } from "../kb/import/read-landscape.js";
import type { Kb } from "../kb/kb.js";
import { normalizeName } from "../kb/normalize-name.js";

/** One CNCF project's dated stages (ISO dates) and its landscape category. */
export interface ProjectHistory {
  readonly name: string;
  /** The curated technology it is, when the knowledge base has it. */
  readonly technology?: string;
  readonly category: string;
  readonly accepted: string;
  readonly incubating?: string;
  readonly graduated?: string;
  readonly archived?: string;
}

/**
 * The CNCF projects of a landscape (items with a maturity and an acceptance date), once per name;
 * where the curated knowledge base has the project, its dates win.
 * @example projectHistories(readLandscape(file), kb).find((p) => p.name === "Kubernetes")?.graduated // "2018-03-06"
 */
export function projectHistories(items: readonly LandscapeItem[], kb?: Kb): ProjectHistory[] {
  const curated = new Map<string, NonNullable<ReturnType<Kb["technologies"]["get"]>>>();
  if (kb)
    for (const t of kb.technologies.values())
      if (t.cncf) curated.set(normalizeName(t.cncf.landscapeName ?? t.names.en), t);
  const seen = new Set<string>();
  const out: ProjectHistory[] = [];
  for (const item of items) {
    if (item.project === undefined) continue;
    const key = normalizeName(item.name);
    if (seen.has(key)) continue;
    const t = curated.get(key);
    const dates: { readonly [K in LandscapeStage]?: string | undefined } = t?.cncf ?? item.dates;
    if (dates.accepted === undefined) continue;
    seen.add(key);
    out.push({
      name: item.name,
      ...(t ? { technology: t.id } : {}),
      category: item.category,
      accepted: dates.accepted,
      ...(dates.incubating ? { incubating: dates.incubating } : {}),
      ...(dates.graduated ? { graduated: dates.graduated } : {}),
      ...(dates.archived ? { archived: dates.archived } : {}),
    });
  }
  return out;
}

/**
 * What was known at `cutoff`: projects accepted by then, with every later date removed.
 * @example truncateHistories(histories, "2021-12-31").every((p) => p.accepted <= "2021-12-31") // true
 */
export function truncateHistories(histories: readonly ProjectHistory[], cutoff: string): ProjectHistory[] {
  checkDate(cutoff, "cutoff");
  const out: ProjectHistory[] = [];
  for (const h of histories) {
    if (h.accepted > cutoff) continue;
    out.push({
      name: h.name,
      ...(h.technology ? { technology: h.technology } : {}),
      category: h.category,
      accepted: h.accepted,
      ...(h.incubating && h.incubating <= cutoff ? { incubating: h.incubating } : {}),
      ...(h.graduated && h.graduated <= cutoff ? { graduated: h.graduated } : {}),
      ...(h.archived && h.archived <= cutoff ? { archived: h.archived } : {}),
    });
  }
  return out;
}

/** Throws {@link InvalidArgumentError} (worded in `lang`) unless `date` is a real 'YYYY-MM-DD' date. */
export function checkDate(date: string, what: string, lang: Lang = "en"): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !t || t.toISOString().slice(0, 10) !== date)
    throw new InvalidArgumentError(PREDICT.notADate(lang, { what, date }));
}
