/** @module web/pages/recommend-page — every requirement of the vocabulary in a form → ranked, explained stacks, trade-offs, "why not", a radar and the Pareto view. */
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { Chart } from "../charts/chart.js";
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
import { type DimensionInfo, dimensionLabel, type LevelInfo, readDimensions } from "../lib/dimensions.js";
import { type MessageKey, useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { setQuery, useLocation } from "../lib/router.js";
import { useApi } from "../lib/use-api.js";

// The route's response schema leaves these parts open (z.unknown: requirements, analysis.dimensions, explanation,
// tradeoffs, terms, figures, unverified, softMisses, rejected, relaxations, pareto, stats). They are read here as
// the engine writes them, until the schema declares them; everything the schema declares is its type.
type Ref = NonNullable<Answer<"POST /api/recommend">["stacks"][number]["components"]["runtime"]>;
type CoordinateJson = Answer<"POST /api/recommend">["analysis"]["coordinate"];
interface RecommendedStack {
  rank: number;
  score: number;
  label: string;
  components: {
    runtime: Ref;
    orchestrator: Ref | null;
    policy: Ref | null;
    observability: Ref[];
    addons?: Ref[];
    supporting: Ref[];
  };
  coordinate: CoordinateJson;
  explanation: string[];
  tradeoffs: string[];
  terms?: { term: string; weight: number; value: number; contribution: number }[];
  figures?: Record<string, Record<string, { of: string; value: string; source: string; grade: string } | undefined>>;
  unverified?: { requirement: string; detail: string }[];
  /** The scenario's typical requirements this stack misses: trade-offs, not rejections. */
  softMisses?: { requirement: string; detail: string; text: string }[];
}
/** A requirement in force, with where it came from (the text is in the answer's language). */
interface RequirementInForce {
  key: string;
  value: unknown;
  origin: "user" | "scenario" | "default";
  hard: boolean;
  years?: { from: number; to?: number };
  source?: string;
  grade?: string;
  why?: string;
  text: string;
}
interface RecommendResult {
  requirements: {
    scenario: { id: string; name: string } | null;
    year: number;
    must: Record<string, unknown>;
    origin?: Record<string, string>;
    inForce?: RequirementInForce[];
  };
  weights?: { source: string; values: Record<string, number>; why: string };
  analysis?: {
    dimensions: {
      dimension: string;
      name: string;
      levels: string[];
      value: unknown;
      because: { requirement: string; levels: string[]; why: string; source?: string }[];
    }[];
    coordinate: CoordinateJson;
  };
  stacks: RecommendedStack[];
  rejected: {
    stack?: string;
    component?: { id: string; name: string; slot: string };
    requirement: string;
    reason: string;
    source?: string;
    grade?: string;
  }[];
  relaxations?: { relax: string; admits: string; score: number }[];
  pareto?: { label: string; key: string; values: Record<string, number> }[];
  stats?: { evaluated: number; space: number };
}

const BOOLS = ["gpu", "untrustedCode", "multiTenant", "offline", "kubernetesApi"] as const;
const WEIGHTS = ["startup", "isolation", "footprint", "overhead", "maturity", "fit"] as const;
const BOUNDS = [
  { key: "isolation", dim: "D" },
  { key: "orchestration", dim: "X" },
  { key: "policy", dim: "Z" },
] as const;
const WEIGHT_LABELS: Readonly<Record<(typeof WEIGHTS)[number], MessageKey>> = {
  startup: "startup",
  isolation: "wIsolation",
  footprint: "footprint",
  overhead: "overhead",
  maturity: "wMaturity",
  fit: "fit",
};
/** The requirements chosen from a few values (else any). */
const CHOICES: readonly { key: MessageKey; id: string; values: readonly MessageKey[] }[] = [
  ...BOOLS.map((k) => ({ key: k, id: `rq-${k}`, values: ["yes", "no"] as const })),
  { key: "linuxCompatibility", id: "rq-linux", values: ["full", "most"] },
];
/** The requirements typed as text. */
const TEXT_FIELDS: readonly { key: string; id: string; label: MessageKey; placeholder: string }[] = [
  { key: "coordinate", id: "rq-coord", label: "targetCoordinate", placeholder: "(4, 2, 3, *, *, edge, *)" },
  { key: "include", id: "rq-include", label: "include", placeholder: "k3s" },
  { key: "exclude", id: "rq-exclude", label: "exclude", placeholder: "docker" },
];
const RADAR_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

/** The requirements the URL describes, in the vocabulary of docs/architecture.md, "Contracts". */
function requirementsFrom(q: URLSearchParams): Record<string, unknown> {
  const must: Record<string, unknown> = {};
  const range = (prefix: string) => {
    const min = q.get(`${prefix}.min`);
    const max = q.get(`${prefix}.max`);
    if (!min && !max) return undefined;
    return { ...(min ? { min: Number(min) } : {}), ...(max ? { max: Number(max) } : {}) };
  };
  const cs = range("coldStartMs");
  if (cs) must.coldStartMs = cs;
  const mem = range("memoryMiB");
  if (mem) must.memoryMiB = mem;
  for (const b of BOUNDS) {
    const lo = q.get(`${b.key}.atLeast`);
    const hi = q.get(`${b.key}.atMost`);
    if (lo || hi) must[b.key] = { ...(lo ? { atLeast: lo } : {}), ...(hi ? { atMost: hi } : {}) };
  }
  for (const k of BOOLS) {
    const v = q.get(k);
    if (v === "yes" || v === "no") must[k] = v === "yes";
  }
  const linux = q.get("linuxCompatibility");
  if (linux === "full" || linux === "most") must.linuxCompatibility = linux;
  const obs = q.getAll("observability");
  if (obs.length > 0) must.observability = obs;
  const coord = q.get("coordinate");
  if (coord) must.coordinate = coord;
  const list = (k: string) =>
    (q.get(k) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (list("include").length > 0) must.include = list("include");
  if (list("exclude").length > 0) must.exclude = list("exclude");
  const prefer: Record<string, number> = {};
  for (const w of WEIGHTS) {
    const v = q.get(`prefer.${w}`);
    if (v !== null && v !== "") prefer[w] = Number(v);
  }
  const scenario = q.get("scenario");
  const year = q.get("year");
  return {
    ...(scenario ? { scenario } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(q.get("scenarioHard") === "yes" ? { scenarioHard: true } : {}),
    ...(q.get("raw") === "yes" ? { raw: true } : {}),
    ...(Object.keys(must).length > 0 ? { must } : {}),
    ...(Object.keys(prefer).length > 0 ? { prefer } : {}),
  };
}

const FORM_KEYS = [
  "scenario",
  "year",
  "scenarioHard",
  "raw",
  "coldStartMs.min",
  "coldStartMs.max",
  "memoryMiB.min",
  "memoryMiB.max",
  ...BOUNDS.flatMap((b) => [`${b.key}.atLeast`, `${b.key}.atMost`]),
  ...BOOLS,
  "linuxCompatibility",
  "observability",
  "coordinate",
  "include",
  "exclude",
  ...WEIGHTS.map((w) => `prefer.${w}`),
  "top",
  "go",
];

export default function RecommendPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const scenarios = useApi("GET /api/scenarios", lang);
  const dimsAnswer = useApi("GET /api/dimensions", lang);
  const dims = useMemo(() => (dimsAnswer.data ? readDimensions(dimsAnswer.data) : []), [dimsAnswer.data]);
  const [result, setResult] = useState<{ key: string; data?: RecommendResult; error?: ApiError; loading?: boolean }>();
  const requirements = requirementsFrom(query);
  const top = Number(query.get("top") ?? "5") || 5;
  const go = query.get("go") === "1";
  const reqKey = JSON.stringify([requirements, top, lang]);

  const run = (req: Record<string, unknown>, k: string) => {
    setResult({ key: k, loading: true });
    api("POST /api/recommend", { lang, query: { top, pareto: "true" }, body: req })
      .then((data) => setResult({ key: k, data: data as unknown as RecommendResult }))
      .catch((e: unknown) =>
        setResult({ key: k, error: e instanceof ApiError ? e : new ApiError(0, "CLIENT", String(e)) }),
      );
  };

  // A shared link (go=1) recommends on arrival; so does a change of language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for the submitted requirements only, on arrival and on a change of language
  useEffect(() => {
    if (go && result?.key !== reqKey) run(requirements, reqKey);
  }, [go, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ go: "1" }, true);
    run(requirements, reqKey);
  };
  // An error shows beside the submit button and comes into view; an answer's start comes into view on a phone.
  const errorRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (result?.error) {
      errorRef.current?.scrollIntoView({ block: "center" });
      errorRef.current?.focus({ preventScroll: true });
    } else if (result?.data && window.innerWidth <= 900) resultsRef.current?.scrollIntoView({ block: "start" });
  }, [result?.error, result?.data]);
  const example = () =>
    setQuery(
      {
        ...Object.fromEntries(FORM_KEYS.map((k) => [k, null])),
        scenario: "edge",
        "isolation.atLeast": "L-4",
        "policy.atLeast": "Z3",
        "memoryMiB.max": "64",
        go: "1",
      },
      true,
    );
  // The weights the last answer used stand on the sliders the user has not moved.
  const used = result?.data?.weights?.values;
  const set = (k: string, v: string | readonly string[] | null) => setQuery({ [k]: v });
  const v = (k: string) => query.get(k) ?? "";
  const levels = (key: string) => dims.find((d) => d.key === key)?.levels ?? [];
  const levelText = (l: LevelInfo) => (
    <>
      {l.code} {l.names?.[lang] ?? ""}
    </>
  );

  return (
    <div className="page recommend" data-testid="recommend-page">
      <h1>{t("recommendTitle")}</h1>
      <div className="recommend-layout">
        <form className="requirements" onSubmit={submit} aria-labelledby="rq-title">
          <h2 id="rq-title">{t("requirements")}</h2>
          {scenarios.error && <ErrorBox error={scenarios.error} />}
          <SelectField
            id="rq-scenario"
            label={t("scenario")}
            value={v("scenario")}
            onChange={(x) => set("scenario", x || null)}
            blank={t("anyScenario")}
            choices={(scenarios.data?.scenarios ?? []).map((s) => ({
              value: s.id,
              label: lang === "zh" ? s.names.zh : `${s.names.en} · ${s.names.zh}`,
            }))}
          />
          <Field id="rq-year" label={t("asOfYear")}>
            <input
              id="rq-year"
              type="number"
              min={1990}
              max={2100}
              value={v("year")}
              onChange={(e) => set("year", e.target.value)}
            />
          </Field>
          <label className="check" htmlFor="rq-scenario-hard">
            <input
              id="rq-scenario-hard"
              type="checkbox"
              checked={v("scenarioHard") === "yes"}
              onChange={(e) => set("scenarioHard", e.target.checked ? "yes" : null)}
              data-testid="scenario-hard"
            />{" "}
            {t("scenarioHard")}
          </label>
          <label className="check" htmlFor="rq-raw">
            <input
              id="rq-raw"
              type="checkbox"
              checked={v("raw") === "yes"}
              onChange={(e) => set("raw", e.target.checked ? "yes" : null)}
              data-testid="raw-ranking"
            />{" "}
            {t("rawRanking")}
          </label>
          <fieldset>
            <legend>{t("must")}</legend>
            {(["coldStartMs", "memoryMiB"] as const).map((k) => (
              <RangeField key={k} name={k} label={t(k)} sides={["min", "max"]}>
                {(side, labelId) => (
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={v(`${k}.${side}`)}
                    onChange={(e) => set(`${k}.${side}`, e.target.value)}
                    data-testid={`${k}-${side}`}
                    aria-describedby={labelId}
                  />
                )}
              </RangeField>
            ))}
            {BOUNDS.map((b) => (
              <RangeField
                key={b.key}
                name={b.key}
                label={
                  <>
                    {t(b.key)} ({b.dim})
                  </>
                }
                sides={["atLeast", "atMost"]}
              >
                {(side, labelId) => (
                  <select
                    value={v(`${b.key}.${side}`)}
                    onChange={(e) => set(`${b.key}.${side}`, e.target.value || null)}
                    aria-describedby={labelId}
                  >
                    <option value="">{t("anyValue")}</option>
                    {levels(b.dim).map((l) => (
                      <option key={l.code} value={l.code}>
                        {levelText(l)}
                      </option>
                    ))}
                  </select>
                )}
              </RangeField>
            ))}
            <div className="bools">
              {CHOICES.map((c) => (
                <SelectField
                  key={c.key}
                  id={c.id}
                  className="inline"
                  label={t(c.key)}
                  value={v(c.key)}
                  onChange={(x) => set(c.key, x || null)}
                  blank={t("anyValue")}
                  choices={c.values.map((x) => ({ value: x, label: t(x) }))}
                />
              ))}
            </div>
            <fieldset className="checks">
              <legend>{t("observability")}</legend>
              {levels("O").map((l) => {
                const on = query.getAll("observability").includes(l.code);
                return (
                  <label key={l.code}>
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => {
                        const cur = query.getAll("observability");
                        set("observability", e.target.checked ? [...cur, l.code] : cur.filter((x) => x !== l.code));
                      }}
                    />{" "}
                    {levelText(l)}
                  </label>
                );
              })}
            </fieldset>
            {TEXT_FIELDS.map((f) => (
              <Field key={f.key} id={f.id} label={t(f.label)}>
                <input
                  id={f.id}
                  value={v(f.key)}
                  placeholder={f.placeholder}
                  onChange={(e) => set(f.key, e.target.value)}
                />
              </Field>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("prefer")}</legend>
            {!WEIGHTS.some((w) => v(`prefer.${w}`)) && <p className="hint">{t("weightsDefault")}</p>}
            {WEIGHTS.map((w) => (
              <Field key={w} id={`rq-w-${w}`} className="weight" label={t(WEIGHT_LABELS[w])}>
                <input
                  id={`rq-w-${w}`}
                  type="range"
                  min={0}
                  max={100}
                  step={1}
                  value={v(`prefer.${w}`) || String(shownWeight(used?.[w]) ?? 0)}
                  onChange={(e) => {
                    // The first move makes every weight explicit, from the ones the last answer used: what the
                    // sliders show is then exactly what is sent.
                    const seeded = WEIGHTS.some((x) => v(`prefer.${x}`))
                      ? {}
                      : Object.fromEntries(WEIGHTS.map((x) => [`prefer.${x}`, String(shownWeight(used?.[x]) ?? 0)]));
                    setQuery({ ...seeded, [`prefer.${w}`]: e.target.value });
                  }}
                />
                <output htmlFor={`rq-w-${w}`} data-testid={`weight-${w}`}>
                  {v(`prefer.${w}`) || (shownWeight(used?.[w]) ?? "—")}
                </output>
              </Field>
            ))}
          </fieldset>
          <Field id="rq-top" className="inline" label={t("top")}>
            <input
              id="rq-top"
              type="number"
              min={1}
              max={20}
              value={v("top") || "5"}
              onChange={(e) => set("top", e.target.value === "5" ? null : e.target.value)}
            />
          </Field>
          {result?.error && <ErrorBox error={result.error} ref={errorRef} />}
          <div className="actions">
            <button type="submit" className="primary" data-testid="recommend-submit">
              {t("submit")}
            </button>
            <button type="button" onClick={() => setQuery(Object.fromEntries(FORM_KEYS.map((k) => [k, null])))}>
              {t("reset")}
            </button>
          </div>
        </form>
        <section
          className="results"
          ref={resultsRef}
          aria-live="polite"
          aria-busy={result?.loading ? "true" : "false"}
          aria-label={t("step3")}
        >
          {result?.loading && <Loading />}
          {!result && (
            <div className="empty-hint" data-testid="recommend-hint">
              <p>{t("recommendHint")}</p>
              <button type="button" className="primary" onClick={example} data-testid="recommend-example">
                {t("recommendExample")}
              </button>
            </div>
          )}
          {result?.data && <Results r={result.data} dims={dims} />}
        </section>
      </div>
    </div>
  );
}

