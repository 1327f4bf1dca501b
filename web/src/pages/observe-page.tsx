import { AnswerStatus } from "../components/answer-status.js";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { Link } from "../components/link.js";
import { QueryForm } from "../components/query-form.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import type { Answer } from "../lib/api-contract.js";
import { keyed } from "../lib/keyed.js";
import { usePageWords } from "../lib/page-words.js";
import { useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

type Reach = Answer<"POST /api/observe">["coverage"][number]["coverage"];

const EN = {
  help: "A stack — parts joined by + (ids, names or aliases), or a recorded stack as case:ID. Its observability is complete when it has traces (O1, horizontal) and kernel-level signals (O2, vertical).",
  stack: "Stack",
  submit: "Check its observability",
  example: "Example",
  complete: "Complete: traces and kernel signals together localise a fault",
  incomplete: "Not complete: a fault cannot be localised to a layer",
  coverage: "Signals",
  signal: "signal",
  direction: "direction",
  reach: "reach",
  by: "by",
  rules: "Rules",
  missing: "missing: {list}",
  limited: "limited: {list}",
  gaps: "Gaps and the tools that close them",
  gapMissing: "{signal} {name} is missing",
  gapLimited: "{signal} {name} sees only part of the stack",
  notClosable: "no recorded tool closes it for this runtime",
  works: "works here",
  doesNotWork: "does not work here",
  covers: "covers {list}",
  adds: "adds {list}",
  released: "released {year}",
  runtime: "runtime: {name} ({layer})",
  full: "full",
  partial: "partial",
  none: "none",
  horizontal: "horizontal",
  vertical: "vertical",
  traces: "traces",
  kernel: "kernel",
  metrics: "metrics",
  logs: "logs",
  correlation: "correlation",
  profiles: "profiles",
};
const ZH: Record<keyof typeof EN, string> = {
  help: "一个技术栈——用 + 连接各部分（id、名称或别名），或写作 case:ID 的已记录技术栈。同时具备链路追踪（O1，横向）与内核级信号（O2，纵向）时，其可观测性才算完整。",
  stack: "技术栈",
  submit: "检查可观测性",
  example: "示例",
  complete: "完整：链路追踪与内核信号合起来可以定位故障",
  incomplete: "不完整：无法把故障定位到某一层",
  coverage: "信号",
  signal: "信号",
  direction: "方向",
  reach: "可见范围",
  by: "提供者",
  rules: "规则",
  missing: "缺少：{list}",
  limited: "受限：{list}",
  gaps: "缺口及可补上缺口的工具",
  gapMissing: "缺少 {signal} {name}",
  gapLimited: "{signal} {name} 只能看到技术栈的一部分",
  notClosable: "没有已记录的工具能为该运行时补上",
  works: "在此可用",
  doesNotWork: "在此不可用",
  covers: "覆盖 {list}",
  adds: "需加入 {list}",
  released: "{year} 年发布",
  runtime: "运行时：{name}（{layer}）",
  full: "完全",
  partial: "部分",
  none: "无",
  horizontal: "横向",
  vertical: "纵向",
  traces: "链路追踪",
  kernel: "内核",
  metrics: "指标",
  logs: "日志",
  correlation: "关联",
  profiles: "性能剖析",
};

const EXAMPLES = ["K3s + WasmEdge + OpenTelemetry", "Kubernetes + gVisor + Prometheus", "Kubernetes + runc + Pixie"];

const REACH_CLASS: Readonly<Record<Reach, string>> = { full: "ok", partial: "warn", none: "bad" };

export default function ObservePage() {
  const { lang, t, w } = usePageWords(EN, ZH);
  const { query } = useLocation();
  const stack = query.get("stack") ?? "";
  const answer = useApi(stack ? "POST /api/observe" : null, lang, { body: { stack } });
  const word = (k: string) => (k in EN ? w(k as keyof typeof EN) : k);
  const d = answer.data;
  return (
    <div className="page observe" data-testid="observe-page">
      <h1>{t("observeTitle")}</h1>
      <QueryForm
        id="observe"
        help={w("help")}
        fields={[{ key: "stack", label: w("stack"), placeholder: EXAMPLES[0] }]}
        submit={w("submit")}
        exampleLabel={w("example")}
        examples={EXAMPLES.map((x) => ({ label: x, values: { stack: x } }))}
      />
      <AnswerStatus answer={answer} />
      {d && (
        <section aria-live="polite" data-testid="observe-result">
          <h2>{d.stack.label}</h2>
          {d.runtime && <p className="hint">{w("runtime", { name: d.runtime.name, layer: d.runtime.layer ?? "—" })}</p>}
          <p className={d.complete ? "ok" : "bad"} data-testid="observe-verdict">
            {d.complete ? `✔ ${w("complete")}` : `✘ ${w("incomplete")}`}
          </p>
          <h3>{w("coverage")}</h3>
          <Table columns={[w("signal"), w("direction"), w("reach"), w("by")]} testId="observe-coverage">
            {d.coverage.map((c) => (
              <tr key={c.signal}>
                <th scope="row">
                  {c.signal} {word(c.name)}
                </th>
                <td>{c.direction ? word(c.direction) : "—"}</td>
                <td className={REACH_CLASS[c.coverage]}>{w(c.coverage)}</td>
                <td>
                  {c.by.length === 0
                    ? "—"
                    : c.by.map((b) => (
                        <div key={b.id}>
                          <Link to={`/technology/${encodeURIComponent(b.id)}`}>{b.name}</Link>{" "}
                          <span className="hint">{b.reach.note}</span>{" "}
                          {b.reach.source && <SourceRef source={b.reach.source} grade={b.reach.grade} />}
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </Table>
          {d.rules.length > 0 && (
            <>
              <h3>{w("rules")}</h3>
              <ul className="checks-list" data-testid="observe-rules">
                {d.rules.map((r) => (
                  <li key={r.id}>
                    <span className={r.met ? "ok" : "bad"}>{r.met ? "✔" : "✘"}</span> <strong>{r.name}</strong> —{" "}
                    {r.statement} <SourceRef source={r.source} />
                    {r.missing.length > 0 && <div className="hint">{w("missing", { list: r.missing.join(", ") })}</div>}
                    {r.limited.length > 0 && <div className="hint">{w("limited", { list: r.limited.join(", ") })}</div>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.gaps.length > 0 && (
            <>
              <h3>{w("gaps")}</h3>
              {keyed(d.gaps).map(([i, g]) => (
                <div key={i} className="observe-gap" data-testid="observe-gap">
                  <h4>
                    {w(g.kind === "missing" ? "gapMissing" : "gapLimited", { signal: g.signal, name: word(g.name) })}
                  </h4>
                  {!g.closable && <p className="hint">{w("notClosable")}</p>}
                  <ul>
                    {g.tools.map((x) => (
                      <li key={x.id}>
                        <Link to={`/technology/${encodeURIComponent(x.id)}`}>{x.name}</Link>{" "}
                        <span className={x.works ? "ok" : "bad"}>{x.works ? w("works") : w("doesNotWork")}</span>
                        {" · "}
                        {w("covers", { list: x.covers.join(", ") })}
                        {x.adds.length > 0 && ` · ${w("adds", { list: x.adds.join(" + ") })}`}
                        {" · "}
                        {w("released", { year: x.released })}
                        {x.problems.length > 0 && <div className="hint">{x.problems.join("; ")}</div>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </>
          )}
        </section>
      )}
      {stack && <CliEquivalent cli={`observe "${stack}"`} api="POST /api/observe" body={{ stack }} />}
    </div>
  );
}
