/** @module cli/mcp-command — `stackatlas mcp`: a Model Context Protocol server on stdin/stdout for AI assistants. */
import { Command } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";

/** `mcp` (with the global `--lang` and `--data`): serves the tools and resources until stdin closes. */
export function mcpCommand(context: () => CliContext) {
  return new Command("mcp")
    .description(
      "serve the atlas to AI assistants over the Model Context Protocol (stdio): lookup, locate, scenario,\n" +
        "recommend, compare, path, predict, design, migrate, observe, diagnose, show and list as tools; the\n" +
        "dimensions, technologies and scenarios as resources. --lang sets the tools' language (each call may\n" +
        "pass its own), --data the knowledge base. Setup for MCP clients: docs/mcp.md.\n" +
        "通过模型上下文协议（MCP，stdio）为 AI 助手提供图谱：查询、定位、场景、推荐、对比、路径、预测、设计、迁移、\n" +
        "可观测性、诊断、查看与列出技术均为工具，维度、技术与场景为资源。--lang 设置工具的语言，--data 指定知识库。",
    )
    .action(async () => {
      const { mcpAction } = await import("./mcp-action.js");
      await mcpAction(context());
    });
}
