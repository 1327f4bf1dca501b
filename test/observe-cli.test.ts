// The observe and diagnose commands end to end (in-process CLI).
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "./_cli.js";

describe("stackatlas observe", () => {
  it("gives O1–O5 coverage and the verdict on complete = O1 + O2", async () => {
    const r = await runJson<{ complete: boolean; coverage: { signal: string }[]; gaps: { signal: string }[] }>(
      "observe",
      "case:serverless-2020-seed-case-2",
    );
    expect(r.code).toBe(0);
    expect(r.json.complete).toBe(false);
    expect(r.json.coverage.map((c) => c.signal)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
    expect(r.json.gaps.map((g) => g.signal)).toEqual(expect.arrayContaining(["O1", "O2"]));
  });

  it("prints a table in Chinese and YAML", async () => {
    const t = await runCli("observe", "K3s + WasmEdge + OpenTelemetry", "--lang", "zh");
    expect(t.code).toBe(0);
    expect(t.out).toContain("完整可观测性");
    expect((await runCli("observe", "K8s + runc", "--format", "yaml")).out).toContain("coverage:");
  });

  it("unknown stack: exit 1 with nearest names", async () => {
    const r = await runCli("observe", "K3s + WasmEdg");
    expect(r.code).toBe(1);
    expect(r.err).toContain("wasmedge");
  });
});

describe("stackatlas diagnose", () => {
  it("maps a vertical + horizontal signal to the layer and the O1 × O2 cell", async () => {
    const r = await runJson<{ layer: { code: string }; cell: { row: string; column: string } }>(
      "diagnose",
      "--vertical",
      "OOMKilled",
      "--horizontal",
      "span duration 2s",
      "--service",
      "checkout",
    );
    expect(r.code).toBe(0);
    expect(r.json.layer.code).toBe("L-3");
    expect(r.json.cell).toMatchObject({ row: "span-duration-spike", column: "L-3" });
  });

  it("prints the matrix, and a table in Chinese", async () => {
    expect((await runCli("diagnose", "--matrix")).out).toContain("L-4");
    const t = await runCli("diagnose", "--vertical", "EPT violation", "--lang", "zh");
    expect(t.out).toContain("层级");
  });

  it("unknown signals: exit 1 with the nearest; no signal: usage", async () => {
    const r = await runCli("diagnose", "--vertical", "kernel: Sentry syscall denied!!");
    expect(r.code).toBe(0);
    const bad = await runCli("diagnose", "--vertical", "OOMKiled");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("did you mean");
    expect((await runCli("diagnose")).code).toBe(2);
  });
});
