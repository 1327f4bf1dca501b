/**
 * @module i18n/cli-phrases — commander's own usage errors and help hint in Chinese: commander words
 * them in English, so its messages (commander 14's wordings, and the reasons this CLI's option
 * parsers give) are matched and reworded; anything unknown passes through as written.
 */
import type { Lang } from "./lang.js";
import { phrase, t } from "./messages.js";

/** The line after a usage error. */
export const CLI_HELP_HINT = phrase(
  () => "(run with --help for usage)",
  () => "（加 --help 查看用法）",
);

/** A match's groups, an optional group that matched nothing as "". */
const groups = (m: RegExpExecArray): string[] => m.slice(1).map((g) => g ?? "");

/** Reasons commander appends to an invalid value (its choices, and this CLI's own option parsers). */
const REASON_ZH: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^Allowed choices are (.*)\.$/s, (c) => `可选值：${c.split(", ").join("、")}。`],
  [/^"(.*)" is not a year \(e\.g\. 2025\)$/s, (v) => `"${v}" 不是年份（例如 2025）`],
  [/^"(.*)" is not a positive whole number$/s, (v) => `"${v}" 不是正整数`],
  [/^"(.*)" is not a non-negative number$/s, (v) => `"${v}" 不是非负数`],
  [
    /^"(.*)" is not a port \(0–65535; 0 picks a free one\)$/s,
    (v) => `"${v}" 不是端口号（0–65535；0 表示自动选一个空闲端口）`,
  ],
];
const reasonZh = (why: string): string => {
  for (const [re, zh] of REASON_ZH) {
    const m = re.exec(why);
    if (m) return zh(...groups(m));
  }
  return why;
};
const sideZh = (s: string) => s.replace(/^option '/, "选项 '").replace(/^environment variable '/, "环境变量 '");

/** Commander's usage errors (commander 14's wordings), in Chinese; anything else passes through. */
const USAGE_ZH: readonly (readonly [RegExp, (...m: string[]) => string])[] = [
  [/^error: unknown option '(.*)'$/s, (f) => `错误：未知选项 '${f}'`],
  [/^error: unknown command '(.*)'$/s, (c) => `错误：未知命令 '${c}'`],
  [/^error: missing required argument '(.*)'$/s, (a) => `错误：缺少必需的参数 '${a}'`],
  [/^error: option '(.*)' argument missing$/s, (o) => `错误：选项 '${o}' 缺少参数值`],
  [/^error: required option '(.*)' not specified$/s, (o) => `错误：未指定必需的选项 '${o}'`],
  [/^error: (.*) cannot be used with (.*)$/s, (a, b) => `错误：${sideZh(a)} 不能与${sideZh(b)} 同时使用`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (c, want, got) => `错误：${c === "" ? "" : `'${c}' 的`}参数过多：应为 ${want} 个，实际为 ${got} 个`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/s,
    (o, v, why) => `错误：选项 '${o}' 的参数 '${v}' 无效。${reasonZh(why)}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s,
    (v, a, why) => `错误：参数 '${a}' 的值 '${v}' 无效。${reasonZh(why)}`,
  ],
];

/**
 * A commander usage error (`error: unknown option '--x'`, with its `(Did you mean …?)` line) in Chinese.
 * @example usageErrorZh("error: unknown option '--tpo'\n(Did you mean --top?)\n") // "错误：未知选项 '--tpo'\n（是否要找 --top？）\n"
 */
export function usageErrorZh(text: string): string {
  const end = text.endsWith("\n") ? "\n" : "";
  const body = end ? text.slice(0, -1) : text;
  const hint = /\n\(Did you mean (?:one of )?(.*)\?\)$/s.exec(body);
  const message = hint ? body.slice(0, hint.index) : body;
  let out = message;
  for (const [re, zh] of USAGE_ZH) {
    const m = re.exec(message);
    if (m) {
      out = zh(...groups(m));
      break;
    }
  }
  const suggestion = hint ? `\n（${t("didYouMean", "zh")} ${hint[1]!.split(", ").join("、")}？）` : "";
  return `${out}${suggestion}${end}`;
}

/**
 * A commander usage error in the language asked for: as commander wrote it in English, through
 * {@link usageErrorZh} in Chinese.
 * @example usageError("error: unknown option '--x'\n", "zh") // "错误：未知选项 '--x'\n"
 */
export function usageError(text: string, lang: Lang): string {
  return lang === "zh" ? usageErrorZh(text) : text;
}

/** A file the CLI was told to write that could not be written (the old file, if any, is untouched). */
export const CLI_CANNOT_WRITE = phrase(
  (a: { file: string; why: string }) =>
    `cannot write ${a.file} (${a.why}); nothing was changed there. Check that its folder exists and is writable`,
  (a) => `无法写入 ${a.file}（${a.why}）；该处未做任何改动。请检查其所在目录是否存在且可写`,
);
