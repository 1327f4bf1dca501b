/** @module recommend/synthetic-kb — a seeded synthetic knowledge base (1k … 100k technologies) for tests and benchmarks. */

import { compileKb } from "../kb/compile-kb.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { type FileData, groupParsedFiles } from "../kb/group-parsed-files.js";
import type { Kb } from "../kb/kb.js";
import { parseDataFile } from "../kb/parse-data-file.js";
import { readKbFiles } from "../kb/read-kb-files.js";
import type { Case } from "../model/case.js";
import type { Fact } from "../model/fact.js";
import type { Relation } from "../model/relation.js";
import type { Scenario, ScenarioRequirement } from "../model/scenario.js";
import type { Role, Technology, TraitStatement } from "../model/technology.js";
import { seededRandom } from "../seeded-random.js";

export interface SyntheticKbOptions {
  /** How many technologies. */
  readonly size: number;
  readonly seed?: number;
  /** How many scenarios (each with requirements, reference stacks and dated cases). */
  readonly scenarios?: number;
  /** The folder whose dimensions, vocabulary and sources the synthetic KB reuses (default: the package's data/). */
  readonly dataDir?: string;
}

/** Role shares, roughly as in the real knowledge base. */
const ROLE_SHARE: readonly (readonly [Role, number])[] = [
  ["runtime", 0.2],
  ["orchestrator", 0.1],
  ["policy", 0.1],
  ["observability", 0.15],
  ["engine", 0.05],
  ["plugin", 0.37],
  ["interface", 0.03],
];

/** Typical per-instance cold start (ms) and memory (MB) by isolation level, for the generated figures. */
const LEVEL_FIGURES: Readonly<Record<string, { start: number; mem: number; cpu: number }>> = {
  "L-0": { start: 20000, mem: 512, cpu: 0.5 },
  "L-1": { start: 8000, mem: 256, cpu: 7 },
  "L-2": { start: 4000, mem: 96, cpu: 3 },
  "L-3": { start: 300, mem: 20, cpu: 2 },
  "L-4": { start: 5, mem: 3, cpu: 0.8 },
};

const baseCache = new Map<string, ReturnType<typeof groupParsedFiles>>();
function baseKb(dir: string) {
  const hit = baseCache.get(dir);
  if (hit) return hit;
  const read = readKbFiles(dir);
  const keep = read.files.filter((f) => ["dimensions", "vocabulary", "sources"].includes(f.kind.name));
  const parsed = groupParsedFiles(dir, keep.map(parseDataFile));
  baseCache.set(dir, parsed);
  return parsed;
}

/**
 * Generates a knowledge base of `size` technologies with realistic roles, levels, figures (per
 * instance, per node, per request), traits, dependencies (runtime → engine → interface), interface
 * implementations, a few conflicts, and scenarios with reference stacks and dated cases; compiled with
 * `compileKb` on the real dimensions and vocabulary. Deterministic for a seed.
 * @example syntheticKb({ size: 1000, seed: 1 }).technologies.size // 1000
 */
