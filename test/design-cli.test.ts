// The migrate, analyze and export commands end to end (in-process CLI).
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

describe("stackatlas migrate", () => {
  it("plans the seed's case 2 with the four changes in dependency order", async () => {
    const r = await runJson<{ legs: { steps: { n: number; slot: string; after: { step: number }[] }[] }[] }>(
      "migrate",
      "--from",
      "case:serverless-2020-seed-case-2",
      "--via",
      "case:serverless-2023-seed-case-2",
      "--to",
      "case:serverless-2025-seed-case-2",
    );
    expect(r.code).toBe(0);
    expect(r.json.legs).toHaveLength(2);
    expect(r.json.legs[0]?.steps.map((s) => s.slot).sort()).toEqual([
      "observability",
      "orchestrator",
      "policy",
      "runtime",
    ]);
  });

  it("prints a table in Chinese, and YAML", async () => {
    const t = await runCli("migrate", "--from", "K8s + runc", "--to", "K3s + WasmEdge", "--lang", "zh");
    expect(t.code).toBe(0);
    expect(t.out).toContain("隔离");
    const y = await runCli("migrate", "--from", "K8s + runc", "--to", "K3s + WasmEdge", "--format", "yaml");
    expect(y.out).toContain("legs:");
  });

  it("unknown stacks: exit 1, nearest names, no stack trace", async () => {
    const r = await runCli("migrate", "--from", "K8s + runcc", "--to", "K3s");
    expect(r.code).toBe(1);
    expect(r.err).toContain("runc");
    expect(r.err).not.toContain("    at ");
    expect((await runCli("migrate", "--from", "K8s")).code).toBe(2);
  });
});

describe("stackatlas analyze", () => {
  it("answers JSON with centrality, communities, gaps, correlations and findings", async () => {
    const r = await runJson<Record<string, unknown>>("analyze", "--top", "3");
    expect(r.code).toBe(0);
    expect(Object.keys(r.json)).toEqual(
      expect.arrayContaining(["centrality", "communities", "gaps", "correlations", "findings", "matrices"]),
    );
    expect((await runCli("analyze", "--level", "L-9")).code).toBe(1);
  });
});

describe("stackatlas export", () => {
  it("writes DOT, Mermaid, Cypher and CSV for the network, a stack and a migration", async () => {
    expect((await runCli("export", "--as", "dot")).out).toMatch(/^digraph/);
    expect((await runCli("export", "--as", "mermaid", "--stack", "K3s + WasmEdge + Gatekeeper")).out).toMatch(
      /^flowchart LR/,
    );
    const cy = await runCli("export", "--as", "cypher", "--level", "L-4");
    expect(cy.out.split("\n")[0]).toContain("CREATE CONSTRAINT");
    expect((await runCli("export", "--as", "csv", "--table", "nodes")).out.split("\r\n")[0]).toMatch(/^id,label,kind/);
    const m = await runJson<{ nodes: unknown[] }>(
      "export",
      "--from",
      "case:serverless-2020-seed-case-2",
      "--to",
      "case:serverless-2025-seed-case-2",
    );
    expect(m.json.nodes.length).toBe(6);
  });

  it("bad input: unknown format is usage (2), unknown stack is 1", async () => {
    expect((await runCli("export", "--as", "svg")).code).toBe(2);
    expect((await runCli("export", "--stack", "K3s + Wasmedgee")).code).toBe(1);
    expect((await runCli("export", "--from", "K3s")).code).toBe(2);
  });
});
