/** @module cli/commands-kb — the knowledge-base commands. */
import type { CommandFactory } from "./command-factory.js";
import { listCommand } from "./list-command.js";
import { showCommand } from "./show-command.js";
import { validateCommand } from "./validate-command.js";

export const KB_COMMANDS: readonly CommandFactory[] = [validateCommand, listCommand, showCommand];
