/** @module recommend/query-context — everything one query needs, computed once: candidates per slot with their scored terms. */
import type { CoordinateValue } from "../coordinate/coordinate.js";
import { dimensionDistance } from "../coordinate/coordinate-distance.js";
import { satisfiesBound } from "../coordinate/evaluate-must.js";
import { recordedStacks, recordSince } from "../coordinate/recorded-stacks.js";
import { addonLevels } from "../coordinate/stack-coordinate.js";
import { judgeFigure } from "../evidence/judge-figure.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { cncfStatusText, PIECE } from "../i18n/recommend-phrases.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import { LruMap } from "../lru-map.js";
import type { Must, NumericRange } from "../model/requirements.js";
import type { Role } from "../model/technology.js";
import { slotDimension } from "./_validate-requirements.js";
import { type AddonChoice, chooseAddons } from "./choose-addons.js";
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
/**
 * Each `must` requirement that no evidence confirms or refutes (`unknown`) costs this much of the rank
 * score: more than any stack's score can range over (soft terms lie in about −0.3 … 1), so a stack
 * with an unknown check ranks after every stack whose checks are all met, and one with two unknowns
 * after every stack with one. Shown scores leave it out (`shownScore`).
 */
export const UNKNOWN_PENALTY = 2;
/**
 * Each typical requirement of the scenario a stack misses costs this much of the score: a strong
 * preference (a tenth of the best possible score), not a rejection.
 */
export const SOFT_PENALTY = 0.1;
/**
 * Each typical requirement of the scenario that no evidence decides for a stack costs half a miss: a
 * stack whose own figures meet it ranks before one that nobody can judge, which ranks before one that
 * misses it.
 */
export const SOFT_UNKNOWN_PENALTY = SOFT_PENALTY / 2;
/** The most observability tools a stack gets to cover the required signals. */
export const DEFAULT_MAX_OBSERVABILITY = 3;

/** The step of the grid observability costs are kept on: 2^-32 (about 2.3e-10, far below the 4 decimals shown). */
const COST_STEP = 2 ** -32;
/**
 * A cost on the grid. Sums of a few such costs are exact in a double, so a cover's value does not depend
 * on the order its tools are added, and two covers of different value never give one runtime, orchestrator and
 * policy the same score: the fast search can then stop at a combination's first feasible cover (see `fastSearch`).
 */
export const onCostGrid = (v: number): number => Math.round(v / COST_STEP) * COST_STEP;

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
  /**
   * contribution − unknowns × UNKNOWN_PENALTY, less the penalties of the scenario's soft requirements
   * it misses or leaves unknown on its own: a tighter upper bound of its share of any score.
   */
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
  /** The parts every stack of the query carries for what they do (capabilities, included non-slot parts). */
  readonly addons: AddonChoice;
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
const fitCache = new WeakMap<Kb, LruMap<string, FitTable>>();
/** Fit tables kept per knowledge base (scenario × year × left-out records; the year comes from the request). */
export const MAX_FIT_TABLES = 512;

