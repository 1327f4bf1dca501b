/**
 * @module mcp/create-mcp-server — the Model Context Protocol server: the HTTP API's operations as tools
 * (their inputs the routes' own zod schemas, their answers the routes' own, called in-process) and the
 * dimensions, technologies and scenarios as resources.
 */
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import pino from "pino";
import { z } from "zod";
import { LANGS, type Lang } from "../i18n/lang.js";
import { MCP, toolWords } from "../i18n/mcp-phrases.js";
import { t } from "../i18n/messages.js";
import type { AtlasApp } from "../server/app-env.js";
import { createApp } from "../server/create-app.js";
import type { KbSource } from "../server/kb-source.js";
import { MCP_TOOLS, type McpTool, type View } from "./mcp-tools.js";
import { toolText } from "./tool-text.js";

export interface CreateMcpServerOptions {
  readonly kbSource: KbSource;
  /** The language of the tools' descriptions and of answers whose call names none (default English). */
  readonly lang?: Lang;
  /** The server's version, as clients see it. */
  readonly version: string;
}

/** The language argument every tool takes. */
const LangArg = z.enum(LANGS as unknown as readonly ["en", "zh"]).optional();

/**
 * A tool's input: its route's path parameters, query and body side by side, and `lang`. The routes'
 * schemas are used as they are, so a client sees (and the route checks) exactly what the API takes.
 * @example toolInput(MCP_TOOLS[0]).shape // { coordinate, top, lang }
 */
export function toolInput(tool: McpTool): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const part of [tool.params, tool.query, tool.body]) {
    for (const [key, schema] of Object.entries(part?.shape ?? {})) {
      if (key in shape) throw new Error(`invariant failed: the MCP tool "${tool.name}" has "${key}" twice`);
      shape[key] = schema as z.ZodType;
    }
  }
  shape.lang = LangArg;
  return z.strictObject(shape);
}

/** The keys of a part of a tool's input. */
const keysOf = (part: McpTool["params"]): readonly string[] => Object.keys(part?.shape ?? {});

/** The HTTP request a tool call stands for: path parameters in the path, the query, the body as JSON. */
export function toolRequest(tool: McpTool, args: Readonly<Record<string, unknown>>, lang: Lang): Request {
  let path = tool.path;
  for (const key of keysOf(tool.params)) path = path.replace(`{${key}}`, encodeURIComponent(String(args[key])));
  const query = new URLSearchParams({ lang });
  for (const key of keysOf(tool.query)) {
    const v = args[key];
    if (v === undefined || v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) query.append(key, String(x));
  }
  const body: Record<string, unknown> = {};
  for (const key of keysOf(tool.body)) if (args[key] !== undefined) body[key] = args[key];
  const url = `http://mcp.local${path}?${query}`;
  return tool.method === "GET"
    ? new Request(url, { headers: { accept: "application/json" } })
    : new Request(url, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
}

interface ErrorAnswer {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly issues?: readonly { path?: readonly (string | number)[]; message?: string }[];
    readonly suggestions?: readonly string[];
  };
}

/** An error answer as a tool error: the message, each issue, and the nearest names as the CLI offers them. */
function toolError(answer: ErrorAnswer, status: number, lang: Lang): CallToolResult {
  const e = answer.error ?? {};
  const lines = [e.message ?? `HTTP ${status}`];
  for (const issue of e.issues ?? []) {
    if (issue.message && issue.message !== e.message) lines.push(`  ${(issue.path ?? []).join(".")}: ${issue.message}`);
  }
  const suggestions = e.suggestions ?? [];
  if (suggestions.length > 0) lines.push(`${t("didYouMean", lang)}: ${suggestions.join(", ")}?`);
  return {
    isError: true,
    content: [{ type: "text", text: lines.join("\n") }],
    structuredContent: {
      error: { code: e.code ?? `HTTP_${status}`, message: lines[0], issues: e.issues ?? [], suggestions },
    },
  };
}

