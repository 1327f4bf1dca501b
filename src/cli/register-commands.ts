/** @module cli/register-commands — adds every command to the program, one file per command, grouped by area. */
import type { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";
import type { CommandFactory } from "./command-factory.js";
import { COORDINATE_COMMANDS } from "./commands-coordinate.js";
import { DESIGN_COMMANDS } from "./commands-design.js";
import { KB_COMMANDS } from "./commands-kb.js";
import { RECOMMEND_COMMANDS } from "./commands-recommend.js";
import { SERVE_COMMANDS } from "./commands-serve.js";
import { TIME_COMMANDS } from "./commands-time.js";

const COMMANDS: readonly CommandFactory[] = [
  ...KB_COMMANDS,
  ...COORDINATE_COMMANDS,
  ...RECOMMEND_COMMANDS,
  ...TIME_COMMANDS,
  ...DESIGN_COMMANDS,
  ...SERVE_COMMANDS,
];

/** Adds the commands; each gets the context of the running invocation when its action runs. */
export function registerCommands(program: Command, context: () => CliContext): void {
  for (const make of COMMANDS) program.addCommand(make(context) as Command);
}
