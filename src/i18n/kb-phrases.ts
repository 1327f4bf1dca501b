/**
 * @module i18n/kb-phrases — the sentences of the knowledge-base commands (`show`, `list` and its filters,
 * `validate`) in English and Chinese. Ids, level codes, dimension keys, roles, CNCF maturities as
 * written on the command line, dates and counts pass through as given.
 */
import type { Issue, IssueCode } from "../kb/issue.js";
import type { Lang } from "./lang.js";
import { phrase } from "./messages.js";

const MATURITY_ZH: Readonly<Record<string, string>> = {
  sandbox: "沙箱",
  incubating: "孵化",
  graduated: "毕业",
  archived: "已归档",
};

const STAGE_ZH: Readonly<Record<string, string>> = {
  accepted: "接纳",
  incubating: "进入孵化",
  graduated: "毕业",
  archived: "归档",
};

/**
 * A CNCF maturity as people read it: the word itself in English, its Chinese name in Chinese.
 * @example maturityWord("graduated", "zh") // "毕业"
 */
export function maturityWord(maturity: string, lang: Lang): string {
  return lang === "zh" ? (MATURITY_ZH[maturity] ?? maturity) : maturity;
}

/**
 * A dated CNCF stage, `accepted 2020-08-19` in English, `2020-08-19 接纳` in Chinese.
 * @example cncfStage("graduated", "2018-03-06", "zh") // "2018-03-06 毕业"
 */
export function cncfStage(stage: string, date: string, lang: Lang): string {
  return lang === "zh" ? `${date} ${STAGE_ZH[stage] ?? stage}` : `${stage} ${date}`;
}

/**
 * A CNCF stage reached, after a project's name: `CNCF graduated` in English, `CNCF 毕业` in Chinese.
 * @example cncfReached("accepted", "zh") // "CNCF 接纳"
 */
export function cncfReached(stage: string, lang: Lang): string {
  return `CNCF ${lang === "zh" ? (STAGE_ZH[stage] ?? stage) : stage}`;
}

const WHEN_ZH: Readonly<Record<string, string>> = {
  orchestrated: "有编排器时",
  standalone: "无编排器时",
  gpu: "需要 GPU 时",
};

export const KB = {
  unknownTechnology: phrase(
    (a: { where?: string; name: string; scenario?: string; hint?: "cli" | "api" }) =>
      `${a.where ? `${a.where}: ` : ""}unknown technology "${a.name}"${
        a.scenario === undefined
          ? ""
          : a.hint === "api"
            ? ` ("${a.name}" is a scenario: see /api/scenarios/${a.scenario})`
            : ` ("${a.name}" is a scenario: try \`stackatlas list --scenario ${a.scenario}\`)`
      }`,
    (a) =>
      `${a.where ? `${a.where}：` : ""}未知技术 "${a.name}"${
        a.scenario === undefined
          ? ""
          : a.hint === "api"
            ? `（"${a.name}" 是场景：见 /api/scenarios/${a.scenario}）`
            : `（"${a.name}" 是场景：试试 \`stackatlas list --scenario ${a.scenario}\`）`
      }`,
  ),
  /** A relation's condition in `show`: `when gpu`. */
  when: phrase(
    (a: { when: string }) => `when ${a.when}`,
    (a) => WHEN_ZH[a.when] ?? `条件 ${a.when}`,
  ),
  unknownRole: phrase(
    (a: { role: string }) => `unknown role "${a.role}"`,
    (a) => `未知角色 "${a.role}"`,
  ),
  unknownScenario: phrase(
    (a: { name: string }) => `unknown scenario "${a.name}"`,
    (a) => `未知场景 "${a.name}"`,
  ),
  unknownMaturity: phrase(
    (a: { maturity: string }) => `unknown CNCF maturity "${a.maturity}"`,
    (a) => `未知的 CNCF 成熟度 "${a.maturity}"`,
  ),
  sinceAfterUntil: phrase(
    (a: { since: number; until: number }) => `--since ${a.since} is after --until ${a.until}: no year is in that range`,
    (a) => `--since ${a.since} 晚于 --until ${a.until}：这个范围里没有年份`,
  ),
  unknownDimension: phrase(
    (a: { key: string; text: string }) => `unknown dimension "${a.key}" in "${a.text}"`,
    (a) => `"${a.text}" 中有未知维度 "${a.key}"`,
  ),
  notALevelOf: phrase(
    (a: { value: string; key: string; en: string; zh: string }) => `"${a.value}" is not a level of ${a.key} (${a.en})`,
    (a) => `"${a.value}" 不是 ${a.key}（${a.zh}）的层次`,
  ),
  severalDimensions: phrase(
    (a: { text: string }) => `"${a.text}" names levels of several dimensions: write KEY=value`,
    (a) => `"${a.text}" 是多个维度的层次名：请写成 KEY=value`,
  ),
  notAnyLevel: phrase(
    (a: { text: string }) => `"${a.text}" is not a level of any dimension`,
    (a) => `"${a.text}" 不是任何维度的层次`,
  ),
  /** `validate`'s counts of a valid knowledge base. */
  totals: phrase(
    (a: {
      label: string;
      technologies: number;
      facts: number;
      levelFacts: number;
      relations: number;
      scenarios: number;
      cases: number;
      claims: number;
      sources: number;
    }) =>
      `${a.label}: ${a.technologies} technologies, ${a.facts} facts (+${a.levelFacts} per level), ` +
      `${a.relations} relations, ${a.scenarios} scenarios, ${a.cases} cases, ${a.claims} claims, ${a.sources} sources`,
    (a) =>
      `${a.label}：${a.technologies} 项技术、${a.facts} 条数据（另有 ${a.levelFacts} 条层次数据）、` +
      `${a.relations} 条关系、${a.scenarios} 个场景、${a.cases} 个案例、${a.claims} 条存疑说法、${a.sources} 个来源`,
  ),
  /**
   * The error printer's line for a knowledge base that does not validate (after `stackatlas: `), for
   * cli/main.ts to use with `InvalidKbError`'s `dir` and `issues`.
   */
  /** A snapshot cache folder that is not used: someone else owns it, or others may write in it. */
  cacheRefused: phrase(
    (a: { dir: string; reason: "not-owned" | "writable-by-others" | "not-a-folder"; uid?: number; mode?: string }) =>
      `stackatlas: warning: the cache folder ${a.dir} is not used: ${
        a.reason === "not-owned"
          ? `it belongs to another user (uid ${a.uid})`
          : a.reason === "writable-by-others"
            ? `other users may write in it (mode ${a.mode})`
            : "it is not a folder"
      }; the knowledge base is read from its files instead (slower). Remove it, or point STACKATLAS_CACHE_DIR at a folder of your own.`,
    (a) =>
      `stackatlas：警告：未使用缓存目录 ${a.dir}：${
        a.reason === "not-owned"
          ? `它属于另一个用户（uid ${a.uid}）`
          : a.reason === "writable-by-others"
            ? `其他用户可以写入（权限 ${a.mode}）`
            : "它不是目录"
      }；知识库改为直接从文件读取（较慢）。请删除它，或将 STACKATLAS_CACHE_DIR 指向属于自己的目录。`,
  ),
  invalidKb: phrase(
    (a: { dir: string; errors: number }) =>
      `knowledge base has errors: the knowledge base in ${a.dir} has ${a.errors} error${a.errors === 1 ? "" : "s"}. Run \`stackatlas validate\` for the full report.`,
    (a) => `知识库存在错误：${a.dir} 中的知识库有 ${a.errors} 个错误。运行 \`stackatlas validate\` 查看完整报告。`,
  ),
  /** `validate`'s last line (the verdict comes from `t("kbValid")`/`t("kbInvalid")`). */
  verdict: phrase(
    (a: { mark: string; verdict: string; errors: number; warnings: number }) =>
      `${a.mark} ${a.verdict}: ${a.errors} errors, ${a.warnings} warnings`,
    (a) => `${a.mark} ${a.verdict}：${a.errors} 个错误，${a.warnings} 个警告`,
  ),
  /** A framing line above a list of issues: `errors (3):`. */
  issuesHeading: phrase(
    (a: { label: string; count: number }) => `${a.label} (${a.count}):`,
    (a) => `${a.label}（${a.count}）：`,
  ),
};

