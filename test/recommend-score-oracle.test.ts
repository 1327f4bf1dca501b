// An independent oracle for recommend's scores: a brute-force reference that computes the score of every
// runtime × orchestrator × policy stack from the formula docs/design-choices.md states ("six additive
// terms in [0, 1] … weighted by prefer"; maturity = CNCF status and age as of the year; isolation =
// height in the strength ordering), reading only the knowledge base's data. It imports none of the
// scoring code (query-context, tech-profile, ranked-stack): the engine's candidates, contributions and
// stack scores are what it checks. Whether a stack is feasible (its dependencies complete, nothing
// conflicts, nothing released after the year) is asked of the requirement checker, evaluateStack, which
// scores nothing.
//
// The queries weigh maturity and isolation, the terms the formula defines from data alone (start-up,
// footprint and overhead rest on the evidence rules' choice of figure; fit on a scenario's recorded
// stacks), with no scenario and no required signal, so the observability slot is the empty cover.
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledTechnology } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";
import { compare } from "../src/kb/partial-order.js";
import { chooseAddons } from "../src/recommend/choose-addons.js";
import { evaluateStack } from "../src/recommend/evaluate-stack.js";
import { buildQueryContext, type QueryContext } from "../src/recommend/query-context.js";
import { recommend } from "../src/recommend/recommend.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { fastSearch } from "../src/recommend/search-fast.js";

const kb = loadKb(resolve(import.meta.dirname, "../data"));

type Slot = "runtime" | "orchestrator" | "policy" | "observability";

/** The formula's constants, as docs/design-choices.md ("Scores that explain themselves") states them. */
interface Formula {
  /** Each term's share per slot (a row sums to 1). */
  readonly share: Readonly<Record<"maturity" | "isolation", Readonly<Record<Slot, number>>>>;
  /** CNCF standing as of the year. */
  readonly cncf: {
    readonly graduated: number;
    readonly incubating: number;
    readonly sandbox: number;
    readonly none: number;
  };
  /** Maturity = cncfWeight × standing + (1 − cncfWeight) × min(1, age / ageYears). */
  readonly cncfWeight: number;
  readonly ageYears: number;
  /** An empty orchestrator or policy slot's maturity. */
  readonly emptyMaturity: number;
}

const DOCUMENTED: Formula = {
  share: {
    maturity: { runtime: 0.4, orchestrator: 0.3, policy: 0.15, observability: 0.15 },
    isolation: { runtime: 1, orchestrator: 0, policy: 0, observability: 0 },
  },
  cncf: { graduated: 1, incubating: 0.8, sandbox: 0.6, none: 0.4 },
  cncfWeight: 0.6,
  ageYears: 10,
  emptyMaturity: 0.5,
};

/** The dimension a slot is read from (its stack rule), and the roles that may fill it. */
const ROLES: Readonly<Record<Slot, readonly string[]>> = {
  runtime: ["runtime", "hypervisor", "platform"],
  orchestrator: ["orchestrator", "platform"],
  policy: ["policy"],
  observability: ["observability"],
};
function slotDimension(slot: Slot) {
  return [...kb.dimensions.values()].find((d) => d.stackRule.from === "slot" && d.stackRule.slot === slot);
}
function candidates(slot: Slot): CompiledTechnology[] {
  const key = slotDimension(slot)?.key;
  if (key === undefined) return [];
  return [...kb.technologies.values()].filter(
    (t) => ROLES[slot].includes(t.role) && (t.position[key]?.length ?? 0) > 0,
  );
}

