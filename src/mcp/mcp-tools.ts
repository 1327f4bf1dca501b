/**
 * @module mcp/mcp-tools — the MCP server's tools: each one operation of the HTTP API (its route and the
 * zod schemas of its path, query and body), and the few lines its short text answer shows.
 */
import type { z } from "@hono/zod-openapi";
import type { Lang } from "../i18n/lang.js";
import { MCP } from "../i18n/mcp-phrases.js";
import { CompareBody } from "../server/schemas/compare.js";
import { DesignBody } from "../server/schemas/design.js";
import { DiagnoseBody } from "../server/schemas/diagnose.js";
import { LocateBody } from "../server/schemas/locate.js";
import { LookupBody } from "../server/schemas/lookup.js";
import { MigrateBody } from "../server/schemas/migrate.js";
import { ObserveBody } from "../server/schemas/observe.js";
import { PathParam, PathQuery } from "../server/schemas/path.js";
import { ScenarioForecastParam, ScenarioForecastQuery } from "../server/schemas/predict.js";
import { RecommendBody, RecommendQuery } from "../server/schemas/recommend.js";
import { ScenarioParam, ScenarioQuery } from "../server/schemas/scenario.js";
import { TechnologyParam, TechnologyQuery } from "../server/schemas/technology.js";

// biome-ignore lint/suspicious/noExplicitAny: the routes' schemas differ in their shapes
type AnyObject = z.ZodObject<any>;

/** One tool: the HTTP operation it calls in-process, the schemas its input is made of, its text lines. */
export interface McpTool {
  readonly name: string;
  readonly method: "GET" | "POST";
  /** The route's path, `{name}` standing for a path parameter. */
  readonly path: string;
  readonly params?: AnyObject;
  /** The route's query, without `lang` (every tool has its own `lang`). */
  readonly query?: AnyObject;
  readonly body?: AnyObject;
  /** The short text's lines for a successful answer (the sources are added after them). */
  readonly lines: (answer: View, lang: Lang) => readonly string[];
}

/** A JSON answer, read defensively: the text is a summary, the structured content is the answer. */
export type View = Readonly<Record<string, unknown>>;

