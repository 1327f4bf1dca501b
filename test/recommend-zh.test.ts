// `recommend`, the requirements parser and the coordinate parser under `--lang zh`: every sentence in
// Chinese (ids, requirement keys, level codes, figures and source ids as they are), and the English
// wording of the same outputs unchanged.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateMust } from "../src/coordinate/evaluate-must.js";
import { parseCoordinate } from "../src/coordinate/parse-coordinate.js";
import { stackCoordinate } from "../src/coordinate/stack-coordinate.js";
import { AtlasError } from "../src/errors.js";
import { judgeFigure } from "../src/evidence/judge-figure.js";
import type { Lang } from "../src/i18n/lang.js";
import type { Kb } from "../src/kb/kb.js";
import { loadKb } from "../src/kb/load-kb.js";
import type { Must, Requirements } from "../src/model/requirements.js";
import type { StackEvaluation } from "../src/recommend/evaluate-stack.js";
import { violationText } from "../src/recommend/find-rejected.js";
import { primeWeightEvaluation } from "../src/recommend/learn-weights.js";
import { parseRequirements } from "../src/recommend/parse-requirements.js";
import { buildQueryContext } from "../src/recommend/query-context.js";
import { type RecommendOptions, recommend } from "../src/recommend/recommend.js";
import { type RequirementProblem, RequirementsError } from "../src/recommend/requirements-error.js";
import { requirementsFromFlags } from "../src/recommend/requirements-from-flags.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { runCli } from "./_cli.js";
import { postJson, testApp } from "./_server.js";

const DATA = resolve(import.meta.dirname, "../data");
const BAD = resolve(import.meta.dirname, "fixtures/requirements/bad");
const kb = loadKb(DATA);

/**
 * English sentence words that must not appear in a Chinese explanation, rejection, analysis or error,
 * the term pieces' notes (query-context's `describePiece`) and the weights' `why` included.
 */
