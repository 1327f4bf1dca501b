/** @module web/pages/evolution/evolution-options — the Evolution page's charts as ECharts options, from its answers (pure). */
import type { Answer } from "../../lib/api-contract.js";
import type { Lang, T } from "../../lib/i18n.js";
import { eventKindWord } from "../../lib/vocabulary.js";

type ScenarioPath = Answer<"GET /api/path/{scenario}">;
type ScenarioForecast = Answer<"GET /api/predict/scenarios/{scenario}">;
type Backtest = Answer<"GET /api/predict/backtest">;
type Timeline = Answer<"GET /api/timeline">;
export type ScenarioBacktest = ScenarioForecast["backtest"];
type Horizon = ScenarioBacktest["byDimension"][string][number]["horizon"];

export const ORDINAL = ["D", "X", "Z"] as const;
export const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

/** A figure to three places, or "—" where there is none. */
export const fixed = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(3));
export const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? "—" : `${(x * 100).toFixed(0)} %`);
export const horizonLabel = (h: Horizon) =>
  h.from === h.to ? String(h.from) : h.to >= 100 ? `${h.from}+` : `${h.from}–${h.to}`;

/** Events per year, stacked by kind, with the milestones marked. */
export function timelineOption(tl: Timeline, lang: Lang) {
  const years: number[] = [];
  for (let y = tl.from; y <= tl.to; y++) years.push(y);
  const kinds = [...new Set(tl.events.map((e) => e.kind))];
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: years.map(String) },
    yAxis: { type: "value", minInterval: 1 },
    series: kinds.map((k, i) => ({
      name: eventKindWord(k, lang),
      type: "bar",
      stack: "events",
      itemStyle: { color: COLORS[i % COLORS.length] },
      data: years.map((y) => tl.events.filter((e) => e.kind === k && e.year === y).length),
      ...(i === 0
        ? {
            markLine: {
              symbol: "none",
              lineStyle: { color: "#444", type: "dashed" },
              label: { formatter: "{b}", position: "end" },
              data: tl.milestones.map((m) => ({ name: m.subject, xAxis: String(m.year) })),
            },
          }
        : {}),
    })),
  };
}

/** The scenario's path on the ordinal dimensions, year by year. */
export function pathOption(p: ScenarioPath, dimName: (k: string) => string) {
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: p.years.map((y) => String(y.year)) },
    yAxis: { type: "value", min: 0, max: 4, interval: 1 },
    series: ORDINAL.map((k, i) => ({
      name: dimName(k),
      type: "line",
      step: "middle",
      symbolSize: 8,
      itemStyle: { color: COLORS[i] },
      data: p.years.map((y) => y.coordinate?.[k] ?? null),
    })),
  };
}

/** One chart per ordinal dimension: the history, the forecast and its interval. */
export function forecastOptions(f: ScenarioForecast, hist: ScenarioPath["years"], dimName: (k: string) => string) {
  const years = [...hist.map((y) => y.year), ...f.years.map((y) => y.year)];
  const cats = [...new Set(years)].sort((a, b) => a - b).map(String);
  return ORDINAL.map((k, i) => {
    const at = (y: string) => f.years.find((x) => String(x.year) === y)?.dimensions[k];
    // No band where the history says nothing (no signal): the chart shows the gap.
    const low = cats.map((y) => at(y)?.low ?? null);
    const band = cats.map((y) => {
      const d = at(y);
      return d && d.low !== null && d.high !== null ? d.high - d.low : null;
    });
    return {
      key: k,
      option: {
        title: { text: dimName(k), left: 0, textStyle: { fontSize: 13 } },
        tooltip: { trigger: "axis" },
        grid: { left: 36, right: 12, top: 40, bottom: 24 },
        xAxis: { type: "category", data: cats, boundaryGap: false },
        yAxis: { type: "value", min: 0, max: 4, interval: 1 },
        series: [
          { name: "low", type: "line", stack: `band-${k}`, data: low, lineStyle: { opacity: 0 }, symbol: "none" },
          {
            name: "interval",
            type: "line",
            stack: `band-${k}`,
            data: band,
            lineStyle: { opacity: 0 },
            symbol: "none",
            areaStyle: { color: COLORS[i], opacity: 0.18 },
          },
          {
            name: "history",
            type: "line",
            step: "middle",
            itemStyle: { color: "#333" },
            data: cats.map((y) => hist.find((h) => String(h.year) === y)?.coordinate?.[k] ?? null),
          },
          {
            name: "forecast",
            type: "line",
            lineStyle: { type: "dashed" },
            itemStyle: { color: COLORS[i] },
            data: cats.map((y) => (at(y) ? Number(at(y)!.value) : null)),
          },
        ],
      },
    };
  });
}

