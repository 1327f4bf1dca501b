/** @module web/pages/evolution-page — the timeline, a scenario's path across years, forecasts with intervals, and the backtests behind their confidence. */
import { type ComponentProps, Fragment, useMemo } from "react";
import { Chart } from "../charts/chart.js";
import { AnswerStatus } from "../components/answer-status.js";
import { ErrorBox } from "../components/error-box.js";
import { SelectField } from "../components/field.js";
import { List } from "../components/list.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import type { Answer } from "../lib/api-contract.js";
import { dimensionLabel, readDimensions } from "../lib/dimensions.js";
import { type MessageKey, type T, useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

type ScenarioPath = Answer<"GET /api/path/{scenario}">;
type ScenarioForecast = Answer<"GET /api/predict/scenarios/{scenario}">;
type Backtest = Answer<"GET /api/predict/backtest">;
type ScenarioBacktest = ScenarioForecast["backtest"];
type Driver = ScenarioForecast["drivers"][number];
type Evidence = Driver["evidence"][number];
type DimForecast = ScenarioForecast["years"][number]["dimensions"][string];
type Horizon = ScenarioBacktest["byDimension"][string][number]["horizon"];
type CoordinateJson = ScenarioForecast["anchor"]["coordinate"];

const ORDINAL = ["D", "X", "Z"] as const;
/** The dimensions a forecast table shows: every one a stack sets (not the year or the scenario). */
const FORECAST_KEYS = ["D", "X", "Z", "A", "O"] as const;
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];
/** A figure to three places, or "—" where there is none. */
const fixed = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(3));
const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? "—" : `${(x * 100).toFixed(0)} %`);
const horizonLabel = (h: Horizon) =>
  h.from === h.to ? String(h.from) : h.to >= 100 ? `${h.from}+` : `${h.from}–${h.to}`;