/** A weight of the answer on the sliders' 0–100 scale (the answer gives fractions or percentages). */
function shownWeight(x: number | undefined): number | undefined {
  if (x === undefined || !Number.isFinite(x)) return undefined;
  return Math.round(x <= 1 ? x * 100 : x);
}

/** A requirement with two sides (min/max, at least/at most): its name, then a labelled control a side, described by the name. */
function RangeField<S extends MessageKey>({
  name,
  label,
  sides,
  children,
}: {
  name: string;
  label: ReactNode;
  sides: readonly S[];
  children: (side: S, labelId: string) => ReactNode;
}) {
  const { t } = useLang();
  const labelId = `rq-${name}-label`;
  return (
    <div className="field range">
      <span className="label" id={labelId}>
        {label}
      </span>
      {sides.map((side) => (
        // biome-ignore lint/a11y/noLabelWithoutControl: the control, made by children, is inside the label
        <label key={side}>
          {t(side)} {children(side, labelId)}
        </label>
      ))}
    </div>
  );
}

function Results({ r, dims }: { r: RecommendResult; dims: readonly DimensionInfo[] }) {
  const { lang, t } = useLang();
  const radar = useMemo(() => radarOption(r, dims, lang), [r, dims, lang]);
  const pareto = useMemo(() => paretoOption(r, t("startup"), t("footprint"), t("wMaturity")), [r, t]);
  return (
    <div data-testid="recommend-results">
      {r.analysis && (
        <section aria-labelledby="rs-step1">
          <h2 id="rs-step1">{t("step1")}</h2>
          <Table className="compact">
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
            .map(([k, x]) => `${k in WEIGHT_LABELS ? t(WEIGHT_LABELS[k as (typeof WEIGHTS)[number]]) : k} ${x}`)
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
        <section aria-labelledby="rs-radar">
          <h2 id="rs-radar">{t("radar")}</h2>
          <Chart label={t("radar")} option={radar} height={380} testId="radar-chart" />
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

/** The top stacks on the seven dimensions, each axis scaled by the dimension's own levels (from /api/dimensions). */
function radarOption(r: RecommendResult, dims: readonly DimensionInfo[], lang: "en" | "zh") {
  const name = (k: string) =>
    dimensionLabel(
      dims.find((x) => x.key === k),
      k,
      lang,
    );
  const maxOf = (k: string, fallback: number) => {
    const vs =
      dims
        .find((x) => x.key === k)
        ?.levels.map((l) => l.value)
        .filter((x): x is number => x !== undefined) ?? [];
    return vs.length > 0 ? Math.max(...vs) : fallback;
  };
  const years = r.stacks.map((s) => (typeof s.coordinate.T === "number" ? s.coordinate.T : r.requirements.year));
  const tMin = Math.min(...years, r.requirements.year) - 10;
  const oCount = dims.find((x) => x.key === "O")?.levels.length ?? 5;
  const scenario = r.requirements.scenario?.id;
  const indicator = [
    { name: name("D"), max: maxOf("D", 4), min: 0 },
    { name: name("X"), max: maxOf("X", 4), min: 0 },
    { name: name("Z"), max: maxOf("Z", 4), min: 0 },
    { name: name("T"), max: r.requirements.year, min: tMin },
    { name: name("A"), max: maxOf("A", 7), min: 0 },
    { name: name("S"), max: 1, min: 0 },
    { name: name("O"), max: oCount, min: 0 },
  ];
  const top = r.stacks.slice(0, 5);
  return {
    tooltip: { trigger: "item" },
    legend: { bottom: 0, type: "scroll" },
    radar: { indicator, radius: "62%", center: ["50%", "48%"], axisName: { color: "#1b1f24" } },
    series: [
      {
        type: "radar",
        data: top.map((s, i) => ({
          name: `#${s.rank} ${s.label}`,
          value: [
            s.coordinate.D ?? 0,
            s.coordinate.X ?? 0,
            s.coordinate.Z ?? 0,
            s.coordinate.T ?? r.requirements.year,
            s.coordinate.A ?? 0,
            scenario !== undefined && s.coordinate.S === scenario ? 1 : 0,
            Array.isArray(s.coordinate.O) ? s.coordinate.O.length : 0,
          ],
          lineStyle: { color: RADAR_COLORS[i], width: i === 0 ? 3 : 1.5 },
          itemStyle: { color: RADAR_COLORS[i] },
          areaStyle: i === 0 ? { color: RADAR_COLORS[0], opacity: 0.12 } : undefined,
        })),
      },
    ],
  };
}

/** A point's label on the Pareto chart: the stack's first parts, short enough to sit beside its dot. */
const shortLabel = (label: string) => (label.length <= 22 ? label : `${label.slice(0, 21)}…`);

function paretoOption(r: RecommendResult, xName: string, yName: string, maturity: string) {
  const pts = r.pareto ?? [];
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { data: { name: string; value: number[] } }) =>
        `${p.data.name}\n${p.data.value.map((x) => x.toFixed(2)).join(" / ")}`,
    },
    grid: { left: 48, right: 90, top: 16, bottom: 44 },
    xAxis: { type: "value", name: xName, nameLocation: "middle", nameGap: 26, min: 0, max: 1 },
    yAxis: { type: "value", name: yName, min: 0, max: 1 },
    visualMap: {
      dimension: 3,
      min: 0,
      max: 1,
      right: 0,
      top: "middle",
      text: [maturity, ""],
      inRange: { color: ["#E69F00", "#0072B2"] },
      calculable: false,
    },
    series: [
      {
        type: "scatter",
        symbolSize: (v: number[]) => 8 + (v[2] ?? 0) * 18,
        // Each point named beside it; a label that would overlap another is hidden (the tooltip still names it).
        label: {
          show: true,
          position: "right",
          fontSize: 10,
          formatter: (p: { name: string }) => shortLabel(p.name),
        },
        labelLayout: { hideOverlap: true },
        data: pts.map((p) => ({
          name: p.label,
          value: [p.values.startup ?? 0, p.values.footprint ?? 0, p.values.isolation ?? 0, p.values.maturity ?? 0],
        })),
      },
    ],
  };
}
