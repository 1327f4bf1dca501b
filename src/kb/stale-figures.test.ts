import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "./load-kb.js";
import { factDate, staleFigureIssues, staleFigures } from "./stale-figures.js";

const dir = join(import.meta.dirname, "../../test/fixtures/kb/valid");
const kb = loadKb(dir);

describe("staleFigures", () => {
  it("flags a fast-moving figure older than its metric's threshold, dated by its asOf", () => {
    const stale = staleFigures(kb, { today: "2026-12-07" });
    expect(stale).toEqual([
      expect.objectContaining({ technology: "wasmedge", metric: "cold-start", datedBy: "asOf", date: "2021-06-01" }),
    ]);
    expect(stale[0]?.ageYears).toBe(5);
    expect(stale[0]?.thresholdYears).toBe(3);
  });

  it("leaves a figure alone while it is younger than the threshold", () => {
    expect(staleFigures(kb, { today: "2024-01-01" })).toEqual([]);
  });

  it("takes one threshold for every fast-moving metric when given, and never judges a metric without one", () => {
    expect(staleFigures(kb, { today: "2024-01-01", staleAfterYears: 1 })).toHaveLength(1);
    // memory has no staleAfterYears in the fixture vocabulary: its figures never age.
    expect(staleFigures(kb, { today: "2090-01-01" }).map((s) => s.metric)).toEqual(["cold-start"]);
  });

  it("dates a figure without asOf by its source's year, and leaves it undated without one", () => {
    const memory = kb.technologies.get("wasmedge")!.facts.find((f) => f.metric === "memory")!;
    expect(factDate(kb, memory)).toBeUndefined();
  });

  it("answers STALE_FIGURE warnings at the asOf of the fact in its file", () => {
    const [issue] = staleFigureIssues(kb, dir, { today: "2026-12-07" });
    expect(issue).toMatchObject({ code: "STALE_FIGURE", severity: "warning", file: "technologies/wasmedge.yaml" });
    expect(issue?.path).toEqual(["facts", 0, "asOf"]);
    expect(issue?.line).toBeGreaterThan(1);
  });
});
