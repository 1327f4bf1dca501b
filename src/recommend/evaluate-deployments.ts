/**
 * @module recommend/evaluate-deployments — how often the recommender names what real operators chose:
 * hit@1 and hit@3 per slot and per family on the held-out deployments, with hand-set and learned weights.
 */
import type { CompiledDeployment, Kb } from "../kb/kb.js";
import type { DeploymentFamily, SlotChoice } from "../model/deployment.js";
import type { Requirements } from "../model/requirements.js";
import { slotDimension } from "./_validate-requirements.js";
import { buildQueryContext, type QueryContext } from "./query-context.js";
import { resolveRequirements, type Weights } from "./resolve-requirements.js";
import { fastSearch } from "./search-fast.js";
import type { SingleSlot } from "./stack-terms.js";

/** How far down each slot's ordered values the evaluation looks: a rank beyond it is reported as not ranked. */
export const EVALUATION_DEPTH = 6;

export type WeightSet = "hand" | "learned";

/** What a deployment chose for a slot, as the evaluation reads it. */
export type ExpectedSlot =
  | { readonly kind: "technology"; readonly id: string }
  | { readonly kind: "none" }
  | { readonly kind: "notInKb"; readonly name: string }
  | { readonly kind: "unstated" };

/** One slot of one deployment under one weight set. */
export interface SlotResult {
  /** 1-based rank of the chosen value among the slot's distinct values, ordered by their best stack; null: not ranked. */
  readonly rank: number | null;
  /** The same, counting a value equivalent to the chosen one (see {@link slotEquivalents}) as the chosen one. */
  readonly familyRank: number | null;
  /** The slot's first three values (null: the slot left empty). */
  readonly top: readonly (string | null)[];
  /** The `must` keys that reject the chosen value whatever it is combined with. */
  readonly blockedBy: readonly string[];
}

export interface DeploymentResult {
  readonly id: string;
  readonly family: DeploymentFamily;
  readonly scenario: string;
  readonly year: number;
  readonly expected: Readonly<Record<SingleSlot, ExpectedSlot>>;
  /** Per weight set, per evaluated slot (slots chosen outside the knowledge base or unstated are absent). */
  readonly results: Readonly<Record<WeightSet, Partial<Record<SingleSlot, SlotResult>>>>;
}

export interface SlotScore {
  readonly n: number;
  readonly hit1: number;
  readonly hit3: number;
  readonly familyHit1: number;
  readonly familyHit3: number;
}

export type SlotScores = Readonly<Record<SingleSlot, SlotScore>>;

export interface DeploymentEvaluation {
  readonly deployments: number;
  /** Per slot: deployments whose choice the knowledge base lacks, and those whose sources do not name one. */
  readonly notInKb: Readonly<Record<SingleSlot, readonly string[]>>;
  readonly unstated: Readonly<Record<SingleSlot, readonly string[]>>;
  readonly overall: Readonly<Record<WeightSet, SlotScores>>;
  readonly perFamily: readonly {
    readonly family: DeploymentFamily;
    readonly n: number;
    readonly hand: SlotScores;
    readonly learned: SlotScores;
  }[];
  /** Per scenario: which weights rank the operators' runtime and orchestrator better here (ties keep the hand-set). */
  readonly perScenario: readonly {
    readonly scenario: string;
    readonly n: number;
    readonly hand: SlotScores;
    readonly learned: SlotScores;
    readonly uses: WeightSet;
  }[];
  readonly results: readonly DeploymentResult[];
  readonly method: string;
}

export const EVALUATED_SLOTS: readonly SingleSlot[] = ["runtime", "orchestrator", "policy"];

function expectedOf(choice: SlotChoice | undefined): ExpectedSlot {
  if (choice === undefined || "unstated" in choice) return { kind: "unstated" };
  if ("technology" in choice) return { kind: "technology", id: choice.technology };
  if ("none" in choice) return { kind: "none" };
  return { kind: "notInKb", name: choice.notInKb };
}

/** The roles that may fill a slot in `recommend` (query-context's SLOT_ROLES for the single slots). */
const SLOT_FILLERS: Readonly<Record<SingleSlot, readonly string[]>> = {
  runtime: ["runtime", "hypervisor", "platform"],
  orchestrator: ["orchestrator", "platform"],
  policy: ["policy"],
};

/**
 * The values a slot counts as the chosen one under the documented equivalence rules (docs/evaluation.md),
 * read from the knowledge base's relations: a technology that `runs-on` exactly one technology of the
 * slot is one family with it (Cloudflare Workers and V8 isolates, KubeVirt and KVM); a platform (a hosted
 * product) is one family with the one technology of the slot it runs on or depends on (E2B and
 * Firecracker for the runtime, E2B and Nomad for the orchestrator); orchestrators that `implements` the
 * same interface are one family (the conformant Kubernetes distributions).
 * @example slotEquivalents(kb, "orchestrator", "k3s").has("kubernetes") // true
 */
