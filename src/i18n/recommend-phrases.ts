/**
 * @module i18n/recommend-phrases — the sentences of `recommend` (explanations, trade-offs, rejections, the
 * dimension analysis, the weights) in English and Chinese. Requirement keys, terms, level codes, ids,
 * figures and source ids pass through as given.
 */
import { slotName } from "./coordinate-phrases.js";
import type { Lang } from "./lang.js";
import { joinList, phrase } from "./messages.js";
import { requirementKey, requirementText } from "./requirements-phrases.js";

/** A requirement whose value arrives as JSON, in Chinese (the JSON as it is if it does not parse). */
function requirementJsonText(key: string, json: string): string {
  try {
    return requirementText(key, JSON.parse(json), "zh");
  } catch {
    return `${requirementKey(key, "zh")} ${json}`;
  }
}

/**
 * The evidence a line rests on, as ` [source, grade]` (the same in both languages), or nothing.
 * @example citation("seed-30-6", "B") // " [seed-30-6, B]"
 */
export function citation(source: string | undefined, grade?: string): string {
  return source ? ` [${source}${grade ? `, ${grade}` : ""}]` : "";
}

/**
 * The separator between clauses: `; ` in English, `；` in Chinese.
 * @example clauses(["a", "b"], "zh") // "a；b"
 */
export function clauses(items: readonly string[], lang: Lang): string {
  return items.join(lang === "zh" ? "；" : "; ");
}

/** A ranked stack's explanation and trade-off lines. */
export const EXPLAIN = {
  /** The first explanation line (built by `presentStacks`). */
  stackAt: phrase(
    (a: { label: string; coordinate: string }) => `${a.label} at ${a.coordinate}`,
    (a) => `${a.label} 位于 ${a.coordinate}`,
  ),
  meets: phrase(
    (a: { requirement: string; fromScenario: boolean; detail: string; cite: string }) =>
      `meets ${a.requirement}${a.fromScenario ? " (from the scenario)" : ""}: ${a.detail}${a.cite}`,
    (a) => `满足 ${requirementKey(a.requirement, "zh")}${a.fromScenario ? "（来自场景）" : ""}：${a.detail}${a.cite}`,
  ),
  unverified: phrase(
    (a: { requirement: string; detail: string }) =>
      `unverified ${a.requirement}: ${a.detail} — admitted, ranked after every stack whose checks are all met`,
    (a) => `未验证 ${requirementKey(a.requirement, "zh")}：${a.detail}——仍予保留，排在所有要求均已满足的技术栈之后`,
  ),
  term: phrase(
    (a: { term: string; value: string; weight: number; because?: string }) =>
      `${a.term} ${a.value} × weight ${a.weight}${a.because !== undefined ? `: ${a.because}` : ""}`,
    (a) =>
      `${requirementKey(a.term, "zh")} ${a.value} × 权重 ${a.weight}${a.because !== undefined ? `：${a.because}` : ""}`,
  ),
  estimated: phrase(
    (a: { term: string; note: string }) => `estimated: ${a.term}: ${a.note}`,
    (a) => `估算：${requirementKey(a.term, "zh")}：${a.note}`,
  ),
  adds: phrase(
    (a: { id: string; for: string; requirement: string; source: string }) =>
      `adds ${a.id} for ${a.for} (depends on ${a.requirement}) [${a.source}]`,
    (a) => `补充 ${a.id}（${a.for} 依赖 ${requirementKey(a.requirement, "zh")}）[${a.source}]`,
  ),
  versus: phrase(
    (a: { note: string }) => `vs ${a.note}`,
    (a) => `对方：${a.note}`,
  ),
  tradeoff: phrase(
    (a: { better: boolean; other: string; term: string; delta: string; why: string }) =>
      `${a.better ? "better" : "worse"} than ${a.other} on ${a.term} (${a.delta})${a.why ? `: ${a.why}` : ""}`,
    (a) =>
      `在 ${requirementKey(a.term, "zh")} 上${a.better ? "优于" : "不如"} ${a.other}（${a.delta}）${a.why ? `：${a.why}` : ""}`,
  ),
  unverifiedCount: phrase(
    (a: { fewer: boolean; other: string; mine: number; theirs: number }) =>
      `${a.fewer ? "fewer" : "more"} unverified requirements than ${a.other} (${a.mine} vs ${a.theirs})`,
    (a) => `未验证的要求比 ${a.other} ${a.fewer ? "少" : "多"}（${a.mine} 对 ${a.theirs}）`,
  ),
  tie: phrase(
    (a: { other: string }) => `scores as ${a.other} does; ranked first by name`,
    (a) => `与 ${a.other} 得分相同；按名称排在前面`,
  ),
  softMiss: phrase(
    (a: { requirement: string; detail: string; cite: string; typical: string; penalty: number }) =>
      `trade-off on ${a.requirement} (${a.typical}): ${a.detail}${a.cite} — not a rejection, costs ${a.penalty}`,
    (a) =>
      `取舍 ${requirementKey(a.requirement, "zh")}（${a.typical}）：${a.detail}${a.cite}——不排除，扣分 ${a.penalty}`,
  ),
  softUnknown: phrase(
    (a: { requirement: string; detail: string; typical: string; penalty: number }) =>
      `cannot judge ${a.requirement} (${a.typical}): ${a.detail} — costs ${a.penalty}, half a missed one`,
    (a) =>
      `无法判断 ${requirementKey(a.requirement, "zh")}（${a.typical}）：${a.detail}——扣分 ${a.penalty}，为未满足的一半`,
  ),
};

