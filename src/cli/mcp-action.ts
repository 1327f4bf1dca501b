/** @module cli/mcp-action — what `stackatlas mcp` does; loaded only when it runs (the protocol's packages are heavy). */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import { createMcpServer } from "../mcp/create-mcp-server.js";
import { createKbSource } from "../server/kb-source.js";
import { packageVersion } from "../server/package-version.js";
import type { CliContext } from "./_context.js";

/** Serves the MCP server on stdin/stdout until the client closes stdin (stdout carries the protocol only). */
export async function mcpAction(ctx: CliContext): Promise<void> {
  const loaded = ctx.loadResult();
  if (!loaded.ok) throw new InvalidKbError(ctx.dataDir, loaded.errors, loaded.warnings);
  const kbSource = createKbSource({ dir: ctx.dataDir, initial: loaded });
  const server = createMcpServer({ kbSource, lang: ctx.lang, version: packageVersion() });
  const transport = new StdioServerTransport();
  await new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once("end", () => void server.close().finally(resolve));
    void server.connect(transport);
  });
}
