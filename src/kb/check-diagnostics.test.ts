import { describe, expect, it } from "vitest";
import { copyValidKb } from "../../test/fixtures/kb/copy-valid-kb.js";
import { safeLoadKb } from "./load-kb.js";

const diagnostics = (level: string, source = "seed-30-6", horizontal = "slow") => `
layerDimension: D
signalDimension: O
vertical:
  - { id: oom, kind: log, patterns: [OOMKilled], level: ${level}, meaning: killed, causes: [limit], fixes: [raise], source: ${source}, grade: C }
horizontal:
  - { id: slow, names: { en: slow, zh: 慢 }, patterns: [slow], meaning: slow, source: seed-30-6, grade: C }
symptoms:
  - { id: s1, names: { en: s, zh: s }, horizontal: ${horizontal}, vertical: oom, level: L-3, fix: raise, source: seed-30-6, grade: C }
failureModes: []
support: []
reach: []
tools: []
criteria: []
`;

describe("diagnostics.yaml in the knowledge base", () => {
  it("loads and compiles into kb.diagnostics", () => {
    const r = safeLoadKb(copyValidKb([{ file: "diagnostics.yaml", content: diagnostics("L-3") }]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.kb.diagnostics?.vertical[0]?.level).toBe("L-3");
  });

  it("is optional", () => {
    const r = safeLoadKb(copyValidKb());
    expect(r.ok && r.kb.diagnostics).toBeUndefined();
  });

  it("reports unknown levels, sources and rule ids with their place", () => {
    const r = safeLoadKb(copyValidKb([{ file: "diagnostics.yaml", content: diagnostics("L-9", "nowhere", "fast") }]));
    expect(r.ok).toBe(false);
    const codes = r.ok ? [] : r.errors.filter((e) => e.file === "diagnostics.yaml").map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(["UNKNOWN_LEVEL", "UNKNOWN_SOURCE"]));
    expect(codes.filter((c) => c === "UNKNOWN_LEVEL")).toHaveLength(2);
    if (!r.ok) expect(r.errors.every((e) => e.line !== undefined)).toBe(true);
  });
});