/**
 * The years a scenario's requirement holds for: "in 2014–2022", "since 2023" (zh "2014–2022 年", "2023 年起").
 * @example yearsText({ from: 2023 }, "zh") // "2023 年起"
 */
export function yearsText(y: { readonly from: number; readonly to?: number | undefined }, lang: Lang): string {
  const span = y.to === undefined ? undefined : y.from === y.to ? String(y.from) : `${y.from}–${y.to}`;
  if (lang === "zh") return span === undefined ? `${y.from} 年起` : `${span} 年`;
  return span === undefined ? `since ${y.from}` : `in ${span}`;
}

/** Where each requirement in force came from: the user's (hard) or the scenario's (typical, dated, sourced). */
export const ORIGIN = {
  user: phrase(
    () => "yours: hard",
    () => "用户给出：硬性",
  ),
  scenario: phrase(
    (a: { scenario: string; years: string; cite: string; hard: boolean }) =>
      `typical of ${a.scenario} ${a.years}${a.cite}: ${a.hard ? "hard (--scenario-hard)" : "soft, a miss is a trade-off"}`,
    (a) =>
      `${a.scenario} ${a.years}的典型要求${a.cite}：${a.hard ? "硬性（--scenario-hard）" : "软性，未满足只是取舍"}`,
  ),
  typical: phrase(
    (a: { scenario: string; years: string }) => `typical of ${a.scenario} ${a.years}`,
    (a) => `${a.scenario} ${a.years}的典型要求`,
  ),
  heading: phrase(
    () => "requirements:",
    () => "要求：",
  ),
  line: phrase(
    (a: { key: string; value: string; origin: string }) => `  ${a.key} ${a.value} — ${a.origin}`,
    (a) => `  ${requirementJsonText(a.key, a.value)} —— ${a.origin}`,
  ),
};

