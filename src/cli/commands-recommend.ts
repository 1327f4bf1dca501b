/** @module cli/commands-recommend — the commands of this area: recommend. */
import type { CommandFactory } from "./command-factory.js";
import { recommendCommand } from "./recommend-command.js";

export const RECOMMEND_COMMANDS: readonly CommandFactory[] = [recommendCommand];