const obj = (v: unknown): View => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as View) : {});
const arr = (v: unknown): readonly View[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const num = (v: unknown): string => (typeof v === "number" ? String(Math.round(v * 1000) / 1000) : "");
const coord = (v: unknown): string => str(obj(v).text);
/** At most `n` items, saying how many more there are. */
const firstOf = (items: readonly string[], n: number, lang: Lang): string[] =>
  items.length > n ? [...items.slice(0, n), MCP.more(lang, { n: items.length - n })] : [...items];
const omitLang = <T extends AnyObject>(schema: T): AnyObject => schema.omit({ lang: true } as never);

/** The tools, in the order a client lists them. */
export const MCP_TOOLS: readonly McpTool[] = [
  {
    name: "lookup",
    method: "POST",
    path: "/api/lookup",
    body: LookupBody,
    lines: (a, lang) => {
      const q = coord(a.query);
      const matches = arr(a.matches);
      return [
        a.exact === true ? MCP.exact(lang, { query: q }) : MCP.nearest(lang, { query: q, n: matches.length }),
        ...matches.map(
          (m, i) =>
            `${i + 1}. ${str(obj(m.stack).label)} ${coord(m.coordinate)} d=${num(obj(m.distance).total)} — ${str(m.why)}`,
        ),
      ];
    },
  },
  {
    name: "locate",
    method: "POST",
    path: "/api/locate",
    body: LocateBody,
    lines: (a, lang) => [
      `${str(obj(a.stack).label)} ${coord(a.coordinate)}`,
      MCP.located(lang, { complete: a.complete === true, consistent: a.consistent === true }),
    ],
  },
  {
    name: "scenario",
    method: "GET",
    path: "/api/scenarios/{id}",
    params: ScenarioParam,
    query: omitLang(ScenarioQuery),
    lines: (a, lang) => [
      `${str(obj(a.scenario).id)} (${str(a.year)})`,
      ...firstOf(
        arr(a.stacks).map((s) => `- ${str(obj(s.stack).label)} ${coord(s.coordinate)} [${str(s.id)}]`),
        8,
        lang,
      ),
    ],
  },
  {
    name: "list_scenarios",
    method: "GET",
    path: "/api/scenarios",
    lines: (a, lang) => [
      MCP.count(lang, { n: Number(a.count) }),
      ...arr(a.scenarios).map((s) => `- ${str(s.id)}: ${str(s.name)}`),
    ],
  },
  {
    name: "recommend",
    method: "POST",
    path: "/api/recommend",
    query: RecommendQuery,
    body: RecommendBody,
    lines: (a, lang) => {
      const stacks = arr(a.stacks);
      const rejected = arr(a.rejected);
      return [
        `${coord(obj(a.analysis).coordinate)} — ${MCP.ranked(lang, { n: stacks.length })}`,
        ...stacks.flatMap((s) => [
          `${str(s.rank)}. ${str(s.label)} ${coord(s.coordinate)} ${MCP.score(lang, { score: num(s.score) })}`,
          ...(Array.isArray(s.explanation) ? s.explanation.slice(1, 4).map((e) => `   ${str(e)}`) : []),
        ]),
        ...(rejected.length > 0
          ? [
              `${MCP.whyNot(lang)}:`,
              ...firstOf(
                rejected.map((r) => `- ${str(r.reason)}`),
                5,
                lang,
              ),
            ]
          : []),
      ];
    },
  },
  {
    name: "compare",
    method: "POST",
    path: "/api/compare",
    body: CompareBody,
    lines: (a) => [
      `${str(obj(a.a).label)} ${coord(obj(a.a).coordinate)} ↔ ${str(obj(a.b).label)} ${coord(obj(a.b).coordinate)}`,
      ...arr(a.deltas).map((d) => `- ${str(d.text)}`),
      ...arr(a.orderings).map((o) => `- ${str(o.sentence)}`),
    ],
  },
  {
    name: "path",
    method: "GET",
    path: "/api/path/{scenario}",
    params: PathParam,
    query: PathQuery,
    lines: (a) => [
      `${str(obj(a.scenario).id)} ${str(a.from)}–${str(a.to)}`,
      ...arr(a.years).map((y) => `- ${str(y.year)} ${coord(y.coordinate)} ${str(obj(y.stack).label)}`),
    ],
  },
  {
    name: "predict",
    method: "GET",
    path: "/api/predict/scenarios/{scenario}",
    params: ScenarioForecastParam,
    query: ScenarioForecastQuery,
    lines: (a, lang) => [
      `${str(obj(a.scenario).id)} ${str(a.from)}–${str(a.to)}, ${MCP.forecastFrom(lang, { year: str(obj(a.anchor).year) })}`,
      ...arr(a.years).map(
        (y) => `- ${str(y.year)} ${coord(y.coordinate)} ${MCP.confidence(lang, { value: num(y.confidence) })}`,
      ),
    ],
  },
  {
    name: "design",
    method: "POST",
    path: "/api/design",
    body: DesignBody,
    lines: (a, lang) => [
      `${str(obj(a.system).name)}: ${str(obj(a.platform).label)}`,
      ...arr(a.workloads).map(
        (w) => `- ${str(w.name)} → ${str(w.runtimeClass)} (${MCP.workloadMet(lang, { met: w.met === true })})`,
      ),
    ],
  },
  {
    name: "migrate",
    method: "POST",
    path: "/api/migrate",
    body: MigrateBody,
    lines: (a) => [
      ...arr(a.deltas).map((d) => `- ${str(d.text)}`),
      ...arr(a.legs).flatMap((l) => arr(l.steps).map((s, i) => `${i + 1}. ${str(s.text) || str(s.action)}`)),
    ],
  },
  {
    name: "observe",
    method: "POST",
    path: "/api/observe",
    body: ObserveBody,
    lines: (a, lang) => [
      `${str(obj(a.stack).label)}: ${MCP.observed(lang, { complete: a.complete === true })}`,
      ...arr(a.coverage).map((c) => `- ${str(c.signal)} ${str(c.name)}: ${str(c.coverage)}`),
      ...arr(a.gaps).map((g) => `- ${MCP.gap(lang, { signal: str(g.signal), name: str(g.name), kind: str(g.kind) })}`),
    ],
  },
  {
    name: "diagnose",
    method: "POST",
    path: "/api/diagnose",
    body: DiagnoseBody,
    lines: (a) => [
      `${str(obj(a.layer).name)}: ${str(obj(a.vertical).text)}`,
      ...arr(a.causes).map((c) => `- ${str(c.text)}`),
      ...arr(a.fixes).map((f) => `→ ${str(f.text)}`),
    ],
  },
  {
    name: "show_technology",
    method: "GET",
    path: "/api/technologies/{id}",
    params: TechnologyParam,
    lines: (a, lang) => [
      `${str(a.name)} (${str(a.id)}, ${str(a.role)}, ${str(a.released)})`,
      str(obj(a.summary)[lang]),
    ],
  },
  {
    name: "list_technologies",
    method: "GET",
    path: "/api/technologies",
    query: TechnologyQuery,
    lines: (a, lang) => [
      MCP.count(lang, { n: Number(a.count) }),
      ...firstOf(
        arr(a.technologies).map((t) => `- ${str(t.id)}: ${str(t.name)} (${str(t.role)})`),
        30,
        lang,
      ),
    ],
  },
];
