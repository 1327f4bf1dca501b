// POST /api/recommend through app.request(): the seed's case 1, the learned weights evaluated in the
// background, and bad requirements.
import { beforeAll, describe, expect, it } from "vitest";
import type { AtlasApp } from "../src/server/app-env.js";
import { type ErrorJson, postJson, testApp } from "./_server.js";

let app: AtlasApp;
beforeAll(() => {
  app = testApp();
});

interface RecommendJson {
  weights: { source: string; why: string };
  analysis: { coordinate: { text: string } };
  stacks: {
    rank: number;
    label: string;
    components: { runtime: { id: string }; orchestrator: { id: string } | null; policy: { id: string } | null };
  }[];
  rejected: { reason: string }[];
}

describe("POST /api/recommend", () => {
  it("ranks the seed's case 1 stack first: K3s + WasmEdge with Gatekeeper", async () => {
    const res = await postJson(app, "/api/recommend?top=3&weights=hand", {
      scenario: "边缘计算",
      year: 2025,
      must: { coldStartMs: { max: 10 }, memoryMiB: { max: 5 }, policy: { atLeast: "Z3" }, observability: ["O1", "O2"] },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RecommendJson;
    const first = body.stacks[0]!;
    expect(first.components.runtime.id).toBe("wasmedge");
    expect(first.components.orchestrator?.id).toBe("k3s");
    expect(["gatekeeper", "opa-wasm"]).toContain(first.components.policy?.id);
    expect(body.rejected.length).toBeGreaterThan(0);
  });

  it("answers at once with the hand-set weights while the learned ones are evaluated, and says so", async () => {
    const res = await postJson(app, "/api/recommend", { scenario: "serverless" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as RecommendJson;
    // The first request with auto weights for this app's knowledge base: they cannot be ready yet.
    expect(body.weights.source).toBe("hand");
    expect(body.weights.why).toContain("still being evaluated");
    expect(body.stacks.length).toBeGreaterThan(0);
  });

  it("takes `raw` in the body: the k best scores however alike; by default k different runtimes", async () => {
    const req = { scenario: "edge", year: 2025 };
    const runtimes = async (body: object) => {
      const res = await postJson(app, "/api/recommend?top=3&weights=hand", body);
      expect(res.status).toBe(200);
      const json = (await res.json()) as RecommendJson & { ranking: string };
      return { ranking: json.ranking, n: new Set(json.stacks.map((s) => s.components.runtime.id)).size };
    };
    expect(await runtimes(req)).toEqual({ ranking: "diverse", n: 3 });
    const raw = await runtimes({ ...req, raw: true });
    expect(raw.ranking).toBe("raw");
    expect(raw.n).toBeLessThan(3);
    const bad = await postJson(app, "/api/recommend", { ...req, raw: "yes" });
    expect(bad.status).toBe(400);
  });

  it("answers 400 with the issues for a range with min above max and for an unknown key", async () => {
    for (const bad of [{ must: { coldStartMs: { min: 10, max: 1 } } }, { must: { latency: 3 } }, { scenario: 5 }]) {
      const res = await postJson(app, "/api/recommend", bad);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorJson;
      expect(body.error.issues.length).toBeGreaterThan(0);
    }
  });

  it("answers an unknown scenario with the nearest names", async () => {
    const res = await postJson(app, "/api/recommend", { scenario: "edgy" });
    expect([400, 404]).toContain(res.status);
    const body = (await res.json()) as ErrorJson;
    expect(JSON.stringify(body.error)).toContain("edge");
  });
});
