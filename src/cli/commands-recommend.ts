/** @module cli/commands-recommend — the commands of this area: recommend (issue: recommend). */
import type { CommandFactory } from "./command-factory.js";

export const RECOMMEND_COMMANDS: readonly CommandFactory[] = [];
