/** @module recommend/query-context — everything one query needs, computed once: candidates per slot with their scored terms. */
import type { CoordinateValue } from "../coordinate/coordinate.js";
import { dimensionDistance } from "../coordinate/coordinate-distance.js";
import { satisfiesBound } from "../coordinate/evaluate-must.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledFact, CompiledTechnology, Kb } from "../kb/kb.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import type { NumericRange } from "../model/requirements.js";
import type { Role } from "../model/technology.js";
import { slotDimension } from "./_validate-requirements.js";
import { type ResolvedRequirements, TERMS, type Term, type Weights } from "./resolve-requirements.js";
import { cncfScore, type ScoredFigure, techProfile } from "./tech-profile.js";

export type SingleSlot = "runtime" | "orchestrator" | "policy";
export type Slot = SingleSlot | "observability";
export const SINGLE_SLOTS: readonly SingleSlot[] = ["runtime", "orchestrator", "policy"];

/**
 * Which roles may fill a slot (besides holding a level on the slot's dimension). Engines (containerd,
 * CRI-O) and shims host runtimes rather than being the workload's boundary, so they are supporting
 * pieces, added by completion; frameworks (Spin, LlamaEdge) run on a runtime.
 */
export const SLOT_ROLES: Readonly<Record<Slot, readonly Role[]>> = {
  runtime: ["runtime", "hypervisor", "platform"],
  orchestrator: ["orchestrator", "platform"],
  policy: ["policy"],
  observability: ["observability"],
};

/** How much of each term each slot carries (each row sums to 1). Start-up, footprint and isolation are the runtime's. */
export const TERM_SHARE: Readonly<Record<Term, Readonly<Record<Slot, number>>>> = {
  startup: { runtime: 1, orchestrator: 0, policy: 0, observability: 0 },
  footprint: { runtime: 1, orchestrator: 0, policy: 0, observability: 0 },
  isolation: { runtime: 1, orchestrator: 0, policy: 0, observability: 0 },
  overhead: { runtime: 0.6, orchestrator: 0, policy: 0.2, observability: 0.2 },
  maturity: { runtime: 0.4, orchestrator: 0.3, policy: 0.15, observability: 0.15 },
  fit: { runtime: 0.4, orchestrator: 0.3, policy: 0.15, observability: 0.15 },
};

/** A figure estimated from the level costs this share of the term's weight; a figure missing altogether, more. */
export const ESTIMATED_PENALTY = 0.1;
export const MISSING_PENALTY = 0.2;
/** Each `must` requirement that no evidence confirms or refutes (`unknown`) costs this much of the score. */
export const UNKNOWN_PENALTY = 0.02;
/** The most observability tools a stack gets to cover the required signals. */
export const DEFAULT_MAX_OBSERVABILITY = 3;

/** One term's value for one part of a stack, with what it rests on (described on demand by {@link describePiece}). */
export interface TermPiece {
  readonly term: Term;
  readonly slot: Slot;
  readonly part: string | null;
  /** 0 (worst) … 1 (best). */
  readonly value: number;
  readonly basis: "figure" | "isolation" | "maturity" | "fit" | "empty";
  /** For `figure`: what was measured, and the figure (absent: no figure at all). */
  readonly label?: string;
  readonly figure?: ScoredFigure;
  readonly estimated?: boolean;
  readonly missing?: boolean;
}

/** A candidate for the runtime, orchestrator or policy slot (`id: null` = the slot left empty). */
export interface Candidate {
  readonly slot: SingleSlot;
  readonly id: string | null;
  readonly name: string;
  readonly pieces: readonly TermPiece[];
  /** Σ weight × share × value − penalties: this part's exact share of every stack's score. */
  readonly contribution: number;
  readonly penalty: number;
  /** The `must` keys this part misses whatever it is combined with (empty: admissible). */
  readonly blockedBy: readonly string[];
  /** `must` checks this part leaves unknown whatever it is combined with (no statement, no figure). */
  readonly unknowns: number;
  /** contribution − unknowns × UNKNOWN_PENALTY: a tighter upper bound of its share of any score. */
  readonly bound: number;
}

