/**
 * @module i18n/time-phrases — the sentences of the time commands (`timeline`, `path`, `predict`,
 * `scenario`) and of the CNCF landscape import (`import cncf-landscape`, `--landscape FILE`) in English
 * and Chinese. Years, dates, ids, series, figures, options and file paths pass through as given.
 */
import { columns } from "./columns.js";
import type { Lang } from "./lang.js";
import { phrase } from "./messages.js";
import { requirementText } from "./requirements-phrases.js";

const EVENT_KIND_ZH: Readonly<Record<string, string>> = {
  milestone: "里程碑",
  release: "发布",
  cncf: "CNCF",
  supersedes: "取代",
  case: "案例",
};

const LINEAGE_KIND_ZH: Readonly<Record<string, string>> = {
  supersedes: "取代链",
  level: "层次演进",
  succession: "场景更替",
};

const STACK_KIND_ZH: Readonly<Record<string, string>> = { reference: "参考栈", case: "案例" };

const PROJECT_EVENT_ZH: Readonly<Record<string, string>> = {
  incubation: "进入孵化",
  graduation: "毕业",
  archival: "归档",
};

function word(map: Readonly<Record<string, string>>, key: string, lang: Lang): string {
  return lang === "zh" ? (map[key] ?? key) : key;
}

/**
 * A timeline event's kind (`release`, `cncf`, `case` …) as the table shows it.
 * @example eventKind("release", "zh") // "发布"
 */
export function eventKind(kind: string, lang: Lang): string {
  return word(EVENT_KIND_ZH, kind, lang);
}

/**
 * A lineage's kind (`supersedes`, `level`, `succession`) as the timeline shows it.
 * @example lineageKind("level", "zh") // "层次演进"
 */
export function lineageKind(kind: string, lang: Lang): string {
  return word(LINEAGE_KIND_ZH, kind, lang);
}

/**
 * A recorded stack's kind (`reference`, `case`) as `scenario` shows it.
 * @example stackKind("reference", "zh") // "参考栈"
 */
export function stackKind(kind: string, lang: Lang): string {
  return word(STACK_KIND_ZH, kind, lang);
}

/**
 * A CNCF project event (`incubation`, `graduation`, `archival`) as `predict` shows it.
 * @example projectEvent("archival", "zh") // "归档"
 */
export function projectEvent(event: string, lang: Lang): string {
  return word(PROJECT_EVENT_ZH, event, lang);
}