/** Answers a tool call through the app's route. */
async function callTool(
  app: AtlasApp,
  kbSource: KbSource,
  tool: McpTool,
  args: Readonly<Record<string, unknown>>,
  lang: Lang,
): Promise<CallToolResult> {
  const res = await app.request(toolRequest(tool, args, lang));
  const answer = (await res.json()) as View;
  if (!res.ok) return toolError(answer as ErrorAnswer, res.status, lang);
  return {
    content: [{ type: "text", text: toolText(tool.lines(answer, lang), answer, kbSource.current(), lang) }],
    structuredContent: answer as Record<string, unknown>,
  };
}

/** A GET of the app as a resource's JSON text. */
async function readJson(app: AtlasApp, uri: URL, path: string, lang: Lang): Promise<ReadResourceResult> {
  const res = await app.request(`http://mcp.local${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, {
    headers: { accept: "application/json" },
  });
  const text = await res.text();
  if (!res.ok) {
    const e = (JSON.parse(text) as ErrorAnswer).error;
    const hint = e?.suggestions?.length ? ` (${t("didYouMean", lang)}: ${e.suggestions.join(", ")}?)` : "";
    throw new Error(`${e?.message ?? `HTTP ${res.status}`}${hint}`);
  }
  return { contents: [{ uri: uri.href, mimeType: "application/json", text }] };
}

/**
 * The MCP server over a knowledge base. Connect it to a transport (`StdioServerTransport` for
 * `stackatlas mcp`); every tool answers through the HTTP API's routes, in-process, without a socket.
 * @example await createMcpServer({ kbSource, version: "0.1.0" }).connect(new StdioServerTransport())
 */
export function createMcpServer(options: CreateMcpServerOptions): McpServer {
  const { kbSource, version } = options;
  const lang = options.lang ?? "en";
  // The app's request log would go to stdout, which is the protocol's channel: only errors, to stderr
  // (a refused request is the tool error the client gets, not a problem of the server).
  const logger = pino({ level: "error" }, pino.destination(2));
  const app = createApp({ kbSource, logger, cache: false });
  const server = new McpServer(
    { name: "stackatlas", version },
    { instructions: MCP.serverInstructions(lang), capabilities: { tools: {}, resources: {} } },
  );

  for (const tool of MCP_TOOLS) {
    const words = toolWords(tool.name, lang);
    server.registerTool(
      tool.name,
      {
        title: words.title,
        description: words.description,
        inputSchema: toolInput(tool),
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      (args: Record<string, unknown>) => callTool(app, kbSource, tool, args, (args.lang as Lang | undefined) ?? lang),
    );
  }

  server.registerResource(
    "dimensions",
    "stackatlas://dimensions",
    { title: MCP.resourceDimensions(lang), mimeType: "application/json" },
    (uri) => readJson(app, uri, "/api/dimensions", lang),
  );
  server.registerResource(
    "technology",
    new ResourceTemplate("stackatlas://technology/{id}", {
      list: () => ({
        resources: [...kbSource.current().technologies.values()].map((tech) => ({
          uri: `stackatlas://technology/${encodeURIComponent(tech.id)}`,
          name: tech.names[lang],
          mimeType: "application/json",
        })),
      }),
    }),
    { title: MCP.resourceTechnology(lang), mimeType: "application/json" },
    (uri, vars) =>
      readJson(app, uri, `/api/technologies/${encodeURIComponent(decodeURIComponent(String(vars.id)))}`, lang),
  );
  server.registerResource(
    "scenario",
    new ResourceTemplate("stackatlas://scenario/{id}", {
      list: () => ({
        resources: [...kbSource.current().scenarios.values()].map((s) => ({
          uri: `stackatlas://scenario/${encodeURIComponent(s.id)}`,
          name: s.names[lang],
          mimeType: "application/json",
        })),
      }),
    }),
    { title: MCP.resourceScenario(lang), mimeType: "application/json" },
    (uri, vars) =>
      readJson(app, uri, `/api/scenarios/${encodeURIComponent(decodeURIComponent(String(vars.id)))}`, lang),
  );
  return server;
}
