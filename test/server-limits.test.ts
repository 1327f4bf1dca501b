// Hostile input at the HTTP API: long lists, many-key and deeply nested YAML, bodies over a route's limit.
// Each is answered 400 or 413 with the error shape every route shares (never a freeze, never a 500).
import { describe, expect, it } from "vitest";
import { expectError, json, postJson, testApp } from "./_server.js";

const app = testApp();

const unknownNames = (n: number) => ["kubernets", "gvisr", ...Array.from({ length: n - 2 }, (_, i) => `nosuch-${i}`)];

describe("requirements checked as the CLI checks them", () => {
  it("answers 12,000 unknown names in must.include with 400, the first ones named with the nearest names", async () => {
    const r = await json(postJson(app, "/api/recommend", { must: { include: unknownNames(12_000) } }));
    const body = expectError(r, 400, "INVALID_REQUIREMENTS");
    const codes = body.error.issues.map((i) => i.code);
    expect(codes).toContain("BAD_RANGE");
    expect(body.error.issues).toContainEqual(
      expect.objectContaining({ path: ["body", "must", "include", 0], code: "UNKNOWN_TECHNOLOGY" }),
    );
    expect(body.error.suggestions).toContain("kubernetes");
    expect(body.error.suggestions).toContain("gvisor");
    // The first problems are located and listed, the rest counted.
    expect(body.error.issues.length).toBeLessThanOrEqual(50);
    expect(body.error.message).toMatch(/\d+ more problems not listed/);
  });

  it("answers unknown names within the list's cap with 400 and did-you-mean, in Chinese when asked", async () => {
    const r = await json(
      postJson(app, "/api/recommend?lang=zh", { must: { include: ["kubernets"], exclude: ["gvisr"] } }),
    );
    const body = expectError(r, 400, "INVALID_REQUIREMENTS");
    expect(body.error.issues.map((i) => i.code)).toEqual(["UNKNOWN_TECHNOLOGY", "UNKNOWN_TECHNOLOGY"]);
    expect(body.error.issues[1]?.path).toEqual(["body", "must", "exclude", 0]);
    expect(body.error.message).toContain("未知技术");
    expect(body.error.suggestions).toEqual(expect.arrayContaining(["kubernetes", "gvisor"]));
  });

  it("refuses a list over its cap even when every name is known", async () => {
    const r = await json(postJson(app, "/api/recommend", { must: { exclude: Array(101).fill("gvisor") } }));
    const body = expectError(r, 400, "INVALID_REQUIREMENTS");
    expect(body.error.issues).toEqual([
      expect.objectContaining({ path: ["body", "must", "exclude"], code: "BAD_RANGE" }),
    ]);
  });

  it("still answers known names and a wrong type as before", async () => {
    expect((await postJson(app, "/api/recommend", { must: { include: ["k3s"] } })).status).toBe(200);
    const r = await json(postJson(app, "/api/recommend", { must: { gpu: "yes" } }));
    expect(expectError(r, 400, "INVALID_REQUIREMENTS").error.issues[0]?.code).toBe("WRONG_TYPE");
  });
});

describe("YAML within a budget", () => {
  it("answers a system with 20,000 unknown keys with the first 50 located and the rest counted", async () => {
    const system = `workloads:\n  - name: a\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join("\n")}\n`;
    const r = await json(postJson(app, "/api/design", { system }));
    const body = expectError(r, 400, "INVALID_REQUIREMENTS");
    expect(body.error.issues).toHaveLength(50);
    expect(body.error.issues[0]?.code).toBe("UNKNOWN_KEY");
    expect(body.error.message).toContain("19950 more problems not listed");
  });

  it("answers many duplicate keys with the first ones and a count", async () => {
    const system = `workloads:\n  - name: a\n${Array.from({ length: 2_000 }, () => "name: b").join("\n")}\n`;
    const r = await json(postJson(app, "/api/design", { system }));
    const body = expectError(r, 400, "INVALID_REQUIREMENTS");
    expect(body.error.issues.length).toBeLessThanOrEqual(51);
    expect(body.error.message).toMatch(/unique/);
  });

  it("answers deep nesting with a clear refusal, never the engine's stack overflow", async () => {
    for (const system of [
      `workloads: ${"[".repeat(5_000)}${"]".repeat(5_000)}`,
      `a: ${"[".repeat(100)}${"]".repeat(100)}`,
    ]) {
      const r = await json(postJson(app, "/api/design?lang=zh", { system }));
      const body = expectError(r, 400, "INVALID_REQUIREMENTS");
      expect(body.error.issues.map((i) => i.code)).toEqual(["YAML_TOO_LARGE"]);
      expect(body.error.message).toContain("嵌套超过 64 层");
      expect(JSON.stringify(body)).not.toMatch(/call stack/i);
    }
  });
});

describe("body limits per route", () => {
  it("answers a 100 KiB lookup body with 413, while recommend reads one that size", async () => {
    const big = { coordinate: "D=4", pad: "x".repeat(100 * 1024) };
    expectError(await json(postJson(app, "/api/lookup", big)), 413, "PAYLOAD_TOO_LARGE");
    const r = await json(postJson(app, "/api/recommend", { scenario: "x".repeat(100 * 1024) }));
    expectError(r, 400, "INVALID_REQUIREMENTS");
  });
});
