/** @module web/pages/scenario-page — a scenario's typical requirements and every recorded stack for it, with what each meets and misses (GET /api/scenarios/{id}). */
import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { SelectField } from "../components/field.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import type { Answer } from "../lib/api-contract.js";
import { useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { setQuery, useLocation } from "../lib/router.js";
import { textIn } from "../lib/text-in.js";
import { useApi } from "../lib/use-api.js";
import { WEIGHT_LABELS, type Weight } from "./recommend/form-model.js";

type Check = Answer<"GET /api/scenarios/{id}">["stacks"][number]["meets"][number];

/** A requirement's value as the seed's syntax reads it: `{ max: 50 }` → `≤ 50`. */
function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.join(" + ");
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const parts: string[] = [];
    if (o.min !== undefined) parts.push(`≥ ${String(o.min)}`);
    if (o.max !== undefined) parts.push(`≤ ${String(o.max)}`);
    if (o.atLeast !== undefined) parts.push(`≥ ${String(o.atLeast)}`);
    if (o.atMost !== undefined) parts.push(`≤ ${String(o.atMost)}`);
    return parts.join(", ") || JSON.stringify(v);
  }
  return String(v);
}

function Checks({ items, ok }: { items: readonly Check[]; ok: boolean }) {
  return (
    <ul className="checks-list">
      {keyed(items).map(([i, c]) => (
        <li key={i}>
          <span className={ok ? "ok" : "bad"}>{ok ? "✔" : "✘"}</span> {c.detail}{" "}
          {c.source && <SourceRef source={c.source} grade={c.grade} />}
        </li>
      ))}
    </ul>
  );
}

export default function ScenarioPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const id = query.get("s") ?? "";
  const scenarios = useApi("GET /api/scenarios", lang);
  const answer = useApi(id ? "GET /api/scenarios/{id}" : null, lang, { path: { id } });
  const d = answer.data;
  return (
    <div className="page scenario" data-testid="scenario-page">
      <h1>{t("scenarioTitle")}</h1>
      <p className="hint">{t("scenarioHelp")}</p>
      <div className="query-form">
        <SelectField
          id="scenario-pick"
          label={t("scenarioPick")}
          value={id}
          onChange={(x) => setQuery({ s: x || null }, true)}
          blank={t("anyScenario")}
          choices={(scenarios.data?.scenarios ?? []).map((s) => ({
            value: s.id,
            label: lang === "zh" ? s.names.zh : `${s.names.en} · ${s.names.zh}`,
          }))}
        />
      </div>
      <AnswerStatus answer={scenarios} />
      <AnswerStatus answer={answer} />
      {d && (
        <section aria-live="polite" data-testid="scenario-result">
          <h2>
            {d.scenario.names[lang]} ({d.year})
          </h2>
          {d.scenario.summary && <p>{textIn(d.scenario.summary, lang)}</p>}
          {d.inForce?.must && (
            <>
              <h3>{t("must")}</h3>
              <ul>
                {Object.entries(d.inForce.must).map(([k, v]) => (
                  <li key={k}>
                    <code>{k}</code> {valueText(v)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.inForce?.prefer && (
            <p className="hint">
              {t("weights")}:{" "}
              {Object.entries(d.inForce.prefer)
                .map(([k, w]) => `${k in WEIGHT_LABELS ? t(WEIGHT_LABELS[k as Weight]) : k} ${w}`)
                .join(" · ")}
            </p>
          )}
          <h3>{t("recordedStacks", { n: d.stacks.length })}</h3>
          <Table columns={[t("stackInput"), t("coordinate"), t("meets"), t("misses")]} testId="scenario-stacks">
            {d.stacks.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.stack.label}</strong>
                  {s.year !== undefined && <div className="hint">{s.year}</div>}
                </td>
                <td className="mono">{s.coordinate.text}</td>
                <td>
                  <Checks items={s.meets} ok />
                </td>
                <td>{s.misses.length === 0 ? "—" : <Checks items={s.misses} ok={false} />}</td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      {id && <CliEquivalent cli={`scenario ${id}`} api={`GET /api/scenarios/${encodeURIComponent(id)}`} />}
    </div>
  );
}
