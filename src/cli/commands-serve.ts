/** @module cli/commands-serve — the commands of this area: serve (the HTTP API and the UI). */
import type { CommandFactory } from "./command-factory.js";

export const SERVE_COMMANDS: readonly CommandFactory[] = [];
