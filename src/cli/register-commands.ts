/** @module cli/register-commands — adds every command to the program, one file per command. */
import type { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";
import { compareCommand } from "./compare-command.js";
import { listCommand } from "./list-command.js";
import { locateCommand } from "./locate-command.js";
import { lookupCommand } from "./lookup-command.js";
import { pathCommand } from "./path-command.js";
import { scenarioCommand } from "./scenario-command.js";
import { showCommand } from "./show-command.js";
import { validateCommand } from "./validate-command.js";

// biome-ignore lint/suspicious/noExplicitAny: commands differ in their typed arguments and options
export type CommandFactory = (context: () => CliContext) => Command<any, any, any>;

const COMMANDS: readonly CommandFactory[] = [
  validateCommand,
  listCommand,
  showCommand,
  lookupCommand,
  locateCommand,
  scenarioCommand,
  pathCommand,
  compareCommand,
];

/** Adds the commands; each gets the context of the running invocation when its action runs. */
export function registerCommands(program: Command, context: () => CliContext): void {
  for (const make of COMMANDS) program.addCommand(make(context) as Command);
}