export function slotEquivalents(kb: Kb, slot: SingleSlot, id: string): ReadonlySet<string> {
  const out = new Set([id]);
  if (!kb.technologies.has(id)) return out;
  const dim = slotDimension(kb, slot)?.key;
  // What `recommend` could put in the slot: a role of the slot and a position on its dimension.
  const fills = (t: string) => {
    const tech = kb.technologies.get(t);
    return (
      tech !== undefined &&
      SLOT_FILLERS[slot].includes(tech.role) &&
      (dim === undefined || (tech.position[dim]?.length ?? 0) > 0)
    );
  };
  const engineOf = (t: string): string | undefined => {
    const platform = kb.technologies.get(t)?.role === "platform";
    const targets = new Set(
      kb.relations
        .out(t)
        .filter((r) => (r.type === "runs-on" || (platform && r.type === "depends-on")) && r.when === undefined)
        .map((r) => r.to)
        .filter((to): to is string => to !== undefined && to !== t && fills(to)),
    );
    return targets.size === 1 ? [...targets][0] : undefined;
  };
  const engine = engineOf(id);
  if (engine !== undefined) out.add(engine);
  for (const r of kb.relations.in(id)) if (r.from !== id && fills(r.from) && engineOf(r.from) === id) out.add(r.from);
  if (slot === "orchestrator") {
    for (const r of kb.relations.out(id, "implements")) {
      if (r.to === undefined) continue;
      for (const i of kb.relations.in(r.to, "implements"))
        if (kb.technologies.get(i.from)?.role === "orchestrator") out.add(i.from);
    }
  }
  return out;
}

/** The query a deployment's operators would have asked: its scenario and year, and the requirements they state. */
export function deploymentQuery(d: CompiledDeployment): Requirements {
  return {
    scenario: d.scenario,
    year: d.year,
    ...(d.requirements?.must ? { must: d.requirements.must } : {}),
    ...(d.requirements?.prefer ? { prefer: d.requirements.prefer } : {}),
  };
}

const SLOT_LIST = { runtime: "runtimes", orchestrator: "orchestrators", policy: "policies" } as const;

/**
 * A slot's values in the order of their best feasible stack, up to `depth` values or until `stop` says
 * enough: each step searches for the best stack among the values not yet listed (the same exact search
 * as `recommend`, on the query's context with the listed values taken out of the slot).
 */
function slotOrder(
  ctx: QueryContext,
  slot: SingleSlot,
  depth: number,
  stop: (order: readonly (string | null)[]) => boolean,
): (string | null)[] {
  const order: (string | null)[] = [];
  const all = ctx[SLOT_LIST[slot]];
  while (order.length < depth && !stop(order)) {
    const rest = all.filter((c) => !order.includes(c.id));
    const best = fastSearch({ ...ctx, [SLOT_LIST[slot]]: rest }, 1).stacks[0];
    if (best === undefined) break;
    order.push(best.slots[slot]);
  }
  return order;
}

/** Ranks one deployment's query under `weights` (the resolved hand-set ones when undefined) and reads each slot's rank. */
export function evaluateDeployment(
  kb: Kb,
  d: CompiledDeployment,
  weights?: Weights,
): Partial<Record<SingleSlot, SlotResult>> {
  const req = resolveRequirements(kb, deploymentQuery(d));
  const ctx = buildQueryContext(kb, req, weights === undefined ? {} : { weights });
  const out: Partial<Record<SingleSlot, SlotResult>> = {};
  for (const slot of EVALUATED_SLOTS) {
    const exp = expectedOf(d.chosen[slot]);
    if (exp.kind !== "technology" && exp.kind !== "none") continue;
    const want = exp.kind === "technology" ? exp.id : null;
    const family = want === null ? new Set<string>() : slotEquivalents(kb, slot, want);
    const order = slotOrder(
      ctx,
      slot,
      EVALUATION_DEPTH,
      // The chosen value's own rank bounds its family's, so the listing can stop once it is found.
      (o) => o.length >= 3 && o.includes(want),
    );
    const at = order.indexOf(want);
    const famAt = order.findIndex((v) => v === want || (v !== null && family.has(v)));
    const candidates = slot === "runtime" ? ctx.runtimes : slot === "orchestrator" ? ctx.orchestrators : ctx.policies;
    out[slot] = {
      rank: at < 0 ? null : at + 1,
      familyRank: famAt < 0 ? null : famAt + 1,
      top: order.slice(0, 3),
      blockedBy: candidates.find((c) => c.id === want)?.blockedBy ?? [],
    };
  }
  return out;
}