/** Why the alternatives lost, and what blocks a stack. */
export const REJECT = {
  releasedAfter: phrase(
    (a: { name: string; released: number | undefined; year: number }) =>
      `${a.name}: released in ${a.released}, after ${a.year}`,
    (a) => `${a.name}：发布于 ${a.released} 年，晚于 ${a.year} 年`,
  ),
  excluded: phrase(
    (a: { name: string }) => `${a.name}: excluded by the requirements`,
    (a) => `${a.name}：被要求排除`,
  ),
  emptySlot: phrase(
    (a: { name: string; slot: string; requirement: string }) =>
      `${a.name}: a stack without a ${a.slot} cannot meet ${a.requirement}`,
    (a) => `${a.name}：没有${slotName(a.slot, "zh")}的技术栈无法满足 ${requirementKey(a.requirement, "zh")}`,
  ),
  detail: phrase(
    (a: { name: string; detail: string }) => `${a.name}: ${a.detail}`,
    (a) => `${a.name}：${a.detail}`,
  ),
  misses: phrase(
    (a: { name: string; requirement: string }) => `${a.name}: misses ${a.requirement}`,
    (a) => `${a.name}：不满足 ${requirementKey(a.requirement, "zh")}`,
  ),
  familyScoresBelow: phrase(
    (a: { family: string; label: string; score: string; last: string }) =>
      `best ${a.family} stack ${a.label}: meets every requirement but scores ${a.score}, below the last shown (${a.last})`,
    (a) => `${a.family}类最佳技术栈 ${a.label}：满足全部要求，但得分 ${a.score}，低于所列最后一个（${a.last}）`,
  ),
  familyUnverified: phrase(
    (a: { family: string; label: string; requirements: string }) =>
      `best ${a.family} stack ${a.label}: cannot judge ${a.requirements} on its own evidence, so it ranks after the stacks whose checks are all met`,
    (a) =>
      `${a.family}类最佳技术栈 ${a.label}：无法依据其自身证据判断 ${a.requirements}，因此排在要求均已满足的技术栈之后`,
  ),
  familyBlocked: phrase(
    (a: { family: string; reason: string }) => `no ${a.family} stack meets the requirements: ${a.reason}`,
    (a) => `没有满足要求的${a.family}类技术栈：${a.reason}`,
  ),
  scoresBelow: phrase(
    (a: { label: string; score: string }) =>
      `${a.label}: meets every requirement but scores below the last ranked stack (${a.score})`,
    (a) => `${a.label}：满足全部要求，但得分低于排名最后的技术栈（${a.score}）`,
  ),
  noUsable: phrase(
    (a: { name: string; slot: string; reason: string }) => `${a.name} has no usable ${a.slot}: ${a.reason}`,
    (a) => `${a.name} 没有可用的${slotName(a.slot, "zh")}：${a.reason}`,
  ),
  withParts: phrase(
    (a: { name: string; orchestrator: string; policy: string; detail: string }) =>
      `${a.name}: with ${a.orchestrator} and ${a.policy}, ${a.detail}`,
    (a) => `${a.name}：搭配 ${a.orchestrator} 和 ${a.policy} 时，${a.detail}`,
  ),
  noObservabilitySet: phrase(
    () => "no set of observability tools covers the signals",
    () => "没有任何可观测性工具组合能覆盖所需信号",
  ),
  /** A dependency nothing usable provides (the words of `completeStack`'s `why`). */
  missingDependency: phrase(
    (a: { id: string; requires: readonly string[] }) =>
      `${a.id} depends on ${a.requires.join(" or ")} and the knowledge base has nothing usable that provides it`,
    (a) => `${a.id} 依赖 ${a.requires.join(" 或 ")}，但知识库中没有可用的组件提供它`,
  ),
  conflict: phrase(
    (a: { a: string; b: string; reason: string }) => `${a.a} conflicts with ${a.b}: ${a.reason}`,
    (a) => `${a.a} 与 ${a.b} 冲突：${a.reason}`,
  ),
  notYetReleased: phrase(
    (a: { id: string; released: number; year: number }) => `${a.id} was released in ${a.released}, after ${a.year}`,
    (a) => `${a.id} 发布于 ${a.released} 年，晚于 ${a.year} 年`,
  ),
};

