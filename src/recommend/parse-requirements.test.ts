import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { parseRequirements } from "./parse-requirements.js";
import { RequirementsError } from "./requirements-error.js";
import { requirementsFromFlags } from "./requirements-from-flags.js";
import { resolveRequirements } from "./resolve-requirements.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));
const FIX = resolve(import.meta.dirname, "../../test/fixtures/requirements");
const read = (f: string) => readFileSync(resolve(FIX, f), "utf8");

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RequirementsError);
    expect((e as RequirementsError).code).toBe("INVALID_REQUIREMENTS");
    return (e as RequirementsError).problems;
  }
  throw new Error("expected a RequirementsError");
}

describe("parseRequirements", () => {
  it("reads the seed's case 1 in YAML, with a Chinese scenario name and signal aliases", () => {
    const r = parseRequirements(kb, read("case-1.yaml"), "case-1.yaml");
    expect(r.scenario).toBe("边缘计算");
    expect(r.must?.observability).toEqual(["O1", "O2"]);
    expect(r.must?.coldStartMs).toEqual({ max: 10 });
  });

  it("reads JSON", () => {
    expect(parseRequirements(kb, read("serverless.json")).prefer).toEqual({ startup: 3, isolation: 1 });
  });

  const bad: [string, string, number][] = [
    ["unknown-key.yaml", "UNKNOWN_KEY", 4],
    ["wrong-type.yaml", "WRONG_TYPE", 3],
    ["min-above-max.yaml", "BAD_RANGE", 3],
    ["unknown-scenario.yaml", "UNKNOWN_SCENARIO", 1],
    ["unknown-technology.yaml", "UNKNOWN_TECHNOLOGY", 2],
    ["unknown-level.yaml", "UNKNOWN_LEVEL", 2],
    ["bad-coordinate.yaml", "BAD_COORDINATE", 2],
    ["syntax-error.yaml", "YAML_SYNTAX", 0],
    ["unknown-prefer.yaml", "UNKNOWN_KEY", 2],
    ["negative-weight.json", "BAD_RANGE", 2],
  ];
  for (const [file, code, line] of bad) {
    it(`rejects bad/${file} with ${code}${line ? ` at line ${line}` : ""}`, () => {
      const problems = problemsOf(() => parseRequirements(kb, read(`bad/${file}`), `bad/${file}`));
      const p = problems.find((x) => x.code === code);
      expect(p, JSON.stringify(problems)).toBeDefined();
      expect(p!.file).toBe(`bad/${file}`);
      expect(p!.line).toBeGreaterThan(0);
      if (line > 0) expect(p!.line).toBe(line);
      expect(p!.column).toBeGreaterThan(0);
    });
  }

  it("suggests the key meant", () => {
    const [p] = problemsOf(() => parseRequirements(kb, "must:\n  coldstartMs: { max: 3 }\n"));
    expect(p?.suggestions).toContain("coldStartMs");
  });
});

describe("requirementsFromFlags", () => {
  it("builds requirements from dedicated flags and key=value pairs", () => {
    const r = requirementsFromFlags(kb, {
      scenario: "edge",
      coldStartMs: 10,
      memoryMiB: 5,
      isolation: "L-1",
      orchestration: "X1..X2",
      gpu: true,
      observability: ["OTLP,eBPF"],
      include: ["k3s"],
      must: ["linuxCompatibility=most", "policy=>=Z3"],
      prefer: "startup=3,isolation=2",
    });
    expect(r.must).toMatchObject({
      coldStartMs: { max: 10 },
      memoryMiB: { max: 5 },
      isolation: { atLeast: "L-1" },
      orchestration: { atLeast: "X1", atMost: "X2" },
      policy: { atLeast: "Z3" },
      gpu: true,
      observability: ["O1", "O2"],
      include: ["k3s"],
      linuxCompatibility: "most",
    });
    expect(r.prefer).toEqual({ startup: 3, isolation: 2 });
  });

  it("names the flag that is wrong", () => {
    expect(problemsOf(() => requirementsFromFlags(kb, { must: ["nonsense"] }))[0]?.code).toBe("BAD_FLAG");
    expect(problemsOf(() => requirementsFromFlags(kb, { prefer: "speed=3" }))[0]?.code).toBe("UNKNOWN_KEY");
    expect(problemsOf(() => requirementsFromFlags(kb, { must: ["memoryMiB=64..5"] }))[0]?.code).toBe("BAD_RANGE");
    expect(problemsOf(() => requirementsFromFlags(kb, { scenario: "nowhere" }))[0]?.code).toBe("UNKNOWN_SCENARIO");
    expect(problemsOf(() => requirementsFromFlags(kb, { exclude: ["dockr"] }))[0]?.suggestions).toContain("docker");
  });
});

describe("resolveRequirements", () => {
  it("takes the scenario's own requirements, the user's overriding key by key", () => {
    const r = resolveRequirements(kb, { scenario: "edge", must: { coldStartMs: { max: 10 } }, prefer: { fit: 50 } });
    expect(r.must.coldStartMs).toEqual({ max: 10 });
    expect(r.origin["must.coldStartMs"]).toBe("user");
    expect(r.soft.offline).toBe(true);
    expect(r.must.offline).toBeUndefined();
    expect(r.origin["must.offline"]).toBe("scenario");
    expect(r.weights.fit).toBe(50);
    const prefer = kb.scenarios.get("edge")!.requirements.find((q) => q.requirement === "prefer")!;
    expect(r.weights.startup).toBe((prefer.value as { startup: number }).startup);
  });

  it("uses equal weights and no fit without a scenario", () => {
    const r = resolveRequirements(kb, { must: { gpu: true } });
    expect(r.weights).toEqual({ startup: 1, footprint: 1, isolation: 1, overhead: 1, maturity: 1, fit: 0 });
  });
});