/** How many fit tables are kept for the knowledge base (for tests of the bound). */
export function fitTableMemoSize(kb: Kb): number {
  return fitCache.get(kb)?.size ?? 0;
}
export function fitTable(kb: Kb, scenario: string, exclude: ReadonlySet<string>, year: number): FitTable {
  const key = `${scenario}|${year}|${[...exclude].sort().join(",")}`;
  let m = fitCache.get(kb);
  if (!m) {
    m = new LruMap(MAX_FIT_TABLES);
    fitCache.set(kb, m);
  }
  const hit = m.get(key);
  if (hit) return hit;
  // Only what was on record by the year: serverless in 2020 is not judged by stacks of 2025.
  const records = recordedStacks(kb).filter(
    (r) => r.scenario === scenario && !exclude.has(r.id) && recordSince(kb, r) <= year,
  );
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

/** The slots in the order a query lists them. */
const ALL_SLOTS = ["runtime", "orchestrator", "policy", "observability"] as const;
const LINUX_RANK = ["none", "most", "full"];

/** The terms of each slot's pieces, in the order they are weighed (fixed, so that a query can weigh numbers). */
const SLOT_TERMS: Readonly<Record<Slot, readonly Term[]>> = {
  runtime: ["startup", "footprint", "isolation", "overhead", "maturity", "fit"],
  orchestrator: ["maturity", "fit"],
  policy: ["overhead", "maturity", "fit"],
  observability: ["overhead", "maturity", "fit"],
};

/** A technology that may fill a slot, with its query-independent pieces (computed once per knowledge base). */
interface StaticEntry {
  readonly t: CompiledTechnology;
  readonly id: string;
  readonly pieces: readonly TermPiece[];
  /** Level number on the slot's dimension (first, primary level). */
  readonly level: number | undefined;
  /** The fit piece when the query has no scenario. */
  readonly noFit: TermPiece;
  /** Observability: the signals the tool covers. */
  readonly mask: readonly string[];
}

/** A trait as the `must` checks read it: −1 no statement, 0 says no, 1 says yes. */
const NO_STATEMENT = -1;

/**
 * One slot's candidates and everything the per-query `must` checks read, as flat arrays (index i ↔
 * entries[i]) computed once per knowledge base, so that a query reads numbers rather than chasing
 * each technology's records.
 */
interface SlotIndex {
  readonly slot: Slot;
  readonly entries: readonly StaticEntry[];
  readonly ids: readonly string[];
  readonly names: Readonly<Record<Lang, readonly string[]>>;
  readonly released: Float64Array;
  /** Position of the tie-break key in code-unit order (`id|` for a single slot, the id for observability). */
  readonly rank: Int32Array;
  /** Index of the level code in `codes` (−1: no level). */
  readonly code: Int32Array;
  readonly codes: readonly string[];
  /** Traits ({@link NO_STATEMENT}, 0, 1), and whether the trait is stated at all. */
  readonly gpu: Int8Array;
  readonly gpuStated: Uint8Array;
  readonly untrusted: Int8Array;
  readonly untrustedStated: Uint8Array;
  /** Linux compatibility: whether a statement is read (1), its value's index in LINUX_RANK, whether it is stated. */
  readonly linuxStatement: Uint8Array;
  readonly linuxRank: Int8Array;
  readonly linuxStated: Uint8Array;
  readonly offline: Int8Array;
  readonly offlineStated: Uint8Array;
  /** Orchestrator: implements the Kubernetes API (1), else what the trait says; and whether either is known. */
  readonly kubernetesApi: Int8Array;
  readonly kubernetesApiKnown: Uint8Array;
}
interface StaticIndex {
  readonly dims: Readonly<Record<Slot, CompiledDimension | undefined>>;
  readonly slots: Readonly<Record<Slot, SlotIndex>>;
  /** Rank of the empty slot's key (`-|`) among the slot's keys. */
  readonly emptyRank: Readonly<Record<SingleSlot, number>>;
  /** Per required signal: which observability tools cover it (1) — filled on first use. */
  readonly covers: Map<string, Uint8Array>;
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

/** Code-unit order (as `<` compares strings), equal keys sharing a rank. */
function keyRanks(keys: readonly string[]): Map<string, number> {
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((k, i) => [k, i]));
}
const tri = (v: boolean | undefined): number => (v === undefined ? NO_STATEMENT : v ? 1 : 0);

function slotIndex(
  kb: Kb,
  slot: Slot,
  dim: CompiledDimension | undefined,
  entries: readonly StaticEntry[],
  rankOf: (e: StaticEntry) => number,
): SlotIndex {
  const n = entries.length;
  const codes: string[] = [];
  const s = {
    slot,
    entries,
    ids: entries.map((e) => e.id),
    names: Object.fromEntries(LANGS.map((l) => [l, entries.map((e) => e.t.names[l])])) as Record<Lang, string[]>,
    released: new Float64Array(n),
    rank: new Int32Array(n),
    code: new Int32Array(n),
    codes,
    gpu: new Int8Array(n),
    gpuStated: new Uint8Array(n),
    untrusted: new Int8Array(n),
    untrustedStated: new Uint8Array(n),
    linuxStatement: new Uint8Array(n),
    linuxRank: new Int8Array(n),
    linuxStated: new Uint8Array(n),
    offline: new Int8Array(n),
    offlineStated: new Uint8Array(n),
    kubernetesApi: new Int8Array(n),
    kubernetesApiKnown: new Uint8Array(n),
  } satisfies SlotIndex;
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const t = e.t;
    s.released[i] = t.releasedYear;
    s.rank[i] = rankOf(e);
    const code = dim && e.level !== undefined ? dim.levelByValue.get(e.level)?.code : undefined;
    if (code === undefined) s.code[i] = -1;
    else {
      let c = codes.indexOf(code);
      if (c < 0) c = codes.push(code) - 1;
      s.code[i] = c;
    }
    s.gpu[i] = tri(traitHas(t, "gpu"));
    s.gpuStated[i] = t.traits.has("gpu") ? 1 : 0;
    s.untrusted[i] = tri(traitHas(t, "untrusted-code"));
    s.untrustedStated[i] = t.traits.has("untrusted-code") ? 1 : 0;
    const linux = t.traits.get("linux-compatibility");
    s.linuxStatement[i] = linux ? 1 : 0;
    s.linuxRank[i] = linux ? LINUX_RANK.indexOf(String(linux.value)) : 0;
    s.linuxStated[i] = t.traits.has("linux-compatibility") ? 1 : 0;
    s.offline[i] = tri(traitHas(t, "offline"));
    s.offlineStated[i] = t.traits.has("offline") ? 1 : 0;
    const implementsK8s =
      slot === "orchestrator" && kb.relations.out(t.id, "implements").some((r) => r.targets.includes("kubernetes-api"));
    s.kubernetesApi[i] = implementsK8s ? 1 : tri(traitHas(t, "kubernetes-api"));
    s.kubernetesApiKnown[i] = implementsK8s || t.traits.has("kubernetes-api") ? 1 : 0;
  }
  return s;
}