/** The dimension analysis' reasons. */
export const ANALYSIS = {
  asOf: phrase(
    (a: { year: number }) => `as of ${a.year}: only what was released by then`,
    (a) => `截至 ${a.year} 年：只考虑届时已发布的技术`,
  ),
  noYear: phrase(
    (a: { year: number }) => `no year given: as of ${a.year}, the latest the knowledge base knows`,
    (a) => `未给出年份：按 ${a.year} 年，即知识库已知的最新年份`,
  ),
  defaultView: phrase(
    (a: { code: string; name: string }) => `stacks are expressed in the default view ${a.code} (${a.name})`,
    (a) => `技术栈按默认视图 ${a.code}（${a.name}）表达`,
  ),
  mustCover: phrase(
    (a: { signals: readonly string[] }) => `the stack must cover ${a.signals.join(" + ")}`,
    (a) => `技术栈须覆盖 ${a.signals.join(" + ")}`,
  ),
  bound: phrase(
    (a: { bound: string; ordering?: string }) => `${a.bound}${a.ordering ? ` by the ${a.ordering} ordering` : ""}`,
    (a) => `${a.bound}${a.ordering ? `（按 ${a.ordering} 排序）` : ""}`,
  ),
  levelWithoutFigure: phrase(
    (a: { code: string }) => `${a.code} has no figure (kept)`,
    (a) => `${a.code} 无数据（保留）`,
  ),
  levelFigures: phrase(
    (a: { want: string; notes: readonly string[] }) =>
      `${a.want} per instance, by the levels' own figures: ${a.notes.join("; ")}`,
    (a) => `每实例 ${a.want}，依各层次自身的数据：${a.notes.join("；")}`,
  ),
  notRuledOut: phrase(
    (a: { slot: string; requirement: string; names: readonly string[]; more: boolean }) =>
      `levels with a ${a.slot} that ${a.requirement} does not rule out (${a.names.join(", ")}${a.more ? ", …" : ""})`,
    (a) =>
      `有${slotName(a.slot, "zh")}不被 ${requirementKey(a.requirement, "zh")} 排除的层次（${joinList(a.names, "zh")}${a.more ? "、…" : ""}）`,
  ),
  partsAlone: phrase(
    (a: { slot: string }) => `levels where some ${a.slot} meets every requirement on its own`,
    (a) => `有${slotName(a.slot, "zh")}单独满足全部要求的层次`,
  ),
};

/** Where the ranking's weights came from. */
export const WEIGHTS = {
  hand: phrase(
    () => "the requirements' prefer weights (the scenario's, overridden by yours)",
    () => "要求中的 prefer 权重（场景的权重，被你给出的覆盖）",
  ),
  pending: phrase(
    (a: { why: string }) =>
      `${a.why}; the learned weights are still being evaluated (leave-one-out over the recorded stacks), so the hand-set ones are used meanwhile`,
    (a) => `${a.why}；学习权重仍在评估中（对已记录的技术栈做留一法），在此期间使用人工设定的权重`,
  ),
  also: phrase(
    (a: { why: string; learned: string }) => `${a.why}; ${a.learned}`,
    (a) => `${a.why}；${a.learned}`,
  ),
  accuracy: phrase(
    (a: { top1: number; top3: number; n: number }) => `top-1 ${a.top1}/${a.n}, top-3 ${a.top3}/${a.n}`,
    (a) => `top-1 ${a.top1}/${a.n}、top-3 ${a.top3}/${a.n}`,
  ),
  learned: phrase(
    (a: { n: number; scenario: string; learned: string; hand: string; heldOut: string; wins: boolean }) =>
      `leave-one-out on ${a.n} recorded ${a.scenario} stacks: learned ${a.learned} vs hand-set ${a.hand}; ${a.heldOut} — ${a.wins ? "learned weights used" : "hand-set weights kept"}`,
    (a) =>
      `对 ${a.n} 个已记录的 ${a.scenario} 技术栈做留一法评估：学习权重 ${a.learned}，人工权重 ${a.hand}；${a.heldOut}——${a.wins ? "采用学习权重" : "保留人工权重"}`,
  ),
  heldOut: phrase(
    (a: { n: number; learned: string; hand: string }) =>
      `on ${a.n} held-out real deployments: learned ${a.learned} vs hand-set ${a.hand}`,
    (a) => `在 ${a.n} 个留出的真实部署上：学习权重 ${a.learned}，人工权重 ${a.hand}`,
  ),
  noHeldOut: phrase(
    (a: { scenario: string }) => `no held-out real deployment of ${a.scenario} to show the learned weights win`,
    (a) => `没有 ${a.scenario} 的留出真实部署可证明学习权重更好`,
  ),
  hit3: phrase(
    (a: { runtime: number; rn: number; orchestrator: number; on: number }) =>
      `runtime hit@3 ${a.runtime}/${a.rn}, orchestrator hit@3 ${a.orchestrator}/${a.on}`,
    (a) => `运行时 hit@3 ${a.runtime}/${a.rn}，编排器 hit@3 ${a.orchestrator}/${a.on}`,
  ),
  evaluation: phrase(
    (a: { records: number; skipped: number }) =>
      `leave-one-out over ${a.records} recorded stacks (${a.skipped} skipped); top-1 · top-3`,
    (a) => `对 ${a.records} 个已记录的技术栈做留一法评估（跳过 ${a.skipped} 个）；top-1 · top-3`,
  ),
  learnedList: phrase(
    (a: { list: string }) => `learned weights: ${a.list}`,
    (a) => `学习权重：${a.list}`,
  ),
};

