/** @module kb/stale-figures — figures of fast-moving metrics older than their metric's threshold (STALE_FIGURE). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { invariant } from "../errors.js";
import type { AsOf } from "../model/_common.js";
import { issueAt } from "./_issue-at.js";
import { dataFileKind } from "./data-files.js";
import type { Issue } from "./issue.js";
import type { CompiledFact, Kb } from "./kb.js";
import { parseDataFile } from "./parse-data-file.js";

export interface StaleFigureOptions {
  /** The day the figures are judged at, `YYYY-MM-DD` (the CLI passes today, or `--as-of`). */
  readonly today: string;
  /** One threshold for every fast-moving metric, overriding the vocabulary's `staleAfterYears`. */
  readonly staleAfterYears?: number;
}

/** A figure older than its metric's threshold. */
export interface StaleFigure {
  /** The technology the fact belongs to. */
  readonly technology: string;
  /** The fact's index in the technology's `facts` list. */
  readonly index: number;
  readonly metric: string;
  readonly source: string;
  /** What dates it: its own `asOf` or its source's year. */
  readonly datedBy: "asOf" | "source";
  /** The date it was true, `YYYY-MM-DD` or a year. */
  readonly date: string;
  /** Whole years between that date and `today`. */
  readonly ageYears: number;
  readonly thresholdYears: number;
}

/** `YYYY-MM-DD` or a year as a fractional year (a bare year counts from its end: the kindest reading). */
function yearsOf(d: AsOf | string): number {
  if (typeof d === "number") return d + 1;
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return y + (m - 1) / 12 + (day - 1) / 365;
}

/** The date a fact was true: its `asOf`, else its source's year, else none (an undated figure). */
export function factDate(kb: Kb, fact: CompiledFact): { date: AsOf; datedBy: "asOf" | "source" } | undefined {
  if (fact.asOf !== undefined) return { date: fact.asOf, datedBy: "asOf" };
  const year = kb.sources.get(fact.source)?.year;
  return year === undefined ? undefined : { date: year, datedBy: "source" };
}

/**
 * Every technology figure of a fast-moving metric (one with `staleAfterYears`, or every metric with a
 * threshold when `staleAfterYears` is given) whose date lies more than the threshold before `today`.
 * Undated figures are not judged (the coverage report counts them).
 * @example staleFigures(kb, { today: "2026-12-07" }).map((s) => `${s.technology} ${s.metric}`)
 */
export function staleFigures(kb: Kb, options: StaleFigureOptions): StaleFigure[] {
  const now = yearsOf(options.today);
  const out: StaleFigure[] = [];
  for (const t of kb.technologies.values()) {
    t.facts.forEach((fact, index) => {
      const metric = kb.metrics.get(fact.metric);
      if (metric?.staleAfterYears === undefined) return;
      const threshold = options.staleAfterYears ?? metric.staleAfterYears;
      const dated = factDate(kb, fact);
      if (dated === undefined) return;
      const age = now - yearsOf(dated.date);
      if (age <= threshold) return;
      out.push({
        technology: t.id,
        index,
        metric: fact.metric,
        source: fact.source,
        datedBy: dated.datedBy,
        date: String(dated.date),
        ageYears: Math.floor(age),
        thresholdYears: threshold,
      });
    });
  }
  return out;
}

/**
 * The stale figures as STALE_FIGURE warnings at their place in the technology files under `dataDir`
 * (only the files that hold one are read again).
 * @example staleFigureIssues(kb, "data", { today: "2026-12-07" })[0]?.code // "STALE_FIGURE"
 */
export function staleFigureIssues(kb: Kb, dataDir: string, options: StaleFigureOptions): Issue[] {
  const stale = staleFigures(kb, options);
  const files = new Map<string, ReturnType<typeof parseDataFile>>();
  return stale.map((s) => {
    const relativePath = kb.technologies.get(s.technology)?.file ?? `technologies/${s.technology}.yaml`;
    let parsed = files.get(relativePath);
    if (parsed === undefined) {
      const absolutePath = join(dataDir, relativePath);
      const kind = dataFileKind(relativePath);
      invariant(kind !== undefined, `${relativePath} is a data file of the loaded knowledge base`);
      parsed = parseDataFile({ relativePath, absolutePath, kind, text: readFileSync(absolutePath, "utf8") });
      files.set(relativePath, parsed);
    }
    const at = s.datedBy === "asOf" ? ["facts", s.index, "asOf"] : ["facts", s.index, "source"];
    return issueAt(
      "STALE_FIGURE",
      parsed,
      at,
      `${s.technology}: the ${s.metric} figure from ${s.source} dates from ${s.date}, ${s.ageYears} years before ${options.today} (a ${s.metric} figure ages after ${s.thresholdYears} years)`,
      {
        hint: "re-measure or find a newer source and record its `asOf`; or keep it as history with a newer figure beside it",
        params: {
          technology: s.technology,
          metric: s.metric,
          source: s.source,
          date: String(s.date),
          ageYears: s.ageYears,
          today: options.today,
          thresholdYears: s.thresholdYears,
        },
      },
    );
  });
}