export function syntheticKb(options: SyntheticKbOptions): Kb {
  const rnd = seededRandom(options.seed ?? 1);
  const dir = options.dataDir ?? defaultDataDir();
  const base = baseKb(dir);
  const source = [...(base.sources[0]?.data.sources ?? [])][0]?.id ?? "seed-30-6";
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;
  const jitter = (x: number) => +(x * Math.exp((rnd() - 0.5) * 2)).toPrecision(3);
  const nScen = options.scenarios ?? 3;
  const scenarioIds = Array.from({ length: nScen }, (_, i) => `syn-scenario-${i + 1}`);

  const counts = ROLE_SHARE.map(
    ([role, share]) => [role, Math.max(role === "interface" ? 2 : 3, Math.round(share * options.size))] as const,
  );
  const total = counts.reduce((a, [, n]) => a + n, 0);
  // Trim the largest group so that the total is exactly `size` (when size allows it).
  const plugin = counts.findIndex(([r]) => r === "plugin");
  const adjusted = counts.map(([r, n], i) => [r, i === plugin ? Math.max(0, n - (total - options.size)) : n] as const);

  const ids: Record<string, string[]> = {};
  for (const [role, n] of adjusted) ids[role] = Array.from({ length: n }, (_, i) => `syn-${role}-${i + 1}`);
  const technologies: Technology[] = [];
  const fact = (metric: string, value: number, unit: string, scope: Fact["scope"]): Fact => ({
    metric,
    value,
    unit,
    scope,
    conditions: "synthetic figure",
    source,
    grade: pick(["A", "B", "C"] as const),
  });
  const trait = (t: string, value: string | boolean): TraitStatement => ({ trait: t, value, source, grade: "B" });
  const year = () => 2005 + Math.floor(rnd() * 21);
  const cncf = (released: number): Technology["cncf"] => {
    if (!chance(0.4)) return undefined;
    const accepted = Math.max(released, 2016) + Math.floor(rnd() * 4);
    if (accepted > 2025) return undefined;
    const m = pick(["sandbox", "incubating", "graduated"] as const);
    return {
      maturity: m,
      accepted: `${accepted}-03-01`,
      ...(m !== "sandbox" ? { incubating: `${Math.min(2025, accepted + 1)}-03-01` } : {}),
      ...(m === "graduated" ? { graduated: `${Math.min(2025, accepted + 2)}-03-01` } : {}),
    };
  };
  const scenarioSubset = () => scenarioIds.filter(() => chance(0.4));

  for (const [role, list] of Object.entries(ids)) {
    for (const id of list) {
      const released = year();
      const position: Record<string, unknown> = {};
      const facts: Fact[] = [];
      const traits: TraitStatement[] = [];
      const relations: Relation[] = [];
      switch (role) {
        case "runtime": {
          const level = pick(["L-0", "L-1", "L-2", "L-3", "L-3", "L-4", "L-4"]);
          const f = LEVEL_FIGURES[level]!;
          position.D = level;
          const s = scenarioSubset();
          if (s.length > 0) position.S = s;
          if (chance(0.7)) facts.push(fact("cold-start", jitter(f.start), "ms", "instance"));
          if (chance(0.7)) facts.push(fact("memory", jitter(f.mem), "MiB", "instance"));
          if (chance(0.4)) facts.push(fact("cpu-overhead", jitter(f.cpu), "%", "instance"));
          if (chance(0.7)) traits.push(trait("gpu", pick([true, "none", "plugin", "passthrough"])));
          if (chance(0.7))
            traits.push(
              trait("linux-compatibility", level === "L-4" ? pick(["none", "most"]) : pick(["most", "full", "full"])),
            );
          if (chance(0.7)) traits.push(trait("untrusted-code", level === "L-3" ? chance(0.2) : chance(0.8)));
          if (chance(0.4)) traits.push(trait("multi-tenant", chance(0.6)));
          if (chance(0.4)) {
            const a = pick(ids.engine!);
            const b = pick(ids.engine!);
            relations.push(
              a === b
                ? { type: "depends-on", target: a, when: "orchestrated", source }
                : { type: "depends-on", anyOf: [a, b].sort(), when: "orchestrated", source },
            );
          }
          // A way in under the orchestrators that run this engine only (a runtime registered with containerd).
          if (chance(0.3)) relations.push({ type: "compatible-with", target: pick(ids.engine!), source });
          if (chance(0.03))
            relations.push({
              type: "conflicts-with",
              target: pick(ids.orchestrator!),
              reason: "synthetic conflict",
              source,
            });
          break;
        }
        case "orchestrator": {
          position.X = pick(["X0", "X1", "X1", "X2", "X3", "X4"]);
          const s = scenarioSubset();
          if (s.length > 0) position.S = s;
          if (chance(0.6)) facts.push(fact("min-memory", jitter(position.X === "X1" ? 1900 : 300), "MiB", "node"));
          if (chance(0.6))
            traits.push(trait("offline", position.X === "X2" || position.X === "X4" ? chance(0.8) : chance(0.2)));
          const api = rnd();
          if (api < 0.15) relations.push({ type: "implements", target: ids.interface![0]!, source });
          else if (api < 0.6) traits.push(trait("kubernetes-api", chance(0.5)));
          // Every orchestrator runs its workloads through the first engine (as Kubernetes through
          // containerd), some through another as well: a runtime whose orchestrated dependency is the
          // first engine goes in everywhere, one on another engine only where that engine is used.
          const common = ids.engine?.[0];
          if (common !== undefined) relations.push({ type: "depends-on", target: common, source });
          if (chance(0.3)) {
            const other = pick(ids.engine!);
            if (other !== common) relations.push({ type: "depends-on", target: other, source });
          }
          break;
        }
        case "policy": {
          position.Z = pick(["Z1", "Z2", "Z3", "Z3", "Z4"]);
          if (chance(0.5)) facts.push(fact("decision-latency", jitter(2), "ms", "request"));
          if (chance(0.1)) relations.push({ type: "depends-on", target: ids.interface![0]!, source });
          break;
        }
        case "observability": {
          const signals = ["O1", "O2", "O3", "O4", "O5"].filter(() => chance(0.35));
          position.O = signals.length > 0 ? signals : [pick(["O1", "O2", "O3"])];
          if (chance(0.4)) facts.push(fact("cpu-overhead", jitter(2), "%", "process"));
          if (chance(0.05)) relations.push({ type: "depends-on", target: ids.interface![0]!, source });
          break;
        }
        case "engine": {
          position.D = "L-3";
          if (list.length > 0 && (ids.interface?.length ?? 0) > 1) {
            relations.push({ type: "implements", target: ids.interface![1]!, source });
          }
          break;
        }
        default:
          break;
      }
      technologies.push({
        id,
        names: { en: id.replace(/^syn-/, "Syn "), zh: `合成 ${id.replace(/^syn-/, "")}` },
        role: role as Role,
        summary: `Synthetic ${role} ${id}.`,
        position: position as Technology["position"],
        released: { year: released, source, grade: "U" },
        ...(role === "interface" ? {} : { ...((c) => (c ? { cncf: c } : {}))(cncf(released)) }),
        ...(traits.length ? { traits } : {}),
        ...(facts.length ? { facts } : {}),
        ...(relations.length ? { relations } : {}),
      });
    }
  }

  const dated = (requirement: ScenarioRequirement["requirement"], value: unknown): ScenarioRequirement => ({
    requirement,
    value,
    years: { from: 1990 },
    source,
    why: "synthetic",
  });
  const scenarios: Scenario[] = scenarioIds.map((id, i) => ({
    id,
    names: { en: `synthetic scenario ${i + 1}`, zh: `合成场景 ${i + 1}` },
    summary: `Synthetic scenario ${i + 1}.`,
    origin: "practice",
    requirements: [
      ...(chance(0.5) ? [dated("must.coldStartMs", { max: pick([10, 100, 1000, 10000]) })] : []),
      ...(chance(0.5) ? [dated("must.observability", [pick(["O1", "O2", "O3"])])] : []),
      ...(chance(0.3) ? [dated("must.orchestration", { atLeast: pick(["X1", "X2"]) })] : []),
      dated("prefer", {
        startup: Math.round(rnd() * 40),
        footprint: Math.round(rnd() * 30),
        isolation: Math.round(rnd() * 30),
        maturity: 10,
        fit: 10,
        overhead: 10,
      }),
    ],
    referenceStacks: Array.from({ length: 3 }, (_, j) => ({
      label: `synthetic stack ${i + 1}.${j + 1}`,
      components: {
        runtime: pick(ids.runtime!),
        ...(chance(0.8) ? { orchestrator: pick(ids.orchestrator!) } : {}),
        ...(chance(0.5) ? { policy: pick(ids.policy!) } : {}),
      },
      ...(j === 0 ? { statedCoordinate: `(4, 2, 3, 2025, 1, ${id}, *)` } : {}),
      source,
      grade: "C" as const,
    })),
  }));
  const cases: Case[] = scenarioIds.flatMap((id, i) =>
    Array.from({ length: 4 }, (_, j) => ({
      id: `syn-case-${i + 1}-${j + 1}`,
      title: { en: `synthetic case ${i + 1}.${j + 1}`, zh: `合成案例 ${i + 1}.${j + 1}` },
      scenario: id,
      year: 2016 + 3 * j,
      stack: {
        label: `synthetic case stack ${i + 1}.${j + 1}`,
        components: { runtime: pick(ids.runtime!), ...(chance(0.8) ? { orchestrator: pick(ids.orchestrator!) } : {}) },
      },
      source,
      grade: "C" as const,
    })),
  );

  const fake = (relativePath: string) => ({ relativePath }) as unknown as FileData<never>["file"];
  return compileKb({
    ...base,
    dir: `synthetic:${options.size}:${options.seed ?? 1}`,
    scenarios: { file: fake("scenarios.yaml"), data: { scenarios: scenarios as [Scenario, ...Scenario[]] } },
    claims: undefined,
    technologies: technologies.map((t) => ({ file: fake(`technologies/${t.id}.yaml`), data: t })),
    cases: cases.map((c) => ({ file: fake(`cases/${c.id}.yaml`), data: c })),
  });
}
