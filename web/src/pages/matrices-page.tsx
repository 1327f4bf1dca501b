/** @module web/pages/matrices-page — technology × level, compatibility, and the O1 × O2 localisation matrix with diagnose behind it. */
import { type FormEvent, Fragment, type ReactNode, useEffect, useMemo, useState } from "react";
import { AnswerStatus } from "../components/answer-status.js";
import { ErrorBox } from "../components/error-box.js";
import { Field, SelectField } from "../components/field.js";
import { Link } from "../components/link.js";
import { List } from "../components/list.js";
import { Loading } from "../components/loading.js";
import { SourceRef } from "../components/source-ref.js";
import { Table } from "../components/table.js";
import { api } from "../lib/api.js";
import type { Answer } from "../lib/api-contract.js";
import { ApiError } from "../lib/api-error.js";
import { dimensionLabel, levelLabel, readDimensions } from "../lib/dimensions.js";
import { useLang } from "../lib/i18n.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";
import { relationWord } from "../lib/vocabulary.js";

type Diagnosis = Answer<"POST /api/diagnose">;
type Cited = Diagnosis["causes"][number];
type Matrix = Answer<"GET /api/diagnose/matrix">;

const MATRIX_DIMENSIONS = ["D", "X", "Z", "A", "O"];

export default function MatricesPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const dim = query.get("dim") ?? "D";
  const filter = query.get("filter") ?? "";
  const analysis = useApi("GET /api/analyze", lang, { query: { matrixDimension: dim === "D" ? undefined : dim } });
  const techs = useApi("GET /api/technologies", lang);
  const dims = useApi("GET /api/dimensions", lang);
  const matrix = useApi("GET /api/diagnose/matrix", lang);
  const dimInfo = useMemo(() => (dims.data ? readDimensions(dims.data) : []), [dims.data]);
  const nameOf = useMemo(() => {
    const m = new Map((techs.data?.technologies ?? []).map((x) => [x.id, x.name]));
    return (id: string) => m.get(id) ?? id;
  }, [techs.data]);

  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = analysis.data?.matrices.levels.rows ?? [];
    return f ? all.filter((r) => r.id.includes(f) || nameOf(r.id).toLowerCase().includes(f)) : all;
  }, [analysis.data, filter, nameOf]);

  const compat = analysis.data?.matrices.compatibility ?? [];
  const compatRows = [...new Set(compat.map((c) => c.a))].sort();
  const compatCols = [...new Set(compat.map((c) => c.b))].sort();
  const d = dimInfo.find((x) => x.key === (analysis.data?.matrices.levels.dimension ?? dim));
  const levelColumns = analysis.data?.matrices.levels.columns ?? [];

  return (
    <div className="page matrices" data-testid="matrices-page">
      <h1>{t("matricesTitle")}</h1>

      <section aria-labelledby="mx-levels">
        <h2 id="mx-levels">{t("techByLevel")}</h2>
        <div className="field-row">
          <SelectField
            id="mx-dim"
            className="inline"
            label={t("groupBy")}
            value={dim}
            onChange={(x) => setQuery({ dim: x === "D" ? null : x })}
            choices={MATRIX_DIMENSIONS.map((k) => ({
              value: k,
              label: dimensionLabel(
                dimInfo.find((x) => x.key === k),
                k,
                lang,
              ),
            }))}
          />
          <Field id="mx-filter" className="inline" label={t("filterTech")}>
            <input id="mx-filter" type="search" value={filter} onChange={(e) => setQuery({ filter: e.target.value })} />
          </Field>
        </div>
        <AnswerStatus answer={analysis} />
        {analysis.data && (
          <Table
            box="matrix-wrap"
            className="matrix"
            testId="level-matrix"
            columns={[null, ...levelColumns.map((c) => levelLabel(d, c, lang))]}
          >
            {rows.map((r) => (
              <tr key={r.id}>
                <TechHead id={r.id} name={nameOf(r.id)} />
                {levelColumns.map((c) => {
                  const on = r.levels.includes(c);
                  return (
                    <td key={c} className={on ? "on" : ""} aria-label={on ? `${nameOf(r.id)}: ${c}` : undefined}>
                      {on ? "●" : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section aria-labelledby="mx-compat">
        <h2 id="mx-compat">{t("compatibility")}</h2>
        {analysis.data && (
          <>
            <p className="hint">
              <span className="cell-ok">✓</span> {relationWord("compatible-with", lang)} ·{" "}
              <span className="cell-bad">✗</span> {relationWord("conflicts-with", lang)} ({compat.length})
            </p>
            <Table
              box="matrix-wrap"
              className="matrix compat"
              testId="compat-matrix"
              columns={[null, ...compatCols.map((c) => ({ title: <span>{nameOf(c)}</span>, className: "rot" }))]}
            >
              {compatRows.map((a) => (
                <tr key={a}>
                  <TechHead id={a} name={nameOf(a)} />
                  {compatCols.map((b) => {
                    const c = compat.find((x) => x.a === a && x.b === b);
                    if (!c) return <td key={b} />;
                    const ok = c.relation !== "conflicts-with";
                    return (
                      <td
                        key={b}
                        className={ok ? "cell-ok" : "cell-bad"}
                        title={`${nameOf(a)} ${c.relation} ${nameOf(b)}${c.source ? ` [${c.source}]` : ""}`}
                        aria-label={`${nameOf(a)} ${c.relation} ${nameOf(b)}`}
                      >
                        {ok ? "✓" : "✗"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="mx-loc">
        <h2 id="mx-loc">{t("localisation")}</h2>
        <p className="hint">{t("localisationHelp")}</p>
        <AnswerStatus answer={matrix} />
        {matrix.data && <LocalisationMatrix matrix={matrix.data} />}
      </section>
    </div>
  );
}

function LocalisationMatrix({ matrix }: { matrix: Matrix }) {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const vertical = query.get("v") ?? "";
  const horizontal = query.get("h") ?? "";
  const [vInput, setV] = useState(vertical);
  const [hInput, setH] = useState(horizontal);
  const [result, setResult] = useState<{ key: string; data?: Diagnosis; error?: ApiError; loading?: boolean }>();
  const key = `${vertical}|${horizontal}|${lang}`;

  const run = (v: string, h: string) => {
    if (!v.trim()) return;
    const k = `${v}|${h}|${lang}`;
    setResult({ key: k, loading: true });
    api("POST /api/diagnose", { lang, body: { vertical: v, ...(h.trim() ? { horizontal: h } : {}) } })
      .then((data) => setResult({ key: k, data }))
      .catch((e: unknown) =>
        setResult({ key: k, error: e instanceof ApiError ? e : new ApiError(0, "CLIENT", String(e)) }),
      );
  };
  // The signals live in the URL (v=, h=): a shared link diagnoses on arrival, a submit diagnoses through it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the signals and the language
  useEffect(() => {
    if (vertical) run(vertical, horizontal);
  }, [key]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ v: vInput, h: hInput }, true);
  };
  const pick = (row: Matrix["rows"][number], col: Matrix["columns"][number]) => {
    const v = col.signals[0]?.example ?? col.code;
    setV(v);
    setH(row.name);
    setQuery({ v, h: row.name }, true);
  };
  const diag = result?.key === key ? result : undefined;

  return (
    <>
      <Table
        className="matrix loc"
        testId="localisation-matrix"
        columns={[
          "O1 ↓ · O2 →",
          ...matrix.columns.map((c) => (
            <Fragment key={c.code}>
              {c.code} {c.name}
              <div className="hint">{c.signals.map((s) => s.example).join(", ")}</div>
            </Fragment>
          )),
        ]}
      >
        {matrix.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            {matrix.columns.map((c) => {
              const cell = matrix.cells.find((x) => x.row === r.id && x.column === c.code);
              const active = diag?.data?.cell?.row === r.id && diag.data.cell.column === c.code;
              return (
                <td key={c.code} className={active ? "active" : cell ? "has" : ""}>
                  <button
                    type="button"
                    className="cell-button"
                    onClick={() => pick(r, c)}
                    aria-label={`${t("diagnose")}: ${r.name} × ${c.code}`}
                  >
                    {cell ? cell.symptoms.map((s) => s.name).join("; ") : "·"}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </Table>
      <p className="hint">
        {matrix.rule.text} <SourceRef source={matrix.rule.source} grade={matrix.rule.grade} />
      </p>

      <form className="diagnose-form" onSubmit={submit} aria-labelledby="mx-diag">
        <h3 id="mx-diag">{t("diagnose")}</h3>
        <Field id="dg-v" label={t("vertical")}>
          <input id="dg-v" value={vInput} required onChange={(e) => setV(e.target.value)} placeholder="OOMKilled" />
        </Field>
        <Field id="dg-h" label={t("horizontal")}>
          <input id="dg-h" value={hInput} onChange={(e) => setH(e.target.value)} placeholder="span duration 2s" />
        </Field>
        <button type="submit" className="primary">
          {t("diagnose")}
        </button>
      </form>
      {diag?.loading && <Loading />}
      {diag?.error && <ErrorBox error={diag.error} />}
      {diag?.data && <DiagnosisView d={diag.data} />}
    </>
  );
}

function DiagnosisView({ d }: { d: Diagnosis }) {
  const { t } = useLang();
  return (
    <div className="diagnosis" data-testid="diagnosis" aria-live="polite">
      <p className="big">
        {t("layer")}: <strong>{d.layer ? `${d.layer.name}` : "—"}</strong>
        {d.cell && <span className="hint"> — {d.cell.text}</span>}
      </p>
      {d.vertical && (
        <p>
          O2: {d.vertical.text} <SourceRef source={d.vertical.source} grade={d.vertical.grade} />
        </p>
      )}
      {d.horizontal && (
        <p>
          O1: {d.horizontal.text} <SourceRef source={d.horizontal.source} grade={d.horizontal.grade} />
        </p>
      )}
      <div className="cols">
        <Findings title={t("causes")} items={d.causes}>
          {cited}
        </Findings>
        <Findings title={t("fixes")} items={d.fixes}>
          {cited}
        </Findings>
        <Findings title={t("symptoms")} items={d.symptoms}>
          {(s) => (
            <>
              {s.name}
              {s.fix && <span className="hint"> → {s.fix.text}</span>}
            </>
          )}
        </Findings>
        <Findings title={t("tools")} items={d.tools}>
          {(x) => (
            <>
              <Link to={`/technology/${encodeURIComponent(x.id)}`}>{x.name}</Link> — {x.use}
            </>
          )}
        </Findings>
      </div>
    </div>
  );
}

/** One kind of finding of a diagnosis under its heading; nothing when there is none. */
function Findings<T>({
  title,
  items,
  children,
}: {
  title: string;
  items: readonly T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <div>
      <h4>{title}</h4>
      <List items={items}>{children}</List>
    </div>
  );
}

function cited(c: Cited) {
  return (
    <>
      {c.text} <SourceRef source={c.source} grade={c.grade} />
    </>
  );
}

/** A row's header: the technology, linked to its page. */
function TechHead({ id, name }: { id: string; name: string }) {
  return (
    <th scope="row">
      <Link to={`/technology/${encodeURIComponent(id)}`}>{name}</Link>
    </th>
  );
}
