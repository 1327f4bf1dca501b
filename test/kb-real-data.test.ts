// The project's own knowledge base: valid, and as large as "done" requires.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../src/kb/issue.js";
import { safeLoadKb } from "../src/kb/load-kb.js";

const DATA = resolve(import.meta.dirname, "../data");
const result = safeLoadKb(DATA);
const kb = result.ok ? result.kb : undefined;

describe("the real knowledge base (data/)", () => {
  it("loads with zero errors", () => {
    const errors = result.ok ? [] : result.errors;
    expect(errors.map(formatIssue).join("\n")).toBe("");
  });

  it("has at least 100 technologies", () => {
    expect(kb?.counts.technologies ?? 0).toBeGreaterThanOrEqual(100);
  });

  it("has at least 60 facts, each with a source", () => {
    const facts = [...(kb?.technologies.values() ?? [])].flatMap((t) => t.facts);
    expect(facts.every((f) => kb?.sources.has(f.source))).toBe(true);
    expect(facts.length).toBeGreaterThanOrEqual(60);
  });

  // Minimum technologies per level: D/X/Z levels 3, O levels 2, A views 2.
  const minimum: Record<string, number> = { D: 3, X: 3, Z: 3, O: 2, A: 2 };
  for (const [key, min] of Object.entries(minimum)) {
    it(`has at least ${min} technologies on every level of ${key}`, () => {
      const row = kb?.counts.perLevel[key] ?? {};
      const short = Object.entries(row)
        .filter(([, n]) => n < min)
        .map(([code, n]) => `${code}: ${n}`);
      expect(Object.keys(row).length).toBeGreaterThan(0);
      expect(short, `levels of ${key} with fewer than ${min} technologies`).toEqual([]);
    });
  }
});
