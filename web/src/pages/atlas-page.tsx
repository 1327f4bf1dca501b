/** @module web/pages/atlas-page — the whole network (sigma, WebGL): colour and group by any dimension, facets, a year slider, search en/zh, a node's detail. */
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { ErrorBox } from "../components/error-box.js";
import { Field, SelectField } from "../components/field.js";
import { Link } from "../components/link.js";
import { Loading } from "../components/loading.js";
import { type DimensionInfo, dimensionLabel, levelLabel, readDimensions } from "../lib/dimensions.js";
import { type AtlasNode, groupedLayout, groupOf, PALETTE, readGraph } from "../lib/graph-data.js";
import { type Lang, type T, useLang } from "../lib/i18n.js";
import { keyed } from "../lib/keyed.js";
import { roleWord } from "../lib/role-words.js";
import { setQuery, useLocation } from "../lib/router.js";
import { textIn } from "../lib/text-in.js";
import { useApi } from "../lib/use-api.js";

type SigmaGraphComponent = typeof import("../components/sigma-graph.js")["default"];
// The renderer's chunk starts loading with the page, in parallel with the graph's answer. It is held in
// state, not React.lazy: a Suspense boundary would hold the first frame back by its reveal throttle.
let loadedSigma: SigmaGraphComponent | undefined;
const sigmaChunk = import("../components/sigma-graph.js").then((m) => {
  loadedSigma = m.default;
  return m.default;
});

function useSigmaGraph(): SigmaGraphComponent | undefined {
  const [component, setComponent] = useState<SigmaGraphComponent | undefined>(() => loadedSigma);
  useEffect(() => {
    if (!component) void sigmaChunk.then((c) => setComponent(() => c));
  }, [component]);
  return component;
}

/** Keys a node can be coloured, grouped and filtered by, besides the dimensions themselves. */
const EXTRA_KEYS = ["role", "cncf"] as const;
const DEFAULT_DIMENSION_KEYS = ["D", "X", "Z", "T", "A", "S", "O"];

function keyLabel(key: string, dims: readonly DimensionInfo[], lang: Lang, t: T): string {
  if (key === "role") return t("role");
  if (key === "cncf") return t("maturity");
  if (key === "none") return t("none");
  return dimensionLabel(
    dims.find((d) => d.key === key),
    key,
    lang,
  );
}

function valueLabel(key: string, value: string, dims: readonly DimensionInfo[], lang: Lang, t: T): string {
  if (value === "—") return key === "cncf" ? t("notCncf") : t("noLevel");
  if (key === "role") return roleWord(value, lang);
  return levelLabel(
    dims.find((d) => d.key === key),
    value,
    lang,
  );
}

/** Under the legend, where a technology can be at several levels of the colouring dimension. */
const LEGEND_LOWEST = {
  en: "A technology at several levels is counted at each and coloured by its lowest.",
  zh: "跨多个层级的技术在每个层级都计数，按其最低层级着色。",
} as const;