/** The scenario forecasts' interval coverage per dimension and horizon, against the nominal level. */
export function coverageOption(bt: ScenarioBacktest, t: T) {
  const keys = Object.keys(bt.byDimension);
  const horizons = bt.byDimension[keys[0] ?? ""]?.map((r) => r.horizon) ?? [];
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 36 },
    xAxis: {
      type: "category",
      name: t("horizon"),
      nameLocation: "middle",
      nameGap: 24,
      data: horizons.map(horizonLabel),
    },
    yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v) } },
    series: [
      ...keys.map((k, i) => ({
        name: k,
        type: "line",
        connectNulls: false,
        itemStyle: { color: COLORS[i % COLORS.length] },
        data: horizons.map((h) => {
          const r = bt.byDimension[k]!.find((x) => x.horizon.from === h.from);
          return r && r.withSignal > 0 && r.coverage !== null ? +r.coverage.toFixed(3) : null;
        }),
      })),
      {
        name: t("nominal", { nominal: pct(bt.nominal) }),
        type: "line",
        data: horizons.map(() => bt.nominal),
        symbol: "none",
        lineStyle: { type: "dotted", color: "#555" },
        itemStyle: { color: "#555" },
      },
    ],
  };
}

/** The observability signals' probabilities year by year: one line per signal, the record at the anchor. */
export function signalOption(f: ScenarioForecast) {
  const codes = f.years[0]?.dimensions.O?.signals?.map((s) => s.code) ?? [];
  if (codes.length === 0) return undefined;
  return {
    tooltip: { trigger: "axis", valueFormatter: (v: number) => pct(v) },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: f.years.map((y) => String(y.year)) },
    yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: (v: number) => pct(v) } },
    series: codes.map((c, i) => ({
      name: c,
      type: "line",
      itemStyle: { color: COLORS[i % COLORS.length] },
      data: f.years.map((y) => {
        const p = y.dimensions.O?.signals?.find((s) => s.code === c)?.probability;
        return p === undefined ? null : +p.toFixed(3);
      }),
    })),
  };
}

/** The project backtest: the model's AUC and Brier against the baselines, and its calibration. */
export function backtestOptions(b: Backtest, t: T) {
  const names = [t("model"), t("baseRate"), t("constant")];
  const rows = [b.model, b.baselines.baseRate, b.baselines.constant];
  return {
    scores: {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: ["AUC ↑", "Brier ↓"] },
      yAxis: { type: "value", min: 0, max: 1 },
      series: names.map((n, i) => ({
        name: n,
        type: "bar",
        itemStyle: { color: COLORS[i] },
        label: { show: true, position: "top", formatter: (p: { value: number | null }) => fixed(p.value) },
        data: [rows[i]!.auc, rows[i]!.brier].map((x) => (x === null ? null : +x.toFixed(4))),
      })),
    },
    calibration: {
      tooltip: { trigger: "item" },
      grid: { left: 44, right: 16, top: 16, bottom: 40 },
      xAxis: { type: "value", min: 0, max: 1, name: "predicted", nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", min: 0, max: 1, name: "observed" },
      series: [
        {
          type: "line",
          data: [
            [0, 0],
            [1, 1],
          ],
          symbol: "none",
          lineStyle: { type: "dotted", color: "#666" },
        },
        {
          type: "scatter",
          itemStyle: { color: COLORS[0] },
          symbolSize: (v: number[]) => Math.max(6, Math.sqrt(v[2] ?? 1) * 3),
          data: b.calibration
            .filter((c) => c.meanPredicted !== null && c.observed !== null)
            .map((c) => [+(c.meanPredicted ?? 0).toFixed(3), +(c.observed ?? 0).toFixed(3), c.count]),
        },
      ],
    },
  };
}
