/** @module web/pages/evolution-page — the timeline, a scenario's path across years, forecasts with intervals, and the backtests behind their confidence. */
import { useCallback, useMemo } from "react";
import { Chart } from "../charts/chart.js";
import { AnswerStatus } from "../components/answer-status.js";
import { ErrorBox } from "../components/error-box.js";
import { SelectField } from "../components/field.js";
import { List } from "../components/list.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import { dimensionLabel, readDimensions } from "../lib/dimensions.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";
import { eventKindWord } from "../lib/vocabulary.js";
import { BacktestSection } from "./evolution/backtest-section.js";
import { pathOption, timelineOption } from "./evolution/evolution-options.js";
import { ForecastSection } from "./evolution/forecast-section.js";

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
  const dimName = useCallback(
    (k: string) =>
      dimensionLabel(
        dimInfo.find((x) => x.key === k),
        k,
        lang,
      ),
    [dimInfo, lang],
  );

  const timelineChart = useMemo(
    () => (timeline.data ? timelineOption(timeline.data, lang) : undefined),
    [timeline.data, lang],
  );
  const pathChart = useMemo(() => (path.data ? pathOption(path.data, dimName) : undefined), [path.data, dimName]);
  const eventsOfYear =
    selectedYear && timeline.data ? timeline.data.events.filter((e) => String(e.year) === selectedYear) : [];

  return (
    <div className="page evolution" data-testid="evolution-page">
      <h1>{t("evolutionTitle")}</h1>

      <section aria-labelledby="evo-timeline">
        <h2 id="evo-timeline">{t("timeline")}</h2>
        <AnswerStatus answer={timeline} />
        {timelineChart && (
          <Chart
            label={t("timelineChart")}
            option={timelineChart}
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
                <span className="tag">{eventKindWord(e.kind, lang)}</span> {e.text} <SourceRef source={e.source} />
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
        {pathChart && <Chart label={t("pathChart")} option={pathChart} height={260} testId="path-chart" />}
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

      <ForecastSection forecast={forecast} history={path.data?.years} dimName={dimName} />

      <BacktestSection backtest={backtest} />
    </div>
  );
}