function standing(f: Formula, t: CompiledTechnology, year: number): number {
  const c = t.cncf;
  if (!c) return f.cncf.none;
  const by = (d: string | undefined) => d !== undefined && Number(d.slice(0, 4)) <= year;
  if (by(c.archived) || (c.maturity === "archived" && c.archived === undefined)) return 0;
  if (by(c.graduated)) return f.cncf.graduated;
  if (by(c.incubating)) return f.cncf.incubating;
  if (by(c.accepted)) return f.cncf.sandbox;
  return f.cncf.none;
}
function maturity(f: Formula, t: CompiledTechnology | undefined, year: number): number {
  if (!t) return f.emptyMaturity;
  const age = Math.min(1, Math.max(0, (year - t.releasedYear) / f.ageYears));
  return f.cncfWeight * standing(f, t, year) + (1 - f.cncfWeight) * age;
}

/** A runtime's isolation: the share of the runtime dimension's levels its first level is stronger than. */
function isolation(t: CompiledTechnology): number {
  const dim = slotDimension("runtime")!;
  const order = dim.distanceBy === undefined ? undefined : dim.orderings.get(dim.distanceBy)?.order;
  const above = (a: string) =>
    dim.levels.filter((b) => (order ? compare(order, a, b.code) === "greater" : false)).length;
  const max = Math.max(1, ...dim.levels.map((l) => above(l.code)));
  return above(t.position[dim.key]![0]!) / max;
}

interface OracleStack {
  readonly key: string;
  readonly runtime: string;
  readonly orchestrator: string | null;
  readonly policy: string | null;
  readonly score: number;
}

