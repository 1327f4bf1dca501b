/** @module recommend/query-context — everything one query needs, computed once: candidates per slot with their scored terms. */
import { satisfiesBound } from "../coordinate/evaluate-must.js";
import { addonLevels } from "../coordinate/stack-coordinate.js";
import { judgeFigure } from "../evidence/judge-figure.js";
import type { Lang } from "../i18n/lang.js";
import { emptySlotName } from "../i18n/recommend-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { Must, NumericRange } from "../model/requirements.js";
import { orderBy, type Ranked } from "./_order-by.js";
import { piecePenalty, SLOT_TERMS, scoredPieces } from "./_scored-pieces.js";
import { coversOf, LINUX_RANK, NO_STATEMENT, type SlotIndex, staticIndex, tri } from "./_static-index.js";
import { type AddonChoice, chooseAddons } from "./choose-addons.js";
import { type FitTable, fitPieceOf, fitTable } from "./fit-table.js";
import { type ResolvedRequirements, TERMS, type Term, type Weights } from "./resolve-requirements.js";
import {
  DEFAULT_MAX_OBSERVABILITY,
  onCostGrid,
  SINGLE_SLOTS,
  type SingleSlot,
  SLOT_ROLES,
  type Slot,
  SOFT_PENALTY,
  SOFT_UNKNOWN_PENALTY,
  TERM_SHARE,
  type TermPiece,
  UNKNOWN_PENALTY,
} from "./stack-terms.js";

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

/** The `blockedBy` of every candidate that nothing blocks (shared, frozen: never written to). */
const UNBLOCKED: readonly string[] = Object.freeze([]);

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
    emptySlotName("orchestrator", lang),
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
    emptySlotName("policy", lang),
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
