/** @module web/pages/recommend-page — every requirement of the vocabulary in a form → ranked, explained stacks, trade-offs, "why not", a radar and the Pareto view. */
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Chart } from "../charts/chart.js";
import { ErrorBox } from "../components/error-box.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { SourceRef } from "../components/source-ref.js";
import { api } from "../lib/api.js";
import { ApiError } from "../lib/api-error.js";
import { type DimensionInfo, readDimensions } from "../lib/dimensions.js";
import { type MessageKey, useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { setQuery, useLocation } from "../lib/router.js";
import type { CoordinateJson, ScenarioSummary } from "../lib/types.js";
import { useApi } from "../lib/use-api.js";

interface Ref {
  id: string;
  name: string;
}
interface RecommendedStack {
  rank: number;
  score: number;
  label: string;
  components: { runtime: Ref; orchestrator: Ref | null; policy: Ref | null; observability: Ref[]; supporting: Ref[] };
  coordinate: CoordinateJson;
  explanation: string[];
  tradeoffs: string[];
  terms?: { term: string; weight: number; value: number; contribution: number }[];
  figures?: Record<string, Record<string, { of: string; value: string; source: string; grade: string } | undefined>>;
  unverified?: { requirement: string; detail: string }[];
}
interface RecommendResult {
  requirements: {
    scenario: { id: string; name: string } | null;
    year: number;
    must: Record<string, unknown>;
    origin?: Record<string, string>;
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
const RADAR_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

/** The requirements the URL describes, in the vocabulary of architecture §4. */
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
    ...(Object.keys(must).length > 0 ? { must } : {}),
    ...(Object.keys(prefer).length > 0 ? { prefer } : {}),
  };
}

const FORM_KEYS = [
  "scenario",
  "year",
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
  const scenarios = useApi<{ scenarios: ScenarioSummary[] }>("/api/scenarios", lang);
  const dimsAnswer = useApi<unknown>("/api/dimensions", lang);
  const dims = useMemo(() => (dimsAnswer.data ? readDimensions(dimsAnswer.data) : []), [dimsAnswer.data]);
  const [result, setResult] = useState<{ key: string; data?: RecommendResult; error?: ApiError; loading?: boolean }>();
  const requirements = requirementsFrom(query);
  const top = Number(query.get("top") ?? "5") || 5;
  const go = query.get("go") === "1";
  const reqKey = JSON.stringify([requirements, top, lang]);

  const run = (req: Record<string, unknown>, k: string) => {
    setResult({ key: k, loading: true });
    api<RecommendResult>("/api/recommend", { lang, params: { top, pareto: "true" }, body: req })
      .then((data) => setResult({ key: k, data }))
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
  const set = (k: string, v: string | readonly string[] | null) => setQuery({ [k]: v });
  const v = (k: string) => query.get(k) ?? "";
  const levels = (key: string) => dims.find((d) => d.key === key)?.levels ?? [];

  return (
    <div className="page recommend" data-testid="recommend-page">
      <h1>{t("recommendTitle")}</h1>
      <div className="recommend-layout">
        <form className="requirements" onSubmit={submit} aria-labelledby="rq-title">
          <h2 id="rq-title">{t("requirements")}</h2>
          {scenarios.error && <ErrorBox error={scenarios.error} />}
          <div className="field">
            <label htmlFor="rq-scenario">{t("scenario")}</label>
            <select id="rq-scenario" value={v("scenario")} onChange={(e) => set("scenario", e.target.value || null)}>
              <option value="">{t("anyScenario")}</option>
              {scenarios.data?.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {lang === "zh" ? s.names.zh : `${s.names.en} · ${s.names.zh}`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rq-year">{t("asOfYear")}</label>
            <input
              id="rq-year"
              type="number"
              min={1990}
              max={2100}
              value={v("year")}
              onChange={(e) => set("year", e.target.value)}
            />
          </div>
          <fieldset>
            <legend>{t("must")}</legend>
            {(["coldStartMs", "memoryMiB"] as const).map((k) => (
              <div className="field range" key={k}>
                <span className="label" id={`rq-${k}-label`}>
                  {t(k)}
                </span>
                <label>
                  {t("min")}{" "}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={v(`${k}.min`)}
                    onChange={(e) => set(`${k}.min`, e.target.value)}
                    data-testid={`${k}-min`}
                    aria-describedby={`rq-${k}-label`}
                  />
                </label>
                <label>
                  {t("max")}{" "}
                  <input
                    type="number"
                    min={0}
                    step="any"
                    value={v(`${k}.max`)}
                    onChange={(e) => set(`${k}.max`, e.target.value)}
                    data-testid={`${k}-max`}
                    aria-describedby={`rq-${k}-label`}
                  />
                </label>
              </div>
            ))}
            {BOUNDS.map((b) => (
              <div className="field range" key={b.key}>
                <span className="label" id={`rq-${b.key}-label`}>
                  {t(b.key as MessageKey)} ({b.dim})
                </span>
                {(["atLeast", "atMost"] as const).map((side) => (
                  <label key={side}>
                    {t(side)}{" "}
                    <select
                      value={v(`${b.key}.${side}`)}
                      onChange={(e) => set(`${b.key}.${side}`, e.target.value || null)}
                      aria-describedby={`rq-${b.key}-label`}
                    >
                      <option value="">{t("anyValue")}</option>
                      {levels(b.dim).map((l) => (
                        <option key={l.code} value={l.code}>
                          {l.code} {l.names?.[lang] ?? ""}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            ))}
            <div className="bools">
              {BOOLS.map((k) => (
                <div className="field inline" key={k}>
                  <label htmlFor={`rq-${k}`}>{t(k)}</label>
                  <select id={`rq-${k}`} value={v(k)} onChange={(e) => set(k, e.target.value || null)}>
                    <option value="">{t("anyValue")}</option>
                    <option value="yes">{t("yes")}</option>
                    <option value="no">{t("no")}</option>
                  </select>
                </div>
              ))}
              <div className="field inline">
                <label htmlFor="rq-linux">{t("linuxCompatibility")}</label>
                <select
                  id="rq-linux"
                  value={v("linuxCompatibility")}
                  onChange={(e) => set("linuxCompatibility", e.target.value || null)}
                >
                  <option value="">{t("anyValue")}</option>
                  <option value="full">{t("full")}</option>
                  <option value="most">{t("most")}</option>
                </select>
              </div>
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
                    {l.code} {l.names?.[lang] ?? ""}
                  </label>
                );
              })}
            </fieldset>
            <div className="field">
              <label htmlFor="rq-coord">{t("targetCoordinate")}</label>
              <input
                id="rq-coord"
                value={v("coordinate")}
                placeholder="(4, 2, 3, *, *, edge, *)"
                onChange={(e) => set("coordinate", e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="rq-include">{t("include")}</label>
              <input
                id="rq-include"
                value={v("include")}
                placeholder="k3s"
                onChange={(e) => set("include", e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="rq-exclude">{t("exclude")}</label>
              <input
                id="rq-exclude"
                value={v("exclude")}
                placeholder="docker"
                onChange={(e) => set("exclude", e.target.value)}
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("prefer")}</legend>
            {WEIGHTS.map((w) => (
              <div className="field weight" key={w}>
                <label htmlFor={`rq-w-${w}`}>{t(WEIGHT_LABELS[w])}</label>
                <input
                  id={`rq-w-${w}`}
                  type="range"
                  min={0}
                  max={100}
                  step={1}
                  value={v(`prefer.${w}`) || "0"}
                  onChange={(e) => set(`prefer.${w}`, e.target.value === "0" ? null : e.target.value)}
                />
                <output htmlFor={`rq-w-${w}`}>{v(`prefer.${w}`) || "—"}</output>
              </div>
            ))}
          </fieldset>
          <div className="field inline">
            <label htmlFor="rq-top">{t("top")}</label>
            <input
              id="rq-top"
              type="number"
              min={1}
              max={20}
              value={v("top") || "5"}
              onChange={(e) => set("top", e.target.value === "5" ? null : e.target.value)}
            />
          </div>
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
          aria-live="polite"
          aria-busy={result?.loading ? "true" : "false"}
          aria-label={t("step3")}
        >
          {result?.loading && <Loading />}
          {result?.error && <ErrorBox error={result.error} />}
          {result?.data && <Results r={result.data} dims={dims} />}
        </section>
      </div>
    </div>
  );
}

function Results({ r, dims }: { r: RecommendResult; dims: readonly DimensionInfo[] }) {
  const { lang, t } = useLang();
  const radar = useMemo(() => radarOption(r, dims, lang), [r, dims, lang]);
  const pareto = useMemo(() => paretoOption(r, t("startup"), t("footprint")), [r, t]);
  return (
    <div data-testid="recommend-results">
      {r.analysis && (
        <section aria-labelledby="rs-step1">
          <h2 id="rs-step1">{t("step1")}</h2>
          <div className="table-wrap">
            <table className="compact">
              <tbody>
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
              </tbody>
            </table>
          </div>
          <h2 id="rs-step2">{t("step2")}</h2>
          <p className="coordinate-big mono" data-testid="target-coordinate">
            {r.analysis.coordinate.text}
          </p>
        </section>
      )}
      <h2>{t("step3")}</h2>
      {r.stats && <p className="hint">{t("evaluated", { evaluated: r.stats.evaluated, space: r.stats.space })}</p>}
      {r.weights && (
        <p className="hint">
          {t("weights")} ({r.weights.source}):{" "}
          {Object.entries(r.weights.values)
            .map(([k, x]) => `${k} ${x}`)
            .join(" · ")}{" "}
          — {r.weights.why}
        </p>
      )}
      {r.stacks.length === 0 && <p className="error-box">{t("noStacks")}</p>}
      {r.relaxations && r.relaxations.length > 0 && (
        <>
          <h3>{t("relaxations")}</h3>
          <ul>
            {keyed(r.relaxations).map(([i, x]) => (
              <li key={i}>
                <code>{x.relax}</code> → {x.admits} ({x.score.toFixed(3)})
              </li>
            ))}
          </ul>
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
              {(
                [
                  ["runtime", s.components.runtime],
                  ["orchestrator", s.components.orchestrator],
                  ["policy", s.components.policy],
                ] as const
              ).map(([slot, ref]) =>
                ref ? (
                  <span key={slot} className="chip">
                    {t(slot as MessageKey)}: <Link to={`/technology/${encodeURIComponent(ref.id)}`}>{ref.name}</Link>
                  </span>
                ) : null,
              )}
              {s.components.observability.map((o) => (
                <span key={o.id} className="chip">
                  {t("observability")}: <Link to={`/technology/${encodeURIComponent(o.id)}`}>{o.name}</Link>
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
              <ul className="explanation">
                {keyed(s.explanation).map(([i, e]) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </details>
            {s.tradeoffs.length > 0 && (
              <details>
                <summary>{t("tradeoffs")}</summary>
                <ul>
                  {keyed(s.tradeoffs).map(([i, e]) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              </details>
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
          <div className="table-wrap">
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">Stack</th>
                  {Object.keys(r.pareto[0]!.values).map((k) => (
                    <th key={k} scope="col">
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        </section>
      )}
      {r.rejected.length > 0 && (
        <section aria-labelledby="rs-whynot">
          <h2 id="rs-whynot">{t("whyNot")}</h2>
          <ul className="why-not" data-testid="why-not">
            {keyed(r.rejected).map(([i, x]) => (
              <li key={i}>
                <strong>{x.stack ?? x.component?.name}</strong> <code>{x.requirement}</code> — {x.reason}{" "}
                {x.source && <SourceRef source={x.source} grade={x.grade} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** The top stacks on the seven dimensions, each axis scaled by the dimension's own levels (from /api/dimensions). */
function radarOption(r: RecommendResult, dims: readonly DimensionInfo[], lang: "en" | "zh") {
  const name = (k: string) => {
    const d = dims.find((x) => x.key === k);
    return d?.names ? `${k} ${d.names[lang]}` : k;
  };
  const maxOf = (k: string, fallback: number) => {
    const vs =
      dims
        .find((x) => x.key === k)
        ?.levels.map((l) => l.value)
        .filter((x): x is number => x !== undefined) ?? [];
    return vs.length > 0 ? Math.max(...vs) : fallback;
  };
  const years = r.stacks.map((s) => s.coordinate.T ?? r.requirements.year);
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
            s.coordinate.O?.length ?? 0,
          ],
          lineStyle: { color: RADAR_COLORS[i], width: i === 0 ? 3 : 1.5 },
          itemStyle: { color: RADAR_COLORS[i] },
          areaStyle: i === 0 ? { color: RADAR_COLORS[0], opacity: 0.12 } : undefined,
        })),
      },
    ],
  };
}

function paretoOption(r: RecommendResult, xName: string, yName: string) {
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
      text: ["maturity", ""],
      inRange: { color: ["#E69F00", "#0072B2"] },
      calculable: false,
    },
    series: [
      {
        type: "scatter",
        symbolSize: (v: number[]) => 8 + (v[2] ?? 0) * 18,
        data: pts.map((p) => ({
          name: p.label,
          value: [p.values.startup ?? 0, p.values.footprint ?? 0, p.values.isolation ?? 0, p.values.maturity ?? 0],
        })),
      },
    ],
  };
}
