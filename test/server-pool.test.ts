// The compute pool: CPU-bound operations in worker threads (the built worker, dist/compute-worker.js),
// answered as inline; health and cheap reads never wait behind them; a full queue is refused at once
// with 503 + Retry-After; an operation past its deadline is stopped and its worker replaced.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { randomSystem } from "../src/design/_random-system.js";
import { defaultDataDir } from "../src/kb/default-data-dir.js";
import { type ComputePool, createComputePool } from "../src/server/compute-pool.js";
import { builtInSource, expectError, json, postJson, testApp } from "./_server.js";

const workerFile = join(import.meta.dirname, "..", "dist", "compute-worker.cjs");
const source = builtInSource();
const generation = () => source.status().generation;

// An exact design of 40 seeded workloads: minutes of real work on the built-in knowledge base.
const SLOW_DESIGN = { system: stringify(randomSystem(7, 40)), solver: "exact" };

describe("a warm pool of two workers", () => {
  let pool: ComputePool;
  beforeAll(async () => {
    pool = createComputePool({ dir: defaultDataDir(), generation, threads: 2, workerFile, deadlineMs: 60_000 });
    await pool.warm();
  });
  afterAll(() => pool.close());

  it("answers recommend, design, migrate and a forecast as the inline app does", async () => {
    const pooled = testApp({ pool });
    const inline = testApp();
    const cases: [string, unknown][] = [
      ["/api/recommend?top=3", { scenario: "edge", year: 2025 }],
      ["/api/design", { system: "workloads:\n  - name: api\n    must: { linuxCompatibility: full }\n" }],
      ["/api/migrate", { from: "K8s + runc", to: "K8s + gVisor" }],
    ];
    for (const [path, body] of cases) {
      const a = await json(postJson(pooled, path, body));
      const b = await json(postJson(inline, path, body));
      expect(a.status).toBe(200);
      expect(a.body).toEqual(b.body);
    }
    const f = await json(pooled.request("/api/predict/scenarios/edge?years=2"));
    expect(f.body).toEqual((await json(inline.request("/api/predict/scenarios/edge?years=2"))).body);
  });

  it("answers a worker's domain errors with the same JSON error as inline, in English and Chinese", async () => {
    const pooled = testApp({ pool });
    const inline = testApp();
    for (const lang of ["en", "zh"]) {
      const body = { system: "workloads:\n  - name: a\n    must: { include: [kubernets] }\n" };
      const a = expectError(
        await json(postJson(pooled, `/api/design?lang=${lang}`, body)),
        400,
        "INVALID_REQUIREMENTS",
      );
      const b = expectError(
        await json(postJson(inline, `/api/design?lang=${lang}`, body)),
        400,
        "INVALID_REQUIREMENTS",
      );
      expect({ ...a, requestId: "" }).toEqual({ ...b, requestId: "" });
      expect(a.error.suggestions).toContain("kubernetes");
    }
    const nf = expectError(await json(pooled.request("/api/predict/scenarios/edgy")), 404, "NOT_FOUND");
    expect(nf.error.suggestions.join(" ")).toMatch(/\bedge\b/);
  });

  it("answers /healthz, /readyz and a technology while a long design is in flight", async () => {
    const app = testApp({ pool });
    const slow = postJson(app, "/api/design", SLOW_DESIGN);
    let settled = false;
    void slow.then(() => {
      settled = true;
    });
    expect((await app.request("/healthz")).status).toBe(200);
    expect((await app.request("/readyz")).status).toBe(200);
    expect((await app.request("/api/technologies/kubernetes")).status).toBe(200);
    expect(settled).toBe(false);
    await pool.close();
    pool = createComputePool({ dir: defaultDataDir(), generation, threads: 2, workerFile });
    await pool.warm();
  });
});

describe("admission control", () => {
  it("refuses a task at once with 503 and Retry-After when every worker is busy and the queue is full", async () => {
    const pool = createComputePool({ dir: defaultDataDir(), generation, threads: 1, maxQueue: 1, workerFile });
    try {
      const app = testApp({ pool, timeoutMs: 60_000 });
      const first = postJson(app, "/api/design", SLOW_DESIGN);
      const second = postJson(app, "/api/design", SLOW_DESIGN);
      const r = await json(postJson(app, "/api/design?lang=zh", SLOW_DESIGN));
      const body = expectError(r, 503, "OVERLOADED");
      expect(r.headers.get("retry-after")).toBe("1");
      expect(body.error.message).toContain("服务繁忙");
      void first.catch(() => undefined);
      void second.catch(() => undefined);
    } finally {
      await pool.close();
    }
  });

  it("stops an operation past its deadline (503), replaces the worker and answers the next request", async () => {
    const pool = createComputePool({ dir: defaultDataDir(), generation, threads: 1, deadlineMs: 8_000, workerFile });
    try {
      await pool.warm();
      const app = testApp({ pool, timeoutMs: 60_000 });
      const stopped = await json(postJson(app, "/api/design", SLOW_DESIGN));
      expectError(stopped, 503, "TIMEOUT");
      // The stopped worker's replacement starts (and reads the knowledge base) before it takes work.
      await pool.warm();
      const next = await postJson(app, "/api/migrate", { from: "K8s + runc", to: "K8s + gVisor" });
      expect(next.status).toBe(200);
    } finally {
      await pool.close();
    }
  });

  it("says not ready until the pool is warm", async () => {
    const pool = createComputePool({ dir: defaultDataDir(), generation, threads: 1, workerFile });
    try {
      const app = testApp({ pool });
      const before = await json(app.request("/readyz"));
      expect(before.status).toBe(503);
      expect(before.body).toMatchObject({ reason: "warming up" });
      await pool.warm();
      expect((await app.request("/readyz")).status).toBe(200);
    } finally {
      await pool.close();
    }
  });
});
