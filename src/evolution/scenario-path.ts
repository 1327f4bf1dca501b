/** @module evolution/scenario-path — the seed's `get_evolution_path`: a scenario's coordinate year by year, from its history. */

import { stackParts } from "../coordinate/assign-slots.js";
import type { Coordinate, CoordinateJson } from "../coordinate/coordinate.js";
import { type Delta, describeDeltas } from "../coordinate/describe-delta.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { scenarioRequirementsAt } from "../coordinate/scenario-requirements-at.js";
import { InvalidArgumentError } from "../errors.js";
import { cncfReached } from "../i18n/kb-phrases.js";
import { type Lang, localText } from "../i18n/lang.js";
import { TIME } from "../i18n/time-phrases.js";
import type { CompiledCase, Kb } from "../kb/kb.js";
import type { Must } from "../model/requirements.js";
import type { StackComponents } from "../model/stack.js";

export interface PathEvent {
  readonly kind: "case" | "release" | "cncf" | "supersedes" | "milestone" | "requirement";
  readonly text: string;
  readonly source: string;
}

export interface PathYear {
  readonly year: number;
  /** Null before the scenario's first recorded stack. */
  readonly coordinate: CoordinateJson | null;
  readonly stack: { readonly label: string; readonly components: StackComponents } | null;
  /** The dated case the year's stack comes from. */
  readonly case: { readonly id: string; readonly year: number; readonly source: string } | null;
  /** What moved since the year before (the year itself aside), with the cause. */
  readonly changes: readonly (Delta & { readonly cause: string; readonly source: string })[];
  readonly events: readonly PathEvent[];
  /** The scenario's typical `must` in force that year (the same dated requirements `recommend` weighs). */
  readonly requirements: Must;
}

export interface ScenarioPath {
  readonly scenario: { readonly id: string; readonly names: { readonly en: string; readonly zh: string } };
  readonly from: number;
  readonly to: number;
  /** The series of cases followed, when the scenario has one (the seed's case 2 is `seed-case-2`). */
  readonly series: string | null;
  readonly years: readonly PathYear[];
}

export interface PathOptions {
  readonly from?: number;
  readonly to?: number;
  readonly series?: string;
  readonly lang?: Lang;
}

