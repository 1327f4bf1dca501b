/** @module cli/commands-design — the commands of this area: design, migrate, observe, diagnose, analyze, export. */
import { analyzeCommand } from "./analyze-command.js";
import type { CommandFactory } from "./command-factory.js";
import { designCommand } from "./design-command.js";
import { diagnoseCommand } from "./diagnose-command.js";
import { exportCommand } from "./export-command.js";
import { migrateCommand } from "./migrate-command.js";
import { observeCommand } from "./observe-command.js";

export const DESIGN_COMMANDS: readonly CommandFactory[] = [
  designCommand,
  migrateCommand,
  observeCommand,
  diagnoseCommand,
  analyzeCommand,
  exportCommand,
];