/** An observability tool: what it costs a stack (≥ 0) and which required signals it covers. */
export interface ObsTool {
  readonly id: string;
  readonly name: string;
  /** Bit i set: covers the i-th required signal. */
  readonly mask: number;
  readonly pieces: readonly TermPiece[];
  readonly cost: number;
  readonly penalty: number;
  readonly blockedBy: readonly string[];
}

export interface QueryOptions {
  readonly lang?: Lang;
  readonly maxObservability?: number;
  /** Recorded stacks left out of the fit term (leave-one-out evaluation). */
  readonly excludeRecords?: ReadonlySet<string>;
  /** Weights replacing the resolved ones (learned weights). */
  readonly weights?: Weights;
  /** Only these runtimes (the Pareto view asks per runtime). */
  readonly onlyRuntimes?: readonly string[];
}

export interface QueryContext {
  readonly kb: Kb;
  readonly req: ResolvedRequirements;
  readonly lang: Lang;
  readonly maxObservability: number;
  /** Weights as given, and normalised to sum 1. */
  readonly weights: Weights;
  readonly norm: Weights;
  /** Every candidate per slot, best contribution first (admissible or not: brute force sees them all). */
  readonly runtimes: readonly Candidate[];
  readonly orchestrators: readonly Candidate[];
  readonly policies: readonly Candidate[];
  readonly observability: readonly ObsTool[];
  /** The required signals, bit i ↔ signals[i]. */
  readonly signals: readonly string[];
  readonly requiredMask: number;
  /** The observability slot's value before any tool's cost. */
  readonly obsBase: number;
  readonly excludeRecords: ReadonlySet<string>;
  readonly fit?: FitTable;
}

const log10 = Math.log10;
/** 1 at or below `lo`, 0 at or above `hi`, linear in the logarithm between (orders of magnitude matter, not ms). */
export function logScore(x: number, lo: number, hi: number): number {
  const v = (log10(hi) - log10(Math.max(x, lo))) / (log10(hi) - log10(lo));
  return Math.min(1, Math.max(0, v));
}
function linearScore(x: number, cap: number): number {
  return 1 - Math.min(Math.max(x, 0), cap) / cap;
}

/** `evaluateMust`'s range rule: the whole stated range must lie inside the required one. */
export function figureInRange(f: CompiledFact, r: NumericRange): boolean {
  const lo = f.normalized.min ?? f.normalized.value ?? f.normalized.representative;
  const hi = f.normalized.max ?? f.normalized.value ?? f.normalized.representative;
  return (r.max === undefined || hi <= r.max) && (r.min === undefined || lo >= r.min);
}

function traitHas(t: CompiledTechnology, trait: string): boolean | undefined {
  const s = t.traits.get(trait);
  if (!s) return undefined;
  return s.value !== false && s.value !== "none";
}

/** Counts of recorded stacks of the scenario per slot value, and the scenario's stated coordinate, for the fit term. */
export interface FitTable {
  readonly n: number;
  readonly counts: Readonly<Record<Slot, ReadonlyMap<string, number>>>;
  readonly max: Readonly<Record<Slot, number>>;
  /** Per slot dimension: the values the latest stated coordinates (as of the year) give the scenario. */
  readonly target: Readonly<Record<string, readonly CoordinateValue[]>>;
  /** The year and records the target was read from. */
  readonly targetFrom: { readonly year: number; readonly records: readonly string[] } | undefined;
}
const fitCache = new WeakMap<Kb, Map<string, FitTable>>();
export function fitTable(kb: Kb, scenario: string, exclude: ReadonlySet<string>, year: number): FitTable {
  const key = `${scenario}|${year}|${[...exclude].sort().join(",")}`;
  let m = fitCache.get(kb);
  if (!m) {
    m = new Map();
    fitCache.set(kb, m);
  }
  const hit = m.get(key);
  if (hit) return hit;
  const records = recordedStacks(kb).filter((r) => r.scenario === scenario && !exclude.has(r.id));
  const counts: Record<Slot, Map<string, number>> = {
    runtime: new Map(),
    orchestrator: new Map(),
    policy: new Map(),
    observability: new Map(),
  };
  const bump = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + 1);
  for (const r of records) {
    for (const s of SINGLE_SLOTS) bump(counts[s], r.components[s] ?? "-");
    for (const o of r.components.observability ?? []) bump(counts.observability, o);
  }
  const max = {} as Record<Slot, number>;
  for (const s of [...SINGLE_SLOTS, "observability"] as const) max[s] = Math.max(1, ...counts[s].values());
  // The scenario's place as its sources state it: the latest stated coordinates up to the as-of year.
  const yearKey = [...kb.dimensions.values()].find((d) => d.kind === "year")?.key;
  const stated = records
    .filter((r) => r.stated !== undefined)
    .map((r) => ({ r, y: r.year ?? (yearKey ? (r.stated![yearKey] as number | null) : null) ?? 0 }))
    .filter((x) => x.y <= year);
  const latest = Math.max(0, ...stated.map((x) => x.y));
  const chosen = stated.filter((x) => x.y === latest);
  const target: Record<string, CoordinateValue[]> = {};
  for (const slot of SINGLE_SLOTS) {
    const dim = slotDimension(kb, slot);
    if (!dim) continue;
    const tally = new Map<string, { v: CoordinateValue; n: number }>();
    for (const { r } of chosen) {
      const v = r.stated![dim.key];
      if (v === null || v === undefined) continue;
      const k = JSON.stringify(v);
      tally.set(k, { v, n: (tally.get(k)?.n ?? 0) + 1 });
    }
    const top = Math.max(0, ...[...tally.values()].map((x) => x.n));
    if (top > 0) target[dim.key] = [...tally.values()].filter((x) => x.n === top).map((x) => x.v);
  }
  const t: FitTable = {
    n: records.length,
    counts,
    max,
    target,
    targetFrom: chosen.length > 0 ? { year: latest, records: chosen.map((x) => x.r.id) } : undefined,
  };
  m.set(key, t);
  return t;
}

