/** @module cli/commands-design — the commands of this area: design, migrate, observe, diagnose, analyze, export. */
import type { CommandFactory } from "./command-factory.js";

export const DESIGN_COMMANDS: readonly CommandFactory[] = [];
