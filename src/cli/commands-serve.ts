/** @module cli/commands-serve — the commands of this area: serve (the HTTP API and the UI) mcp (the MCP server) and build-site (the static atlas). */
import { buildSiteCommand } from "./build-site-command.js";
import type { CommandFactory } from "./command-factory.js";
import { mcpCommand } from "./mcp-command.js";
import { serveCommand } from "./serve-command.js";

export const SERVE_COMMANDS: readonly CommandFactory[] = [serveCommand, mcpCommand, buildSiteCommand];