const FAMILY_ZH: Readonly<Record<string, string>> = {
  serverless: "无服务器平台",
  "sandboxed-containers": "沙盒容器",
  "edge-wasm": "边缘 Wasm/isolate",
  "agent-sandbox": "智能体/代码执行沙盒",
  gpu: "GPU 平台",
  "edge-kubernetes": "边缘 Kubernetes",
  "saas-plugins": "SaaS 插件",
  "vm-platform": "虚拟机平台",
};

/** `recommend --evaluate`: the held-out real deployments. */
export const DEPLOYMENTS_EVAL = {
  family: (family: string, lang: Lang) => (lang === "zh" ? (FAMILY_ZH[family] ?? family) : family),
  heading: phrase(
    (a: { n: number }) =>
      `held-out real deployments (${a.n}): hit@1 · hit@3 / evaluated per slot, hand-set | learned weights; ≈ counts documented equivalents (docs/evaluation.md)`,
    (a) =>
      `留出的真实部署（${a.n} 个）：各槽位 hit@1 · hit@3 / 参评数，人工权重 | 学习权重；≈ 表示计入文档中的等价技术（docs/evaluation.md）`,
  ),
  cell: phrase(
    (a: { hit1: number; hit3: number; n: number; family3: number }) =>
      a.n === 0 ? "–" : `${a.hit1} · ${a.hit3}/${a.n}${a.family3 !== a.hit3 ? ` (≈${a.family3})` : ""}`,
    (a) => (a.n === 0 ? "–" : `${a.hit1} · ${a.hit3}/${a.n}${a.family3 !== a.hit3 ? `（≈${a.family3}）` : ""}`),
  ),
  percent: phrase(
    (a: { slot: string; which: string; hit3: number; n: number; family3: number }) =>
      `${a.slot} hit@3 with ${a.which} weights: ${a.hit3}/${a.n} (${a.n === 0 ? "–" : `${Math.round((100 * a.hit3) / a.n)} %`}), with equivalents ${a.family3}/${a.n}`,
    (a) =>
      `${a.slot}使用${a.which}的 hit@3：${a.hit3}/${a.n}（${a.n === 0 ? "–" : `${Math.round((100 * a.hit3) / a.n)}%`}），计入等价技术 ${a.family3}/${a.n}`,
  ),
  notInKb: phrase(
    (a: { slot: string; list: string }) => `${a.slot} not in the knowledge base (counted apart): ${a.list}`,
    (a) => `${a.slot}不在知识库中（单独计数）：${a.list}`,
  ),
  unstated: phrase(
    (a: { slot: string; list: string }) => `${a.slot} not named by the sources (not evaluated): ${a.list}`,
    (a) => `来源未说明${a.slot}（不参评）：${a.list}`,
  ),
  missesHeading: phrase(
    (a: { n: number }) => `misses at hit@3 with the weights in use (${a.n}):`,
    (a) => `按所采用权重在 hit@3 上未命中（${a.n} 处）：`,
  ),
  miss: phrase(
    (a: { id: string; slot: string; want: string; top: string; blockedBy: string; weights: string }) =>
      `${a.id}: ${a.slot} ${a.want} not in the top 3 (${a.top}) [${a.weights}]${a.blockedBy === "" ? "" : `; rejected by ${a.blockedBy}`}`,
    (a) =>
      `${a.id}：${a.slot} ${a.want} 不在前 3（${a.top}）[${a.weights}]${a.blockedBy === "" ? "" : `；被 ${a.blockedBy} 排除`}`,
  ),
  none: phrase(
    () => "none",
    () => "无",
  ),
  method: phrase(
    (a: { depth: number }) =>
      `each deployment's query (its scenario, year and the requirements its operators state) is ranked by the exact search of recommend; a slot's values are ordered by their best feasible stack (up to ${a.depth}) and hit@k counts the operators' choice among the first k; learned weights are fitted on the recorded stacks only, and used for a scenario only where they beat the hand-set ones here`,
    (a) =>
      `每个部署的查询（其场景、年份与运营方陈述的要求）由 recommend 的精确搜索排序；槽位的取值按其最佳可行技术栈排序（至多 ${a.depth} 个），hit@k 统计运营方的选择是否在前 k 个之中；学习权重只用已记录的技术栈拟合，且仅在此评估中胜过人工权重的场景才采用`,
  ),
};