function staticIndex(kb: Kb): StaticIndex {
  const hit = staticCache.get(kb);
  if (hit) return hit;
  const dims: Record<Slot, CompiledDimension | undefined> = {
    runtime: slotDimension(kb, "runtime"),
    orchestrator: slotDimension(kb, "orchestrator"),
    policy: slotDimension(kb, "policy"),
    observability: slotDimension(kb, "observability"),
  };
  const entries: Record<Slot, StaticEntry[]> = { runtime: [], orchestrator: [], policy: [], observability: [] };
  for (const t of kb.technologies.values()) {
    for (const slot of ALL_SLOTS) {
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
      entries[slot].push({
        t,
        id: t.id,
        pieces,
        level,
        noFit: { term: "fit", slot, part: t.id, value: 0, basis: "fit" },
        mask: slot === "observability" ? (t.position[dim.key] ?? []) : [],
      });
    }
  }
  const slots = {} as Record<Slot, SlotIndex>;
  const emptyRank = {} as Record<SingleSlot, number>;
  for (const slot of ALL_SLOTS) {
    if (slot === "observability") {
      const rank = keyRanks(entries[slot].map((e) => e.id));
      slots[slot] = slotIndex(kb, slot, dims[slot], entries[slot], (e) => rank.get(e.id)!);
    } else {
      const rank = keyRanks([...entries[slot].map((e) => `${e.id}|`), "-|"]);
      slots[slot] = slotIndex(kb, slot, dims[slot], entries[slot], (e) => rank.get(`${e.id}|`)!);
      emptyRank[slot] = rank.get("-|")!;
    }
  }
  const out: StaticIndex = { dims, slots, emptyRank, covers: new Map() };
  staticCache.set(kb, out);
  return out;
}