export default function EvolutionPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const scenarios = useApi("GET /api/scenarios", lang);
  const scenario = query.get("scenario") ?? scenarios.data?.scenarios[0]?.id ?? null;
  const selectedYear = query.get("year");
  const timeline = useApi("GET /api/timeline", lang);
  const dims = useApi("GET /api/dimensions", lang);
  // The series and the years of the path: chosen by the user, else the API's defaults (the seed's series, its years).
  const pathQuery = { series: query.get("pathSeries"), from: query.get("pathFrom"), to: query.get("pathTo") };
  const path = useApi(scenario ? "GET /api/path/{scenario}" : null, lang, {
    path: { scenario: scenario ?? "" },
    query: pathQuery,
  });
  const forecast = useApi(scenario ? "GET /api/predict/scenarios/{scenario}" : null, lang, {
    path: { scenario: scenario ?? "" },
  });
  const backtest = useApi("GET /api/predict/backtest", lang);
  // The years a path can span: the timeline's (every dated event), widened to the path's own range.
  const firstYear = Math.min(timeline.data?.from ?? 9999, path.data?.from ?? 9999);
  const lastYear = Math.max(timeline.data?.to ?? 0, path.data?.to ?? 0);
  const pathYears =
    lastYear >= firstYear ? Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i) : [];
  const dimInfo = useMemo(() => (dims.data ? readDimensions(dims.data) : []), [dims.data]);
  const dimName = (k: string) =>
    dimensionLabel(
      dimInfo.find((x) => x.key === k),
      k,
      lang,
    );

  const timelineOption = useMemo(() => {
    const tl = timeline.data;
    if (!tl) return undefined;
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
        name: k,
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
  }, [timeline.data]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dimension names follow the language and the dimensions answer
  const pathOption = useMemo(() => {
    const p = path.data;
    if (!p) return undefined;
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
  }, [path.data, dimInfo, lang]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dimension names follow the language and the dimensions answer
  const forecastOptions = useMemo(() => {
    const f = forecast.data;
    if (!f) return [];
    const hist = path.data?.years ?? [];
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
  }, [forecast.data, path.data, dimInfo, lang]);

  const coverageOption = useMemo(() => {
    const bt = backtest.data?.scenarios;
    if (!bt) return undefined;
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
  }, [backtest.data, t]);

  // The observability signals' probabilities year by year: one line per signal, the record at the anchor.
  const signalOption = useMemo(() => {
    const f = forecast.data;
    if (!f) return undefined;
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
  }, [forecast.data]);

  const backtestOptions = useMemo(() => {
    const b = backtest.data;
    if (!b) return undefined;
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
  }, [backtest.data, t]);

  const eventsOfYear =
    selectedYear && timeline.data ? timeline.data.events.filter((e) => String(e.year) === selectedYear) : [];

  return (
    <div className="page evolution" data-testid="evolution-page">
      <h1>{t("evolutionTitle")}</h1>

      <section aria-labelledby="evo-timeline">
        <h2 id="evo-timeline">{t("timeline")}</h2>
        <AnswerStatus answer={timeline} />
        {timelineOption && (
          <Chart
            label={t("timelineChart")}
            option={timelineOption}
            height={300}
            testId="timeline-chart"
            onClick={(p) => p.name && setQuery({ year: p.name })}
          />
        )}
        {timeline.data && (
          <SelectField
            id="evo-year"
            className="inline"
            label={t("eventsIn", { year: "" }).trim()}
            value={selectedYear ?? ""}
            onChange={(y) => setQuery({ year: y || null })}
            blank="—"
            choices={Array.from({ length: timeline.data.to - timeline.data.from + 1 }, (_, i) => {
              const y = timeline.data!.from + i;
              return { value: y, label: y };
            })}
          />
        )}
        {eventsOfYear.length > 0 && (
          <List items={eventsOfYear} className="timeline-list" label={t("eventsIn", { year: selectedYear ?? "" })}>
            {(e) => (
              <>
                <span className="tag">{e.kind}</span> {e.text} <SourceRef source={e.source} />
              </>
            )}
          </List>
        )}
        {timeline.data && (
          <details>
            <summary>{t("milestones")}</summary>
            <List items={timeline.data.milestones}>
              {(m) => (
                <>
                  <strong>{m.year}</strong> {m.text} <SourceRef source={m.source} />
                </>
              )}
            </List>
          </details>
        )}
      </section>

      <section aria-labelledby="evo-path">
        <h2 id="evo-path">{t("path")}</h2>
        {scenarios.error && <ErrorBox error={scenarios.error} />}
        <SelectField
          id="evo-scenario"
          className="inline"
          label={t("scenario")}
          value={scenario ?? ""}
          onChange={(x) => setQuery({ scenario: x, pathSeries: null, pathFrom: null, pathTo: null })}
          choices={(scenarios.data?.scenarios ?? []).map((s) => ({
            value: s.id,
            label: `${s.names[lang]} (${s.cases})`,
          }))}
        />
        {path.data && (
          <>
            <SelectField
              id="evo-series"
              className="inline"
              label={t("pathSeries")}
              value={path.data.series ?? "all"}
              onChange={(x) => setQuery({ pathSeries: x, pathFrom: null, pathTo: null })}
              choices={[
                ...path.data.seriesOptions.map((x) => ({
                  value: x.id,
                  label: `${x.id} (${x.from}–${x.to}, ${x.cases})`,
                })),
                { value: "all", label: t("pathAllCases") },
              ]}
            />
            {(["from", "to"] as const).map((end) => (
              <SelectField
                key={end}
                id={`evo-path-${end}`}
                className="inline"
                label={t(end)}
                value={String(path.data![end])}
                onChange={(y) => setQuery({ [end === "from" ? "pathFrom" : "pathTo"]: y || null })}
                choices={pathYears.map((y) => ({ value: y, label: y }))}
              />
            ))}
          </>
        )}
        <AnswerStatus answer={path} />
        {pathOption && <Chart label={t("pathChart")} option={pathOption} height={260} testId="path-chart" />}
        {path.data && (
          <Table testId="path-table" columns={[t("year"), t("coordinate"), t("stackInput"), t("changes")]}>
            {path.data.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="mono">{y.coordinate?.text ?? t("pathNoCase")}</td>
                <td>{y.stack?.label ?? "—"}</td>
                <td>
                  {y.switched && <div className="hint">{t("pathSwitched")}</div>}
                  {keyed(y.changes).map(([i, c]) => (
                    <div key={i}>
                      {c.text}
                      {c.cause && <div className="hint">{c.cause}</div>}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="evo-forecast">
        <h2 id="evo-forecast">{t("forecast")}</h2>
        <p className="hint">{t("forecastHelp")}</p>
        <AnswerStatus answer={forecast} />
        {forecast.data && (
          <>
            <div className="chart-grid" data-testid="forecast-charts">
              {forecastOptions.map((f) => (
                <Chart key={f.key} label={`${t("forecast")} ${f.key}`} option={f.option} height={220} />
              ))}
            </div>
            <p className="hint" data-testid="forecast-anchor">
              {t("forecastAnchor", {
                year: forecast.data.anchor.year,
                first: forecast.data.history.from,
                cases: forecast.data.history.cases,
              })}
            </p>
            <Table
              testId="forecast-table"
              columns={[t("year"), t("coordinate"), ...FORECAST_KEYS.map((k) => <Fragment key={k}>{k}</Fragment>)]}
            >
              {forecast.data.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <td className="mono">{y.coordinate.text}</td>
                  {FORECAST_KEYS.map((k) => {
                    const d = y.dimensions[k];
                    return (
                      <td key={k} className="num">
                        {d ? forecastCell(d, t) : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </Table>
            <p className="hint">
              {t("method")}:{" "}
              {t("forecastMethod", {
                nominal: pct(forecast.data.nominal),
                min: forecast.data.backtest.minCalibration,
                outcomes: forecast.data.backtest.forecasts,
              })}
            </p>
            {signalOption && (
              <>
                <h3>{t("signalChart")}</h3>
                <Chart label={t("signalChart")} option={signalOption} height={220} testId="signal-chart" />
              </>
            )}
            <h3>{t("drivers")}</h3>
            <p className="hint">{t("driversHelp")}</p>
            <Table testId="drivers-table" columns={[t("dimension"), t("driverRole"), t("technology"), t("evidence")]}>
              {forecast.data.drivers.map((d) => (
                <tr key={`${d.dimension}-${d.role}-${d.technology}`}>
                  <th scope="row">{d.dimension}</th>
                  <td>{d.role === "driver" ? t("driverIn") : t("driverWatch")}</td>
                  <td>
                    {d.names[lang]} <span className="mono">{d.levels.join(", ")}</span>
                  </td>
                  <td>
                    {keyed(d.evidence).map(([i, e]) => (
                      <div key={i}>
                        {evidenceWords(e, t)} <SourceRef source={"source" in e ? e.source : e.latest.source} />
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="evo-backtest">
        <h2 id="evo-backtest">{t("backtest")}</h2>
        <p className="hint">{t("backtestHelp")}</p>
        <AnswerStatus answer={backtest} />
        {backtest.data && backtestOptions && (
          <>
            <p data-testid="backtest-figures">
              {t("from")} {backtest.data.cutoff} {t("to")} {backtest.data.horizon}: AUC {fixed(backtest.data.model.auc)}{" "}
              ({t("baseRate")} {fixed(backtest.data.baselines.baseRate.auc)}), Brier {fixed(backtest.data.model.brier)}{" "}
              ({t("baseRate")} {fixed(backtest.data.baselines.baseRate.brier)})
              {backtest.data.counts && ` — ${t("backtestCounts", backtest.data.counts)}`}
            </p>
            {backtest.data.learnable && (
              <p className="hint" data-testid="backtest-learnable">
                {t("learnable", {
                  events: backtest.data.learnable.events.map((e) => t(`event_${e}` as MessageKey)).join(" + "),
                  count: backtest.data.learnable.count,
                  auc: fixed(backtest.data.learnable.model.auc),
                  baseAuc: fixed(backtest.data.learnable.baseRate.auc),
                  brier: fixed(backtest.data.learnable.model.brier),
                  baseBrier: fixed(backtest.data.learnable.baseRate.brier),
                })}
              </p>
            )}
            <div className="chart-grid two">
              <Chart
                label={`${t("backtest")}: AUC, Brier`}
                option={backtestOptions.scores}
                height={260}
                testId="backtest-chart"
              />
              <Chart label={t("calibration")} option={backtestOptions.calibration} height={260} />
            </div>
          </>
        )}
        {backtest.data?.scenarios && <ScenarioCoverage bt={backtest.data.scenarios} option={coverageOption} />}
      </section>
    </div>
  );
}

/** One dimension's forecast in words: the record, the value with its interval and measured coverage, no signal, or the signals' probabilities. */
function forecastCell(d: DimForecast, t: T): string {
  if (d.method === "recorded") {
    const v = Array.isArray(d.value) ? (d.value as string[]).join("+") || "∅" : String(d.value);
    return `${v} (${t("recorded")})`;
  }
  if (d.signals)
    return (
      d.signals
        .filter((s) => s.probability >= 0.05)
        .sort((a, b) => b.probability - a.probability)
        .map((s) => `${s.code} ${pct(s.probability)}`)
        .join(", ") || "∅"
    );
  if (d.noSignal || d.low === null || d.high === null) return `${String(d.value)} ${t("noSignal")}`;
  return `${String(d.value)} [${d.low === d.high ? d.low : `${d.low}–${d.high}`}] ${pct(d.confidence)}`;
}

function evidenceWords(e: Evidence, t: T): string {
  switch (e.kind) {
    case "release":
      return t("evRelease", { year: e.year });
    case "cncf":
      return t("evCncf", { stage: t(`stage_${e.stage}` as MessageKey), date: e.date });
    case "supersedes":
      return t("evSupersedes", { targets: e.targets.join(", "), year: e.year });
    case "adoption":
      return t("evAdoption", { cases: e.cases, id: e.latest.id, scenario: e.latest.scenario, year: e.latest.year });
  }
}

/** The scenario forecasts' reliability: coverage of the nominal interval per dimension and horizon, and the signals' Brier scores. */
function ScenarioCoverage({
  bt,
  option,
}: {
  bt: ScenarioBacktest;
  option: ComponentProps<typeof Chart>["option"] | undefined;
}) {
  const { t } = useLang();
  const keys = Object.keys(bt.byDimension);
  const horizons = bt.byDimension[keys[0] ?? ""]?.map((r) => r.horizon) ?? [];
  return (
    <>
      <h3>{t("coverageByHorizon")}</h3>
      <p className="hint">
        {t("coverageHelp", { nominal: pct(bt.nominal), min: bt.minCalibration, outcomes: bt.forecasts })}
      </p>
      <Table testId="coverage-table" columns={[t("dimension"), ...horizons.map(horizonLabel)]}>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            {horizons.map((h) => {
              const r = bt.byDimension[k]!.find((x) => x.horizon.from === h.from);
              return (
                <td key={h.from} className="num">
                  {!r
                    ? ""
                    : r.withSignal === 0
                      ? `${t("noSignal")} (0/${r.count})`
                      : `${pct(r.coverage)} (${r.withSignal}/${r.count})`}
                </td>
              );
            })}
          </tr>
        ))}
      </Table>
      {option && <Chart label={t("coverageByHorizon")} option={option} height={240} testId="coverage-chart" />}
      {Object.entries(bt.signals).map(([k, rows]) => (
        <Table
          key={k}
          testId="signal-scores"
          columns={[`${k}: ${t("horizon")}`, "Brier", t("persistence"), t("baseRate")]}
        >
          {rows.map((r) => (
            <tr key={r.horizon.from}>
              <th scope="row">{horizonLabel(r.horizon)}</th>
              <td className="num">{r.brier?.toFixed(3) ?? "—"}</td>
              <td className="num">{r.persistence?.toFixed(3) ?? "—"}</td>
              <td className="num">{r.baseRate?.toFixed(3) ?? "—"}</td>
            </tr>
          ))}
        </Table>
      ))}
    </>
  );
}
