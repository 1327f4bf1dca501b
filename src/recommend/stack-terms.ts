/** @module recommend/stack-terms — the slots of a stack, how much of each scored term each carries, and the penalties a score subtracts. */
import type { Role } from "../model/technology.js";
import type { Term } from "./resolve-requirements.js";
import type { ScoredFigure } from "./tech-profile.js";

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

/** One term's value for one part of a stack, with what it rests on (described on demand by `describePiece`). */
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

const log10 = Math.log10;
/** 1 at or below `lo`, 0 at or above `hi`, linear in the logarithm between (orders of magnitude matter, not ms). */
export function logScore(x: number, lo: number, hi: number): number {
  const v = (log10(hi) - log10(Math.max(x, lo))) / (log10(hi) - log10(lo));
  return Math.min(1, Math.max(0, v));
}