export default function AtlasPage() {
  const { lang, t } = useLang();
  const { query } = useLocation();
  const graphAnswer = useApi("GET /api/graph", lang);
  const SigmaGraph = useSigmaGraph();
  const dimsAnswer = useApi("GET /api/dimensions", lang);

  const colorKey = query.get("color") ?? "D";
  const groupKey = query.get("group") ?? "D";
  const facets = query.getAll("f");
  const search = query.get("q") ?? "";
  const deferredSearch = useDeferredValue(search);
  const selected = query.get("node");
  const yearParam = query.get("year");

  const graph = useMemo(() => {
    if (!graphAnswer.data) return undefined;
    performance.mark("atlas:graph-answer");
    return readGraph(graphAnswer.data);
  }, [graphAnswer.data]);
  const dims = useMemo(() => (dimsAnswer.data ? readDimensions(dimsAnswer.data) : []), [dimsAnswer.data]);
  const dimKeys = dims.length > 0 ? dims.map((d) => d.key) : DEFAULT_DIMENSION_KEYS;
  const allKeys = [...dimKeys, ...EXTRA_KEYS];

  const degree = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of graph?.edges ?? []) {
      m.set(e.from, (m.get(e.from) ?? 0) + 1);
      m.set(e.to, (m.get(e.to) ?? 0) + 1);
    }
    return m;
  }, [graph]);

  /** Order of a key's values: by the level's number when the API gives one, else by code; "—" last. */
  const orderFor = useMemo(
    () => (key: string) => {
      const d = dims.find((x) => x.key === key);
      const rank = new Map(d?.levels.map((l, i) => [l.code, l.value ?? i]) ?? []);
      return (a: string, b: string) => {
        if (a === "—") return 1;
        if (b === "—") return -1;
        const ra = rank.get(a);
        const rb = rank.get(b);
        if (ra !== undefined && rb !== undefined && ra !== rb) return ra - rb;
        return a < b ? -1 : a > b ? 1 : 0;
      };
    },
    [dims],
  );

  const positions = useMemo(
    () => (graph ? groupedLayout(graph.nodes, groupKey, degree, orderFor(groupKey)) : new Map()),
    [graph, groupKey, degree, orderFor],
  );

  const colorValues = useMemo(() => {
    const counts = new Map<string, number>();
    for (const n of graph?.nodes ?? []) {
      const v = groupOf(n, colorKey);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => orderFor(colorKey)(a[0], b[0]));
  }, [graph, colorKey, orderFor]);

  const colors = useMemo(() => {
    const index = new Map(colorValues.map(([v], i) => [v, i]));
    const m = new Map<string, string>();
    for (const n of graph?.nodes ?? []) {
      const v = groupOf(n, colorKey);
      m.set(n.id, v === "—" ? "#9aa3ad" : (PALETTE[(index.get(v) ?? 0) % PALETTE.length] ?? "#888"));
    }
    return m;
  }, [graph, colorKey, colorValues]);

  const labels = useMemo(() => {
    const m = new Map<string, string>();
    for (const n of graph?.nodes ?? []) m.set(n.id, lang === "zh" && n.names ? n.names.zh : n.label);
    return m;
  }, [graph, lang]);

  const sizes = useMemo(() => {
    const m = new Map<string, number>();
    for (const n of graph?.nodes ?? []) m.set(n.id, 3 + Math.sqrt(degree.get(n.id) ?? 0) * 1.6);
    return m;
  }, [graph, degree]);

  const years = useMemo(() => {
    const ys = (graph?.nodes ?? []).map((n) => n.released).filter((y): y is number => y !== undefined);
    // Up to this year, not the latest release: "the network as of now" is a year a user looks for.
    return ys.length > 0 ? { min: Math.min(...ys), max: Math.max(...ys, new Date().getFullYear()) } : undefined;
  }, [graph]);
  const year = yearParam !== null && years ? Math.min(Math.max(Number(yearParam), years.min), years.max) : years?.max;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the inputs are named by value (a key string), not by identity
  const facetValues = useMemo(() => {
    const out = new Map<string, [string, number][]>();
    for (const key of allKeys) {
      if (key === "T") continue;
      const counts = new Map<string, number>();
      for (const n of graph?.nodes ?? []) {
        const vs = key === "role" || key === "cncf" ? [groupOf(n, key)] : (n.levels[key] ?? ["—"]);
        for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      if (counts.size > 0)
        out.set(
          key,
          [...counts.entries()].sort((a, b) => orderFor(key)(a[0], b[0])),
        );
    }
    return out;
  }, [graph, dims, orderFor]);

  // The legend counts what the filters count: every technology with the value, though one at several levels
  // is coloured by its lowest (said under the legend).
  const facetCount = (key: string, v: string) => facetValues.get(key)?.find(([x]) => x === v)?.[1];
  const multiLevel =
    colorKey !== "role" &&
    colorKey !== "cncf" &&
    (graph?.nodes ?? []).some((n) => (n.levels[colorKey]?.length ?? 0) > 1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the inputs are named by value (a key string), not by identity
  const visible = useMemo(() => {
    const byKey = new Map<string, Set<string>>();
    for (const f of facets) {
      const i = f.indexOf(":");
      if (i < 0) continue;
      const k = f.slice(0, i);
      const set = byKey.get(k) ?? new Set<string>();
      set.add(f.slice(i + 1));
      byKey.set(k, set);
    }
    const s = new Set<string>();
    for (const n of graph?.nodes ?? []) {
      if (year !== undefined && n.released !== undefined && n.released > year) continue;
      let ok = true;
      for (const [k, wanted] of byKey) {
        const vs = k === "role" || k === "cncf" ? [groupOf(n, k)] : (n.levels[k] ?? ["—"]);
        if (!vs.some((v) => wanted.has(v))) {
          ok = false;
          break;
        }
      }
      if (ok) s.add(n.id);
    }
    return s;
  }, [graph, facets.join("|"), year]);

  const matches = useMemo(() => {
    const q = deferredSearch.trim().toLowerCase();
    if (!q || !graph) return null;
    const levelNames = (n: AtlasNode) =>
      Object.entries(n.levels).flatMap(([k, codes]) => {
        const d = dims.find((x) => x.key === k);
        return codes.flatMap((c) => {
          const l = d?.levels.find((x) => x.code === c);
          return l?.names ? [l.names.en, l.names.zh] : [];
        });
      });
    const found: AtlasNode[] = [];
    for (const n of graph.nodes) {
      const hay = [n.id, n.label, n.names?.en, n.names?.zh, ...levelNames(n)].filter(Boolean).join("\n").toLowerCase();
      // Every word of the search somewhere in the node's names ("opa gatekeeper" finds Gatekeeper).
      if (q.split(/\s+/).every((w) => hay.includes(w))) found.push(n);
    }
    // Exact names first, then by degree.
    found.sort(
      (a, b) =>
        Number(b.label.toLowerCase() === q || b.id === q) - Number(a.label.toLowerCase() === q || a.id === q) ||
        (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0),
    );
    return found;
  }, [deferredSearch, graph, dims, degree]);
  const highlighted = useMemo(() => (matches ? new Set(matches.map((n) => n.id)) : null), [matches]);
  // Nothing matches: the API's did-you-mean (the nearest names of its 404 for that name), as in the CLI.
  const typo = matches && matches.length === 0 ? deferredSearch.trim() : "";
  const nearest = useApi(typo ? "GET /api/technologies/{id}" : null, lang, { path: { id: typo } });
  const didYouMean = nearest.error?.suggestions ?? [];

  const select = (id: string | null) => setQuery({ node: id }, true);
  const toggleFacet = (key: string, value: string, on: boolean) => {
    const f = `${key}:${value}`;
    setQuery({ f: on ? [...facets, f] : facets.filter((x) => x !== f) });
  };

  const edgesShown = graph ? graph.edges.filter((e) => visible.has(e.from) && visible.has(e.to)).length : 0;

  return (
    <div className="atlas">
      <h1 className="visually-hidden">{t("atlasTitle")}</h1>
      <aside className="atlas-controls" aria-label={t("facets")}>
        <Field id="atlas-search" label={t("search")}>
          <input
            id="atlas-search"
            type="search"
            value={search}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            onChange={(e) => setQuery({ q: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter" && matches && matches[0]) select(matches[0].id);
            }}
            aria-describedby="atlas-search-count"
          />
          <p id="atlas-search-count" className="hint" aria-live="polite">
            {matches ? t("matches", { n: matches.length }) : ""}
          </p>
          {didYouMean.length > 0 && (
            <p className="hint" data-testid="search-did-you-mean">
              {t("suggestions")}:{" "}
              {didYouMean.map((x, i) => (
                <span key={x}>
                  {i > 0 && ", "}
                  <button type="button" className="link-button" onClick={() => setQuery({ q: x })}>
                    {x}
                  </button>
                </span>
              ))}
              ?
            </p>
          )}
          {matches && matches.length > 0 && (
            <ul className="match-list" data-testid="search-matches">
              {matches.slice(0, 12).map((n) => (
                <li key={n.id}>
                  <button type="button" className="link-button" onClick={() => select(n.id)}>
                    {labels.get(n.id)}
                    {lang === "en" && n.names?.zh && n.names.zh !== n.label ? ` · ${n.names.zh}` : ""}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <div className="field-row">
          <SelectField
            id="atlas-color"
            label={t("colourBy")}
            value={colorKey}
            onChange={(k) => setQuery({ color: k === "D" ? null : k })}
            choices={allKeys.map((k) => ({ value: k, label: keyLabel(k, dims, lang, t) }))}
          />
          <SelectField
            id="atlas-group"
            label={t("groupBy")}
            value={groupKey}
            onChange={(k) => setQuery({ group: k === "D" ? null : k })}
            choices={[...allKeys, "none"].map((k) => ({ value: k, label: keyLabel(k, dims, lang, t) }))}
          />
        </div>
        {years && year !== undefined && (
          <Field
            id="atlas-year"
            label={
              <>
                {t("year")}: <output htmlFor="atlas-year">{year}</output>
              </>
            }
          >
            <input
              id="atlas-year"
              type="range"
              min={years.min}
              max={years.max}
              step={1}
              value={year}
              aria-describedby="atlas-year-help"
              onChange={(e) => setQuery({ year: Number(e.target.value) === years.max ? null : e.target.value })}
            />
            <p id="atlas-year-help" className="hint">
              {t("yearHelp")} ({years.min}–{years.max})
            </p>
          </Field>
        )}
        <fieldset className="facets">
          <legend>{t("facets")}</legend>
          {facets.length > 0 && (
            <button type="button" className="link-button" onClick={() => setQuery({ f: null })}>
              {t("clearFilters")}
            </button>
          )}
          {[...facetValues.entries()].map(([key, values]) => (
            <details key={key} open={facets.some((f) => f.startsWith(`${key}:`)) || key === "D"}>
              <summary>{keyLabel(key, dims, lang, t)}</summary>
              <ul className="facet-list">
                {values.map(([v, count]) => {
                  const id = `facet-${key}-${v}`;
                  return (
                    <li key={v}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={facets.includes(`${key}:${v}`)}
                        onChange={(e) => toggleFacet(key, v, e.target.checked)}
                      />
                      <label htmlFor={id}>
                        {valueLabel(key, v, dims, lang, t)} <span className="count">({count})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </details>
          ))}
        </fieldset>
      </aside>
      <section className="atlas-stage" aria-label={t("atlasTitle")}>
        {graphAnswer.error && <ErrorBox error={graphAnswer.error} onRetry={graphAnswer.reload} />}
        {!graph && !graphAnswer.error && <Loading />}
        {graph && (
          <>
            <p className="atlas-stats" aria-live="polite" data-testid="atlas-stats">
              {t("shown", { shown: visible.size, total: graph.nodes.length, edges: edgesShown })}
            </p>
            {!SigmaGraph && <Loading />}
            {SigmaGraph && (
              <SigmaGraph
                graph={graph}
                positions={positions}
                colors={colors}
                labels={labels}
                sizes={sizes}
                visible={visible}
                highlighted={highlighted}
                selected={selected}
                onSelect={select}
                label={t("graphLabel")}
              />
            )}
            <section className="legend" aria-label={t("legend")}>
              <strong>{keyLabel(colorKey, dims, lang, t)}</strong>
              <ul>
                {colorValues.map(([v, count], i) => (
                  <li key={v}>
                    <span
                      className="swatch"
                      aria-hidden="true"
                      style={{ background: v === "—" ? "#9aa3ad" : PALETTE[i % PALETTE.length] }}
                    />
                    {valueLabel(colorKey, v, dims, lang, t)} ({facetCount(colorKey, v) ?? count})
                  </li>
                ))}
              </ul>
              {multiLevel && <p className="hint">{LEGEND_LOWEST[lang]}</p>}
            </section>
            {selected && graph.nodes.some((n) => n.id === selected) && (
              <NodeDetail id={selected} graphEdges={graph.edges} labels={labels} onSelect={select} />
            )}
          </>
        )}
      </section>
    </div>
  );
}

function NodeDetail({
  id,
  graphEdges,
  labels,
  onSelect,
}: {
  id: string;
  graphEdges: readonly { from: string; to: string; type: string }[];
  labels: ReadonlyMap<string, string>;
  onSelect: (id: string | null) => void;
}) {
  const { lang, t } = useLang();
  const detail = useApi("GET /api/technologies/{id}", lang, { path: { id } });
  const edges = graphEdges.filter((e) => e.from === id || e.to === id);
  const d = detail.data;
  return (
    <section className="node-detail" aria-label={labels.get(id) ?? id} data-testid="node-detail">
      <button type="button" className="close" aria-label={t("closeDetail")} onClick={() => onSelect(null)}>
        ×
      </button>
      <h2>{labels.get(id) ?? id}</h2>
      {detail.error && <ErrorBox error={detail.error} />}
      {d && (
        <>
          <p className="meta">
            {roleWord(d.role, lang)}
            {d.released !== undefined ? ` · ${d.released}` : ""}
            {d.cncf ? ` · CNCF ${d.cncf}` : ""}
          </p>
          <p className="coord">
            {Object.entries(d.coordinate)
              .filter(([k]) => k !== "T")
              .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
              .join(" · ")}
          </p>
          {textIn(d.summary, lang) && <p className="summary">{textIn(d.summary, lang)}</p>}
        </>
      )}
      <Link to={`/technology/${encodeURIComponent(id)}`} className="button" data-testid="open-technology">
        {t("openTechnology")}
      </Link>
      {edges.length > 0 && (
        <>
          <h3>
            {t("relations")} ({edges.length})
          </h3>
          <ul className="edge-list">
            {keyed(edges.slice(0, 40)).map(([i, e]) => {
              const other = e.from === id ? e.to : e.from;
              return (
                <li key={i}>
                  {e.from === id ? "→" : "←"} <span className="rel">{e.type}</span>{" "}
                  <button type="button" className="link-button" onClick={() => onSelect(other)}>
                    {labels.get(other) ?? other}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
