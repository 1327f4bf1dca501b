/** @module web/pages/recommend/recommend-results — a Recommend answer: steps 1 and 2, the requirements in force, the ranked stacks, the charts and "why not". */
import { useMemo } from "react";
import { Chart } from "../../charts/chart.js";
import { Link } from "../../components/link.js";
import { List } from "../../components/list.js";
import { SourceRef } from "../../components/source-ref.js";
import { Table } from "../../components/table.js";
import type { Answer } from "../../lib/api-contract.js";
import type { MessageKey } from "../../lib/i18n.js";
import { keyed } from "../../lib/keyed.js";
import { usePageWords } from "../../lib/page-words.js";
import { WEIGHT_LABELS, type Weight } from "./form-model.js";
import { paretoOption, termsOption } from "./recommend-charts.js";

export type RecommendResult = Answer<"POST /api/recommend">;
type RecommendedStack = RecommendResult["stacks"][number];
type Ref = RecommendedStack["components"]["runtime"];

/** The results' own words (web/lib/page-words). */
const EN = {
  termsChart: "The top stacks' scores, term by term",
  termsChartHelp:
    "Each segment is a scoring term's weight × how well the stack does on it; the lengths that differ are what sets the stacks apart.",
};
const ZH: typeof EN = {
  termsChart: "前几名技术栈的得分构成（按评分项）",
  termsChartHelp: "每一段是一个评分项的权重 × 该技术栈在此项上的表现；长度不同之处，正是各技术栈拉开差距的地方。",
};