/** Which observability tools cover a signal, per knowledge base (`mask.includes`, once per signal). */
function coversOf(index: StaticIndex, signal: string): Uint8Array {
  const hit = index.covers.get(signal);
  if (hit) return hit;
  const entries = index.slots.observability.entries;
  const out = new Uint8Array(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = entries[i]!.mask.includes(signal) ? 1 : 0;
  // Signals are level codes (validated); anything else is answered without being kept.
  if (index.covers.size < 64) index.covers.set(signal, out);
  return out;
}

/**
 * Every candidate's pieces for one as-of year and one fit table (none without a scenario): the static
 * pieces, then maturity (by the year), then fit (by the scenario's recorded stacks); and, per piece in
 * {@link SLOT_TERMS} order, its value and penalty share as numbers. Shared by every query with the
 * same year, scenario and left-out records; only the weights and the `must` checks are per query.
 */
interface ScoredSlot {
  readonly pieces: readonly (readonly TermPiece[])[];
  /** Piece j of candidate i at i × terms + j: its value, and its penalty share (estimated, missing, 0). */
  readonly value: Float64Array;
  readonly penalty: Float64Array;
}
type Scored = Readonly<Record<Slot, ScoredSlot>>;
const scoredCache = new WeakMap<Kb, Map<FitTable | number, Scored>>();
/** Year × fit-table variants kept per knowledge base (the oldest goes first). */
const MAX_SCORED = 32;

const piecePenalty = (p: TermPiece): number => (p.estimated ? ESTIMATED_PENALTY : p.missing ? MISSING_PENALTY : 0);

function fitPieceOf(
  fit: FitTable | undefined,
  scenarioId: string | undefined,
  dims: StaticIndex["dims"],
  slot: Slot,
  id: string | null,
  t: CompiledTechnology | undefined,
  level: number | undefined,
): TermPiece {
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
}

function scoredPieces(
  kb: Kb,
  index: StaticIndex,
  year: number,
  fit: FitTable | undefined,
  scenarioId: string | undefined,
): Scored {
  let m = scoredCache.get(kb);
  if (!m) {
    m = new Map();
    scoredCache.set(kb, m);
  }
  const key = fit && scenarioId !== undefined ? fit : year;
  const hit = m.get(key);
  if (hit) return hit;
  const out = {} as Record<Slot, ScoredSlot>;
  for (const slot of ALL_SLOTS) {
    const terms = SLOT_TERMS[slot];
    const entries = index.slots[slot].entries;
    const value = new Float64Array(entries.length * terms.length);
    const penalty = new Float64Array(entries.length * terms.length);
    const pieces = entries.map((e, i) => {
      const c = cncfScoreCached(e.t, year);
      const age = Math.min(1, Math.max(0, (year - e.t.releasedYear) / 10));
      const maturity: TermPiece = {
        term: "maturity",
        slot,
        part: e.id,
        value: 0.6 * c.score + 0.4 * age,
        basis: "maturity",
      };
      const fitPiece =
        key === year
          ? e.noFit
          : fitPieceOf(fit, scenarioId, index.dims, slot, e.id, e.t, slot === "observability" ? undefined : e.level);
      const ps = [...e.pieces, maturity, fitPiece];
      if (ps.length !== terms.length || ps.some((p, j) => p.term !== terms[j]))
        throw new Error(`invariant failed: ${slot} pieces of ${e.id} are not ${terms.join(", ")}`);
      for (let j = 0; j < terms.length; j++) {
        value[i * terms.length + j] = ps[j]!.value;
        penalty[i * terms.length + j] = piecePenalty(ps[j]!);
      }
      return ps;
    });
    out[slot] = { pieces, value, penalty };
  }
  if (m.size >= MAX_SCORED) m.delete(m.keys().next().value!);
  m.set(key, out);
  return out;
}

/** The `blockedBy` of every candidate that nothing blocks (shared, frozen: never written to). */
const UNBLOCKED: readonly string[] = Object.freeze([]);

/** Candidates in the order they were made, with each one's bound and key rank at the same index. */
interface Ranked<T> {
  readonly list: T[];
  readonly bounds: Float64Array;
  readonly ranks: Int32Array;
}

/**
 * `items` ordered by a number (`by[i]` for items[i]), higher first when `descending`, ties by key
 * rank: the order of a sort with `(a, b) => by[a] !== by[b] ? by[b] - by[a] : rank[a] - rank[b]`
 * (ranks are distinct, so the order is total), by a stable merge sort over the indices that compares
 * inline rather than through a callback.
 */
function orderBy<T>(items: readonly T[], by: Float64Array, rank: Int32Array, descending: boolean): T[] {
  const n = items.length;
  const before = (a: number, b: number): boolean => {
    const x = by[a]!;
    const y = by[b]!;
    if (x !== y) return descending ? x > y : x < y;
    return rank[a]! < rank[b]!;
  };
  let src = new Int32Array(n);
  let dst = new Int32Array(n);
  const RUN = 16;
  for (let i = 0; i < n; i++) src[i] = i;
  // Insertion sort within runs, then merge runs pairwise.
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = src[i]!;
      let j = i - 1;
      while (j >= lo && before(v, src[j]!)) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = v;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) dst[k++] = before(src[j]!, src[i]!) ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[src[i]!]!;
  return out;
}