/** Every stack's score by the formula, best first, ties by the stack's key. */
function oracleScores(f: Formula, weights: { maturity: number; isolation: number }, year: number): OracleStack[] {
  const sum = weights.maturity + weights.isolation;
  const wm = weights.maturity / sum;
  const wi = weights.isolation / sum;
  const slotValue = (slot: Slot, t: CompiledTechnology | undefined): number =>
    wm * f.share.maturity[slot] * maturity(f, t, year) +
    (slot === "runtime" && t ? wi * f.share.isolation.runtime * isolation(t) : 0);
  // With no signal required the observability slot keeps its whole share (the empty cover costs nothing).
  const observability = wm * f.share.maturity.observability + wi * f.share.isolation.observability;
  const orchestrators = [...candidates("orchestrator"), undefined];
  const policies = [...candidates("policy"), undefined];
  const out: OracleStack[] = [];
  for (const r of candidates("runtime")) {
    const rv = slotValue("runtime", r);
    for (const o of orchestrators) {
      const ov = slotValue("orchestrator", o);
      for (const p of policies) {
        out.push({
          key: `${r.id}|${o?.id ?? "-"}|${p?.id ?? "-"}|`,
          runtime: r.id,
          orchestrator: o?.id ?? null,
          policy: p?.id ?? null,
          score: rv + ov + slotValue("policy", p) + observability,
        });
      }
    }
  }
  return out.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The checker's context: the knowledge base, the requirements and the add-ons, nothing scored. */
function checkerContext(weights: { maturity: number; isolation: number }, year: number): QueryContext {
  const req = resolveRequirements(kb, { year, prefer: weights });
  const addons = chooseAddons(kb, req, () => false);
  return { kb, req, lang: "en", addons } as unknown as QueryContext;
}

/** The oracle's top k: walks its ranking and keeps the stacks the checker admits. */
function oracleTop(f: Formula, weights: { maturity: number; isolation: number }, year: number, k: number) {
  const ctx = checkerContext(weights, year);
  const top: OracleStack[] = [];
  for (const s of oracleScores(f, weights, year)) {
    const slots = { runtime: s.runtime, orchestrator: s.orchestrator, policy: s.policy, observability: [] };
    if (evaluateStack(ctx, slots).violations.length > 0) continue;
    top.push(s);
    if (top.length === k) break;
  }
  return top;
}

const EPS = 1e-9;

/** Where the engine's top k departs from the oracle's: [] when they agree. */
function disagreements(f: Formula, weights: { maturity: number; isolation: number }, year: number, k: number) {
  const engine = fastSearch(buildQueryContext(kb, resolveRequirements(kb, { year, prefer: weights })), k).stacks;
  const oracle = oracleTop(f, weights, year, k);
  const byKey = new Map(oracleScores(f, weights, year).map((s) => [s.key, s.score]));
  const out: string[] = [];
  if (engine.length !== oracle.length) out.push(`engine ranks ${engine.length} stacks, the oracle ${oracle.length}`);
  engine.forEach((s, i) => {
    const want = byKey.get(s.key);
    if (want === undefined) out.push(`${s.key}: not a stack the oracle knows`);
    else if (Math.abs(want - s.score) > EPS) out.push(`${s.key}: engine ${s.score}, oracle ${want}`);
    const o = oracle[i];
    if (o && Math.abs(o.score - s.score) > EPS)
      out.push(`rank ${i + 1}: engine ${s.key} ${s.score}, oracle ${o.key} ${o.score}`);
  });
  // Every stack the oracle scores strictly above the engine's last must be among the engine's.
  const last = engine[engine.length - 1]?.score ?? Number.NEGATIVE_INFINITY;
  const keys = new Set(engine.map((s) => s.key));
  for (const o of oracle) if (o.score > last + EPS && !keys.has(o.key)) out.push(`${o.key} (${o.score}) is missing`);
  return out;
}

describe("an independent oracle agrees with recommend's scores and ranking", () => {
  const queries = [
    { weights: { maturity: 1, isolation: 0 }, year: 2026, k: 5 },
    { weights: { maturity: 0, isolation: 1 }, year: 2026, k: 5 },
    { weights: { maturity: 1, isolation: 1 }, year: 2026, k: 8 },
    { weights: { maturity: 2, isolation: 1 }, year: 2018, k: 5 },
    { weights: { maturity: 1, isolation: 3 }, year: 2021, k: 5 },
  ];
  for (const q of queries) {
    it(`maturity ${q.weights.maturity}, isolation ${q.weights.isolation}, ${q.year}, top ${q.k}`, () => {
      expect(disagreements(DOCUMENTED, q.weights, q.year, q.k)).toEqual([]);
    }, 180_000);
  }

  it("the scores recommend shows are the oracle's, to the four decimals it prints", () => {
    const weights = { maturity: 1, isolation: 1 };
    const byKey = new Map(oracleScores(DOCUMENTED, weights, 2026).map((s) => [s.key, s.score]));
    const r = recommend(kb, { year: 2026, prefer: weights }, { top: 5 });
    expect(r.stacks.length).toBeGreaterThan(0);
    for (const s of r.stacks) {
      const key = `${s.components.runtime.id}|${s.components.orchestrator?.id ?? "-"}|${s.components.policy?.id ?? "-"}|`;
      expect(s.components.observability).toEqual([]);
      expect(byKey.get(key), key).toBeDefined();
      expect(Math.abs(byKey.get(key)! - s.score), key).toBeLessThanOrEqual(5e-5);
    }
  }, 180_000);

  it("holds for random weights and years (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 2014, max: 2026 }),
        fc.integer({ min: 1, max: 6 }),
        (m, i, year, k) => {
          fc.pre(m + i > 0);
          expect(disagreements(DOCUMENTED, { maturity: m, isolation: i }, year, k)).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 20261207 },
    );
  }, 600_000);

  it("catches a formula that is off: the test can fail", () => {
    // A runtime's maturity share of 0.3 instead of 0.4 changes the scores the engine must match.
    const wrong: Formula = {
      ...DOCUMENTED,
      share: { ...DOCUMENTED.share, maturity: { ...DOCUMENTED.share.maturity, runtime: 0.3 } },
    };
    expect(disagreements(wrong, { maturity: 1, isolation: 1 }, 2026, 5).length).toBeGreaterThan(0);
    // So does an age that saturates after 5 years instead of 10.
    expect(
      disagreements({ ...DOCUMENTED, ageYears: 5 }, { maturity: 1, isolation: 0 }, 2018, 5).length,
    ).toBeGreaterThan(0);
  }, 180_000);
});