const ENGLISH =
  /\b(meets|does not meet|lacks|from the scenario|better than|worse than|adds|depends on|outside|within|unknown key|unknown scenario|unknown technology|is above|is not a|expected|released in|excluded by|by the levels|levels where|levels with|no year given|stacks are expressed|must cover|the requirements have|did you mean|covers|unverified|admitted|weight \d|cold start|memory per instance|CPU overhead|decision latency|estimated from|penalised|recorded|stated coordinate|years since|as of|CNCF project|not yet in the CNCF|CNCF (graduated|incubating|sandbox|archived)|up the|ordering|no scenario to fit|nothing to judge|nothing in the request path|no (runtime|orchestrator|policy|observability)\b|prefer weights|overridden|still being evaluated|leave-one-out|hand-set|learned weights|trade-off|typical of|not a rejection|yours: hard|soft, a miss)\b|\S at \(/;

/** Edge in 2018 with today's edge limits stated by the user (edge's own were not typical before 2019). */
const EDGE_2018: Requirements = {
  scenario: "edge",
  year: 2018,
  must: {
    coldStartMs: { max: 50 },
    memoryMiB: { max: 64 },
    offline: true,
    orchestration: { atLeast: "X2" },
    observability: ["O1", "O2"],
  },
};

/** The term pieces' notes of every ranked stack. */
const notes = (r: ReturnType<typeof recommend>): string[] =>
  r.stacks.flatMap((s) => s.terms.flatMap((t) => t.parts.map((p) => p.note)));

function sentences(r: ReturnType<typeof recommend>): string[] {
  return [
    ...r.stacks.flatMap((s) => [
      ...s.explanation,
      ...s.tradeoffs,
      ...s.unverified.map((u) => u.detail),
      ...s.softMisses.map((m) => m.text),
    ]),
    ...r.requirements.inForce.map((x) => x.text),
    ...notes(r),
    r.weights.why,
    ...r.rejected.map((x) => x.reason),
    ...r.analysis.dimensions.flatMap((d) => d.because.map((b) => b.why)),
  ];
}

function both(req: Requirements, options: RecommendOptions = {}) {
  const o = { top: 3, weights: "hand", ...options } as const;
  return { en: recommend(kb, req, { ...o, lang: "en" }), zh: recommend(kb, req, { ...o, lang: "zh" }) };
}

function problems(f: () => unknown): { error: RequirementsError; problems: readonly RequirementProblem[] } {
  try {
    f();
  } catch (e) {
    if (e instanceof RequirementsError) return { error: e, problems: e.problems };
    throw e;
  }
  throw new Error("expected a RequirementsError");
}

function thrown(f: () => unknown): AtlasError {
  try {
    f();
  } catch (e) {
    if (e instanceof AtlasError) return e;
    throw e;
  }
  throw new Error("expected an AtlasError");
}

describe("the scenario's typical requirements in Chinese", () => {
  it("words their origin and the trade-offs a stack makes against them, with no English sentence left", () => {
    const r = both({ scenario: "serverless", year: 2025, must: { isolation: { equals: "L-3" } } });
    const zh = sentences(r.zh);
    for (const line of zh) expect(line, line).not.toMatch(ENGLISH);
    expect(zh.join("\n")).toContain(
      "取舍 冷启动时间（Serverless 无服务器 2023 年起的典型要求 [spin-docs-v1-index, A]）",
    );
    expect(r.zh.requirements.inForce.find((x) => x.key === "must.isolation")!.text).toBe("用户给出：硬性");
    const en = sentences(r.en).join("\n");
    expect(en).toContain("trade-off on coldStartMs (typical of Serverless since 2023 [spin-docs-v1-index, A])");
  });
});

describe("recommend in Chinese", () => {
  // The scenario's requirements made hard, so that rejections of every kind are worded too.
  const edge = both({ scenario: "边缘计算", scenarioHard: true });

  it("explains, trades off, rejects and analyses in Chinese, with no English sentence left", () => {
    const zh = sentences(edge.zh);
    expect(zh.length).toBeGreaterThan(20);
    for (const line of zh) expect(line, line).not.toMatch(ENGLISH);
    const text = zh.join("\n");
    expect(text).toContain("满足 冷启动时间（来自场景）：");
    expect(text).toContain("缺少 O1、O2（现有：无）");
    expect(text).toMatch(/补充 \S+（\S+ 依赖 [^）]+）\[/);
    const one = recommend(kb, { scenario: "edge" }, { top: 1, weights: "hand", lang: "zh" });
    expect(one.rejected.map((r) => r.reason).join("\n")).toMatch(
      /满足全部要求，但得分低于排名最后的技术栈（0\.\d{4}）/,
    );
    expect(text).toMatch(/× 权重 \d+：/);
    // Kata's own cold starts (all above 50 ms) reject it; a level's figure rejects nothing.
    const kata = { runtime: "kata-containers" };
    const coord = stackCoordinate(kb, kata, { year: 2025 }).coordinate;
    const [check] = evaluateMust(kb, kata, coord, { coldStartMs: { max: 50 } }, "zh");
    expect(check?.detail).toMatch(/冷启动时间 [^，]+，超出 ≤ 50 ms/);
    const why = edge.zh.analysis.dimensions.flatMap((d) => d.because.map((b) => b.why)).join("\n");
    expect(why).toContain("每实例 ≤ 50 ms，依各层次自身的数据：L-0 无数据（保留）");
    expect(why).toContain("至少 X2");
    expect(why).toContain("技术栈须覆盖 O1 + O2");
  });

  it("keeps the English wording for lang en, line for line with the Chinese", () => {
    const en = sentences(edge.en).join("\n");
    expect(en).toContain("meets coldStartMs (from the scenario): ");
    expect(en).toContain("lacks O1, O2 (has none)");
    expect(en).toMatch(/adds \S+ for \S+ \(depends on [^)]+\) \[/);
    expect(en).toContain("≤ 50 ms per instance, by the levels' own figures: L-0 has no figure (kept)");
    expect(en).toMatch(/× weight \d+: /);
    expect(edge.en.stacks.map((s) => s.explanation.length)).toEqual(edge.zh.stacks.map((s) => s.explanation.length));
    expect(edge.en.rejected.map((r) => r.requirement)).toEqual(edge.zh.rejected.map((r) => r.requirement));
    expect(edge.en.stacks[0]!.tradeoffs.length).toBe(edge.zh.stacks[0]!.tradeoffs.length);
  });

  it("words the term notes, the first explanation line and the weights in Chinese", () => {
    const zh = notes(edge.zh).join("\n");
    expect(zh).toMatch(/WasmEdge 运行时 冷启动 ≤ \d+ ms/);
    expect(zh).toMatch(/WasmEdge 运行时 每实例内存 [\d.–]+ MiB/);
    expect(zh).toContain("CPU 开销 ≤ 1 %（按其层次 L-4 估算；扣分）");
    expect(zh).toMatch(/位于 L-4（沙盒），在 strength 排序中处于 100 %/);
    expect(zh).toMatch(/：在 13 个已记录的 edge 技术栈中出现 \d+ 次；2025 年给出的坐标把 edge 定在 X=2/);
    expect(zh).toMatch(/：CNCF (毕业|沙箱)项目，自 \d{4} 年发布已 \d+ 年（截至 2025 年）/);
    expect(zh).toMatch(/：非 CNCF 项目，自 \d{4} 年发布已 \d+ 年（截至 2025 年）/);
    const lines = edge.zh.stacks.flatMap((s) => s.explanation).join("\n");
    expect(lines).toContain("估算：开销：WasmEdge 运行时 CPU 开销 ≤ 1 %（按其层次 L-4 估算；扣分）");
    expect(edge.zh.stacks[0]!.explanation[0]).toBe(
      `${edge.zh.stacks[0]!.label} 位于 ${edge.zh.stacks[0]!.coordinate.text}`,
    );
    expect(edge.zh.weights.why).toBe("要求中的 prefer 权重（场景的权重，被你给出的覆盖）");
    // Years before a project joined the CNCF, a missing figure, an empty slot, no scenario at all.
    const early = recommend(kb, EDGE_2018, { top: 3, weights: "hand", lang: "zh" });
    const old = notes(early).join("\n");
    for (const line of notes(early)) expect(line, line).not.toMatch(ENGLISH);
    expect(old).toMatch(/：2018 年时尚未进入 CNCF，自 2018 年发布已 0 年（截至 2018 年）/);
    expect(old).toMatch(/：没有 CPU 开销数据，其层次也没有（按中等 0\.5 计，并扣分）/);
    expect(old).toContain("无策略组件：无可评判（中性 0.5）");
    expect(old).toContain("无策略组件：不在请求路径上");
    const none = recommend(kb, {}, { top: 1, weights: "hand", lang: "zh" });
    expect(notes(none)).toContain("没有要适配的场景");
    // The ai-inference records state a coordinate without a year.
    const ai = recommend(kb, { scenario: "ai-inference" }, { top: 1, weights: "hand", lang: "zh" });
    expect(notes(ai).join("\n")).toMatch(/；记录中给出的坐标把 ai-inference 定在 D=4/);
  });

  it("keeps the English of the term notes, the first line and the weights", () => {
    const en = notes(edge.en).join("\n");
    expect(en).toMatch(/WasmEdge cold start ≤ \d+ ms/);
    expect(en).toContain("CPU overhead ≤ 1 % (estimated from its level L-4; penalised)");
    expect(en).toMatch(/: in \d+ of 13 recorded edge stacks; the 2025 stated coordinate puts edge at X=2/);
    expect(en).toMatch(/: CNCF (graduated|sandbox), \d+ years since its \d{4} release \(as of 2025\)/);
    expect(en).toMatch(/at L-4 \(sandbox\), 100 % up the strength ordering/);
    expect(edge.en.stacks[0]!.explanation[0]).toBe(
      `${edge.en.stacks[0]!.label} at ${edge.en.stacks[0]!.coordinate.text}`,
    );
    expect(edge.en.weights.why).toBe("the requirements' prefer weights (the scenario's, overridden by yours)");
    expect(notes(edge.en).length).toBe(notes(edge.zh).length);
    const early = recommend(kb, EDGE_2018, { top: 3, weights: "hand", lang: "en" });
    expect(notes(early).join("\n")).toMatch(/: not yet in the CNCF in 2018, 0 years since its 2018 release/);
    expect(notes(early)).toContain("no policy: nothing to judge (neutral 0.5)");
  });

  it("says in Chinese where the weights came from: learned, kept, or still being evaluated", () => {
    // A knowledge base with no recorded stacks: its evaluation is pending at first, and instant.
    const bare = (): Kb => ({ ...kb, scenarios: new Map(), cases: { ...kb.cases, all: [] } }) as Kb;
    const pendingZh = recommend(bare(), {}, { top: 1, lang: "zh", learnedWeights: "ifReady" }).weights.why;
    expect(pendingZh).toBe(
      "要求中的 prefer 权重（场景的权重，被你给出的覆盖）；学习权重仍在评估中（对已记录的技术栈做留一法），在此期间使用人工设定的权重",
    );
    const pendingEn = recommend(bare(), {}, { top: 1, lang: "en", learnedWeights: "ifReady" }).weights.why;
    expect(pendingEn).toMatch(/; the learned weights are still being evaluated \(leave-one-out/);
    // A ready evaluation (primed, not computed: that takes seconds): edge keeps the hand-set weights, serverless learns.
    const own = { ...kb } as Kb;
    const acc = (top1: number) => ({ n: 13, top1, top3: 8 });
    const score = (hit3: number) => ({ n: 2, hit1: 0, hit3, familyHit1: 0, familyHit3: hit3 });
    const scores = (hit3: number) => ({ runtime: score(hit3), orchestrator: score(hit3), policy: score(0) });
    const none = { runtime: [], orchestrator: [], policy: [] };
    primeWeightEvaluation(own, {
      records: 26,
      skipped: 0,
      overall: { hand: acc(7), learned: acc(7) },
      perScenario: [
        { scenario: "edge", hand: acc(7), learned: acc(7), uses: "hand" },
        { scenario: "serverless", hand: acc(0), learned: acc(7), uses: "learned" },
      ],
      deployments: {
        deployments: 4,
        notInKb: none,
        unstated: none,
        overall: { hand: scores(2), learned: scores(2) },
        perFamily: [],
        perScenario: [
          { scenario: "edge", n: 2, hand: scores(2), learned: scores(1), uses: "hand" },
          { scenario: "serverless", n: 2, hand: scores(0), learned: scores(2), uses: "learned" },
        ],
        results: [],
        method: "primed",
      },
      weights: { startup: 0, footprint: 0, isolation: 0, overhead: 0, maturity: 1, fit: 9 },
      pairs: 0,
      method: "primed",
    });
    const kept = recommend(own, { scenario: "edge" }, { top: 1, lang: "zh" }).weights;
    expect(kept.source).toBe("hand");
    expect(kept.why).toBe(
      "要求中的 prefer 权重（场景的权重，被你给出的覆盖）；对 13 个已记录的 edge 技术栈做留一法评估：学习权重 top-1 7/13、top-3 8/13，人工权重 top-1 7/13、top-3 8/13；在 2 个留出的真实部署上：学习权重 运行时 hit@3 1/2，编排器 hit@3 1/2，人工权重 运行时 hit@3 2/2，编排器 hit@3 2/2——保留人工权重",
    );
    const learned = recommend(own, { scenario: "serverless" }, { top: 1, lang: "zh" }).weights;
    expect(learned.source).toBe("learned");
    expect(learned.why).toMatch(/^对 13 个已记录的 serverless 技术栈做留一法评估：.*——采用学习权重$/);
    for (const why of [pendingZh, kept.why, learned.why]) expect(why, why).not.toMatch(ENGLISH);
    expect(recommend(own, { scenario: "edge" }, { top: 1, lang: "en" }).weights.why).toBe(
      "the requirements' prefer weights (the scenario's, overridden by yours); leave-one-out on 13 recorded edge stacks: learned top-1 7/13, top-3 8/13 vs hand-set top-1 7/13, top-3 8/13; on 2 held-out real deployments: learned runtime hit@3 1/2, orchestrator hit@3 1/2 vs hand-set runtime hit@3 2/2, orchestrator hit@3 2/2 — hand-set weights kept",
    );
  });

  it("says in Chinese why nothing is ranked, and what to relax", () => {
    // Runtimes with no cold-start figure of their own cannot be judged (admitted, ranked last): left out.
    const unjudged = [...kb.technologies.values()]
      .filter(
        (t) =>
          t.position.D !== undefined &&
          judgeFigure(kb, t.id, "cold-start", "instance", { max: 0.001 }).status === "unknown",
      )
      .map((t) => t.id);
    const { en, zh } = both({ scenario: "edge", year: 2019, must: { coldStartMs: { max: 0.001 }, exclude: unjudged } });
    expect(zh.stacks).toHaveLength(0);
    for (const line of sentences(zh)) expect(line, line).not.toMatch(ENGLISH);
    const text = zh.rejected.map((r) => r.reason).join("\n");
    expect(text).toMatch(/：发布于 20\d\d 年，晚于 2019 年/);
    expect(text).toMatch(/，超出 ≤ 0.001 ms/);
    expect(zh.relaxations?.map((r) => r.relax)).toEqual(en.relaxations?.map((r) => r.relax));
    expect(en.rejected.map((r) => r.reason).join("\n")).toMatch(/: released in 20\d\d, after 2019/);
  });

  it("words every must check in Chinese, traits, Linux compatibility, parts and coordinate too", () => {
    const components = { runtime: "wasmedge", orchestrator: "k3s" };
    const coord = stackCoordinate(kb, components, { year: 2025 }).coordinate;
    const must: Must = {
      gpu: true,
      offline: true,
      kubernetesApi: true,
      linuxCompatibility: "full",
      isolation: { atLeast: "L-3" },
      include: ["k3s", "docker"],
      exclude: ["k3s"],
      coordinate: "(1, *, *, *, *, *, *)",
      observability: ["O1"],
    };
    const zh = evaluateMust(kb, components, coord, must, "zh");
    const en = evaluateMust(kb, components, coord, must, "en");
    expect(zh.map((c) => [c.requirement, c.status])).toEqual(en.map((c) => [c.requirement, c.status]));
    for (const c of zh) expect(c.detail, c.detail).not.toMatch(ENGLISH);
    for (const c of zh)
      expect(c.detail, c.detail).not.toMatch(/\b(implements|statement|compatibility|includes|contains|differs)\b/);
    const detail = (k: string) => zh.find((c) => c.requirement === k)!.detail;
    expect(detail("include")).toBe("缺少 docker");
    expect(detail("exclude")).toBe("含有 k3s");
    expect(detail("coordinate")).toMatch(/^在 D.* 上与 \(1, \*, \*, \*, \*, \*, \*\) 不同$/);
    expect(detail("observability")).toMatch(/^缺少 O1（现有：无）$/);
    expect(detail("offline")).toMatch(/：是$/);
    expect(en.find((c) => c.requirement === "observability")!.detail).toBe("lacks O1 (has none)");
  });

  it("words a missing dependency, a conflict and a late release again in Chinese from the evaluation", () => {
    const ctx = buildQueryContext(kb, resolveRequirements(kb, { year: 2018 }), { lang: "zh" });
    const ev = {
      components: { runtime: "firecracker", supporting: ["wasmedge"] },
      completed: {
        missing: [
          { from: "x", requires: ["a", "b"], source: "s", why: "x depends on a or b and the knowledge base …" },
        ],
        conflicts: [{ a: "firecracker", b: "nvidia-gpu", reason: "no passthrough", source: "s" }],
      },
    } as unknown as StackEvaluation;
    expect(
      violationText(ctx, ev, { requirement: "dependency", detail: "x depends on a or b and the knowledge base …" }),
    ).toBe("x 依赖 a 或 b，但知识库中没有可用的组件提供它");
    expect(
      violationText(ctx, ev, {
        requirement: "conflict",
        detail: "firecracker conflicts with nvidia-gpu: no passthrough",
      }),
    ).toMatch(/^firecracker 与 nvidia-gpu 冲突：/);
    expect(violationText(ctx, ev, { requirement: "year", detail: "wasmedge was released in 2019, after 2018" })).toBe(
      "wasmedge 发布于 2019 年，晚于 2018 年",
    );
    const enCtx = buildQueryContext(kb, resolveRequirements(kb, { year: 2018 }), { lang: "en" });
    expect(violationText(enCtx, ev, { requirement: "year", detail: "wasmedge was released in 2019, after 2018" })).toBe(
      "wasmedge was released in 2019, after 2018",
    );
  });
});

describe("requirements errors in Chinese", () => {
  const files = [
    "bad-coordinate.yaml",
    "min-above-max.yaml",
    "negative-weight.json",
    "syntax-error.yaml",
    "unknown-key.yaml",
    "unknown-level.yaml",
    "unknown-prefer.yaml",
    "unknown-scenario.yaml",
    "unknown-technology.yaml",
    "wrong-type.yaml",
  ];
  const read = (file: string, lang: Lang) =>
    problems(() => parseRequirements(kb, readFileSync(resolve(BAD, file), "utf8"), `bad/${file}`, lang));

  it.each(files)("%s: the same problems at the same places, worded in Chinese", (file) => {
    const en = read(file, "en");
    const zh = read(file, "zh");
    const where = (p: readonly RequirementProblem[]) => p.map((x) => [x.code, x.path, x.file, x.line, x.column]);
    expect(where(zh.problems)).toEqual(where(en.problems));
    for (const p of zh.problems) expect(p.message, p.message).not.toMatch(ENGLISH);
    for (const p of zh.problems) expect(p.message, p.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(zh.error.message).toMatch(/^recommend：要求中有 \d+ 处问题：\n/);
    expect(en.error.message).toMatch(/^recommend: the requirements have (a problem|\d+ problems):\n/);
    expect(zh.error.code).toBe("INVALID_REQUIREMENTS");
  });

  it("words the seed's examples in Chinese: min above max, an unknown key, an unknown level", () => {
    const text = "scenario: edge\nmust:\n  coldStartMs: {max: 5, min: 9}\n  foo: 1\n";
    const zh = problems(() => parseRequirements(kb, text, "bad.yaml", "zh"));
    expect(zh.error.message).toContain("bad.yaml:3:30: must.coldStartMs.min: `min` 大于 `max`：没有值能满足这个范围");
    expect(zh.error.message).toContain('bad.yaml:4:3: must.foo: must 中有未知的键 "foo"');
    const en = problems(() => parseRequirements(kb, text, "bad.yaml", "en"));
    expect(en.error.message).toBe(
      "recommend: the requirements have 2 problems:\n" +
        "  bad.yaml:3:30: must.coldStartMs.min: `min` is above `max`: nothing can satisfy this range\n" +
        '  bad.yaml:4:3: must.foo: unknown key "foo" in must',
    );
    expect(read("unknown-level.yaml", "zh").error.message).toContain(
      '"L-9" 不是 D（隔离）的层次（是否要找 L-0、L-1、L-2？）',
    );
  });

  it("words the flags' problems in Chinese", () => {
    const must = problems(() => requirementsFromFlags(kb, { must: ["nonsense"] }, "zh"));
    expect(must.problems[0]).toMatchObject({ code: "BAD_FLAG", path: "--must" });
    expect(must.problems[0]!.message).toBe('"nonsense" 不是 key=value 形式（例如 coldStartMs=10）');
    const prefer = problems(() => requirementsFromFlags(kb, { prefer: "speed=3" }, "zh"));
    expect(prefer.problems[0]!.message).toBe('prefer 中有未知的键 "speed"');
    expect(prefer.problems[0]!.path).toBe("--prefer.speed");
    expect(problems(() => requirementsFromFlags(kb, { scenario: "nowhere" }, "zh")).problems[0]!.message).toBe(
      '未知场景 "nowhere"',
    );
    expect(problems(() => requirementsFromFlags(kb, { must: ["nonsense"] })).problems[0]!.message).toBe(
      '"nonsense" is not key=value (e.g. coldStartMs=10)',
    );
  });
});

describe("coordinate errors in Chinese", () => {
  const cases = [
    "(9,1,1,2025,1,edge,*)",
    "(4, 2, 3)",
    "(4, 2, 3, 2025, 1, nowhere, *)",
    "(4, 2, 3, 2025, 1, edge, OTLP+smoke)",
    "(4, 2, 3, 1800x, 1, edge, *)",
    '(4, 2, "3, 2025, 1, edge, *)',
    "Q=4",
    "D=4 D=3",
    "D=4 whatever",
    "",
    `D=${"4".repeat(600)}`,
  ];

  it.each(cases)("%s: the same error code, worded in Chinese", (text) => {
    const en = thrown(() => parseCoordinate(kb, text));
    const zh = thrown(() => parseCoordinate(kb, text, "zh"));
    expect(zh.code).toBe(en.code);
    expect(zh.suggestions).toEqual(en.suggestions);
    expect(zh.message, zh.message).not.toMatch(
      /\b(coordinate|is not a valid|expected|unknown|has \d+ parts?|is given twice|cannot read|is too long|empty|not closed)\b/,
    );
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/u);
  });

  it("keeps the English message as it was", () => {
    expect(thrown(() => parseCoordinate(kb, "(9,1,1,2025,1,edge,*)")).message).toBe(
      'coordinate part 1 (D): "9" is not a valid D (isolation / 隔离); expected a level 0–4 or its code/name',
    );
    expect(thrown(() => parseCoordinate(kb, "(9,1,1,2025,1,edge,*)", "zh")).message).toBe(
      '坐标第 1 部分（D）："9" 不是有效的 D（隔离）；应为层次 0–4 或其代码/名称',
    );
  });
});

describe("the language reaches every surface", () => {
  it("CLI: recommend --lang zh explains in Chinese", async () => {
    const r = await runCli(
      "recommend",
      "--scenario",
      "边缘计算",
      "--top",
      "1",
      "--weights",
      "hand",
      "--lang",
      "zh",
      "--explain",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("满足 冷启动时间（来自场景）");
    expect(r.out).toContain("未选：");
    expect(r.out).not.toMatch(/\b(meets|lacks|from the scenario|outside|within|by the levels' own figures)\b/);
  });

  it("CLI: a bad requirements file under --lang zh, at the same file:line:column", async () => {
    const file = resolve(BAD, "min-above-max.yaml");
    const zh = await runCli("recommend", "-r", file, "--lang", "zh");
    const en = await runCli("recommend", "-r", file);
    expect(zh.code).toBe(en.code);
    expect(zh.err).toMatch(/min-above-max\.yaml:3:10: must\.memoryMiB\.min: `min` 大于 `max`/);
    expect(en.err).toMatch(/min-above-max\.yaml:3:10: must\.memoryMiB\.min: `min` is above `max`/);
  });

  it("CLI: lookup of a bad coordinate under --lang zh", async () => {
    const r = await runCli("lookup", "(9,1,1,2025,1,edge,*)", "--lang", "zh");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('坐标第 1 部分（D）："9" 不是有效的 D（隔离）');
  });

  it("HTTP: POST /api/recommend?lang=zh (what the web UI sends) explains in Chinese", async () => {
    const app = testApp();
    const res = await postJson(app, "/api/recommend?lang=zh&top=2&weights=hand", { scenario: "edge" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReturnType<typeof recommend>;
    for (const line of sentences(body)) expect(line, line).not.toMatch(ENGLISH);
    expect(body.stacks[0]!.explanation.join("\n")).toContain("满足 冷启动时间（来自场景）");
    const en = (await (
      await postJson(app, "/api/recommend?top=2&weights=hand", { scenario: "edge" })
    ).json()) as ReturnType<typeof recommend>;
    expect(en.stacks[0]!.explanation.join("\n")).toContain("meets coldStartMs (from the scenario)");
  });
});
