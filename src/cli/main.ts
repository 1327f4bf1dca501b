/** @module cli/main — the `stackatlas` command: parses the command line and runs one command. */
import { Command, CommanderError, Option } from "@commander-js/extra-typings";
import { AtlasError } from "../errors.js";
import { CLI_HELP_HINT, usageError } from "../i18n/cli-phrases.js";
import { KB } from "../i18n/kb-phrases.js";
import { LANGS, type Lang } from "../i18n/lang.js";
import { labelled, t } from "../i18n/messages.js";
import { takeCacheDirRefusals } from "../kb/cache-file.js";
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
export function buildProgram(io: Io, lang: Lang = "en", format: Format = "table"): Command {
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
    .showHelpAfterError(CLI_HELP_HINT(lang))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      // Under --format json the error is the JSON object reportError prints, not this line.
      outputError: (s, write) => (format === "json" ? undefined : write(usageError(s, lang))),
    }) as unknown as Command;
}

/**
 * Runs the CLI and returns the exit code: 0 done, 1 the input was wrong, 2 usage.
 * @example process.exitCode = await main(["validate", "--format", "json"])
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const lang = langOf(argv);
  const format = formatOf(argv);
  const program = buildProgram(io, lang, format);
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
    return format === "json" ? reportJsonError(error, io, lang) : reportError(error, io, lang);
  } finally {
    warnCacheRefusals(io, lang);
  }
}

/**
 * Warns about snapshot cache folders that were not used because another user owns them or others may
 * write in them (kb/kb-snapshot.ts); each once per process.
 */
function warnCacheRefusals(io: Io, lang: Lang): void {
  for (const r of takeCacheDirRefusals()) io.err(KB.cacheRefused(lang, r));
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a === "-l");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return v === "zh" ? "zh" : "en";
}

function formatOf(argv: readonly string[]): Format {
  const i = argv.findIndex((a) => a === "--format" || a === "-f");
  const v = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--format="))?.slice(9);
  return v === "json" ? "json" : v === "yaml" ? "yaml" : "table";
}

/** The exit code of an error: 2 usage, 1 wrong input, 70 a bug. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof InvalidKbError) return 1;
  if (error instanceof AtlasError) return error.code === "USAGE" ? 2 : 1;
  return 70;
}

/**
 * Under `--format json`, an error is a JSON object on standard output, shaped as the HTTP API's:
 * `{ "error": { "code", "message", "issues", "suggestions" } }` (issues of a knowledge base carry file,
 * line and column).
 */
function reportJsonError(error: unknown, io: Io, lang: Lang): number {
  const code = exitCodeOf(error);
  if (code === 0) return 0;
  const body =
    error instanceof CommanderError
      ? {
          code: "USAGE",
          message: usageError(error.message, lang).trim(),
          issues: [],
          suggestions: [],
        }
      : error instanceof InvalidKbError
        ? {
            code: error.code,
            message: KB.invalidKb(lang, { dir: error.dir, errors: error.issues.length }),
            issues: error.issues,
            suggestions: [],
          }
        : error instanceof AtlasError
          ? { code: error.code, message: error.message, issues: [], suggestions: error.suggestions }
          : {
              code: "INTERNAL",
              message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
              issues: [],
              suggestions: [],
            };
  io.out(JSON.stringify({ error: body }, null, 2));
  return code;
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
    if (error.suggestions.length > 0)
      io.err(`  ${labelled(t("didYouMean", lang), error.suggestions.join(", "), lang)}${lang === "zh" ? "？" : "?"}`);
    return error.code === "USAGE" ? 2 : 1;
  }
  // A bug: say so plainly, without a stack trace unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  io.err(`stackatlas: internal error: ${message}`);
  if (process.env.STACKATLAS_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err("  (set STACKATLAS_DEBUG=1 to see where it happened, and please report it)");
  return 70;
}