/** How an issue's parameters name things in running text (a metric by its name in the language asked for). */
export interface IssueNames {
  readonly metric?: (id: string) => string;
}

type IssueWording = (
  p: Readonly<Record<string, string | number>>,
  names: IssueNames,
) => {
  readonly message: string;
  readonly hint?: string;
};

/** The Chinese of the issues that carry their parameters; the others keep the checker's English. */
const ISSUE_ZH: Readonly<Partial<Record<IssueCode, IssueWording>>> = {
  STALE_FIGURE: (p, names) => {
    const metric = names.metric?.(String(p.metric)) ?? String(p.metric);
    return {
      message: `${p.technology}：来自 ${p.source} 的${metric}数据日期为 ${p.date}，早于 ${p.today} ${p.ageYears} 年（${metric}数据 ${p.thresholdYears} 年后即过时）`,
      hint: "重新测量或找到更新的来源并记下其 `asOf`；或保留为历史数据，在旁边加上更新的数据",
    };
  },
};

const SEVERITY_ZH: Readonly<Record<Issue["severity"], string>> = { error: "错误", warning: "警告" };

/**
 * An issue on one line, compiler style, in the language asked for: the place and the code as they are,
 * the severity and (where the issue carries its parameters) the message and hint worded in Chinese.
 * @example formatIssueIn(staleIssue, "zh") // "technologies/k3s.yaml:40:11: 警告 STALE_FIGURE：k3s：来自 …"
 */
export function formatIssueIn(issue: Issue, lang: Lang, names: IssueNames = {}): string {
  const where =
    issue.file === undefined
      ? ""
      : `${issue.file}${issue.line === undefined ? "" : `:${issue.line}:${issue.column ?? 1}`}: `;
  if (lang === "en") {
    return `${where}${issue.severity} ${issue.code}: ${issue.message}${issue.hint === undefined ? "" : ` (${issue.hint})`}`;
  }
  const wording = issue.params === undefined ? undefined : ISSUE_ZH[issue.code]?.(issue.params, names);
  const message = wording?.message ?? issue.message;
  const hint = wording === undefined ? issue.hint : wording.hint;
  return `${where}${SEVERITY_ZH[issue.severity]} ${issue.code}：${message}${hint === undefined ? "" : `（${hint}）`}`;
}
