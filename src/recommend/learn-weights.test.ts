import { describe, expect, it } from "vitest";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { seededRandom } from "../seeded-random.js";
import {
  abandonWeightEvaluation,
  evaluateWeightsInBackground,
  learnWeights,
  type RankingProblem,
  readyWeightEvaluation,
} from "./learn-weights.js";
import { TERMS, type Weights } from "./resolve-requirements.js";
import { syntheticKb } from "./synthetic-kb.js";

describe("evaluateWeightsInBackground", () => {
  it("does no work before returning and gives the event loop a turn per recorded stack and per fold", async () => {
    const kb = syntheticKb({ size: 60, seed: 3 });
    const records = recordedStacks(kb).length;
    expect(records).toBeGreaterThan(5);
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const pending = evaluateWeightsInBackground(kb);
    // A server calls this inside a request: nothing may have been computed yet.
    expect(readyWeightEvaluation(kb)).toBeUndefined();
    expect(turns).toBe(0);
    const evaluation = await pending;
    if (evaluation === undefined) throw new Error("the evaluation was abandoned");
    done = true;
    // Building the problems yields once per recorded stack, the folds once per problem: a server
    // answers other requests between any two of those steps.
    expect(turns).toBeGreaterThanOrEqual(records + evaluation.records);
    expect(readyWeightEvaluation(kb)).toBe(evaluation);
  });

  it("stops at its next step when a reload abandons the knowledge base, and computes nothing more for it", async () => {
    const kb = syntheticKb({ size: 60, seed: 4 });
    const pending = evaluateWeightsInBackground(kb);
    abandonWeightEvaluation(kb);
    expect(await pending).toBeUndefined();
    expect(readyWeightEvaluation(kb)).toBeUndefined();
    // Another knowledge base is not affected.
    const other = syntheticKb({ size: 60, seed: 5 });
    expect((await evaluateWeightsInBackground(other))?.records).toBeGreaterThan(0);
  });
});

describe("learnWeights", () => {
  // Choices made by a known weighting over random options: what the learner must find again. The
  // reference ranks by its own weighted sum, not by the recommender's scoring code.
  const TRUE: Weights = { startup: 50, footprint: 5, isolation: 30, overhead: 5, maturity: 5, fit: 5 };
  const EVEN: Weights = { startup: 1, footprint: 1, isolation: 1, overhead: 1, maturity: 1, fit: 1 };
  const value = (w: Weights, f: readonly number[]) => TERMS.reduce((a, t, i) => a + w[t] * f[i]!, 0);

  function problems(seed: number, count: number, chooser: (options: number[][]) => number): RankingProblem[] {
    const rnd = seededRandom(seed);
    return Array.from({ length: count }, () => {
      const options = Array.from({ length: 15 }, () => TERMS.map(() => rnd()));
      const chosen = chooser(options);
      const features = [options[chosen]!, ...options.filter((_, i) => i !== chosen)];
      return { hand: EVEN, features, unknowns: features.map(() => 0) };
    });
  }
  const best = (w: Weights) => (options: number[][]) =>
    options.reduce((b, o, i) => (value(w, o) > value(w, options[b]!) ? i : b), 0);
  /** Share of problems whose chosen option (the first) ranks first under the weights. */
  const top1 = (w: Weights, ps: readonly RankingProblem[]) =>
    ps.filter((p) => p.features.slice(1).every((f) => value(w, f) < value(w, p.features[0]!))).length / ps.length;

  it("finds the weighting that made the choices: its two heavy terms first, in order", () => {
    const learned = learnWeights(problems(11, 200, best(TRUE)));
    const order = [...TERMS].sort((a, b) => learned[b] - learned[a]);
    expect(order.slice(0, 2)).toEqual(["startup", "isolation"]);
    expect(learned.startup).toBeGreaterThan(2 * learned.footprint);
    expect(TERMS.reduce((a, t) => a + learned[t], 0)).toBeCloseTo(100, 0);
    // On choices it has not seen, the learned weights pick what the true ones pick far more often than even ones.
    const unseen = problems(12, 200, best(TRUE));
    expect(top1(learned, unseen)).toBeGreaterThan(0.6);
    expect(top1(learned, unseen)).toBeGreaterThan(top1(EVEN, unseen) + 0.2);
  });

  it("learns another weighting from other choices, and nothing from random ones", () => {
    const other: Weights = { startup: 5, footprint: 60, isolation: 5, overhead: 5, maturity: 20, fit: 5 };
    const learned = learnWeights(problems(13, 200, best(other)));
    expect([...TERMS].sort((a, b) => learned[b] - learned[a])[0]).toBe("footprint");
    const rnd = seededRandom(14);
    const noise = learnWeights(problems(15, 200, (options) => Math.floor(rnd() * options.length)));
    expect(top1(noise, problems(16, 200, best(TRUE)))).toBeLessThan(0.5);
  });
});