export const TIME = {
  /** A milestone whose statement a claim disputes: the pointer appended to its text. */
  milestoneDisputed: phrase(
    (a: { claim: string }) => ` — disputed, see claim ${a.claim}`,
    (a) => ` —— 有争议，见论断 ${a.claim}`,
  ),
  /** A scenario's typical requirement that begins to hold in a year (path, timeline). */
  typicalFrom: phrase(
    (a: { scenario: string; requirement: string; value: unknown }) =>
      `typical of ${a.scenario} from this year: ${requirementText(a.requirement, a.value, "en")}`,
    (a) => `自本年起 ${a.scenario} 的典型要求：${requirementText(a.requirement, a.value, "zh")}`,
  ),
  /** `--from` after `--to`; `where` is the command (`timeline`, `path`). */
  fromAfterTo: phrase(
    (a: { where: string; from: number; to: number }) => `${a.where}: --from ${a.from} is after --to ${a.to}`,
    (a) => `${a.where}：--from ${a.from} 晚于 --to ${a.to}`,
  ),
  dimensionOrLevel: phrase(
    () => "timeline: give --dimension or --level, not both",
    () => "timeline：--dimension 和 --level 只能给一个",
  ),
  /** The HTTP API's wording of the same (its query parameters have no dashes). */
  levelOrDimension: phrase(
    () => "timeline: give level or dimension, not both",
    () => "timeline：level 和 dimension 只能给一个",
  ),
  lineageNote: phrase(
    (a: { longest: number }) =>
      `the knowledge base's supersedes relations make chains of at most ${a.longest} technologies; lineages across levels (VM → container → microVM → Wasm sandbox) come from the levels' first appearances and the scenarios' cases below`,
    (a) =>
      `知识库中的取代（\`supersedes\`）关系最多只连成 ${a.longest} 项技术的链；跨层次的谱系（虚拟机 → 容器 → 微虚拟机 → Wasm 沙箱）来自各层次的首次出现和下面各场景的案例`,
  ),
  note: phrase(
    (a: { note: string }) => `note: ${a.note}`,
    (a) => `注：${a.note}`,
  ),
  imported: phrase(
    (a: { source: string }) => `${a.source} (imported)`,
    (a) => `${a.source}（导入）`,
  ),
  pathTooLong: phrase(
    (a: { years: number }) => `path: ${a.years} years is too long a path (at most 100)`,
    (a) => `path：${a.years} 年的路径太长（最多 100 年）`,
  ),
  /** A path row whose case belongs to another series than the year before: no change is read into it. */
  switchedCase: phrase(
    () => "(another deployment, not a change: no recorded cause)",
    () => "（另一个部署，不是变化：没有记录的原因）",
  ),
  /** The series a path can follow, under its table. */
  seriesList: phrase(
    (a: { series: readonly string[] }) => `series: ${a.series.join(", ")}, all (choose with --series)`,
    (a) => `案例系列：${a.series.join("、")}、all（用 --series 选择）`,
  ),
  noSeries: phrase(
    (a: { scenario: string; series: string }) => `path: scenario ${a.scenario} has no series "${a.series}"`,
    (a) => `path：场景 ${a.scenario} 没有案例系列 "${a.series}"`,
  ),
  /** A technology's first release as a dated event: `gVisor first released`. */
  firstReleased: phrase(
    (a: { name: string }) => `${a.name} first released`,
    (a) => `${a.name} 首次发布`,
  ),
  /** A release on a scenario's path: `gVisor released`. */
  released: phrase(
    (a: { name: string }) => `${a.name} released`,
    (a) => `${a.name} 发布`,
  ),
  supersedes: phrase(
    (a: { name: string; targets: readonly string[] }) => `${a.name} supersedes ${a.targets.join(", ")}`,
    (a) => `${a.name} 取代 ${a.targets.join(", ")}`,
  ),
  /** `path`'s table: the column heads, a year before the first record, and the title. */
  pathHead: columns(
    ["year", "coordinate", "stack", "changes (cause, source)", "events"],
    ["年份", "坐标", "技术栈", "变化（原因、来源）", "事件"],
  ),
  noRecordYet: phrase(
    () => "(no recorded stack yet)",
    () => "（尚无记录）",
  ),
  pathTitle: phrase(
    (a: { scenario: string; from: number; to: number; series: string | undefined }) =>
      `${a.scenario} ${a.from}–${a.to} (series ${a.series ?? "all cases"})`,
    (a) => `${a.scenario} ${a.from}–${a.to} (案例系列 ${a.series ?? "全部案例"})`,
  ),
  /** `scenario`'s table: the heading of the typical requirements, the column heads, a stated coordinate that differs. */
  typicalHeading: phrase(
    (a: { year: number }) => `typical requirements (▶ = in force in ${a.year}):`,
    (a) => `典型要求（▶ = ${a.year} 年适用）：`,
  ),
  scenarioHead: columns(
    ["stack", "kind", "year", "coordinate", "meets", "misses", "unknown", "source"],
    ["技术栈", "类型", "年份", "坐标", "满足", "未满足", "未知", "来源"],
  ),
  statedDiffers: phrase(
    (a: { dims: readonly string[] }) => `\n(stated ≠ computed: ${a.dims.join(", ")})`,
    (a) => `\n(来源所述与计算不同: ${a.dims.join(", ")})`,
  ),
  /** `timeline`'s table: heads, title and the lineages' heading. */
  timelineHead: columns(["when", "kind", "event", "source"], ["日期", "类型", "事件", "来源"]),
  timelineTitle: phrase(
    (a: { from: number; to: number; events: number }) => `timeline ${a.from}–${a.to}: ${a.events} events`,
    (a) => `时间线 ${a.from}–${a.to}：${a.events} 个事件`,
  ),
  lineagesHeading: phrase(
    () => "lineages:",
    () => "谱系：",
  ),
};

