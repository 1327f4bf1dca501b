/** @module cli/commands-time — the commands of this area: import, timeline, predict. */
import type { CommandFactory } from "./command-factory.js";

export const TIME_COMMANDS: readonly CommandFactory[] = [];
