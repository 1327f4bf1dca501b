/** @module web/pages/migrate-page — from one stack to another (through any on the way): the ordered steps, each with its deltas, figures and risks, and the plan as a diagram (POST /api/migrate, GET /api/export?as=mermaid). */
import { useEffect, useState } from "react";
import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { ErrorBox } from "../components/error-box.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { MermaidDiagram } from "../components/mermaid-diagram.js";
import { QueryForm } from "../components/query-form.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import { apiText } from "../lib/api.js";
import type { Answer } from "../lib/api-contract.js";
import { ApiError } from "../lib/api-error.js";
import { keyed } from "../lib/keyed.js";
import { usePageWords } from "../lib/page-words.js";
import { useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

type Leg = Answer<"POST /api/migrate">["legs"][number];
type Step = Leg["steps"][number];

const EN = {
  help: "Two stacks — parts joined by + (ids, names or aliases), or a recorded stack as case:ID — and any to pass through on the way. The plan changes one slot at a time, in an order that keeps every dependency met.",
  from: "From (the stack today)",
  to: "To (the stack to reach)",
  via: "Via (optional, stacks on the way separated by ;)",
  submit: "Plan the migration",
  example: "Example",
  exampleCase2: "the seed's case 2 (serverless 2020 → 2023 → 2025)",
  legTitle: "{from} → {to}",
  overall: "What moves overall",
  steps: "Steps",
  step: "Step {n}",
  after: "after step {step}: {because}",
  comes: "comes in",
  goes: "goes",
  risks: "Risks",
  figures: "Figures of what comes and goes",
  change: "change",
  technology: "technology",
  metric: "metric",
  value: "value",
  source: "source",
  stated: "What the records state",
  noSteps: "Nothing to change: the two stacks hold the same parts.",
  diagram: "The plan as a diagram",
  with: "with",
  dropping: "dropping",
  slot_runtime: "runtime",
  slot_orchestrator: "orchestrator",
  slot_policy: "policy",
  slot_observability: "observability",
  slot_supporting: "supporting part",
  risk_conflict: "conflict",
  "risk_missing-dependency": "missing dependency",
  "risk_host-requirement": "host requirement",
  "risk_not-yet-released": "not yet released",
  "risk_trait-change": "trait change",
  risk_disputed: "disputed",
};
const ZH: Record<keyof typeof EN, string> = {
  help: "两个技术栈——用 + 连接各部分（id、名称或别名），或写作 case:ID 的已记录技术栈——以及途中要经过的技术栈。计划每次只换一个位置，顺序保证每个依赖都得到满足。",
  from: "起点（当前的技术栈）",
  to: "终点（要达到的技术栈）",
  via: "途经（可选，多个技术栈用 ; 分隔）",
  submit: "规划迁移",
  example: "示例",
  exampleCase2: "种子的案例 2（无服务器 2020 → 2023 → 2025）",
  legTitle: "{from} → {to}",
  overall: "总体变化",
  steps: "步骤",
  step: "第 {n} 步",
  after: "在第 {step} 步之后：{because}",
  comes: "引入",
  goes: "移除",
  risks: "风险",
  figures: "引入与移除部分的数据",
  change: "变化",
  technology: "技术",
  metric: "指标",
  value: "数值",
  source: "来源",
  stated: "记录所述",
  noSteps: "无需改变：两个技术栈的组成部分相同。",
  diagram: "迁移计划图",
  with: "连同",
  dropping: "去掉",
  slot_runtime: "运行时",
  slot_orchestrator: "编排器",
  slot_policy: "策略",
  slot_observability: "可观测性",
  slot_supporting: "配套部件",
  risk_conflict: "冲突",
  "risk_missing-dependency": "缺少依赖",
  "risk_host-requirement": "主机要求",
  "risk_not-yet-released": "尚未发布",
  "risk_trait-change": "特性变化",
  risk_disputed: "有争议",
};
type W = ReturnType<typeof usePageWords<keyof typeof EN>>["w"];

const CASE2 = {
  from: "case:serverless-2020-seed-case-2",
  via: "case:serverless-2023-seed-case-2",
  to: "case:serverless-2025-seed-case-2",
};
const EXAMPLE_2 = { from: "Kubernetes + runc + OPA", to: "Kubernetes + Kata Containers + Kyverno" };

const tech = (id: string) => <Link to={`/technology/${encodeURIComponent(id)}`}>{id}</Link>;
const techs = (ids: readonly string[]) =>
  ids.map((id, i) => (
    <span key={id}>
      {i > 0 && " + "}
      {tech(id)}
    </span>
  ));

function StepView({ s, w }: { s: Step; w: W }) {
  return (
    <li className="migrate-step" data-testid={`migrate-step-${s.n}`}>
      <h4>
        {w("step", { n: s.n })} · <span className="tag">{w(`slot_${s.slot}`)}</span>
        {s.dimension && <span className="tag">{s.dimension}</span>}
      </h4>
      <p>
        {s.remove.length > 0 && <span className="bad">− {techs(s.remove)}</span>}
        {s.remove.length > 0 && s.add.length > 0 && " → "}
        {s.add.length > 0 && <span className="ok">+ {techs(s.add)}</span>}
        {s.with.length > 0 && (
          <span className="hint">
            {" "}
            ({w("with")} {techs(s.with)})
          </span>
        )}
        {s.drop.length > 0 && (
          <span className="hint">
            {" "}
            ({w("dropping")} {techs(s.drop)})
          </span>
        )}
      </p>
      {s.after.length > 0 && (
        <ul className="hint">
          {keyed(s.after).map(([i, a]) => (
            <li key={i}>
              {w("after", { step: a.step, because: a.because })} <SourceRef source={a.source} />
            </li>
          ))}
        </ul>
      )}
      {s.deltas.length > 0 && (
        <ul>
          {keyed(s.deltas).map(([i, d]) => (
            <li key={i}>{d.text}</li>
          ))}
        </ul>
      )}
      {s.risks.length > 0 && (
        // Open when short; a long list (disputed claims, mostly) folds, so the steps stay readable on a phone.
        <details open={s.risks.length <= 3}>
          <summary>
            {w("risks")} ({s.risks.length})
          </summary>
          <ul data-testid="migrate-risks">
            {keyed(s.risks).map(([i, r]) => (
              <li key={i}>
                <span className="tag">{w(`risk_${r.kind}`)}</span> {r.text}{" "}
                {r.source && <SourceRef source={r.source} />}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.facts.length > 0 && (
        <details>
          <summary>
            {w("figures")} ({s.facts.length})
          </summary>
          <Table columns={[w("technology"), w("change"), w("metric"), w("value"), w("source")]}>
            {keyed(s.facts).map(([i, f]) => (
              <tr key={i}>
                <th scope="row">{tech(f.technology)}</th>
                <td>{f.change === "in" ? w("comes") : w("goes")}</td>
                <td>
                  {f.metric} <span className="hint">({f.scope})</span>
                </td>
                <td>
                  <strong>{f.value}</strong>
                  {f.conditions && <div className="hint">{f.conditions}</div>}
                </td>
                <td>
                  <SourceRef source={f.source} grade={f.grade} />
                </td>
              </tr>
            ))}
          </Table>
        </details>
      )}
    </li>
  );
}

function LegView({ leg, w }: { leg: Leg; w: W }) {
  return (
    <section className="migrate-leg" data-testid="migrate-leg">
      <h3>{w("legTitle", { from: leg.from.label, to: leg.to.label })}</h3>
      <p className="mono">
        {leg.from.coordinate.text} → {leg.to.coordinate.text}
      </p>
      {leg.steps.length === 0 ? (
        <p>{w("noSteps")}</p>
      ) : (
        <ol className="migrate-steps" data-testid="migrate-steps">
          {leg.steps.map((s) => (
            <StepView key={s.n} s={s} w={w} />
          ))}
        </ol>
      )}
      {leg.stated.length > 0 && (
        <>
          <h4>{w("stated")}</h4>
          <ul>
            {keyed(leg.stated).map(([i, x]) => (
              <li key={i}>
                {x.text} <SourceRef source={x.source} grade={x.grade} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The plan as Mermaid (the export of the same migration), drawn. */
function PlanDiagram({ from, to, via, label }: { from: string; to: string; via: readonly string[]; label: string }) {
  const { lang } = usePageWords(EN, ZH);
  const [state, setState] = useState<{ source?: string; error?: ApiError }>({});
  const key = JSON.stringify([from, to, via, lang]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for every input
  useEffect(() => {
    const ctrl = new AbortController();
    setState({});
    apiText("/api/export", { as: "mermaid", from, to, via }, lang, ctrl.signal)
      .then((source) => setState({ source }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setState({ error: e instanceof ApiError ? e : new ApiError(0, "CLIENT", String(e)) });
      });
    return () => ctrl.abort();
  }, [key]);
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.source === undefined) return <Loading />;
  return <MermaidDiagram source={state.source} label={label} />;
}

export default function MigratePage() {
  const { lang, t, w } = usePageWords(EN, ZH);
  const { query } = useLocation();
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const via = query.getAll("via");
  const ready = from !== "" && to !== "";
  const body = { from, to, ...(via.length > 0 ? { via } : {}) };
  const answer = useApi(ready ? "POST /api/migrate" : null, lang, { body });
  const d = answer.data;
  const cli = `migrate --from "${from}"${via.map((v) => ` --via "${v}"`).join("")} --to "${to}"`;
  return (
    <div className="page migrate" data-testid="migrate-page">
      <h1>{t("migrateTitle")}</h1>
      <QueryForm
        id="migrate"
        help={w("help")}
        fields={[
          { key: "from", label: w("from"), placeholder: EXAMPLE_2.from },
          { key: "via", label: w("via"), multiple: true },
          { key: "to", label: w("to"), placeholder: EXAMPLE_2.to },
        ]}
        submit={w("submit")}
        exampleLabel={w("example")}
        examples={[
          { label: w("exampleCase2"), values: CASE2, testId: "migrate-example" },
          { label: `${EXAMPLE_2.from} → ${EXAMPLE_2.to}`, values: EXAMPLE_2 },
        ]}
      />
      <AnswerStatus answer={answer} />
      {d && (
        <section aria-live="polite" data-testid="migrate-result">
          <h2>{w("overall")}</h2>
          <ul data-testid="migrate-deltas">
            {keyed(d.deltas).map(([i, x]) => (
              <li key={i}>{x.text}</li>
            ))}
          </ul>
          <h2>{w("steps")}</h2>
          {keyed(d.legs).map(([i, leg]) => (
            <LegView key={i} leg={leg} w={w} />
          ))}
          <h2>{w("diagram")}</h2>
          <PlanDiagram from={from} to={to} via={via} label={`${w("diagram")}: ${from} → ${to}`} />
        </section>
      )}
      {ready && <CliEquivalent cli={cli} api="POST /api/migrate" body={body} />}
    </div>
  );
}