const zero = (): { n: number; hit1: number; hit3: number; familyHit1: number; familyHit3: number } => ({
  n: 0,
  hit1: 0,
  hit3: 0,
  familyHit1: 0,
  familyHit3: 0,
});
const zeros = () => ({ runtime: zero(), orchestrator: zero(), policy: zero() });

function tally(into: ReturnType<typeof zeros>, results: Partial<Record<SingleSlot, SlotResult>>): void {
  for (const slot of EVALUATED_SLOTS) {
    const r = results[slot];
    if (!r) continue;
    const a = into[slot];
    a.n++;
    if (r.rank === 1) a.hit1++;
    if (r.rank !== null && r.rank <= 3) a.hit3++;
    if (r.familyRank === 1) a.familyHit1++;
    if (r.familyRank !== null && r.familyRank <= 3) a.familyHit3++;
  }
}

/**
 * What decides between the weight sets: hit@3 of the runtime and orchestrator slots (the evaluation's
 * headline figure), then their hit@1; a tie keeps the hand-set weights.
 */
function learnedWins(learned: SlotScores, hand: SlotScores): boolean {
  const hit3 = (s: SlotScores) => s.runtime.hit3 + s.orchestrator.hit3;
  const hit1 = (s: SlotScores) => s.runtime.hit1 + s.orchestrator.hit1;
  return hit3(learned) > hit3(hand) || (hit3(learned) === hit3(hand) && hit1(learned) > hit1(hand));
}

/**
 * The evaluation as steps (one per deployment), so a server can run it between requests.
 * `learned` are the weights fitted on the recorded stacks — never on a deployment.
 */
export function* deploymentEvaluationSteps(kb: Kb, learned: Weights): Generator<void, DeploymentEvaluation> {
  const results: DeploymentResult[] = [];
  const notInKb = { runtime: [] as string[], orchestrator: [] as string[], policy: [] as string[] };
  const unstated = { runtime: [] as string[], orchestrator: [] as string[], policy: [] as string[] };
  for (const d of kb.deployments) {
    yield;
    const expected = {
      runtime: expectedOf(d.chosen.runtime),
      orchestrator: expectedOf(d.chosen.orchestrator),
      policy: expectedOf(d.chosen.policy),
    };
    for (const slot of EVALUATED_SLOTS) {
      if (expected[slot].kind === "notInKb") notInKb[slot].push(d.id);
      // An unstated policy is the norm (few operators name one): only unstated runtimes and orchestrators are listed.
      else if (expected[slot].kind === "unstated" && slot !== "policy") unstated[slot].push(d.id);
    }
    results.push({
      id: d.id,
      family: d.family,
      scenario: d.scenario,
      year: d.year,
      expected,
      results: { hand: evaluateDeployment(kb, d), learned: evaluateDeployment(kb, d, learned) },
    });
  }
  const overall = { hand: zeros(), learned: zeros() };
  const fam = new Map<
    DeploymentFamily,
    { n: number; hand: ReturnType<typeof zeros>; learned: ReturnType<typeof zeros> }
  >();
  const scen = new Map<string, { n: number; hand: ReturnType<typeof zeros>; learned: ReturnType<typeof zeros> }>();
  for (const r of results) {
    const f = fam.get(r.family) ?? { n: 0, hand: zeros(), learned: zeros() };
    fam.set(r.family, f);
    const s = scen.get(r.scenario) ?? { n: 0, hand: zeros(), learned: zeros() };
    scen.set(r.scenario, s);
    f.n++;
    s.n++;
    for (const w of ["hand", "learned"] as const) {
      tally(overall[w], r.results[w]);
      tally(f[w], r.results[w]);
      tally(s[w], r.results[w]);
    }
  }
  return {
    deployments: results.length,
    notInKb,
    unstated,
    overall,
    perFamily: [...fam.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([family, v]) => ({ family, n: v.n, hand: v.hand, learned: v.learned })),
    perScenario: [...scen.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scenario, v]) => ({
        scenario,
        n: v.n,
        hand: v.hand,
        learned: v.learned,
        uses: learnedWins(v.learned, v.hand) ? "learned" : "hand",
      })),
    results,
    method: `each held-out deployment's query (its scenario, year and the requirements its operators state) is ranked by the exact search of \`recommend\`; a slot's values are ordered by their best feasible stack (up to ${EVALUATION_DEPTH}), and hit@k counts the operators' choice among the first k; "family" also counts a documented equivalent (docs/evaluation.md). Learned weights are fitted on the recorded stacks only`,
  };
}

/**
 * Evaluates the recommender on the held-out deployments, with the hand-set weights and with `learned`.
 * @example evaluateDeployments(kb, evaluateWeights(kb).weights).overall.hand.runtime.hit3
 */
export function evaluateDeployments(kb: Kb, learned: Weights): DeploymentEvaluation {
  const steps = deploymentEvaluationSteps(kb, learned);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