export function Results({ r }: { r: RecommendResult }) {
  const { t, w } = usePageWords(EN, ZH);
  const terms = useMemo(() => termsOption(r, (k) => (k in WEIGHT_LABELS ? t(WEIGHT_LABELS[k as Weight]) : k)), [r, t]);
  const pareto = useMemo(() => paretoOption(r, t("startup"), t("footprint"), t("wMaturity")), [r, t]);
  return (
    <div data-testid="recommend-results">
      {r.analysis && (
        <section aria-labelledby="rs-step1">
          <h2 id="rs-step1">{t("step1")}</h2>
          <Table className="compact dimension-steps">
            {r.analysis.dimensions.map((d) => (
              <tr key={d.dimension}>
                <th scope="row">
                  {d.dimension} {d.name}
                </th>
                <td className="mono">{d.levels.join(", ")}</td>
                <td>
                  {keyed(d.because).map(([i, b]) => (
                    <div key={i}>
                      <code>{b.requirement}</code> {b.why} {b.source && <SourceRef source={b.source} />}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </Table>
          <h2 id="rs-step2">{t("step2")}</h2>
          <p className="coordinate-big mono" data-testid="target-coordinate">
            {r.analysis.coordinate.text}
          </p>
        </section>
      )}
      {r.requirements.inForce && r.requirements.inForce.length > 0 && (
        <section aria-labelledby="rs-in-force">
          <h2 id="rs-in-force">{t("requirementsInForce")}</h2>
          <Table columns={[t("requirement"), t("value"), t("origin")]} testId="requirements-in-force">
            {r.requirements.inForce.map((x) => (
              <tr key={x.key} data-origin={x.origin} data-hard={x.hard ? "yes" : "no"}>
                <td>
                  <code>{x.key}</code>
                </td>
                <td className="mono">{JSON.stringify(x.value)}</td>
                <td>
                  {x.text}
                  {x.why && <div className="hint">{x.why}</div>}
                </td>
              </tr>
            ))}
          </Table>
        </section>
      )}
      <h2>{t("step3")}</h2>
      {r.stats && <p className="hint">{t("evaluated", { evaluated: r.stats.evaluated, space: r.stats.space })}</p>}
      {r.weights && (
        <p className="hint">
          {t("weights")} (
          {r.weights.source === "hand"
            ? t("weightsHand")
            : r.weights.source === "learned"
              ? t("weightsLearned")
              : r.weights.source}
          ):{" "}
          {Object.entries(r.weights.values)
            .map(([k, x]) => `${k in WEIGHT_LABELS ? t(WEIGHT_LABELS[k as Weight]) : k} ${x}`)
            .join(" · ")}{" "}
          — {r.weights.why}
        </p>
      )}
      {r.stacks.length === 0 && <p className="error-box">{t("noStacks")}</p>}
      {r.relaxations && r.relaxations.length > 0 && (
        <>
          <h3>{t("relaxations")}</h3>
          <List items={r.relaxations}>
            {(x) => (
              <>
                <code>{x.relax}</code> → {x.admits} ({x.score.toFixed(3)})
              </>
            )}
          </List>
        </>
      )}
      <ol className="stacks" data-testid="stacks">
        {r.stacks.map((s) => (
          <li key={s.rank} className="stack-card" data-testid={`stack-${s.rank}`}>
            <header>
              <span className="rank">{t("rank", { n: s.rank })}</span>
              <h3>{s.label}</h3>
              <span className="score">
                {t("score")} {s.score.toFixed(3)}
              </span>
            </header>
            <p className="mono">{s.coordinate.text}</p>
            <p className="parts">
              {slotsOf(s).map(([slot, ref]) => (
                <span key={`${slot}:${ref.id}`} className="chip">
                  {t(slot)}: <Link to={`/technology/${encodeURIComponent(ref.id)}`}>{ref.name}</Link>
                </span>
              ))}
              {(s.components.addons ?? []).map((ref) => (
                <span key={`addon:${ref.id}`} className="chip">
                  {t("addons")}: <Link to={`/technology/${encodeURIComponent(ref.id)}`}>{ref.name}</Link>
                </span>
              ))}
              {s.components.supporting.length > 0 && (
                <span className="hint">
                  {" "}
                  {t("supporting")}: {s.components.supporting.map((x) => x.name).join(", ")}
                </span>
              )}
            </p>
            <details open={s.rank === 1}>
              <summary>{t("explanation")}</summary>
              <List items={s.explanation} className="explanation">
                {(e) => e}
              </List>
            </details>
            {s.tradeoffs.length > 0 && (
              <details>
                <summary>{t("tradeoffs")}</summary>
                <List items={s.tradeoffs}>{(e) => e}</List>
              </details>
            )}
            {s.softMisses && s.softMisses.length > 0 && (
              <div className="soft-misses" data-testid={`soft-misses-${s.rank}`}>
                <strong>{t("softMisses")}</strong>
                <List items={s.softMisses}>{(m) => m.text}</List>
              </div>
            )}
            {s.unverified && s.unverified.length > 0 && (
              <p className="hint">
                {t("unverified")}: {s.unverified.map((u) => `${u.requirement} (${u.detail})`).join("; ")}
              </p>
            )}
          </li>
        ))}
      </ol>
      {r.stacks.length > 0 && (
        <section aria-labelledby="rs-terms">
          <h2 id="rs-terms">{w("termsChart")}</h2>
          <p className="hint">{w("termsChartHelp")}</p>
          <Chart label={w("termsChart")} option={terms} height={300} testId="terms-chart" />
        </section>
      )}
      {r.pareto && r.pareto.length > 0 && (
        <section aria-labelledby="rs-pareto">
          <h2 id="rs-pareto">{t("pareto")}</h2>
          <Chart label={t("pareto")} option={pareto} height={320} testId="pareto-chart" />
          <Table
            className="compact"
            columns={[
              t("stackInput"),
              ...Object.keys(r.pareto[0]!.values).map((k) =>
                k in WEIGHT_LABELS ? t(WEIGHT_LABELS[k as keyof typeof WEIGHT_LABELS]) : k,
              ),
            ]}
          >
            {r.pareto.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                {keyed(Object.values(p.values)).map(([i, x]) => (
                  <td key={i} className="num">
                    {x.toFixed(2)}
                  </td>
                ))}
              </tr>
            ))}
          </Table>
        </section>
      )}
      {r.rejected.length > 0 && (
        <section aria-labelledby="rs-whynot">
          <h2 id="rs-whynot">{t("whyNot")}</h2>
          <List items={r.rejected} className="why-not" testId="why-not">
            {(x) => (
              <>
                <strong>{x.stack ?? x.component?.name}</strong> <code>{x.requirement}</code> — {x.reason}{" "}
                {x.source && <SourceRef source={x.source} grade={x.grade} />}
              </>
            )}
          </List>
        </section>
      )}
    </div>
  );
}

/** A stack's components in a slot each, those it fills: runtime, orchestrator, policy, then its observability. */
function slotsOf(s: RecommendedStack): [MessageKey, Ref][] {
  const c = s.components;
  const slots: [MessageKey, Ref | null][] = [
    ["runtime", c.runtime],
    ["orchestrator", c.orchestrator],
    ["policy", c.policy],
    ...c.observability.map((o): [MessageKey, Ref] => ["observability", o]),
  ];
  return slots.filter((x): x is [MessageKey, Ref] => x[1] !== null);
}
