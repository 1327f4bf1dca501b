/** @module cli/commands-time — the commands of this area: import, timeline, predict. */
import type { CommandFactory } from "./command-factory.js";
import { importCommand } from "./import-command.js";
import { predictCommand } from "./predict-command.js";
import { timelineCommand } from "./timeline-command.js";

export const TIME_COMMANDS: readonly CommandFactory[] = [importCommand, timelineCommand, predictCommand];
