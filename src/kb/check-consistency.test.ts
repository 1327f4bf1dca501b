// The consistency checks of `validate`: level orderings against the technologies' own figures,
// unrecorded disputes among one technology's figures, and trait values against their meaning.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { copyValidKb, type KbEdit } from "../../test/fixtures/kb/copy-valid-kb.js";
import { formatIssue, type Issue } from "./issue.js";
import { safeLoadKb } from "./load-kb.js";

const CODES = ["ORDERING_CONTRADICTED_BY_TECHNOLOGIES", "UNRECORDED_FIGURE_DISPUTE", "TRAIT_CONTRADICTS_NOTE"];

function issuesOf(edits: readonly KbEdit[]): readonly Issue[] {
  const r = safeLoadKb(copyValidKb(edits));
  return r.ok ? r.warnings : [...r.errors, ...r.warnings];
}

const slowWasmEdge: KbEdit = {
  file: "technologies/wasmedge.yaml",
  find: "  - metric: cold-start\n    max: 10\n",
  replace: "  - metric: cold-start\n    min: 50\n    max: 100\n",
};
const fastContainerd = (value: number, grade = "B"): KbEdit => ({
  file: "technologies/containerd.yaml",
  find: "relations:\n",
  replace: `facts:\n  - { metric: cold-start, value: ${value}, unit: ms, scope: instance, conditions: test, source: k8s-docs, grade: ${grade} }\nrelations:\n`,
});
const claim = (about: string, sources: readonly string[]): KbEdit => ({
  file: "claims.yaml",
  find: "claims:\n",
  replace: `claims:\n  - id: recorded\n    about: [${about}]\n    topic: t\n    statement: s\n    positions:\n${sources
    .map((s) => `      - { says: x, source: ${s}, grade: C }\n`)
    .join("")}`,
});

describe("a level ordering against the technologies' own figures", () => {
  it("reports both figures' places when they contradict the ordering", () => {
    const issues = issuesOf([slowWasmEdge, fastContainerd(5)]);
    const found = issues.filter((i) => i.code === "ORDERING_CONTRADICTED_BY_TECHNOLOGIES");
    expect(found, issues.map(formatIssue).join("\n")).toHaveLength(1);
    expect(found[0]!.file).toBe("technologies/wasmedge.yaml");
    expect(found[0]!.message).toMatch(/technologies\/containerd\.yaml:\d+:\d+/);
    expect(found[0]!.message).toMatch(/dimensions\.yaml:\d+:\d+/);
  });

  it("is silent when the figures overlap", () => {
    expect(issuesOf([slowWasmEdge, fastContainerd(60)]).map((i) => i.code)).not.toContain(CODES[0]);
  });

  it("is silent when a claim about the ordering and one of the technologies records the exception", () => {
    const issues = issuesOf([
      slowWasmEdge,
      fastContainerd(5),
      claim("ordering:D/startup-speed, wasmedge", ["seed-30-6", "k8s-docs"]),
    ]);
    expect(issues.map((i) => i.code)).not.toContain(CODES[0]);
  });

  it("reports a claim about an ordering that does not exist", () => {
    const issues = issuesOf([claim("ordering:D/startup-sped, wasmedge", ["seed-30-6", "k8s-docs"])]);
    const unknown = issues.find((i) => i.code === "UNKNOWN_ORDERING");
    expect(unknown?.file).toBe("claims.yaml");
    expect(unknown?.suggestions?.[0]).toBe("D/startup-speed");
  });
});

describe("disputes among one technology's figures", () => {
  const unconditioned = (min: number, max: number, extra = "") => ({
    file: "technologies/wasmedge.yaml",
    find: "relations:\n",
    replace: `  - { metric: cold-start, min: ${min}, max: ${max}, unit: ms, scope: instance, conditions: "a table${extra}, no conditions given", source: seed-30-6, grade: C }\nrelations:\n`,
  });

  it("reports a large disagreement at equal grade", () => {
    expect(issuesOf([unconditioned(500, 900)]).map((i) => i.code)).toContain(CODES[1]);
  });

  it("is silent for figures within the factor", () => {
    expect(issuesOf([unconditioned(20, 40)]).map((i) => i.code)).not.toContain(CODES[1]);
  });

  it("is silent when the conditions name a different regime (a warm start)", () => {
    expect(issuesOf([unconditioned(500, 900, ", warm")]).map((i) => i.code)).not.toContain(CODES[1]);
  });

  it("is silent when a claim about the technology cites both sources", () => {
    const issues = issuesOf([unconditioned(500, 900), claim("wasmedge", ["seed-30-6", "wasmedge-docs"])]);
    expect(issues.map((i) => i.code)).not.toContain(CODES[1]);
  });
});

describe("a trait against its meaning", () => {
  const vocabulary: KbEdit = {
    file: "vocabulary.yaml",
    find: "traits:\n",
    replace:
      "traits:\n  - id: own-kernel\n    names: { en: own guest kernel, zh: 独立客户机内核 }\n    values: [true, false]\n    meanings:\n      - value: true\n        meaning: a guest kernel in a VM\n        contradictedBy: [user-space kernel]\n",
  };
  const statement = (value: boolean): KbEdit => ({
    file: "technologies/wasmedge.yaml",
    find: "traits:\n",
    replace: `traits:\n  - trait: own-kernel\n    value: ${value}\n    source: wasmedge-docs\n    grade: B\n    note: a user-space kernel of its own\n`,
  });

  it("reports a value its own note contradicts", () => {
    const found = issuesOf([vocabulary, statement(true)]).filter((i) => i.code === CODES[2]);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual(["traits", 0, "value"]);
  });

  it("is silent when the value agrees with the note", () => {
    expect(issuesOf([vocabulary, statement(false)]).map((i) => i.code)).not.toContain(CODES[2]);
  });
});

describe("the shipped knowledge base", () => {
  it("has no unexplained ordering contradiction, unrecorded dispute or contradicted trait", () => {
    const r = safeLoadKb(resolve(import.meta.dirname, "../../data"));
    const issues = r.ok ? r.warnings : [...r.errors, ...r.warnings];
    const found = issues.filter((i) => CODES.includes(i.code) || i.code === "ORDERING_DISAGREES_WITH_FIGURES");
    expect(found.map(formatIssue)).toEqual([]);
  });
});
