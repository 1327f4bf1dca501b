/** @module recommend/tech-profile — the figures a technology is scored by, looked up once per knowledge base. */
import { scoringFigure } from "../evidence/judge-figure.js";
import type { EvidenceFigure } from "../evidence/own-figures.js";
import type { CompiledFact, CompiledTechnology, Kb } from "../kb/kb.js";
import { compare } from "../kb/partial-order.js";
import { slotDimension } from "./_validate-requirements.js";

/**
 * A figure as scored: the fact, whether it is the level's figure (a hint, never a verdict on a `must`),
 * how it was derived from the technology's own related figures, and its number in the metric's unit.
 */
export interface ScoredFigure {
  readonly fact: CompiledFact;
  readonly estimated: boolean;
  readonly derived?: EvidenceFigure["derived"];
  /** The representative number (value, range midpoint, or bound) in `fact.normalized.unit`. */
  readonly value: number;
}

/**
 * The figures of one technology that soft scoring reads, chosen by `scoringFigure` (src/evidence): its
 * best own figure, else its level's figure as a hint. The `must` checks do not read these: they ask
 * `judgeFigure`, which never uses a level's figure.
 */
export interface TechProfile {
  readonly tech: CompiledTechnology;
  /** Per workload instance (scope `instance`), estimated from the isolation level where missing. */
  readonly coldStart?: ScoredFigure;
  readonly memory?: ScoredFigure;
  readonly cpuOverhead?: ScoredFigure;
  /** Per node (a platform's agent or server): never mixed with the per-instance memory. */
  readonly nodeMemory?: ScoredFigure;
  /** A policy engine's decision latency per request. */
  readonly decisionLatency?: ScoredFigure;
  /** An observability tool's CPU overhead at whatever scope it was measured (process, node, cluster). */
  readonly toolOverhead?: ScoredFigure;
  /** 0 (weakest) … 1 (strongest) by the runtime dimension's distance ordering; undefined without a level. */
  readonly isolation?: number;
}

const cache = new WeakMap<Kb, Map<string, TechProfile>>();
const heightCache = new WeakMap<Kb, Map<string, number> | null>();

function scored(f: ReturnType<typeof scoringFigure>): ScoredFigure | undefined {
  if (!f || !Number.isFinite(f.fact.normalized.representative)) return undefined;
  return { ...f, value: f.fact.normalized.representative };
}

/** Each level's height in the isolation-strength order, scaled to 0–1 (L-0 = L-4 → 1, L-3 → 0). */
function isolationHeights(kb: Kb): Map<string, number> | null {
  if (heightCache.has(kb)) return heightCache.get(kb)!;
  const dim = slotDimension(kb, "runtime");
  const order = dim?.distanceBy === undefined ? undefined : dim.orderings.get(dim.distanceBy)?.order;
  let out: Map<string, number> | null = null;
  if (dim) {
    out = new Map();
    const raw = new Map<string, number>();
    for (const a of dim.levels) {
      let below = 0;
      for (const b of dim.levels) {
        if (order ? compare(order, a.code, b.code) === "greater" : a.value > b.value) below++;
      }
      raw.set(a.code, below);
    }
    const max = Math.max(1, ...raw.values());
    for (const [k, v] of raw) out.set(k, v / max);
  }
  heightCache.set(kb, out);
  return out;
}

/**
 * The scoring figures of a technology, computed on first use and kept for the knowledge base's life.
 * @example techProfile(kb, "wasmedge").coldStart?.value // 1 (ms, grade C)
 */
export function techProfile(kb: Kb, id: string): TechProfile {
  let map = cache.get(kb);
  if (!map) {
    map = new Map();
    cache.set(kb, map);
  }
  const hit = map.get(id);
  if (hit) return hit;
  const tech = kb.technologies.get(id);
  if (!tech) throw new Error(`invariant failed: techProfile of unknown technology ${id}`);
  const dDim = slotDimension(kb, "runtime");
  const level = dDim ? tech.position[dDim.key]?.[0] : undefined;
  const heights = isolationHeights(kb);
  let toolOverhead: ScoredFigure | undefined;
  for (const scope of ["process", "node", "pod", "cluster", "instance"]) {
    toolOverhead = scored(scoringFigure(kb, id, "cpu-overhead", scope));
    if (toolOverhead) break;
  }
  const p: TechProfile = {
    tech,
    ...opt("coldStart", scored(scoringFigure(kb, id, "cold-start", "instance", dDim))),
    ...opt("memory", scored(scoringFigure(kb, id, "memory", "instance", dDim))),
    ...opt("cpuOverhead", scored(scoringFigure(kb, id, "cpu-overhead", "instance", dDim))),
    ...opt(
      "nodeMemory",
      scored(scoringFigure(kb, id, "min-memory", "node") ?? scoringFigure(kb, id, "memory", "node")),
    ),
    ...opt("decisionLatency", scored(scoringFigure(kb, id, "decision-latency", "request"))),
    ...opt("toolOverhead", toolOverhead),
    ...opt("isolation", level === undefined ? undefined : heights?.get(level)),
  };
  map.set(id, p);
  return p;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** CNCF maturity as of a year, from the landscape dates (graduated 1, incubating 0.8, sandbox 0.6, none 0.4, archived 0). */
export function cncfScore(tech: CompiledTechnology, year: number): { score: number; status: string } {
  const c = tech.cncf;
  if (!c) return { score: 0.4, status: "not a CNCF project" };
  const by = (d: string | undefined) => d !== undefined && Number(d.slice(0, 4)) <= year;
  if (by(c.archived) || (c.maturity === "archived" && c.archived === undefined))
    return { score: 0, status: "CNCF archived" };
  if (by(c.graduated)) return { score: 1, status: "CNCF graduated" };
  if (by(c.incubating)) return { score: 0.8, status: "CNCF incubating" };
  if (by(c.accepted)) return { score: 0.6, status: "CNCF sandbox" };
  return { score: 0.4, status: `not yet in the CNCF in ${year}` };
}