/** The `recommend` command's own errors. */
export const RECOMMEND_CLI = {
  badWeights: phrase(
    (a: { value: string }) => `recommend: --weights must be hand, learned or auto, not "${a.value}"`,
    (a) => `recommend：--weights 只能是 hand、learned 或 auto，而不是 "${a.value}"`,
  ),
  cannotRead: phrase(
    (a: { file: string; error: string }) => `recommend: cannot read ${a.file}: ${a.error}`,
    (a) => `recommend：无法读取 ${a.file}：${a.error}`,
  ),
  ranking: phrase(
    (a: { raw: boolean }) =>
      a.raw
        ? "ranking: the k best scores, however alike"
        : "ranking: each stack the best of its runtime (then of its runtime and orchestrator); --raw for the k best scores",
    (a) =>
      a.raw
        ? "排序：得分最高的 k 个技术栈，不论是否相似"
        : "排序：每个技术栈都是其运行时（其次是运行时与编排器组合）中的最佳者；--raw 给出得分最高的 k 个",
  ),
};

const FIGURE_ZH: Readonly<Record<string, string>> = {
  "cold start": "冷启动",
  "memory per instance": "每实例内存",
  "CPU overhead": "CPU 开销",
  "decision latency": "决策延迟",
};

/**
 * A scoring figure's label (`cold start`, `memory per instance`, …) in the language asked for; for the
 * term pieces' descriptions.
 * @example figureLabel("memory per instance", "zh") // "每实例内存"
 */
export function figureLabel(label: string, lang: Lang): string {
  return lang === "zh" ? (FIGURE_ZH[label] ?? label) : label;
}

/**
 * The name a stack's empty orchestrator or policy slot goes by where a part's name would stand.
 * @example emptySlotName("orchestrator", "zh") // "无编排"
 */
