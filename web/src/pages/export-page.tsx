/** @module web/pages/export-page — download the network (or the technologies a filter keeps), a stack or a migration as JSON, CSV, Mermaid, DOT or Cypher (GET /api/export), with a preview. */
import { useEffect, useState } from "react";
import { CliEquivalent } from "../components/cli-equivalent.js";
import { ErrorBox } from "../components/error-box.js";
import { Field, SelectField } from "../components/field.js";
import { Loading } from "../components/loading.js";
import { apiText, apiUrl } from "../lib/api.js";
import type { ApiRoutes, QueryValue } from "../lib/api-contract.js";
import { ApiError } from "../lib/api-error.js";
import { usePageWords } from "../lib/page-words.js";
import { setQuery, useLocation } from "../lib/router.js";
import { IS_STATIC } from "../lib/site.js";
import { useApi } from "../lib/use-api.js";

type ExportQuery = ApiRoutes["GET /api/export"]["query"];

const EN = {
  help: "Everything the atlas knows, or a part of it, in a format other tools read: JSON (nodes and edges), CSV (a table of nodes or edges), Mermaid and Graphviz DOT (diagrams), Cypher (a Neo4j import).",
  what: "What to export",
  network: "The network (the technologies the filters keep)",
  stack: "A stack",
  migration: "A migration",
  format: "Format",
  table: "CSV table",
  nodes: "nodes",
  edges: "edges",
  level: "Level (L-4, X2, 沙盒 …)",
  scenario: "Scenario",
  anyScenario: "(any)",
  text: "Text in the name or summary",
  stackInput: "Stack (parts joined by +, or case:ID)",
  from: "From",
  to: "To",
  via: "Via (optional, separated by ;)",
  download: "Download {file}",
  preview: "Preview (first {n} lines of {total})",
  needFields: "Fill in the stack (or both ends of the migration) to export it.",
};
const ZH: Record<keyof typeof EN, string> = {
  help: "把图谱的全部或一部分导出为其他工具能读的格式：JSON（节点与边）、CSV（节点表或边表）、Mermaid 与 Graphviz DOT（图）、Cypher（导入 Neo4j）。",
  what: "导出内容",
  network: "网络（经筛选保留的技术）",
  stack: "一个技术栈",
  migration: "一次迁移",
  format: "格式",
  table: "CSV 表",
  nodes: "节点",
  edges: "边",
  level: "层级（L-4、X2、沙盒 …）",
  scenario: "场景",
  anyScenario: "（任意）",
  text: "名称或简介中的文字",
  stackInput: "技术栈（用 + 连接各部分，或 case:ID）",
  from: "起点",
  to: "终点",
  via: "途经（可选，用 ; 分隔）",
  download: "下载 {file}",
  preview: "预览（共 {total} 行中的前 {n} 行）",
  needFields: "填写技术栈（或迁移的起点和终点）后即可导出。",
};

const FORMATS = ["json", "csv", "mermaid", "dot", "cypher"] as const;
type Format = (typeof FORMATS)[number];
const FORMAT_NAMES: Readonly<Record<Format, string>> = {
  json: "JSON",
  csv: "CSV",
  mermaid: "Mermaid",
  dot: "Graphviz DOT",
  cypher: "Cypher (Neo4j)",
};
const EXTENSIONS: Readonly<Record<Format, string>> = {
  json: "json",
  csv: "csv",
  mermaid: "mmd",
  dot: "dot",
  cypher: "cypher",
};
const SCOPES = ["network", "stack", "migration"] as const;
type Scope = (typeof SCOPES)[number];
const PREVIEW_LINES = 40;

/** The export's query for the view the URL describes; undefined while a stack or migration lacks its ends. */
function exportQuery(q: URLSearchParams, scope: Scope, as: Format): ExportQuery | undefined {
  const table = as === "csv" ? (q.get("table") ?? "edges") : undefined;
  if (scope === "stack") {
    const stack = q.get("stack");
    return stack ? { as, table, stack } : undefined;
  }
  if (scope === "migration") {
    const from = q.get("from");
    const to = q.get("to");
    return from && to ? { as, table, from, to, via: q.getAll("via") } : undefined;
  }
  return { as, table, level: q.get("level"), scenario: q.get("scenario"), text: q.get("text") };
}

/** The CLI command of the same export. */
function cliOf(query: ExportQuery): string {
  const parts = ["export", `--as ${String(query.as)}`];
  for (const [k, v] of Object.entries(query) as [string, QueryValue][]) {
    if (k === "as" || v === undefined || v === null || v === "") continue;
    for (const x of Array.isArray(v) ? v : [v]) parts.push(`--${k} "${String(x)}"`);
  }
  return parts.join(" ");
}