/** A technology's query-independent scoring data for a slot, computed once per knowledge base. */
interface StaticEntry {
  readonly t: CompiledTechnology;
  readonly pieces: readonly TermPiece[];
  /** Level number on the slot's dimension (first, primary level). */
  readonly level?: number;
  readonly implementsK8s: boolean;
  readonly mask: readonly string[];
}
interface StaticIndex {
  readonly runtime: readonly StaticEntry[];
  readonly orchestrator: readonly StaticEntry[];
  readonly policy: readonly StaticEntry[];
  readonly observability: readonly StaticEntry[];
}
const staticCache = new WeakMap<Kb, StaticIndex>();

function figurePiece(
  term: Term,
  slot: Slot,
  t: CompiledTechnology,
  f: ScoredFigure | undefined,
  score: (x: number) => number,
  label: string,
): TermPiece {
  if (!f) return { term, slot, part: t.id, value: 0.5, basis: "figure", label, missing: true };
  return {
    term,
    slot,
    part: t.id,
    value: score(f.value),
    basis: "figure",
    label,
    figure: f,
    ...(f.estimated ? { estimated: true } : {}),
  };
}
const startupScore = (ms: number) => logScore(ms, 0.01, 1e5);
const footprintScore = (mib: number) => logScore(mib, 0.1, 1e4);
const cpuScore = (pct: number) => linearScore(pct, 20);
// Decisions inside OPA's ~1 ms budget for API authorisation cost nothing noticeable; 1 s costs everything.
const decisionScore = (ms: number) => logScore(ms, 1, 1e3);

