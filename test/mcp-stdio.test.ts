// `stackatlas mcp` as an MCP client meets it: a child process on stdio, driven by the official SDK's client.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** A client connected to `stackatlas mcp ...args` (the bundled CLI, as an MCP client configuration starts it). */
async function connect(...args: string[]): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(ROOT, "bin", "stackatlas.mjs"), "mcp", ...args],
    stderr: "pipe",
  });
  const client = new Client({ name: "stackatlas-test", version: "0.0.0" });
  await client.connect(transport);
  return client;
}

const text = (r: CallToolResult): string => r.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

/** The seed's case 1 (test/fixtures/requirements/case-1.yaml) as the API's requirements: O1 = OTLP, O2 = eBPF. */
const CASE_1 = {
  scenario: "边缘计算",
  year: 2025,
  must: { coldStartMs: { max: 10 }, memoryMiB: { max: 5 }, policy: { atLeast: "Z3" }, observability: ["O1", "O2"] },
};

let client: Client;
beforeAll(async () => {
  client = await connect();
});
afterAll(async () => {
  await client?.close();
});

describe("stackatlas mcp", () => {
  it("lists at least 12 tools, each with a JSON-Schema input that takes a language", async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(12);
    const names = tools.map((t) => t.name);
    for (const name of [
      "lookup",
      "locate",
      "scenario",
      "recommend",
      "compare",
      "path",
      "predict",
      "design",
      "migrate",
      "observe",
      "diagnose",
      "show_technology",
      "list_technologies",
    ])
      expect(names).toContain(name);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.inputSchema.properties).toHaveProperty("lang");
      expect(tool.description?.length ?? 0).toBeGreaterThan(20);
    }
    // The route's own schema: recommend takes the requirements' vocabulary, and nothing else.
    const recommend = tools.find((t) => t.name === "recommend")!;
    expect(Object.keys(recommend.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(["scenario", "year", "must", "prefer", "top"]),
    );
  });

  it("recommends K3s + WasmEdge + Gatekeeper first for the seed's edge case, with why-not and sources", async () => {
    const r = await call(client, "recommend", CASE_1);
    expect(r.isError).toBeFalsy();
    const answer = r.structuredContent as {
      stacks: { components: { runtime: { id: string }; orchestrator: { id: string }; policy: { id: string } } }[];
      rejected: { reason: string }[];
    };
    const first = answer.stacks[0]!.components;
    expect([first.orchestrator.id, first.runtime.id, first.policy.id]).toEqual(["k3s", "wasmedge", "gatekeeper"]);
    expect(answer.rejected.length).toBeGreaterThan(0);
    const t = text(r);
    expect(t).toMatch(/^1\. K3s \+ WasmEdge \+ Gatekeeper/m);
    expect(t).toMatch(/Why not:/);
    // Sources with their grade and address.
    expect(t).toMatch(/Sources:\n- [\w-]+ \[[ABCU]\]/);
    expect(t).toMatch(/https?:\/\//);
  });

  it("looks up the seed's coordinate, in Chinese when the call asks", async () => {
    const r = await call(client, "lookup", { coordinate: "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)", lang: "zh" });
    expect(r.isError).toBeFalsy();
    const answer = r.structuredContent as { exact: boolean; matches: { stack: { label: string } }[] };
    expect(answer.exact).toBe(true);
    expect(answer.matches[0]!.stack.label).toBe("K3s + WasmEdge + Gatekeeper");
    expect(text(r)).toContain("完全匹配");
    expect(text(r)).toContain("来源");
  });

  it("words its own lines of every answer in the language the call asks", async () => {
    const en = text(await call(client, "observe", { stack: "K3s + WasmEdge + OpenTelemetry" }));
    const zh = text(await call(client, "observe", { stack: "K3s + WasmEdge + OpenTelemetry", lang: "zh" }));
    expect(en).toContain("complete observability (O1 + O2): no");
    expect(zh).toContain("完整可观测性（O1 + O2）：否");
    expect(zh).not.toMatch(/\b(gap|complete|score|confidence)\b/);
  });

  it("answers a misspelt technology with a tool error that suggests the right name", async () => {
    const r = await call(client, "show_technology", { id: "wasmegde" });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/did you mean: .*wasmedge/);
    expect((r.structuredContent as { error: { code: string; suggestions: string[] } }).error).toMatchObject({
      code: "NOT_FOUND",
      suggestions: expect.arrayContaining(["wasmedge"]),
    });
  });

  it("answers input its schema refuses with a tool error, never a crash", async () => {
    const wrongType = await call(client, "lookup", { coordinate: 5 });
    expect(wrongType.isError).toBe(true);
    expect(text(wrongType)).toMatch(/coordinate/);
    const badCoordinate = await call(client, "lookup", { coordinate: "(4, 2, 3, 2025, 1, edgy, OTLP)" });
    expect(badCoordinate.isError).toBe(true);
    expect(text(badCoordinate)).toMatch(/did you mean: .*edge/);
    // The server still answers after both.
    expect((await call(client, "list_scenarios", {})).isError).toBeFalsy();
  });

  it("serves the dimensions, each technology and each scenario as resources", async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain("stackatlas://dimensions");
    expect(uris).toContain("stackatlas://technology/wasmedge");
    expect(uris).toContain("stackatlas://scenario/edge");
    const tech = await client.readResource({ uri: "stackatlas://technology/wasmedge" });
    expect(JSON.parse(String((tech.contents[0] as { text: string }).text))).toMatchObject({ id: "wasmedge" });
    const dims = await client.readResource({ uri: "stackatlas://dimensions" });
    expect(JSON.parse(String((dims.contents[0] as { text: string }).text)).count).toBe(7);
    await expect(client.readResource({ uri: "stackatlas://technology/wasmegde" })).rejects.toThrow(/wasmedge/);
  });

  it("describes its tools in Chinese with --lang zh, and answers in Chinese by default", async () => {
    const zh = await connect("--lang", "zh");
    try {
      const { tools } = await zh.listTools();
      expect(tools.find((t) => t.name === "recommend")?.title).toBe("推荐技术栈");
      const r = await call(zh, "show_technology", { id: "wasmegde" });
      expect(r.isError).toBe(true);
      expect(text(r)).toContain("是否要找");
    } finally {
      await zh.close();
    }
  });

  it("answers from the knowledge base --data names", async () => {
    const small = await connect("--data", join(ROOT, "test", "fixtures", "kb", "valid"));
    try {
      const r = await call(small, "list_technologies", {});
      const count = (r.structuredContent as { count: number }).count;
      const builtIn = (await call(client, "list_technologies", {})).structuredContent as { count: number };
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(builtIn.count);
    } finally {
      await small.close();
    }
  });

  it("refuses to start on a knowledge base that does not validate, saying where, on stderr only", () => {
    const r = spawnSync(
      process.execPath,
      [
        join(ROOT, "bin", "stackatlas.mjs"),
        "mcp",
        "--data",
        join(ROOT, "test", "fixtures", "kb", "invalid", "duplicate-id"),
      ],
      { input: "", encoding: "utf8" },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/\.yaml:\d+:\d+/);
  });
});
