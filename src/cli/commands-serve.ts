/** @module cli/commands-serve — the commands of this area: serve (the HTTP API and the UI) and mcp (the MCP server). */
import type { CommandFactory } from "./command-factory.js";
import { mcpCommand } from "./mcp-command.js";
import { serveCommand } from "./serve-command.js";

export const SERVE_COMMANDS: readonly CommandFactory[] = [serveCommand, mcpCommand];