function staticIndex(kb: Kb): StaticIndex {
  const hit = staticCache.get(kb);
  if (hit) return hit;
  const out: Record<Slot, StaticEntry[]> = { runtime: [], orchestrator: [], policy: [], observability: [] };
  const dims: Record<Slot, ReturnType<typeof slotDimension>> = {
    runtime: slotDimension(kb, "runtime"),
    orchestrator: slotDimension(kb, "orchestrator"),
    policy: slotDimension(kb, "policy"),
    observability: slotDimension(kb, "observability"),
  };
  for (const t of kb.technologies.values()) {
    for (const slot of ["runtime", "orchestrator", "policy", "observability"] as const) {
      const dim = dims[slot];
      if (!dim || !SLOT_ROLES[slot].includes(t.role) || (t.position[dim.key]?.length ?? 0) === 0) continue;
      const level = t.positionValues[dim.key]?.[0];
      let pieces: TermPiece[] = [];
      if (slot === "runtime") {
        const p = techProfile(kb, t.id);
        pieces = [
          figurePiece("startup", slot, t, p.coldStart, startupScore, "cold start"),
          figurePiece("footprint", slot, t, p.memory, footprintScore, "memory per instance"),
          p.isolation === undefined
            ? { term: "isolation", slot, part: t.id, value: 0.5, basis: "isolation", missing: true }
            : { term: "isolation", slot, part: t.id, value: p.isolation, basis: "isolation" },
          figurePiece("overhead", slot, t, p.cpuOverhead, cpuScore, "CPU overhead"),
        ];
      } else if (slot === "policy") {
        pieces = [
          figurePiece("overhead", slot, t, techProfile(kb, t.id).decisionLatency, decisionScore, "decision latency"),
        ];
      } else if (slot === "observability") {
        pieces = [figurePiece("overhead", slot, t, techProfile(kb, t.id).toolOverhead, cpuScore, "CPU overhead")];
      }
      out[slot].push({
        t,
        pieces,
        ...(level !== undefined ? { level } : {}),
        implementsK8s:
          slot === "orchestrator" &&
          kb.relations.out(t.id, "implements").some((r) => r.targets.includes("kubernetes-api")),
        mask: slot === "observability" ? (t.position[dim.key] ?? []) : [],
      });
    }
  }
  staticCache.set(kb, out);
  return out;
}

/**
 * Builds a query: resolves every slot's candidates from the knowledge base, scores each part's terms
 * once (figures per instance for the runtime; per node shown, never mixed in), and marks the `must`
 * keys each part misses on its own, mirroring `evaluateMust` so that pruning never drops a stack it
 * would admit.
 * @example buildQueryContext(kb, resolveRequirements(kb, { scenario: "edge" })).runtimes[0]?.id
 */