export const PREDICT = {
  notYears: phrase(
    (a: { value: string }) => `"${a.value}" is not a whole number of years`,
    (a) => `"${a.value}" 不是整数年数`,
  ),
  backtestWithScenario: phrase(
    () => "predict: --backtest scores the project model; drop the scenario",
    () => "predict：--backtest 评估的是项目模型；请去掉场景",
  ),
  scenarioAndProjects: phrase(
    () => "predict: give a scenario or --projects, not both",
    () => "predict：场景和 --projects 只能给一个",
  ),
  nothingAsked: phrase(
    () => "predict: name a scenario, or use --projects or --backtest (see predict --help)",
    () => "predict：请给出场景，或使用 --projects 或 --backtest（见 predict --help）",
  ),
  scenarioYears: phrase(
    (a: { years: number }) => `predict: --years ${a.years} must be 0–50`,
    (a) => `predict：--years ${a.years} 须在 0–50 之间`,
  ),
  noCase: phrase(
    (a: { scenario: string }) => `predict: scenario ${a.scenario} has no dated case to learn from`,
    (a) => `predict：场景 ${a.scenario} 没有可供学习的带日期案例`,
  ),
  noHistory: phrase(
    (a: { scenario: string; from: number; first: number }) =>
      `predict: scenario ${a.scenario} has no record by ${a.from} (its first case is from ${a.first})`,
    (a) => `predict：场景 ${a.scenario} 截至 ${a.from} 年没有记录（其最早的案例在 ${a.first} 年）`,
  ),
  /** The scenario forecast's title line. */
  scenarioTitle: phrase(
    (a: { scenario: string; from: number; to: number; anchor: number; first: number; cases: number }) =>
      `${a.scenario}: ${a.from}–${a.to}, anchored on the ${a.anchor} record (history ${a.first}–${a.anchor}, ${a.cases} cases)`,
    (a) =>
      `${a.scenario}：${a.from}–${a.to}，以 ${a.anchor} 年的记录为起点（历史 ${a.first}–${a.anchor}，${a.cases} 个案例）`,
  ),
  /** How the scenario forecast is made (its second line). */
  method: phrase(
    (a: { nominal: string; min: number; outcomes: number }) =>
      `most likely value = the latest record; interval = the narrowest that held ${a.nominal} of held-back outcomes at that horizon (split-conformal, outcomes known by the start); "no signal" below ${a.min} outcomes or where the interval would be the whole scale; observability: each signal's probability; coverage in brackets = measured out of time and out of scenario (${a.outcomes} backtest outcomes, see predict --backtest)`,
    (a) =>
      `最可能值 = 最新记录；区间 = 在该预测跨度下覆盖 ${a.nominal} 留出结果的最窄区间（分割共形法，仅用起点之前已知的结果）；结果少于 ${a.min} 个或区间覆盖整个量表时显示"无信号"；可观测性：每种信号各有概率；括号内覆盖率 = 跨时间、跨场景实测（${a.outcomes} 个回测结果，见 predict --backtest）`,
  ),
  noSignal: phrase(
    () => "no signal",
    () => "无信号",
  ),
  noSignalCell: phrase(
    (a: { outcomes: number }) => `no signal (0/${a.outcomes})`,
    (a) => `无信号（0/${a.outcomes}）`,
  ),
  recordedCell: phrase(
    () => "recorded",
    () => "记录值",
  ),
  /** Year, forecast, then one column per dimension, then the record. */
  scenarioHead: columns(["year", "forecast", "recorded"], ["年份", "预测坐标", "记录"]),
  driversTitle: phrase(
    () =>
      "drivers (in the recorded stacks) and leading indicators (adopted elsewhere; a first case here would move the dimension):",
    () => "驱动因素（已记录栈中的技术）与先行指标（在别处已采用；在本场景出现首个案例即会推动该维度）：",
  ),
  driverRole: phrase(
    (a: { role: "driver" | "watch" }) => (a.role === "driver" ? "driver" : "watch"),
    (a) => (a.role === "driver" ? "驱动" : "关注"),
  ),
  driversHead: columns(
    ["dimension", "role", "technology", "levels", "evidence"],
    ["维度", "角色", "技术", "层级", "证据"],
  ),
  evidenceRelease: phrase(
    (a: { year: number; source: string }) => `released ${a.year} [${a.source}]`,
    (a) => `${a.year} 年发布 [${a.source}]`,
  ),
  evidenceCncf: phrase(
    (a: { stage: string; source: string }) => `CNCF ${a.stage} [${a.source}]`,
    (a) => `CNCF ${a.stage} [${a.source}]`,
  ),
  evidenceSupersedes: phrase(
    (a: { year: number; targets: string; source: string }) => `supersedes ${a.targets} (${a.year}) [${a.source}]`,
    (a) => `取代 ${a.targets}（${a.year}）[${a.source}]`,
  ),
  evidenceAdoption: phrase(
    (a: { cases: number; latest: string; scenario: string; year: number; source: string }) =>
      `${a.cases} case${a.cases === 1 ? "" : "s"}, latest ${a.latest} (${a.scenario}, ${a.year}) [${a.source}]`,
    (a) => `${a.cases} 个案例，最新 ${a.latest}（${a.scenario}，${a.year}）[${a.source}]`,
  ),
  /** The scenario part of `predict --backtest`. */
  coverageTitle: phrase(
    (a: { nominal: string; outcomes: number; min: number }) =>
      `scenario forecasts: coverage of the nominal ${a.nominal} intervals by horizon (years), each outcome judged with an interval calibrated only on other scenarios' outcomes known by its start; cell = coverage (intervals/outcomes); "no signal" where fewer than ${a.min} such outcomes existed (${a.outcomes} outcomes)`,
    (a) =>
      `场景预测：名义 ${a.nominal} 区间按预测跨度（年）的覆盖率，每个结果只用其起点之前已知的其他场景结果来校准区间；单元格 = 覆盖率（区间数/结果数）；此类结果少于 ${a.min} 个时为"无信号"（共 ${a.outcomes} 个结果）`,
  ),
  /** The dimension, then one column per horizon. */
  coverageHead: columns(["dimension"], ["维度"]),
  coverageCell: phrase(
    (a: { coverage: string; intervals: number; outcomes: number; exact: string }) =>
      `${a.coverage} (${a.intervals}/${a.outcomes}), exact ${a.exact}`,
    (a) => `${a.coverage}（${a.intervals}/${a.outcomes}），点预测命中 ${a.exact}`,
  ),
  signalTitle: phrase(
    (a: { key: string }) =>
      `${a.key}: Brier score of the per-signal probabilities (lower is better) beside persistence and the base rate`,
    (a) => `${a.key}：逐信号概率的 Brier 分数（越低越好），对照保持不变与基础发生率`,
  ),
  signalHead: columns(
    ["horizon", "signal-outcomes", "Brier", "persistence", "base rate"],
    ["预测跨度", "信号结果数", "Brier", "保持不变", "基础发生率"],
  ),
  projectYears: phrase(
    (a: { years: number }) => `predict: --years ${a.years} must be a whole number from 1 to 20`,
    (a) => `predict：--years ${a.years} 须为 1 到 20 的整数`,
  ),
  noProject: phrase(
    (a: { name: string }) => `predict: no CNCF project named "${a.name}" in the landscape`,
    (a) => `predict：CNCF 全景图中没有名为 "${a.name}" 的项目`,
  ),
  noDatedProject: phrase(
    () => "predict: the landscape has no dated CNCF project",
    () => "predict：CNCF 全景图中没有带日期的 CNCF 项目",
  ),
  notADate: phrase(
    (a: { what: string; date: string }) =>
      `predict: --${a.what} "${a.date}" is not a date 'YYYY-MM-DD' (e.g. 2021-12-31)`,
    (a) => `predict：--${a.what} "${a.date}" 不是 'YYYY-MM-DD' 格式的日期（如 2021-12-31）`,
  ),
  cutoffAfterHorizon: phrase(
    (a: { cutoff: string; horizon: string }) => `predict: --cutoff ${a.cutoff} must come before --horizon ${a.horizon}`,
    (a) => `predict：--cutoff ${a.cutoff} 必须早于 --horizon ${a.horizon}`,
  ),
  /** The tables of `predict --backtest`. */
  backtestTitle: phrase(
    (a: { cutoff: string; horizon: string; forecasts: number; projects: number; events: number }) =>
      `backtest: fit on ${a.cutoff}, scored at ${a.horizon} (${a.forecasts} forecasts for ${a.projects} projects, ${a.events} events)`,
    (a) =>
      `回测：按 ${a.cutoff} 时的数据拟合，在 ${a.horizon} 评分（${a.projects} 个项目的 ${a.forecasts} 个预测，${a.events} 个事件）`,
  ),
  model: phrase(
    () => "model (discrete-time hazard)",
    () => "模型（离散时间风险）",
  ),
  baseRate: phrase(
    () => "baseline: base rate",
    () => "基线：基础发生率",
  ),
  constant: phrase(
    (a: { p: number }) => `baseline: constant ${a.p}`,
    (a) => `基线：常数 ${a.p}`,
  ),
  /** The pooled scores over the events the model could learn (enough training events for covariates). */
  learnable: phrase(
    (a: { events: string; count: number; min: number }) =>
      `pooled over ${a.events} (${a.count} forecasts; the other events had fewer than ${a.min} training events, so their forecast is the base rate)`,
    (a) => `仅合并 ${a.events}（${a.count} 个预测；其他事件的训练事件少于 ${a.min} 个，其预测即基础发生率）`,
  ),
  eventHead: columns(
    ["event", "forecasts", "happened", "AUC", "Brier", "base-rate Brier"],
    ["事件", "预测数", "发生数", "AUC", "Brier", "基础发生率 Brier"],
  ),
  calibration: phrase(
    () => "calibration:",
    () => "校准：",
  ),
  calibrationHead: columns(
    ["predicted", "forecasts", "mean predicted", "observed"],
    ["预测概率区间", "预测数", "平均预测", "实际发生"],
  ),
  /** The table of `predict --projects`. */
  projectsTitle: phrase(
    (a: {
      asOf: string;
      years: number;
      cutoff: string;
      horizon: string;
      auc: string;
      brier: string;
      baseRate: string;
      constant: string;
    }) =>
      `as of ${a.asOf}, within ${a.years} year${a.years === 1 ? "" : "s"}; confidence from the backtest ${a.cutoff} → ${a.horizon} (AUC ${a.auc}, Brier ${a.brier}; base rate ${a.baseRate}, constant 0.7 ${a.constant})`,
    (a) =>
      `截至 ${a.asOf}，${a.years} 年内；置信度来自回测 ${a.cutoff} → ${a.horizon}（AUC ${a.auc}，Brier ${a.brier}；基础发生率 ${a.baseRate}，常数 0.7 ${a.constant}）`,
  ),
  projectsHead: columns(
    ["project", "stage", "event", "probability", "confidence (measured)"],
    ["项目", "阶段", "事件", "概率", "置信度（实测）"],
  ),
  projectConfidence: phrase(
    (a: { confidence: string; count: number; from: string; to: string; observed: string }) =>
      `${a.confidence} (${a.count} backtest forecasts in ${a.from}–${a.to}, observed ${a.observed})`,
    (a) => `${a.confidence}（回测中落在 ${a.from}–${a.to} 的 ${a.count} 个预测，实际发生 ${a.observed}）`,
  ),
};

