import { describe, expect, it } from "vitest";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { evaluateWeightsInBackground, readyWeightEvaluation } from "./learn-weights.js";
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
    done = true;
    // Building the problems yields once per recorded stack, the folds once per problem: a server
    // answers other requests between any two of those steps.
    expect(turns).toBeGreaterThanOrEqual(records + evaluation.records);
    expect(readyWeightEvaluation(kb)).toBe(evaluation);
  });
});