export default function ExportPage() {
  const { lang, t, w } = usePageWords(EN, ZH);
  const { query } = useLocation();
  const scope: Scope = (SCOPES as readonly string[]).includes(query.get("scope") ?? "")
    ? (query.get("scope") as Scope)
    : "network";
  const as: Format = (FORMATS as readonly string[]).includes(query.get("as") ?? "")
    ? (query.get("as") as Format)
    : "json";
  const scenarios = useApi("GET /api/scenarios", lang);
  const ex = exportQuery(query, scope, as);
  const file = `stackatlas.${EXTENSIONS[as]}`;
  const url = ex ? apiUrl("/api/export", { ...ex, lang }) : undefined;

  // The preview: the same answer the download gives.
  const [preview, setPreview] = useState<{ url?: string; text?: string; error?: ApiError }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL stands for the export's every input
  useEffect(() => {
    if (!ex || !url) return;
    const ctrl = new AbortController();
    setPreview({ url });
    apiText("/api/export", ex, lang, ctrl.signal)
      .then((text) => setPreview({ url, text: as === "json" ? JSON.stringify(JSON.parse(text), null, 2) : text }))
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted)
          setPreview({ url, error: e instanceof ApiError ? e : new ApiError(0, "CLIENT", String(e)) });
      });
    return () => ctrl.abort();
  }, [url]);
  const current = preview.url === url;
  const lines = current && preview.text !== undefined ? preview.text.split("\n") : [];

  // Text fields write to the URL when they lose focus (or on Enter), so typing does not refetch each key.
  const textField = (key: string, label: string, placeholder = "") => (
    <Field id={`export-${key}`} label={label}>
      <input
        id={`export-${key}`}
        key={`${key}=${query.getAll(key).join(";")}`}
        defaultValue={query.getAll(key).join("; ")}
        placeholder={placeholder}
        onBlur={(e) => commit(key, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(key, e.currentTarget.value);
        }}
      />
    </Field>
  );
  const commit = (key: string, value: string) =>
    setQuery({
      [key]:
        key === "via"
          ? value
              .split(";")
              .map((x) => x.trim())
              .filter(Boolean)
          : value.trim() || null,
    });

  return (
    <div className="page export" data-testid="export-page">
      <h1>{t("exportTitle")}</h1>
      <p className="hint">{w("help")}</p>
      <form className="query-form export-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="export-scope"
          label={w("what")}
          value={scope}
          onChange={(v) => setQuery({ scope: v === "network" ? null : v }, true)}
          choices={SCOPES.map((s) => ({ value: s, label: w(s) }))}
        />
        <SelectField
          id="export-as"
          label={w("format")}
          value={as}
          onChange={(v) => setQuery({ as: v === "json" ? null : v }, true)}
          choices={FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[f] }))}
        />
        {as === "csv" && (
          <SelectField
            id="export-table"
            label={w("table")}
            value={query.get("table") ?? "edges"}
            onChange={(v) => setQuery({ table: v === "edges" ? null : v })}
            choices={[
              { value: "edges", label: w("edges") },
              { value: "nodes", label: w("nodes") },
            ]}
          />
        )}
        {scope === "network" && (
          <>
            {textField("level", w("level"), "L-4")}
            <SelectField
              id="export-scenario"
              label={w("scenario")}
              value={query.get("scenario") ?? ""}
              onChange={(v) => setQuery({ scenario: v || null })}
              blank={w("anyScenario")}
              choices={(scenarios.data?.scenarios ?? []).map((s) => ({ value: s.id, label: s.name }))}
            />
            {textField("text", w("text"))}
          </>
        )}
        {scope === "stack" && textField("stack", w("stackInput"), "K3s + WasmEdge + Gatekeeper")}
        {scope === "migration" && (
          <>
            {textField("from", w("from"), "case:serverless-2020-seed-case-2")}
            {textField("via", w("via"))}
            {textField("to", w("to"), "case:serverless-2025-seed-case-2")}
          </>
        )}
      </form>
      {!ex && <p className="hint">{w("needFields")}</p>}
      {ex && url && (
        <section aria-live="polite" data-testid="export-result">
          {!IS_STATIC && (
            <p>
              <a className="button primary" href={url} download={file} data-testid="export-download">
                {w("download", { file })}
              </a>
            </p>
          )}
          {current && preview.error && <ErrorBox error={preview.error} />}
          {(!current || (preview.text === undefined && !preview.error)) && <Loading />}
          {lines.length > 0 && (
            <figure className="export-preview">
              <figcaption>{w("preview", { n: Math.min(PREVIEW_LINES, lines.length), total: lines.length })}</figcaption>
              <pre data-testid="export-preview">
                <code>{lines.slice(0, PREVIEW_LINES).join("\n")}</code>
              </pre>
            </figure>
          )}
          <CliEquivalent cli={cliOf(ex)} api={`GET ${apiUrl("/api/export", ex)}`} />
        </section>
      )}
    </div>
  );
}