/**
 * Builds a query: resolves every slot's candidates from the knowledge base, scores each part's terms
 * once (figures per instance for the runtime; per node shown, never mixed in), and marks the `must`
 * keys each part misses on its own, mirroring `evaluateMust` so that pruning never drops a stack it
 * would admit. What does not depend on the query is computed once per knowledge base (and per as-of
 * year and scenario fit table); a query only weighs the pieces and checks its `must`.
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
  const index = staticIndex(kb);
  const dims = index.dims;
  // The add-ons are the same for every stack: what they raise (stackRule.raisedBy) is a floor under each
  // slot's level and covers their signals, so the slot checks below judge each part as the stack's
  // coordinate will (one home: addonLevels).
  const addons = chooseAddons(kb, req, (t) =>
    SINGLE_SLOTS.some((s) => SLOT_ROLES[s].includes(t.role) && (t.position[dims[s]?.key ?? ""]?.length ?? 0) > 0),
  );
  const addonIds = addons.addons.map((a) => a.id);
  const floor = (slot: SingleSlot): number => {
    const dim = dims[slot];
    if (!dim) return -1;
    return Math.max(-1, ...addonLevels(kb, dim, addonIds).map((a) => dim.levelByCode.get(a.codes[0]!)?.value ?? -1));
  };
  const floors: Readonly<Record<SingleSlot, number>> = {
    runtime: floor("runtime"),
    orchestrator: floor("orchestrator"),
    policy: floor("policy"),
  };
  const addonSignals = new Set(
    dims.observability ? addonLevels(kb, dims.observability, addonIds).flatMap((a) => a.codes) : [],
  );
  // The scenario's typical signals are pursued where some tool of the year covers them (soft otherwise).
  const coverable = (c: string) =>
    coversOf(index, c).some((on, i) => on && index.slots.observability.released[i]! <= year);
  const signals = [...(must.observability ?? []), ...(req.soft.observability ?? []).filter(coverable)].filter(
    (c, i, a) => a.indexOf(c) === i && !addonSignals.has(c),
  );
  const requiredMask = (1 << signals.length) - 1;
  const scored = scoredPieces(kb, index, year, fit, scenarioId);

  /** A slot's term weights in SLOT_TERMS order: the products each piece is weighed by. */
  const weightsOf = (slot: Slot): Float64Array =>
    Float64Array.from(SLOT_TERMS[slot], (t) => norm[t] * TERM_SHARE[t][slot]);
  const total = (slot: Slot, pieces: readonly TermPiece[]) => {
    let value = 0;
    let penalty = 0;
    for (const p of pieces) {
      const w = norm[p.term] * TERM_SHARE[p.term][slot];
      value += w * p.value;
      penalty += w * piecePenalty(p);
    }
    return { value, penalty };
  };
  const boundBlocks = (slot: SingleSlot, key: "isolation" | "orchestration" | "policy", level: number | undefined) => {
    const b = must[key];
    const dim = dims[slot];
    if (!b || !dim) return false;
    const raised = level === undefined ? (floors[slot] < 0 ? undefined : floors[slot]) : Math.max(level, floors[slot]);
    const code = raised === undefined ? undefined : dim.levelByValue.get(raised)?.code;
    if (code === undefined) return false;
    return satisfiesBound(dim, code, b) === false;
  };
  const candidate = (
    slot: SingleSlot,
    id: string | null,
    name: string,
    pieces: readonly TermPiece[],
    blockedBy: readonly string[],
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
  /** Per level code of a slot: `satisfiesBound` of the query's bound (1 yes, 0 no, −1 undecided); none without a bound. */
  const boundByCode = (
    s: SlotIndex,
    key: "isolation" | "orchestration" | "policy",
    m: Must = must,
  ): Int8Array | undefined => {
    const b = m[key];
    const dim = dims[s.slot];
    if (!b || !dim) return undefined;
    const f = s.slot === "observability" ? -1 : floors[s.slot];
    const raised = (code: string): string => {
      const v = dim.levelByCode.get(code)?.value;
      return v === undefined || v >= f ? code : (dim.levelByValue.get(f)?.code ?? code);
    };
    return Int8Array.from(s.codes, (code) => tri(satisfiesBound(dim, raised(code), b)));
  };
  /** A level bound on candidate i: blocks it where its level misses, 1 unknown where nothing says. */
  const levelCheck = (bound: Int8Array, s: SlotIndex, i: number, key: string, blocked: string[]): number => {
    const c = s.code[i]!;
    const ok = c < 0 ? 1 : bound[c]!;
    if (ok === 0) blocked.push(key);
    return ok === NO_STATEMENT ? 1 : 0;
  };
  /**
   * A yes/no trait against what the `must` wants: blocks a candidate that says otherwise; 1 unknown
   * when `yes` is wanted and the trait is not stated.
   */
  const traitCheck = (want: boolean, has: number, stated: number, key: string, blocked: string[]): number => {
    if (has !== NO_STATEMENT && has !== (want ? 1 : 0)) blocked.push(key);
    return want && !stated ? 1 : 0;
  };
  const exclusive = exclude.size > 0;
  /** Collects the `must` keys one candidate misses (reused; copied only when something blocks). */
  const scratch: string[] = [];
  const blockedCopy = (): readonly string[] => (scratch.length === 0 ? UNBLOCKED : scratch.slice());
  /**
   * A single slot's candidates from the flat arrays: the weighed pieces, then the `must` keys a
   * candidate misses and the checks it leaves unknown, through `check`.
   */
  const candidates = (
    slot: SingleSlot,
    check: (m: Must) => (i: number, blocked: string[]) => number,
  ): Ranked<Candidate> => {
    const hard = check(must);
    // The scenario's soft requirements, judged on the part alone as the hard ones are: what it misses
    // or leaves unknown whatever it is combined with lowers its bound by those penalties.
    const soft = Object.keys(req.soft).length === 0 ? undefined : check(req.soft);
    const softMissed: string[] = [];
    const s = index.slots[slot];
    const sc = scored[slot];
    const names = s.names[lang] ?? s.entries.map((e) => e.t.names[lang]);
    const w = weightsOf(slot);
    const k = w.length;
    const n = s.ids.length;
    const list: Candidate[] = [];
    // Room for the empty slot's candidate, added last.
    const bounds = new Float64Array(n + 1);
    const ranks = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      if (scratch.length > 0) scratch.length = 0;
      if (s.released[i]! > year) scratch.push("year");
      if (exclusive && exclude.has(s.ids[i]!)) scratch.push("exclude");
      const unknowns = hard(i, scratch);
      let softCost = 0;
      if (soft) {
        softMissed.length = 0;
        const softUnknowns = soft(i, softMissed);
        softCost = softMissed.length * SOFT_PENALTY + softUnknowns * SOFT_UNKNOWN_PENALTY;
      }
      let value = 0;
      let penalty = 0;
      for (let j = 0, o = i * k; j < k; j++, o++) {
        value += w[j]! * sc.value[o]!;
        penalty += w[j]! * sc.penalty[o]!;
      }
      const contribution = value - penalty;
      const bound = contribution - unknowns * UNKNOWN_PENALTY - softCost;
      bounds[list.length] = bound;
      ranks[list.length] = s.rank[i]!;
      list.push({
        slot,
        id: s.ids[i]!,
        name: names[i]!,
        pieces: sc.pieces[i]!,
        contribution,
        penalty,
        blockedBy: blockedCopy(),
        unknowns,
        bound,
      });
    }
    return { list, bounds, ranks };
  };

  const rs = index.slots.runtime;
  /** A numeric `must` on candidate i, judged as `evaluateMust` judges it (`judgeFigure`: own figures only). */
  const figureCheck = (i: number, key: string, metric: string, r: NumericRange, blocked: string[]): number => {
    const status = judgeFigure(kb, rs.ids[i]!, metric, "instance", r).status;
    if (status === "missed") blocked.push(key);
    return status === "unknown" ? 1 : 0;
  };
  const runtimes = candidates("runtime", (m) => {
    const isolation = boundByCode(rs, "isolation", m);
    const { coldStartMs, memoryMiB, gpu, untrustedCode, linuxCompatibility } = m;
    const linuxWanted = linuxCompatibility ? LINUX_RANK.indexOf(linuxCompatibility) : 0;
    return (i, blocked) => {
      let unknowns = 0;
      if (coldStartMs) unknowns += figureCheck(i, "coldStartMs", "cold-start", coldStartMs, blocked);
      if (memoryMiB) unknowns += figureCheck(i, "memoryMiB", "memory", memoryMiB, blocked);
      if (isolation) unknowns += levelCheck(isolation, rs, i, "isolation", blocked);
      if (gpu !== undefined) unknowns += traitCheck(gpu, rs.gpu[i]!, rs.gpuStated[i]!, "gpu", blocked);
      if (untrustedCode !== undefined)
        unknowns += traitCheck(untrustedCode, rs.untrusted[i]!, rs.untrustedStated[i]!, "untrustedCode", blocked);
      if (linuxCompatibility) {
        if (rs.linuxStatement[i] && rs.linuxRank[i]! < linuxWanted) blocked.push("linuxCompatibility");
        if (!rs.linuxStated[i]) unknowns++;
      }
      return unknowns;
    };
  });
  const os = index.slots.orchestrator;
  const orchestrators = candidates("orchestrator", (m) => {
    const orchestration = boundByCode(os, "orchestration", m);
    const { offline, kubernetesApi } = m;
    return (i, blocked) => {
      let unknowns = 0;
      if (orchestration) unknowns += levelCheck(orchestration, os, i, "orchestration", blocked);
      if (offline !== undefined)
        unknowns += traitCheck(offline, os.offline[i]!, os.offlineStated[i]!, "offline", blocked);
      if (kubernetesApi !== undefined)
        unknowns += traitCheck(
          kubernetesApi,
          os.kubernetesApi[i]!,
          os.kubernetesApiKnown[i]!,
          "kubernetesApi",
          blocked,
        );
      return unknowns;
    };
  });
  const ps = index.slots.policy;
  const policies = candidates("policy", (m) => {
    const policyBound = boundByCode(ps, "policy", m);
    return (i, blocked) => (policyBound ? levelCheck(policyBound, ps, i, "policy", blocked) : 0);
  });

  // Observability: each tool takes (1 − value)/N off the slot's terms: fewer, better tools cost less.
  const obs = index.slots.observability;
  const obsScored = scored.observability;
  const obsNames = obs.names[lang] ?? obs.entries.map((e) => e.t.names[lang]);
  const covers = signals.map((c) => coversOf(index, c));
  const ow = weightsOf("observability");
  const obsTerms = ow.length;
  const observability: ObsTool[] = [];
  const obsCost = new Float64Array(obs.ids.length);
  for (let i = 0; i < obs.ids.length; i++) {
    let mask = 0;
    for (let s = 0; s < covers.length; s++) if (covers[s]![i]) mask |= 1 << s;
    let cost = 0;
    let penalty = 0;
    for (let j = 0, o = i * obsTerms; j < obsTerms; j++, o++) {
      cost += (ow[j]! * (1 - obsScored.value[o]!)) / N;
      penalty += (ow[j]! * obsScored.penalty[o]!) / N;
    }
    if (scratch.length > 0) scratch.length = 0;
    if (obs.released[i]! > year) scratch.push("year");
    if (exclusive && exclude.has(obs.ids[i]!)) scratch.push("exclude");
    observability.push({
      id: obs.ids[i]!,
      name: obsNames[i]!,
      mask,
      pieces: obsScored.pieces[i]!,
      cost: onCostGrid(cost + penalty),
      penalty,
      blockedBy: blockedCopy(),
    });
    obsCost[i] = onCostGrid(cost + penalty);
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
  const emptyOrchestrator = candidate(
    "orchestrator",
    null,
    lang === "zh" ? "无编排" : "no orchestrator",
    [
      { term: "maturity", slot: "orchestrator", part: null, value: 0.5, basis: "empty" },
      fitPieceOf(fit, scenarioId, dims, "orchestrator", null, undefined, xAbsentValue),
    ],
    noOrch,
    must.offline === true ? 1 : 0,
  );
  orchestrators.bounds[orchestrators.list.length] = emptyOrchestrator.bound;
  orchestrators.ranks[orchestrators.list.length] = index.emptyRank.orchestrator;
  orchestrators.list.push(emptyOrchestrator);
  const zAbsent = dims.policy?.stackRule.from === "slot" ? dims.policy.stackRule.whenAbsent : undefined;
  const zAbsentValue = zAbsent === undefined ? undefined : dims.policy?.levelByCode.get(zAbsent)?.value;
  const emptyPolicy = candidate(
    "policy",
    null,
    lang === "zh" ? "无策略" : "no policy",
    [
      { term: "overhead", slot: "policy", part: null, value: 1, basis: "empty" },
      { term: "maturity", slot: "policy", part: null, value: 0.5, basis: "empty" },
      fitPieceOf(fit, scenarioId, dims, "policy", null, undefined, zAbsentValue),
    ],
    boundBlocks("policy", "policy", zAbsentValue) ? ["policy"] : [],
  );
  policies.bounds[policies.list.length] = emptyPolicy.bound;
  policies.ranks[policies.list.length] = index.emptyRank.policy;
  policies.list.push(emptyPolicy);

  // Ties in the order of the stacks' keys (code units), so that branch and bound meets the key that
  // wins a tie first and can cut the other tied branches by their key prefix.
  const sorted = (c: Ranked<Candidate>): Candidate[] => orderBy(c.list, c.bounds, c.ranks, true);
  let obsBase = 0;
  for (const t of TERMS) obsBase += norm[t] * TERM_SHARE[t].observability;
  obsBase = onCostGrid(obsBase);
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
    observability: orderBy(observability, obsCost, obs.rank, false),
    signals,
    requiredMask,
    obsBase,
    excludeRecords,
    ...(fit ? { fit } : {}),
    addons,
  };
}

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
 * What a term piece rests on, in words (in the query's language), with its source and grade where a
 * figure decided it. Made on demand, for the stacks shown: the cached pieces hold numbers and keys only.
 * @example describePiece(ctx, ctx.runtimes[0]!.pieces[0]!).text // "WasmEdge cold start ≤ 1 ms"
 */
export function describePiece(ctx: QueryContext, p: TermPiece): { text: string; source?: string; grade?: string } {
  const { kb, lang } = ctx;
  const t = p.part === null ? undefined : kb.technologies.get(p.part);
  const who = t ? t.names[lang] : PIECE.emptySlot(lang, { slot: p.slot });
  switch (p.basis) {
    case "figure": {
      const label = p.label ?? "";
      if (!p.figure) return { text: PIECE.noFigure(lang, { who, label }) };
      const f = p.figure;
      return {
        text: PIECE.figure(lang, {
          who,
          label,
          figure: formatNormalizedFigure(f.fact),
          ...(f.estimated ? { estimatedFrom: f.fact.subject } : {}),
        }),
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
          ? PIECE.isolation(lang, {
              who,
              code: level.code,
              level: level.names[lang],
              percent: +(p.value * 100).toFixed(0),
              ordering: dim?.distanceBy ?? (lang === "zh" ? "层次" : "level"),
            })
          : PIECE.noIsolation(lang, { who }),
        ...(dim ? { source: dim.source } : {}),
      };
    }
    case "maturity": {
      if (!t) return { text: "" };
      const year = ctx.req.year;
      const c = cncfScoreCached(t, year);
      return {
        text: PIECE.maturity(lang, {
          who,
          status: cncfStatusText(c.status, year, lang),
          years: Math.max(0, year - t.releasedYear),
          released: t.releasedYear,
          year,
        }),
        source: t.released.source,
      };
    }
    case "fit": {
      const fit = ctx.fit;
      const sc = ctx.req.scenario;
      if (!fit || !sc) return { text: PIECE.noScenario(lang) };
      const count = fit.counts[p.slot].get(p.part ?? "-") ?? 0;
      const dim = p.slot === "observability" ? undefined : slotDimension(kb, p.slot);
      const want = dim ? fit.target[dim.key] : undefined;
      const target =
        want && fit.targetFrom
          ? PIECE.fitTarget(lang, {
              year: fit.targetFrom.year,
              scenario: sc.id,
              dim: `${dim?.key}`,
              levels: want.join("/"),
            })
          : "";
      return { text: PIECE.fit(lang, { who, count, n: fit.n, scenario: sc.id, target }) };
    }
    case "empty":
      return { text: p.term === "overhead" ? PIECE.nothingInPath(lang, { who }) : PIECE.nothingToJudge(lang, { who }) };
  }
}
