/** @module evolution/scenario-path — the seed's `get_evolution_path`: a scenario's coordinate year by year, from its history. */

import { stackParts } from "../coordinate/assign-slots.js";
import type { Coordinate, CoordinateJson } from "../coordinate/coordinate.js";
import { type Delta, describeDeltas } from "../coordinate/describe-delta.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import { cncfReached } from "../i18n/kb-phrases.js";
import { type Lang, localText } from "../i18n/lang.js";
import { TIME } from "../i18n/time-phrases.js";
import type { CompiledCase, Kb } from "../kb/kb.js";
import { scenarioRequirementsAt } from "../kb/scenario-requirements-at.js";
import type { Must } from "../model/requirements.js";
import type { StackComponents } from "../model/stack.js";

export interface PathEvent {
  readonly kind: "case" | "release" | "cncf" | "supersedes" | "milestone" | "requirement";
  readonly text: string;
  readonly source: string;
}

export interface PathYear {
  readonly year: number;
  /** Null before the first case followed. */
  readonly coordinate: CoordinateJson | null;
  readonly stack: { readonly label: string; readonly components: StackComponents } | null;
  /** The dated case the year's stack comes from. */
  readonly case: { readonly id: string; readonly year: number; readonly source: string } | null;
  /**
   * What moved since the year before (the year itself aside), with the cause the case records. Only
   * between consecutive cases of one series whose later case records what changed (`change`).
   */
  readonly changes: readonly (Delta & { readonly cause: string; readonly source: string })[];
  /**
   * The year's case follows a case of another series (or of none), when every case is followed: its
   * differences from the year before are two deployments side by side, not a change, and not shown.
   */
  readonly switched: boolean;
  readonly events: readonly PathEvent[];
  /** The scenario's typical `must` in force that year (the same dated requirements `recommend` weighs). */
  readonly requirements: Must;
}

/** A series of cases a path can follow. */
export interface PathSeries {
  readonly id: string;
  readonly cases: number;
  readonly from: number;
  readonly to: number;
  /** A case of the series comes from the seed chapter. */
  readonly seed: boolean;
}

export interface ScenarioPath {
  readonly scenario: { readonly id: string; readonly names: { readonly en: string; readonly zh: string } };
  readonly from: number;
  readonly to: number;
  /** The series of cases followed (the seed's case 2 is `seed-case-2`); null: every case of the scenario. */
  readonly series: string | null;
  /** Every series of the scenario, the default first. */
  readonly seriesOptions: readonly PathSeries[];
  readonly years: readonly PathYear[];
}

export interface PathOptions {
  readonly from?: number;
  readonly to?: number;
  /** A series id, or `all` for every case of the scenario; default: see `scenarioPath`. */
  readonly series?: string;
  readonly lang?: Lang;
}

/** The `series` value that follows every case of a scenario. */
export const ALL_SERIES = "all";

/** The scenario's series, the seed's first, then the longest (most cases, then latest), then by id. */
function seriesOf(kb: Kb, cases: readonly CompiledCase[]): PathSeries[] {
  const byId = new Map<string, CompiledCase[]>();
  for (const c of cases) if (c.series) byId.set(c.series, [...(byId.get(c.series) ?? []), c]);
  return [...byId.entries()]
    .map(([id, list]) => ({
      id,
      cases: list.length,
      from: Math.min(...list.map((c) => c.year)),
      to: Math.max(...list.map((c) => c.year)),
      seed: list.some((c) => kb.sources.get(c.source)?.kind === "seed"),
    }))
    .sort((a, b) => Number(b.seed) - Number(a.seed) || b.cases - a.cases || b.to - a.to || a.id.localeCompare(b.id));
}

