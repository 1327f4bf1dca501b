/** @module cli/register-commands — adds the commands to the program, one file per command, grouped by area. */
import type { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";
import type { CommandFactory } from "./command-factory.js";

/** Every command, in the order help lists them: the areas' lists (commands-*.ts). */
export async function allCommands(): Promise<readonly CommandFactory[]> {
  const [kb, coordinate, recommend, time, design, serve] = await Promise.all([
    import("./commands-kb.js"),
    import("./commands-coordinate.js"),
    import("./commands-recommend.js"),
    import("./commands-time.js"),
    import("./commands-design.js"),
    import("./commands-serve.js"),
  ]);
  return [
    ...kb.KB_COMMANDS,
    ...coordinate.COORDINATE_COMMANDS,
    ...recommend.RECOMMEND_COMMANDS,
    ...time.TIME_COMMANDS,
    ...design.DESIGN_COMMANDS,
    ...serve.SERVE_COMMANDS,
  ];
}

/**
 * Each command's file by the command's name, so that running one command loads its own code only (a
 * start-up cost: each file imports its engines). A command missing here still works — every command is
 * then loaded — and register-commands.test.ts checks that this table matches the areas' lists.
 */
export const COMMAND_FILES: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  validate: async () => (await import("./validate-command.js")).validateCommand,
  list: async () => (await import("./list-command.js")).listCommand,
  show: async () => (await import("./show-command.js")).showCommand,
  lookup: async () => (await import("./lookup-command.js")).lookupCommand,
  locate: async () => (await import("./locate-command.js")).locateCommand,
  scenario: async () => (await import("./scenario-command.js")).scenarioCommand,
  path: async () => (await import("./path-command.js")).pathCommand,
  compare: async () => (await import("./compare-command.js")).compareCommand,
  recommend: async () => (await import("./recommend-command.js")).recommendCommand,
  import: async () => (await import("./import-command.js")).importCommand,
  timeline: async () => (await import("./timeline-command.js")).timelineCommand,
  predict: async () => (await import("./predict-command.js")).predictCommand,
  design: async () => (await import("./design-command.js")).designCommand,
  migrate: async () => (await import("./migrate-command.js")).migrateCommand,
  observe: async () => (await import("./observe-command.js")).observeCommand,
  diagnose: async () => (await import("./diagnose-command.js")).diagnoseCommand,
  analyze: async () => (await import("./analyze-command.js")).analyzeCommand,
  export: async () => (await import("./export-command.js")).exportCommand,
  serve: async () => (await import("./serve-command.js")).serveCommand,
  mcp: async () => (await import("./mcp-command.js")).mcpCommand,
  "build-site": async () => (await import("./build-site-command.js")).buildSiteCommand,
};

/** The program's options that take a value (main.ts), whose value is not a command's name. */
const VALUE_OPTIONS = new Set(["-f", "--format", "-l", "--lang", "-d", "--data"]);

/**
 * The command a command line names: its first word that is neither an option nor a global option's
 * value; undefined for help, the version, `--`, or no command.
 * @example commandName(["--format", "json", "lookup", "(4, 2, 3, 2025, 1, edge, *)"]) // "lookup"
 */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--" || a === "-h" || a === "--help" || a === "-V" || a === "--version") return undefined;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return undefined;
}

/**
 * Adds the commands; each gets the context of the running invocation when its action runs. With the
 * command line, only the command it names is added when that name is known (help, errors and
 * suggestions need every command, so anything else adds them all).
 */
export async function registerCommands(
  program: Command,
  context: () => CliContext,
  argv?: readonly string[],
): Promise<void> {
  const name = argv === undefined ? undefined : commandName(argv);
  const one = name !== undefined && Object.hasOwn(COMMAND_FILES, name) ? COMMAND_FILES[name] : undefined;
  const makes = one ? [await one()] : await allCommands();
  for (const make of makes) program.addCommand(make(context) as Command);
}
