// Every memo kept per request input is bounded: after N + k distinct inputs a memo holds N entries, so a
// hostile stream of distinct queries cannot grow the server's memory without bound. Memos keyed by the
// knowledge base alone (its technologies, dimensions, scenarios) need no bound and are not here.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { judgeFigure, judgementMemoSize, MAX_JUDGEMENTS } from "../src/evidence/judge-figure.js";
import { defaultDataDir } from "../src/kb/default-data-dir.js";
import { loadKb } from "../src/kb/load-kb.js";
import { completionMemoSize, evaluateStack, MAX_COMPLETIONS } from "../src/recommend/evaluate-stack.js";
import { fitTable, fitTableMemoSize, MAX_FIT_TABLES } from "../src/recommend/fit-table.js";
import { buildQueryContext } from "../src/recommend/query-context.js";
import { resolveRequirements } from "../src/recommend/resolve-requirements.js";
import { responseCache } from "../src/server/middleware/response-cache.js";

describe("the response cache", () => {
  const appWith = (options: { maxEntries?: number; maxBytes?: number }) => {
    const cache = responseCache({ revision: () => 1, ...options });
    let computed = 0;
    const app = new Hono();
    app.use("*", cache);
    app.get("/n/:i", (c) => {
      computed++;
      return c.json({ i: c.req.param("i"), pad: "x".repeat(100) });
    });
    return { app, cache, computed: () => computed };
  };

  it("keeps N answers after N + k distinct URLs, the least recently used dropped", async () => {
    const { app, cache, computed } = appWith({ maxEntries: 40 });
    for (let i = 0; i < 55; i++) expect((await app.request(`/n/${i}`)).status).toBe(200);
    expect(cache.size()).toBe(40);
    expect(computed()).toBe(55);
    await app.request("/n/54");
    expect(computed()).toBe(55);
    await app.request("/n/0");
    expect(computed()).toBe(56);
    expect(cache.size()).toBe(40);
  });

  it("keeps fewer answers when their bytes reach the byte limit first", async () => {
    const { app, cache } = appWith({ maxEntries: 500, maxBytes: 8 * 1024 });
    for (let i = 0; i < 200; i++) await app.request(`/n/${i}`);
    expect(cache.size()).toBeGreaterThan(0);
    expect(cache.size()).toBeLessThan(80);
  });
});

describe("engine memos keyed by request input", () => {
  const kb = loadKb(defaultDataDir());

  it("judgements: N after N + k distinct requested ranges", () => {
    for (let i = 0; i < MAX_JUDGEMENTS + 500; i++) judgeFigure(kb, "firecracker", "cold-start", "instance", { max: i });
    expect(judgementMemoSize(kb)).toBe(MAX_JUDGEMENTS);
    // A recent range is still answered from the memo: the same object.
    const last = { max: MAX_JUDGEMENTS + 499 };
    expect(judgeFigure(kb, "firecracker", "cold-start", "instance", last)).toBe(
      judgeFigure(kb, "firecracker", "cold-start", "instance", last),
    );
    expect(judgementMemoSize(kb)).toBe(MAX_JUDGEMENTS);
  });

  it("fit tables: N after N + k distinct scenario × year", () => {
    const scenarios = [...kb.scenarios.keys()];
    const asked: [string, number][] = [];
    for (let year = 1960; year <= 2100 && asked.length < MAX_FIT_TABLES + 50; year++)
      for (const s of scenarios) asked.push([s, year]);
    expect(asked.length).toBeGreaterThanOrEqual(MAX_FIT_TABLES + 50);
    for (const [s, year] of asked) fitTable(kb, s, new Set(), year);
    expect(fitTableMemoSize(kb)).toBe(MAX_FIT_TABLES);
    const [s, year] = asked.at(-1)!;
    expect(fitTable(kb, s, new Set(), year)).toBe(fitTable(kb, s, new Set(), year));
  });

  it("stack completions: N after N + k distinct stacks", () => {
    const ctx = buildQueryContext(kb, resolveRequirements(kb, {}));
    const ids = (role: string) => [...kb.technologies.values()].filter((t) => t.role === role).map((t) => t.id);
    const [runtimes, orchestrators, policies, tools] = ["runtime", "orchestrator", "policy", "observability"].map(ids);
    let n = 0;
    const want = MAX_COMPLETIONS + 200;
    outer: for (const runtime of runtimes!)
      for (const orchestrator of [null, ...orchestrators!])
        for (const policy of [null, ...policies!])
          for (const observability of [[], ...tools!.map((t) => [t])]) {
            evaluateStack(ctx, { runtime, orchestrator, policy, observability });
            if (++n >= want) break outer;
          }
    expect(n).toBe(want);
    expect(completionMemoSize(kb)).toBe(MAX_COMPLETIONS);
  });
});
