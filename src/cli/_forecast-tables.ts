/** @module cli/_forecast-tables — a scenario forecast, its drivers and the scenario backtest as text tables. */

import type { ScenarioBacktest } from "../evolution/backtest-scenarios.js";
import type { DimensionForecast, ScenarioForecast } from "../evolution/forecast-scenario.js";
import type { DriverEvidence } from "../evolution/scenario-drivers.js";
import { cncfStage } from "../i18n/kb-phrases.js";
import type { Lang } from "../i18n/lang.js";
import { PREDICT } from "../i18n/time-phrases.js";
import { type Io, textTable } from "./_output.js";

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "—");
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "—");

/** A signal's probability is listed when at least this likely. */
const SHOWN_SIGNAL = 0.05;

/** One dimension's cell: `4 [3–4] 92%`, `4 no signal`, or each likely signal with its probability. */
function cell(d: DimensionForecast, lang: Lang): string {
  if (d.method === "recorded") {
    const v = Array.isArray(d.value) ? (d.value as string[]).join("+") || "∅" : String(d.value);
    return `${v} (${PREDICT.recordedCell(lang)})`;
  }
  if (d.signals) {
    const shown = d.signals
      .filter((s) => s.probability >= SHOWN_SIGNAL)
      .sort((a, b) => b.probability - a.probability || a.code.localeCompare(b.code))
      .map((s) => `${s.code} ${pct(s.probability)}`);
    return shown.join(", ") || "∅";
  }
  if (d.noSignal) return `${String(d.value)} ${PREDICT.noSignal(lang)}`;
  const range = d.low === d.high ? `[${d.low}]` : `[${d.low}–${d.high}]`;
  return `${String(d.value)} ${range} ${pct(d.confidence)}`;
}

/** One piece of a driver's evidence, in words. */
export function evidenceText(e: DriverEvidence, lang: Lang): string {
  switch (e.kind) {
    case "release":
      return PREDICT.evidenceRelease(lang, e);
    case "cncf":
      return PREDICT.evidenceCncf(lang, { stage: cncfStage(e.stage, e.date, lang), source: e.source });
    case "supersedes":
      return PREDICT.evidenceSupersedes(lang, { year: e.year, targets: e.targets.join(", "), source: e.source });
    case "adoption":
      return PREDICT.evidenceAdoption(lang, {
        cases: e.cases,
        latest: e.latest.id,
        scenario: e.latest.scenario,
        year: e.latest.year,
        source: e.latest.source,
      });
  }
}

/** `predict <scenario>` for people: title, method, the yearly table, then drivers and what to watch. */
export function scenarioForecastText(io: Io, f: ScenarioForecast, lang: Lang): string {
  const keys = Object.keys(f.years[0]?.dimensions ?? {}).filter((k) => f.years[0]!.dimensions[k]!.method !== "fixed");
  const rows = f.years.map((y) => [
    String(y.year),
    y.coordinate.text,
    ...keys.map((k) => cell(y.dimensions[k]!, lang)),
    y.actual?.text ?? "",
  ]);
  const drivers = f.drivers.map((d) => [
    d.dimension,
    PREDICT.driverRole(lang, { role: d.role }),
    d.names[lang],
    d.levels.join(", "),
    d.evidence.map((e) => evidenceText(e, lang)).join("; "),
  ]);
  return [
    PREDICT.scenarioTitle(lang, {
      scenario: f.scenario.names[lang],
      from: f.from,
      to: f.to,
      anchor: f.anchor.year,
      first: f.history.from,
      cases: f.history.cases,
    }),
    PREDICT.method(lang, { nominal: pct(f.nominal), min: f.backtest.minCalibration, outcomes: f.backtest.forecasts }),
    textTable(io, [...PREDICT.scenarioHead(lang).slice(0, 2), ...keys, PREDICT.scenarioHead(lang)[2]!], rows),
    PREDICT.driversTitle(lang),
    textTable(io, PREDICT.driversHead(lang), drivers),
  ].join("\n");
}

/** The scenario half of `predict --backtest`: coverage per dimension and horizon, then the signals' Brier scores. */
export function scenarioBacktestText(io: Io, bt: ScenarioBacktest, lang: Lang): string {
  const horizons = [
    ...new Map(
      Object.values(bt.byDimension)
        .flat()
        .map((r) => [r.horizon.from, r.horizon]),
    ).values(),
  ].sort((a, b) => a.from - b.from);
  const label = (h: { from: number; to: number }) =>
    h.from === h.to ? String(h.from) : h.to >= 100 ? `${h.from}+` : `${h.from}–${h.to}`;
  const rows = Object.entries(bt.byDimension).map(([key, list]) => [
    key,
    ...horizons.map((h) => {
      const r = list.find((x) => x.horizon.from === h.from);
      if (!r) return "";
      if (r.withSignal === 0) return PREDICT.noSignalCell(lang, { outcomes: r.count });
      return PREDICT.coverageCell(lang, {
        coverage: pct(r.coverage),
        intervals: r.withSignal,
        outcomes: r.count,
        exact: pct(r.exact),
      });
    }),
  ]);
  const parts = [
    PREDICT.coverageTitle(lang, { nominal: pct(bt.nominal), outcomes: bt.forecasts, min: bt.minCalibration }),
    textTable(io, [...PREDICT.coverageHead(lang), ...horizons.map(label)], rows),
  ];
  for (const [key, list] of Object.entries(bt.signals)) {
    parts.push(PREDICT.signalTitle(lang, { key }));
    parts.push(
      textTable(
        io,
        PREDICT.signalHead(lang),
        list.map((r) => [label(r.horizon), String(r.count), num(r.brier), num(r.persistence), num(r.baseRate)]),
      ),
    );
  }
  return parts.join("\n");
}
