/** @module web/pages/evolution/backtest-section — how far the forecasts are to be trusted: the project backtest against baselines, its calibration, and the scenario forecasts' coverage by horizon. */
import { type ComponentProps, useMemo } from "react";
import { Chart } from "../../charts/chart.js";
import { AnswerStatus } from "../../components/answer-status.js";
import { Table } from "../../components/table.js";
import type { Answer } from "../../lib/api-contract.js";
import { type MessageKey, useLang } from "../../lib/i18n.js";
import type { ApiState } from "../../lib/use-api.js";
import {
  backtestOptions,
  coverageOption,
  fixed,
  horizonLabel,
  pct,
  type ScenarioBacktest,
} from "./evolution-options.js";

export function BacktestSection({ backtest }: { backtest: ApiState<Answer<"GET /api/predict/backtest">> }) {
  const { t } = useLang();
  const options = useMemo(() => (backtest.data ? backtestOptions(backtest.data, t) : undefined), [backtest.data, t]);
  const coverage = useMemo(
    () => (backtest.data?.scenarios ? coverageOption(backtest.data.scenarios, t) : undefined),
    [backtest.data, t],
  );
  return (
    <section aria-labelledby="evo-backtest">
      <h2 id="evo-backtest">{t("backtest")}</h2>
      <p className="hint">{t("backtestHelp")}</p>
      <AnswerStatus answer={backtest} />
      {backtest.data && options && (
        <>
          <p data-testid="backtest-figures">
            {t("from")} {backtest.data.cutoff} {t("to")} {backtest.data.horizon}: AUC {fixed(backtest.data.model.auc)} (
            {t("baseRate")} {fixed(backtest.data.baselines.baseRate.auc)}), Brier {fixed(backtest.data.model.brier)} (
            {t("baseRate")} {fixed(backtest.data.baselines.baseRate.brier)})
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
              option={options.scores}
              height={260}
              testId="backtest-chart"
            />
            <Chart label={t("calibration")} option={options.calibration} height={260} />
          </div>
        </>
      )}
      {backtest.data?.scenarios && <ScenarioCoverage bt={backtest.data.scenarios} option={coverage} />}
    </section>
  );
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
