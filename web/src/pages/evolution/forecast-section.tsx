/** @module web/pages/evolution/forecast-section — a scenario's forecast: a chart per dimension with its interval, the table of years, the signals' probabilities and the drivers. */
import { Fragment, useMemo } from "react";
import { Chart } from "../../charts/chart.js";
import { AnswerStatus } from "../../components/answer-status.js";
import { SourceRef } from "../../components/source-ref.js";
import { Table } from "../../components/table.js";
import type { Answer } from "../../lib/api-contract.js";
import { type MessageKey, type T, useLang } from "../../lib/i18n.js";
import { keyed } from "../../lib/keyed.js";
import type { ApiState } from "../../lib/use-api.js";
import { forecastOptions, pct, signalOption } from "./evolution-options.js";

type ScenarioForecast = Answer<"GET /api/predict/scenarios/{scenario}">;
type Driver = ScenarioForecast["drivers"][number];
type Evidence = Driver["evidence"][number];
type DimForecast = ScenarioForecast["years"][number]["dimensions"][string];

/** The dimensions a forecast table shows: every one a stack sets (not the year or the scenario). */
const FORECAST_KEYS = ["D", "X", "Z", "A", "O"] as const;

export function ForecastSection({
  forecast,
  history,
  dimName,
}: {
  forecast: ApiState<ScenarioForecast>;
  history: Answer<"GET /api/path/{scenario}">["years"] | undefined;
  dimName: (k: string) => string;
}) {
  const { lang, t } = useLang();
  const charts = useMemo(
    () => (forecast.data ? forecastOptions(forecast.data, history ?? [], dimName) : []),
    [forecast.data, history, dimName],
  );
  const signals = useMemo(() => (forecast.data ? signalOption(forecast.data) : undefined), [forecast.data]);
  return (
    <section aria-labelledby="evo-forecast">
      <h2 id="evo-forecast">{t("forecast")}</h2>
      <p className="hint">{t("forecastHelp")}</p>
      <AnswerStatus answer={forecast} />
      {forecast.data && (
        <>
          <div className="chart-grid" data-testid="forecast-charts">
            {charts.map((f) => (
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
          {signals && (
            <>
              <h3>{t("signalChart")}</h3>
              <Chart label={t("signalChart")} option={signals} height={220} testId="signal-chart" />
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