export function emptySlotName(slot: "orchestrator" | "policy", lang: Lang): string {
  return EMPTY_SLOT_NAME[slot][lang];
}
const EMPTY_SLOT_NAME = {
  orchestrator: { en: "no orchestrator", zh: "无编排" },
  policy: { en: "no policy", zh: "无策略" },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * The words of a term piece's description (query-context's `describePiece`). Figure labels arrive in
 * English (the pieces' cached keys) and are translated here by {@link figureLabel}.
 */
export const PIECE = {
  emptySlot: phrase(
    (a: { slot: string }) => `no ${a.slot}`,
    (a) => `无${slotName(a.slot, "zh")}`,
  ),
  noFigure: phrase(
    (a: { who: string; label: string }) =>
      `${a.who}: no ${a.label} figure, not even for its level (assumed middling, 0.5, with a penalty)`,
    (a) => {
      const label = figureLabel(a.label, "zh");
      // A space between Chinese and a Latin word: "没有 CPU 开销数据", "没有冷启动数据".
      return `${a.who}：没有${/^[A-Za-z0-9]/.test(label) ? " " : ""}${label}数据，其层次也没有（按中等 0.5 计，并扣分）`;
    },
  ),
  figure: phrase(
    (a: { who: string; label: string; figure: string; estimatedFrom?: string }) =>
      `${a.who} ${a.label} ${a.figure}${a.estimatedFrom !== undefined ? ` (estimated from its level ${a.estimatedFrom}; penalised)` : ""}`,
    (a) =>
      `${a.who} ${figureLabel(a.label, "zh")} ${a.figure}${a.estimatedFrom !== undefined ? `（按其层次 ${a.estimatedFrom} 估算；扣分）` : ""}`,
  ),
  isolation: phrase(
    (a: { who: string; code: string; level: string; percent: number; ordering: string }) =>
      `${a.who} at ${a.code} (${a.level}), ${a.percent} % up the ${a.ordering} ordering`,
    (a) => `${a.who} 位于 ${a.code}（${a.level}），在 ${a.ordering} 排序中处于 ${a.percent} %`,
  ),
  noIsolation: phrase(
    (a: { who: string }) => `${a.who} has no isolation level`,
    (a) => `${a.who} 没有隔离层次`,
  ),
  maturity: phrase(
    (a: { who: string; status: string; years: number; released: number; year: number }) =>
      `${a.who}: ${a.status}, ${a.years} years since its ${a.released} release (as of ${a.year})`,
    (a) => `${a.who}：${a.status}，自 ${a.released} 年发布已 ${a.years} 年（截至 ${a.year} 年）`,
  ),
  noScenario: phrase(
    () => "no scenario to fit",
    () => "没有要适配的场景",
  ),
  fitTarget: phrase(
    (a: { year: number; scenario: string; dim: string; levels: string }) =>
      `; the ${a.year > 0 ? `${a.year} ` : "recorded "}stated coordinate puts ${a.scenario} at ${a.dim}=${a.levels}`,
    // Year 0: the stated coordinates carry no year.
    (a) => `；${a.year > 0 ? `${a.year} 年` : "记录中"}给出的坐标把 ${a.scenario} 定在 ${a.dim}=${a.levels}`,
  ),
  fit: phrase(
    (a: { who: string; count: number; n: number; scenario: string; target: string }) =>
      `${a.who}: in ${a.count} of ${a.n} recorded ${a.scenario} stacks${a.target}`,
    (a) => `${a.who}：在 ${a.n} 个已记录的 ${a.scenario} 技术栈中出现 ${a.count} 次${a.target}`,
  ),
  nothingInPath: phrase(
    (a: { who: string }) => `${a.who}: nothing in the request path`,
    (a) => `${a.who}：不在请求路径上`,
  ),
  nothingToJudge: phrase(
    (a: { who: string }) => `${a.who}: nothing to judge (neutral 0.5)`,
    (a) => `${a.who}：无可评判（中性 0.5）`,
  ),
};

const CNCF_STATUS_ZH: Readonly<Record<string, string>> = {
  "not a CNCF project": "非 CNCF 项目",
  "CNCF archived": "CNCF 已归档",
  "CNCF graduated": "CNCF 毕业项目",
  "CNCF incubating": "CNCF 孵化项目",
  "CNCF sandbox": "CNCF 沙箱项目",
};

/**
 * A project's CNCF standing as `cncfScore` (recommend/tech-profile.ts) words it, in the language asked
 * for: the English as given, the Chinese from its known wordings.
 * @example cncfStatusText("not yet in the CNCF in 2016", 2016, "zh") // "2016 年时尚未进入 CNCF"
 */
export function cncfStatusText(status: string, year: number, lang: Lang): string {
  if (lang !== "zh") return status;
  if (status === `not yet in the CNCF in ${year}`) return `${year} 年时尚未进入 CNCF`;
  return CNCF_STATUS_ZH[status] ?? status;
}