/** The series to follow by default: the one with the most cases in the range, if it has two or more. */
function defaultSeries(cases: readonly CompiledCase[], from: number, to: number): string | null {
  const counts = new Map<string, number>();
  for (const c of cases)
    if (c.series && c.year >= from && c.year <= to) counts.set(c.series, (counts.get(c.series) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && best[1] >= 2 ? best[0] : null;
}

/**
 * A scenario's coordinate for every year from `from` to `to`: the stack of its latest dated case by
 * then (following a series of cases where one covers the range), with every change, its cause and
 * source, and the year's events — releases, CNCF milestones, `supersedes` and the seed's milestones —
 * of the technologies its stacks use. Dimensions move when the history says so.
 * @example scenarioPath(kb, "serverless", { from: 2020, to: 2025 }).years.map((y) => y.coordinate?.text)
 */
export function scenarioPath(kb: Kb, name: string, options: PathOptions = {}): ScenarioPath {
  const lang = options.lang ?? "en";
  const s = resolveScenario(kb, name, "path", lang);
  const cases = kb.cases.byScenario.get(s.id) ?? [];
  const from = options.from ?? cases[0]?.year ?? 2013;
  const to = options.to ?? Math.max(from, ...cases.map((c) => c.year));
  if (from > to) throw new InvalidArgumentError(TIME.fromAfterTo(lang, { where: "path", from, to }));
  if (to - from > 100) throw new InvalidArgumentError(TIME.pathTooLong(lang, { years: to - from }));
  let series = options.series ?? defaultSeries(cases, from, to);
  if (options.series !== undefined && !cases.some((c) => c.series === options.series)) {
    const known = [...new Set(cases.map((c) => c.series).filter((x): x is string => x !== undefined))];
    throw new InvalidArgumentError(TIME.noSeries(lang, { scenario: s.id, series: options.series }), {
      suggestions: known,
    });
  }
  series ??= null;
  const records = new Map(
    recordedStacks(kb)
      .filter((r) => r.kind === "case")
      .map((r) => [r.id.slice(5), r]),
  );
  const parts = new Set(cases.flatMap((c) => stackParts(c.stack.components)));
  const years: PathYear[] = [];
  let previous: { coordinate: Coordinate; caseId: string } | null = null;
  for (let year = from; year <= to; year++) {
    const upTo = cases.filter((c) => c.year <= year);
    const inSeries = series === null ? [] : upTo.filter((c) => c.series === series);
    const pool = inSeries.length > 0 ? inSeries : upTo;
    const active = [...pool].sort(
      (a, b) =>
        b.year - a.year ||
        Number(Boolean(b.statedCoordinate)) - Number(Boolean(a.statedCoordinate)) ||
        a.id.localeCompare(b.id),
    )[0];
    const events: PathEvent[] = [...yearEvents(kb, s.id, parts, year, lang)];
    for (const r of s.requirements)
      if (r.years.from === year && r.requirement !== "prefer")
        events.push({
          kind: "requirement",
          text: TIME.typicalFrom(lang, {
            scenario: s.names[lang],
            requirement: r.requirement,
            value: JSON.stringify(r.value),
          }),
          source: r.source,
        });
    const requirements = scenarioRequirementsAt(s, year).must;
    if (!active) {
      years.push({ year, coordinate: null, stack: null, case: null, changes: [], events, requirements });
      continue;
    }
    const record = records.get(active.id)!;
    const tKey = [...kb.dimensions.values()].find((d) => d.stackRule.from === "year")?.key;
    const coordinate: Coordinate = tKey ? { ...record.coordinate, [tKey]: year } : record.coordinate;
    const changes =
      previous && previous.caseId !== active.id
        ? describeDeltas(kb, previous.coordinate, coordinate, lang, tKey ? [tKey] : []).map((d) => ({
            ...d,
            cause: localText(active.change, lang) || localText(active.title as never, lang),
            source: active.source,
          }))
        : [];
    years.push({
      year,
      coordinate: coordinateJson(kb, coordinate, lang),
      stack: { label: active.stack.label, components: active.stack.components },
      case: { id: active.id, year: active.year, source: active.source },
      changes,
      events,
      requirements,
    });
    previous = { coordinate, caseId: active.id };
  }
  return { scenario: { id: s.id, names: s.names }, from, to, series, years };
}

function yearEvents(kb: Kb, scenario: string, parts: ReadonlySet<string>, year: number, lang: Lang): PathEvent[] {
  const events: PathEvent[] = [];
  for (const c of kb.cases.byScenario.get(scenario) ?? []) {
    if (c.year === year) events.push({ kind: "case", text: c.title[lang], source: c.source });
  }
  for (const id of parts) {
    const t = kb.technologies.get(id);
    if (!t) continue;
    if (t.releasedYear === year)
      events.push({
        kind: "release",
        text: `${t.names[lang]} ${lang === "zh" ? "发布" : "released"}`,
        source: t.released.source,
      });
    for (const stage of ["accepted", "incubating", "graduated", "archived"] as const) {
      const date = t.cncf?.[stage];
      // A sub-project's dates are its parent project's, not milestones of its own.
      if (t.cncf?.parent === undefined && date?.startsWith(String(year)))
        events.push({
          kind: "cncf",
          text: `${t.names[lang]}: ${cncfReached(stage, lang)} ${date}`,
          source: "cncf-landscape",
        });
    }
    for (const r of kb.relations.out(id, "supersedes")) {
      if (r.year === year) {
        events.push({
          kind: "supersedes",
          text: `${t.names[lang]} ${lang === "zh" ? "取代" : "supersedes"} ${r.targets.map((x) => kb.technologies.get(x)?.names[lang] ?? x).join(", ")}`,
          source: r.source,
        });
      }
    }
  }
  for (const dim of kb.dimensions.values()) {
    for (const level of dim.levels) {
      if (level.year === year) {
        events.push({
          kind: "milestone",
          text: `${level.code} ${level.names[lang]}${level.change ? `: ${localText(level.change, lang)}` : ""}`,
          source: level.source ?? dim.source,
        });
      }
    }
  }
  return events;
}