/** The CNCF landscape file, its mapping table and `import cncf-landscape`. */
export const LANDSCAPE = {
  noFile: phrase(
    (a: { path: string; where?: string }) =>
      `${a.where ? `${a.where}: ` : ""}no landscape file at ${a.path} (pass the path to landscape.yml)`,
    (a) => `${a.where ? `${a.where}：` : ""}${a.path} 处没有 landscape 文件（请给出 landscape.yml 的路径）`,
  ),
  envMissing: phrase(
    (a: { path: string }) => `STACKATLAS_LANDSCAPE points at ${a.path}, which does not exist`,
    (a) => `STACKATLAS_LANDSCAPE 指向的 ${a.path} 不存在`,
  ),
  needed: phrase(
    (a: { looked: string }) =>
      `this needs the CNCF landscape.yml: pass --landscape FILE or set STACKATLAS_LANDSCAPE (looked at ${a.looked})`,
    (a) => `这需要 CNCF 的 landscape.yml：请传入 --landscape FILE 或设置 STACKATLAS_LANDSCAPE（已查找 ${a.looked}）`,
  ),
  noMapping: phrase(
    (a: { path: string }) => `import: no mapping table at ${a.path}`,
    (a) => `import：${a.path} 处没有映射表`,
  ),
  mappingNotYaml: phrase(
    (a: { path: string; error: string }) => `import: ${a.path} is not valid YAML: ${a.error}`,
    (a) => `import：${a.path} 不是有效的 YAML：${a.error}`,
  ),
  mappingInvalid: phrase(
    (a: { path: string; where: string }) => `import: the mapping table ${a.path} is invalid: ${a.where}`,
    (a) => `import：映射表 ${a.path} 无效：${a.where}`,
  ),
  /** The first line of an unusable landscape's error, before its problems one per line. */
  unusable: phrase(
    (a: { file: string; errors: number }) =>
      `import: ${a.file} is not a usable CNCF landscape (${a.errors} error${a.errors === 1 ? "" : "s"}):`,
    (a) => `import：${a.file} 不是可用的 CNCF 全景图（${a.errors} 个错误）：`,
  ),
  more: phrase(
    (a: { count: number }) => `… and ${a.count} more`,
    (a) => `…… 另有 ${a.count} 个`,
  ),
  outInsideKb: phrase(
    (a: { out: string; dir: string }) =>
      `import: --out ${a.out} is inside the knowledge base (${a.dir}); data/ stays curated — write elsewhere`,
    (a) => `import：--out ${a.out} 位于知识库（${a.dir}）之内；data/ 只收人工整理的数据——请写到别处`,
  ),
  /** `import cncf-landscape`'s summary. */
  summary: phrase(
    (a: {
      file: string;
      items: number;
      withMaturity: number;
      added: number;
      addedCncf: number;
      merged: number;
      mergedCncf: number;
      skipped: number;
    }) =>
      [
        `${a.file}: ${a.items} items (${a.withMaturity} CNCF projects)`,
        `  added   ${a.added} (placed by the mapping table; ${a.addedCncf} of them CNCF projects)`,
        `  merged  ${a.merged} into curated technologies (${a.mergedCncf} curated CNCF projects matched; curated wins)`,
        `  skipped ${a.skipped}`,
      ].join("\n"),
    (a) =>
      [
        `${a.file}：${a.items} 项（其中 ${a.withMaturity} 个 CNCF 项目）`,
        `  新增 ${a.added}（按映射表放置；其中 ${a.addedCncf} 个 CNCF 项目）`,
        `  合并 ${a.merged} 项到人工整理的技术（匹配到 ${a.mergedCncf} 个已整理的 CNCF 项目；以人工整理为准）`,
        `  跳过 ${a.skipped}`,
      ].join("\n"),
  ),
  skippedHead: columns(["skipped", "why"], ["跳过", "原因"]),
  /** A name the landscape lists again: the listing kept instead (category and subcategory as the landscape names them). */
  listedAgain: phrase(
    (a: { takenFrom: string }) => `listed again: taken from "${a.takenFrom}"`,
    (a) => `重复列出：已取自 "${a.takenFrom}"`,
  ),
  disagreements: phrase(
    (a: { count: number }) => `disagreements (${a.count}):`,
    (a) => `分歧（${a.count}）：`,
  ),
  disagreementHead: columns(["code", "what"], ["代码", "内容"]),
  noDisagreements: phrase(
    () => "no disagreements with the curated knowledge base",
    () => "与人工整理的知识库没有分歧",
  ),
  errors: phrase(
    (a: { count: number }) => `errors (${a.count}):`,
    (a) => `错误（${a.count}）：`,
  ),
  errorLine: phrase(
    (a: { line: number; code: string; name: string; message: string }) =>
      `  line ${a.line}: ${a.code} ${a.name}: ${a.message}`,
    (a) => `  第 ${a.line} 行：${a.code} ${a.name}：${a.message}`,
  ),
  valid: phrase(
    () => "the merged knowledge base is valid",
    () => "合并后的知识库校验通过",
  ),
  wrote: phrase(
    (a: { file: string }) => `wrote ${a.file}`,
    (a) => `已写入 ${a.file}`,
  ),
  dryRun: phrase(
    () => "dry run: nothing written",
    () => "试运行：没有写入任何文件",
  ),
  nothingWritten: phrase(
    () => "nothing written (use --out FILE to keep the full result)",
    () => "没有写入文件（用 --out FILE 保存完整结果）",
  ),
  progress: phrase(
    () => "import {bar} {value}/{total} items",
    () => "导入 {bar} {value}/{total} 项",
  ),
};
