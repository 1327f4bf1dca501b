/** @module recommend/_static-index — every slot's candidates with their query-independent pieces and the traits the `must` checks read, as flat arrays computed once per knowledge base. */
import { LANGS, type Lang } from "../i18n/lang.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import { slotDimension } from "./_validate-requirements.js";
import type { Term } from "./resolve-requirements.js";
import { logScore, type SingleSlot, SLOT_ROLES, type Slot, type TermPiece } from "./stack-terms.js";
import { type ScoredFigure, techProfile } from "./tech-profile.js";

function linearScore(x: number, cap: number): number {
  return 1 - Math.min(Math.max(x, 0), cap) / cap;
}

function traitHas(t: CompiledTechnology, trait: string): boolean | undefined {
  const s = t.traits.get(trait);
  if (!s) return undefined;
  return s.value !== false && s.value !== "none";
}

/** The slots in the order a query lists them. */
export const ALL_SLOTS = ["runtime", "orchestrator", "policy", "observability"] as const;
export const LINUX_RANK = ["none", "most", "full"];

/** A technology that may fill a slot, with its query-independent pieces (computed once per knowledge base). */
export interface StaticEntry {
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
export const NO_STATEMENT = -1;

/**
 * One slot's candidates and everything the per-query `must` checks read, as flat arrays (index i ↔
 * entries[i]) computed once per knowledge base, so that a query reads numbers rather than chasing
 * each technology's records.
 */
export interface SlotIndex {
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
export interface StaticIndex {
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
export const tri = (v: boolean | undefined): number => (v === undefined ? NO_STATEMENT : v ? 1 : 0);

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

export function staticIndex(kb: Kb): StaticIndex {
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
export function coversOf(index: StaticIndex, signal: string): Uint8Array {
  const hit = index.covers.get(signal);
  if (hit) return hit;
  const entries = index.slots.observability.entries;
  const out = new Uint8Array(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = entries[i]!.mask.includes(signal) ? 1 : 0;
  // Signals are level codes (validated); anything else is answered without being kept.
  if (index.covers.size < 64) index.covers.set(signal, out);
  return out;
}