export function buildQueryContext(kb: Kb, req: ResolvedRequirements, options: QueryOptions = {}): QueryContext {
  const lang = options.lang ?? "en";
  const N = options.maxObservability ?? DEFAULT_MAX_OBSERVABILITY;
  const weights = options.weights ?? req.weights;
  const sum = TERMS.reduce((a, t) => a + weights[t], 0) || 1;
  const norm = Object.fromEntries(TERMS.map((t) => [t, weights[t] / sum])) as Record<Term, number>;
  const must = req.must;
  const year = req.year;
  const exclude = new Set(must.exclude ?? []);
  const excludeRecords = options.excludeRecords ?? new Set<string>();
  const fit = req.scenario ? fitTable(kb, req.scenario.id, excludeRecords, year) : undefined;
  const scenarioId = req.scenario?.id;
  const dims = {
    runtime: slotDimension(kb, "runtime"),
    orchestrator: slotDimension(kb, "orchestrator"),
    policy: slotDimension(kb, "policy"),
    observability: slotDimension(kb, "observability"),
  };
  const signals = (must.observability ?? []).filter((c, i, a) => a.indexOf(c) === i);
  const requiredMask = (1 << signals.length) - 1;
  const index = staticIndex(kb);

  const maturityPiece = (slot: Slot, t: CompiledTechnology): TermPiece => {
    const c = cncfScoreCached(t, year);
    const age = Math.min(1, Math.max(0, (year - t.releasedYear) / 10));
    return { term: "maturity", slot, part: t.id, value: 0.6 * c.score + 0.4 * age, basis: "maturity" };
  };
  const fitPiece = (
    slot: Slot,
    id: string | null,
    t: CompiledTechnology | undefined,
    level: number | undefined,
  ): TermPiece => {
    if (!fit || scenarioId === undefined) return { term: "fit", slot, part: id, value: 0, basis: "fit" };
    const count = fit.counts[slot].get(id ?? "-") ?? 0;
    const share = count / fit.max[slot];
    const inS = t ? (t.position.S ?? []).includes(scenarioId) : count > 0;
    const dim = slot === "observability" ? undefined : dims[slot];
    const want = dim ? fit.target[dim.key] : undefined;
    if (!dim || !want) return { term: "fit", slot, part: id, value: 0.8 * share + 0.2 * (inS ? 1 : 0), basis: "fit" };
    let match = 0;
    if (level !== undefined) for (const w of want) match = Math.max(match, 1 - dimensionDistance(dim, level, w));
    return { term: "fit", slot, part: id, value: 0.5 * match + 0.4 * share + 0.1 * (inS ? 1 : 0), basis: "fit" };
  };
  const total = (slot: Slot, pieces: readonly TermPiece[]) => {
    let value = 0;
    let penalty = 0;
    for (const p of pieces) {
      const w = norm[p.term] * TERM_SHARE[p.term][slot];
      value += w * p.value;
      penalty += w * (p.estimated ? ESTIMATED_PENALTY : p.missing ? MISSING_PENALTY : 0);
    }
    return { value, penalty };
  };
  const commonBlocks = (t: CompiledTechnology): string[] => {
    const out: string[] = [];
    if (t.releasedYear > year) out.push("year");
    if (exclude.has(t.id)) out.push("exclude");
    return out;
  };
  const boundBlocks = (slot: SingleSlot, key: "isolation" | "orchestration" | "policy", level: number | undefined) => {
    const b = must[key];
    const dim = dims[slot];
    if (!b || !dim) return false;
    const code = level === undefined ? undefined : dim.levelByValue.get(level)?.code;
    if (code === undefined) return false;
    return satisfiesBound(dim, code, b) === false;
  };
  const candidate = (
    slot: SingleSlot,
    id: string | null,
    name: string,
    pieces: TermPiece[],
    blockedBy: string[],
    unknowns = 0,
  ): Candidate => {
    const { value, penalty } = total(slot, pieces);
    const contribution = value - penalty;
    return {
      slot,
      id,
      name,
      pieces,
      contribution,
      penalty,
      blockedBy,
      unknowns,
      bound: contribution - unknowns * UNKNOWN_PENALTY,
    };
  };
  const boundUnknown = (slot: SingleSlot, key: "isolation" | "orchestration" | "policy", level: number | undefined) => {
    const b = must[key];
    const dim = dims[slot];
    if (!b || !dim || level === undefined) return false;
    const code = dim.levelByValue.get(level)?.code;
    return code !== undefined && satisfiesBound(dim, code, b) === undefined;
  };
  const only = options.onlyRuntimes ? new Set(options.onlyRuntimes) : undefined;

  const runtimes: Candidate[] = [];
  for (const e of index.runtime) {
    const t = e.t;
    if (only && !only.has(t.id)) continue;
    const pieces = [...e.pieces, maturityPiece("runtime", t), fitPiece("runtime", t.id, t, e.level)];
    const blocked = commonBlocks(t);
    const p = techProfile(kb, t.id);
    if (must.coldStartMs && p.coldStart && !figureInRange(p.coldStart.fact, must.coldStartMs))
      blocked.push("coldStartMs");
    if (must.memoryMiB && p.memory && !figureInRange(p.memory.fact, must.memoryMiB)) blocked.push("memoryMiB");
    if (boundBlocks("runtime", "isolation", e.level)) blocked.push("isolation");
    if (must.gpu !== undefined) {
      const has = traitHas(t, "gpu");
      if (has !== undefined && has !== must.gpu) blocked.push("gpu");
    }
    if (must.untrustedCode !== undefined) {
      const has = traitHas(t, "untrusted-code");
      if (has !== undefined && has !== must.untrustedCode) blocked.push("untrustedCode");
    }
    if (must.linuxCompatibility) {
      const st = t.traits.get("linux-compatibility");
      if (st && LINUX_RANK.indexOf(String(st.value)) < LINUX_RANK.indexOf(must.linuxCompatibility)) {
        blocked.push("linuxCompatibility");
      }
    }
    let unknowns = 0;
    if (must.coldStartMs && !p.coldStart) unknowns++;
    if (must.memoryMiB && !p.memory) unknowns++;
    if (boundUnknown("runtime", "isolation", e.level)) unknowns++;
    if (must.gpu === true && !t.traits.has("gpu")) unknowns++;
    if (must.untrustedCode === true && !t.traits.has("untrusted-code")) unknowns++;
    if (must.linuxCompatibility && !t.traits.has("linux-compatibility")) unknowns++;
    runtimes.push(candidate("runtime", t.id, t.names[lang], pieces, blocked, unknowns));
  }
  const orchestrators: Candidate[] = [];
  for (const e of index.orchestrator) {
    const t = e.t;
    const pieces = [maturityPiece("orchestrator", t), fitPiece("orchestrator", t.id, t, e.level)];
    const blocked = commonBlocks(t);
    if (boundBlocks("orchestrator", "orchestration", e.level)) blocked.push("orchestration");
    if (must.offline !== undefined) {
      const off = traitHas(t, "offline");
      if (off !== undefined && off !== must.offline) blocked.push("offline");
    }
    if (must.kubernetesApi !== undefined) {
      const has = e.implementsK8s ? true : traitHas(t, "kubernetes-api");
      if (has !== undefined && has !== must.kubernetesApi) blocked.push("kubernetesApi");
    }
    let unknowns = 0;
    if (boundUnknown("orchestrator", "orchestration", e.level)) unknowns++;
    if (must.offline === true && !t.traits.has("offline")) unknowns++;
    if (must.kubernetesApi === true && !e.implementsK8s && !t.traits.has("kubernetes-api")) unknowns++;
    orchestrators.push(candidate("orchestrator", t.id, t.names[lang], pieces, blocked, unknowns));
  }
  const policies: Candidate[] = [];
  for (const e of index.policy) {
    const t = e.t;
    const pieces = [...e.pieces, maturityPiece("policy", t), fitPiece("policy", t.id, t, e.level)];
    const blocked = commonBlocks(t);
    if (boundBlocks("policy", "policy", e.level)) blocked.push("policy");
    policies.push(
      candidate("policy", t.id, t.names[lang], pieces, blocked, boundUnknown("policy", "policy", e.level) ? 1 : 0),
    );
  }
  const observability: ObsTool[] = [];
  for (const e of index.observability) {
    const t = e.t;
    let mask = 0;
    for (let i = 0; i < signals.length; i++) if (e.mask.includes(signals[i]!)) mask |= 1 << i;
    const pieces = [...e.pieces, maturityPiece("observability", t), fitPiece("observability", t.id, t, undefined)];
    // Each tool takes (1 − value)/N off the slot's terms: fewer, better tools cost less.
    let cost = 0;
    let penalty = 0;
    for (const pc of pieces) {
      const w = norm[pc.term] * TERM_SHARE[pc.term].observability;
      cost += (w * (1 - pc.value)) / N;
      penalty += (w * (pc.estimated ? ESTIMATED_PENALTY : pc.missing ? MISSING_PENALTY : 0)) / N;
    }
    observability.push({
      id: t.id,
      name: t.names[lang],
      mask,
      pieces,
      cost: cost + penalty,
      penalty,
      blockedBy: commonBlocks(t),
    });
  }

  // The empty slots: each is read at the level its dimension declares for an empty slot (a stack
  // without an orchestrator is a single host), and blocked only where that level misses a bound.
  const xAbsent = dims.orchestrator?.stackRule.from === "slot" ? dims.orchestrator.stackRule.whenAbsent : undefined;
  const xAbsentValue = xAbsent === undefined ? undefined : dims.orchestrator?.levelByCode.get(xAbsent)?.value;
  const noOrch: string[] = [];
  if (
    must.orchestration &&
    (xAbsentValue === undefined || boundBlocks("orchestrator", "orchestration", xAbsentValue))
  ) {
    noOrch.push("orchestration");
  }
  if (must.kubernetesApi === true) noOrch.push("kubernetesApi");
  orchestrators.push(
    candidate(
      "orchestrator",
      null,
      lang === "zh" ? "无编排" : "no orchestrator",
      [
        { term: "maturity", slot: "orchestrator", part: null, value: 0.5, basis: "empty" },
        fitPiece("orchestrator", null, undefined, xAbsentValue),
      ],
      noOrch,
      must.offline === true ? 1 : 0,
    ),
  );
  const zAbsent = dims.policy?.stackRule.from === "slot" ? dims.policy.stackRule.whenAbsent : undefined;
  const zAbsentValue = zAbsent === undefined ? undefined : dims.policy?.levelByCode.get(zAbsent)?.value;
  policies.push(
    candidate(
      "policy",
      null,
      lang === "zh" ? "无策略" : "no policy",
      [
        { term: "overhead", slot: "policy", part: null, value: 1, basis: "empty" },
        { term: "maturity", slot: "policy", part: null, value: 0.5, basis: "empty" },
        fitPiece("policy", null, undefined, zAbsentValue),
      ],
      boundBlocks("policy", "policy", zAbsentValue) ? ["policy"] : [],
    ),
  );

  // Ties in the order of the stacks' keys (code units), so that branch and bound meets the key that
  // wins a tie first and can cut the other tied branches by their key prefix.
  const sorted = (list: Candidate[]): Candidate[] => {
    const keyed = list.map((c) => ({ c, k: `${c.id ?? "-"}|` }));
    keyed.sort((a, b) => (a.c.bound !== b.c.bound ? b.c.bound - a.c.bound : a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    return keyed.map((x) => x.c);
  };
  observability.sort((a, b) => (a.cost !== b.cost ? a.cost - b.cost : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let obsBase = 0;
  for (const t of TERMS) obsBase += norm[t] * TERM_SHARE[t].observability;
  return {
    kb,
    req,
    lang,
    maxObservability: N,
    weights,
    norm,
    runtimes: sorted(runtimes),
    orchestrators: sorted(orchestrators),
    policies: sorted(policies),
    observability,
    signals,
    requiredMask,
    obsBase,
    excludeRecords,
    ...(fit ? { fit } : {}),
  };
}

const LINUX_RANK = ["none", "most", "full"];

const cncfCache = new WeakMap<CompiledTechnology, Map<number, { score: number; status: string }>>();
function cncfScoreCached(t: CompiledTechnology, year: number): { score: number; status: string } {
  let m = cncfCache.get(t);
  if (!m) {
    m = new Map();
    cncfCache.set(t, m);
  }
  let v = m.get(year);
  if (!v) {
    v = cncfScore(t, year);
    m.set(year, v);
  }
  return v;
}

/**
 * What a term piece rests on, in words, with its source and grade where a figure decided it.
 * @example describePiece(ctx, ctx.runtimes[0]!.pieces[0]!).text // "WasmEdge cold start ≤ 1 ms"
 */
export function describePiece(ctx: QueryContext, p: TermPiece): { text: string; source?: string; grade?: string } {
  const { kb, lang } = ctx;
  const t = p.part === null ? undefined : kb.technologies.get(p.part);
  const who = t ? t.names[lang] : `no ${p.slot}`;
  switch (p.basis) {
    case "figure": {
      if (!p.figure)
        return { text: `${who}: no ${p.label} figure, not even for its level (assumed middling, 0.5, with a penalty)` };
      const f = p.figure;
      return {
        text: `${who} ${p.label} ${formatNormalizedFigure(f.fact)}${f.estimated ? ` (estimated from its level ${f.fact.subject}; penalised)` : ""}`,
        source: f.fact.source,
        grade: f.fact.grade,
      };
    }
    case "isolation": {
      const dim = slotDimension(kb, "runtime");
      const v = t && dim ? t.positionValues[dim.key]?.[0] : undefined;
      const level = v === undefined || !dim ? undefined : dim.levelByValue.get(v);
      return {
        text: level
          ? `${who} at ${level.code} (${level.names[lang]}), ${+(p.value * 100).toFixed(0)} % up the ${dim?.distanceBy ?? "level"} ordering`
          : `${who} has no isolation level`,
        ...(dim ? { source: dim.source } : {}),
      };
    }
    case "maturity": {
      if (!t) return { text: "" };
      const c = cncfScore(t, ctx.req.year);
      return {
        text: `${who}: ${c.status}, ${Math.max(0, ctx.req.year - t.releasedYear)} years since its ${t.releasedYear} release (as of ${ctx.req.year})`,
        source: t.released.source,
      };
    }
    case "fit": {
      const fit = ctx.fit;
      const sc = ctx.req.scenario;
      if (!fit || !sc) return { text: "no scenario to fit" };
      const count = fit.counts[p.slot].get(p.part ?? "-") ?? 0;
      const dim = p.slot === "observability" ? undefined : slotDimension(kb, p.slot);
      const want = dim ? fit.target[dim.key] : undefined;
      const target =
        want && fit.targetFrom
          ? `; the ${fit.targetFrom.year} stated coordinate puts ${sc.id} at ${dim?.key}=${want.join("/")}`
          : "";
      return { text: `${who}: in ${count} of ${fit.n} recorded ${sc.id} stacks${target}` };
    }
    case "empty":
      return {
        text: p.term === "overhead" ? `${who}: nothing in the request path` : `${who}: nothing to judge (neutral 0.5)`,
      };
  }
}