/**
 * A scenario's coordinate for every year from `from` to `to`: the stack of the latest case by then of
 * one series of cases — the one asked for, else the seed's, else the longest — or of every case when
 * the scenario has no series or `series` is `all`. A change is shown, with its cause and source, only
 * where the case records it against the previous case of its series; a case of another series is
 * marked `switched`, never read as a change. With a series and no range, the range is the series'.
 * Each year carries its events — releases, CNCF milestones, `supersedes` and the seed's milestones —
 * of the technologies the scenario's stacks use.
 * @example scenarioPath(kb, "serverless", { from: 2020, to: 2025 }).years.map((y) => y.coordinate?.text)
 */
export function scenarioPath(kb: Kb, name: string, options: PathOptions = {}): ScenarioPath {
  const lang = options.lang ?? "en";
  const s = resolveScenario(kb, name, "path", lang);
  const cases = kb.cases.byScenario.get(s.id) ?? [];
  const seriesOptions = seriesOf(kb, cases);
  if (
    options.series !== undefined &&
    options.series !== ALL_SERIES &&
    !seriesOptions.some((x) => x.id === options.series)
  ) {
    throw new InvalidArgumentError(TIME.noSeries(lang, { scenario: s.id, series: options.series }), {
      suggestions: [...seriesOptions.map((x) => x.id), ALL_SERIES],
    });
  }
  const chosen =
    options.series === ALL_SERIES
      ? undefined
      : options.series !== undefined
        ? seriesOptions.find((x) => x.id === options.series)
        : seriesOptions[0];
  const series = chosen?.id ?? null;
  const followed = series === null ? cases : cases.filter((c) => c.series === series);
  const from = options.from ?? chosen?.from ?? cases[0]?.year ?? 2013;
  const to = options.to ?? Math.max(from, ...(chosen ? [chosen.to] : cases.map((c) => c.year)));
  if (from > to) throw new InvalidArgumentError(TIME.fromAfterTo(lang, { where: "path", from, to }));
  if (to - from > 100) throw new InvalidArgumentError(TIME.pathTooLong(lang, { years: to - from }));
  const records = new Map(
    recordedStacks(kb)
      .filter((r) => r.kind === "case")
      .map((r) => [r.id.slice(5), r]),
  );
  const parts = new Set(cases.flatMap((c) => stackParts(c.stack.components)));
  const tKey = [...kb.dimensions.values()].find((d) => d.stackRule.from === "year")?.key;
  const years: PathYear[] = [];
  let previous: { coordinate: Coordinate; case: CompiledCase } | null = null;
  for (let year = from; year <= to; year++) {
    const active = [...followed.filter((c) => c.year <= year)].sort(
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
            value: r.value,
          }),
          source: r.source,
        });
    const requirements = scenarioRequirementsAt(s, year).must;
    if (!active) {
      years.push({
        year,
        coordinate: null,
        stack: null,
        case: null,
        changes: [],
        switched: false,
        events,
        requirements,
      });
      continue;
    }
    const record = records.get(active.id)!;
    const coordinate: Coordinate = tKey ? { ...record.coordinate, [tKey]: year } : record.coordinate;
    const moved = previous !== null && previous.case.id !== active.id;
    // A change has a cause only within one series, and only where the later case records it.
    const sameSeries = moved && active.series !== undefined && active.series === previous?.case.series;
    const cause = sameSeries ? localText(active.change, lang) : "";
    const changes =
      previous && cause !== ""
        ? describeDeltas(kb, previous.coordinate, coordinate, lang, tKey ? [tKey] : []).map((d) => ({
            ...d,
            cause,
            source: active.source,
          }))
        : [];
    years.push({
      year,
      coordinate: coordinateJson(kb, coordinate, lang),
      stack: { label: active.stack.label, components: active.stack.components },
      case: { id: active.id, year: active.year, source: active.source },
      changes,
      switched: moved && !sameSeries,
      events,
      requirements,
    });
    previous = { coordinate, case: active };
  }
  return { scenario: { id: s.id, names: s.names }, from, to, series, seriesOptions, years };
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
        text: TIME.released(lang, { name: t.names[lang] }),
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
          text: TIME.supersedes(lang, {
            name: t.names[lang],
            targets: r.targets.map((x) => kb.technologies.get(x)?.names[lang] ?? x),
          }),
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
