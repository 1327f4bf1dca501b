// Every invalid fixture knowledge base (one defect each) is answered with its issue code at its place.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../src/kb/issue.js";
import { type LoadKbOptions, safeLoadKb } from "../src/kb/load-kb.js";
import { INVALID_KBS } from "./fixtures/kb/copy-valid-kb.js";

interface Expected {
  code: string;
  severity: "error" | "warning";
  file: string;
  line?: number;
  column?: number;
  suggestion?: string;
}

const cases = readdirSync(INVALID_KBS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("invalid fixture knowledge bases", () => {
  it("are at least 24", () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });

  it.each(cases)("%s", (name) => {
    const dir = join(INVALID_KBS, name);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected;
    const optionsFile = join(dir, "options.json");
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as LoadKbOptions) : {};
    const r = safeLoadKb(dir, options);
    const issues = r.ok ? r.warnings : [...r.errors, ...r.warnings];
    const shown = issues.map(formatIssue).join("\n");
    // Exactly one defect, exactly one issue: nothing cascades.
    expect(issues, shown).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.code).toBe(expected.code);
    expect(issue.severity).toBe(expected.severity);
    expect(issue.file).toBe(expected.file);
    expect(issue.line).toBe(expected.line);
    expect(issue.column).toBe(expected.column);
    expect(r.ok).toBe(expected.severity === "warning");
    if (expected.suggestion !== undefined) {
      expect(issue.suggestions?.[0]).toBe(expected.suggestion);
      expect(issue.message).toContain(`did you mean "${expected.suggestion}"`);
    }
  });
});
