/** @module cli/main — the `stackatlas` command: parses the command line and runs one command. */
import { Command, CommanderError, Option } from "@commander-js/extra-typings";
import { AtlasError } from "../errors.js";
import { KB } from "../i18n/kb-phrases.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { t } from "../i18n/messages.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import { formatIssue } from "../kb/issue.js";
import { type CliContext, contextOf, dataDirOf, type ExitState, prepareKb } from "./_context.js";
import { FORMATS, type Format, type Io, processIo } from "./_output.js";
import { registerCommands } from "./register-commands.js";

export const VERSION = "0.1.0";

/**
 * Builds the program with its global options; commands are added by {@link registerCommands}. `lang`
 * is the language of commander's own usage errors (the `--lang` of the command line, read before parsing).
 */
export function buildProgram(io: Io, lang: Lang = "en"): Command {
  return new Command()
    .name("stackatlas")
    .description(
      "A knowledge graph of cloud-native infrastructure on seven dimensions — isolation, orchestration, policy,\n" +
        "time, architecture view, scenario, observability.\n" +
        "云原生基础设施七维知识图谱：隔离、编排、策略、时间、架构视图、场景、可观测性。",
    )
    .version(VERSION)
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("table" as Format))
    .addOption(new Option("-l, --lang <lang>", "output language / 输出语言").choices(LANGS).default("en" as Lang))
    .option("-d, --data <dir>", "knowledge-base folder (default: the built-in one)")
    .showHelpAfterError(lang === "zh" ? "（加 --help 查看用法）" : "(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(lang === "zh" ? usageErrorZh(s) : s),
    }) as unknown as Command;
}

/**
 * Runs the CLI and returns the exit code: 0 done, 1 the input was wrong, 2 usage.
 * @example process.exitCode = await main(["validate", "--format", "json"])
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  const program = buildProgram(io, lang);
  const state: ExitState = { code: 0 };
  const context = (): CliContext => contextOf(program, io, state);
  try {
    // Only the command that runs is loaded (every one for help or an unknown name).
    await registerCommands(program, context, argv);
    // Before an action: find the knowledge base's snapshot, or import the full loader if there is none.
    program.hook("preAction", () => prepareKb(dataDirOf(program)));
    program.exitOverride();
    // Commands are added with addCommand, which inherits nothing: their usage errors and help go where
    // the program's do, worded as the program words them.
    for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
    await program.parseAsync([...argv], { from: "user" });
    return state.code;
  } catch (error) {
    return reportError(error, io, lang);
  }
}

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

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a === "-l");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return v === "zh" ? "zh" : "en";
}

function reportError(error: unknown, io: Io, lang: Lang): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InvalidKbError) {
    for (const issue of error.issues) io.err(formatIssue(issue));
    io.err(`stackatlas: ${KB.invalidKb(lang, { dir: error.dir, errors: error.issues.length })}`);
    return 1;
  }
  if (error instanceof AtlasError) {
    io.err(`stackatlas: ${error.message}`);
    if (error.suggestions.length > 0) io.err(`  ${t("didYouMean", lang)}: ${error.suggestions.join(", ")}?`);
    return error.code === "USAGE" ? 2 : 1;
  }
  // A bug: say so plainly, without a stack trace unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  io.err(`stackatlas: internal error: ${message}`);
  if (process.env.STACKATLAS_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err("  (set STACKATLAS_DEBUG=1 to see where it happened, and please report it)");
  return 70;
}
