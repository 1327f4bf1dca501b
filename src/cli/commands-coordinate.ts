/** @module cli/commands-coordinate — the seed's queries over coordinates and stacks. */
import type { CommandFactory } from "./command-factory.js";
import { compareCommand } from "./compare-command.js";
import { locateCommand } from "./locate-command.js";
import { lookupCommand } from "./lookup-command.js";
import { pathCommand } from "./path-command.js";
import { scenarioCommand } from "./scenario-command.js";

export const COORDINATE_COMMANDS: readonly CommandFactory[] = [
  lookupCommand,
  locateCommand,
  scenarioCommand,
  pathCommand,
  compareCommand,
];
