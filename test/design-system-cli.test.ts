// `stackatlas design FILE` and `POST /api/design`: each example system, a kubectl export, and bad input.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { AtlasApp } from "../src/server/app-env.js";
import { runCli, runJson } from "./_cli.js";
import { type ErrorJson, postJson, testApp } from "./_server.js";

const EX = resolve(import.meta.dirname, "../examples");
const ex = (f: string) => join(EX, f);

interface Out {
  system: { format: string };
  platform: { label: string; components: { orchestrator: { id: string } | null; runtimes: { id: string }[] } };
  workloads: {
    name: string;
    met: boolean;
    runtime: { id: string } | null;
    runtimeClass: string | null;
    current?: { runtime: string };
  }[];
  runtimeClasses: { name: string; handler: string; yaml: string }[];
  conflicts: unknown[];
  diagram: { mermaid: string };
}

describe("stackatlas design", () => {
  for (const f of [
    "retail-edge-chain.yaml",
    "multi-tenant-saas.yaml",
    "ai-inference-platform.yaml",
    "saas-cluster-export.json",
  ]) {
    it(`designs ${f}: every workload met, each on a RuntimeClass`, async () => {
      const r = await runJson<Out>("design", ex(f));
      expect(r.code).toBe(0);
      expect(r.json.workloads.every((w) => w.met && w.runtimeClass)).toBe(true);
      expect(r.json.conflicts).toEqual([]);
      expect(r.json.diagram.mermaid).toMatch(/^flowchart LR/);
    });
  }

  it("reads a kubectl export as such, with what each workload runs today", async () => {
    const r = await runJson<Out>("design", ex("saas-cluster-export.json"));
    expect(r.json.system.format).toBe("kubectl");
    const fn = r.json.workloads.find((w) => w.name === "tenants/tenant-functions")!;
    expect(fn.current?.runtime).toBe("gvisor");
    expect(["runc", "crun"]).not.toContain(fn.runtime!.id);
  });

  it("prints a table for people and the manifests alone with --manifests", async () => {
    const t = await runCli("design", ex("multi-tenant-saas.yaml"));
    expect(t.code).toBe(0);
    expect(t.out).toContain("kind: RuntimeClass");
    expect(t.out).toContain("tenant-functions");
    const m = await runCli("design", ex("multi-tenant-saas.yaml"), "--manifests");
    const docs = parseAllDocuments(m.out).map((d) => d.toJS() as { kind: string; handler: string });
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.kind === "RuntimeClass" && d.handler)).toBe(true);
    const h = await runJson<Out>("design", ex("ai-inference-platform.yaml"), "--solver", "heuristic");
    expect(h.code).toBe(0);
  });

  it("refuses bad input with exit 1 and the location", async () => {
    const dir = mkdtempSync(join(tmpdir(), "design-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "workloads:\n  - name: api\n    replica: 3\n");
    const r = await runCli("design", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:3:5`);
    expect(r.err).toContain("replicas");
    const wrong = join(dir, "nodes.json");
    writeFileSync(
      wrong,
      JSON.stringify({ apiVersion: "v1", kind: "NodeList", items: [{ kind: "Node", metadata: { name: "n" } }] }),
    );
    expect((await runCli("design", wrong)).code).toBe(1);
    expect((await runCli("design", join(dir, "missing.yaml"))).code).toBe(1);
  });
});

describe("POST /api/design", () => {
  let app: AtlasApp;
  beforeAll(() => {
    app = testApp();
  });

  it("designs a system posted as text, as the web's Design page sends it", async () => {
    const res = await postJson(app, "/api/design", { system: readFileSync(ex("multi-tenant-saas.yaml"), "utf8") });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Out;
    expect(body.platform.components.orchestrator?.id).toBe("kubernetes");
    expect(body.workloads.every((w) => w.met)).toBe(true);
    expect(body.runtimeClasses.some((c) => c.handler === "kata")).toBe(true);
    const k = await postJson(app, "/api/design?lang=zh", {
      system: readFileSync(ex("saas-cluster-export.json"), "utf8"),
      solver: "heuristic",
    });
    expect(k.status).toBe(200);
  });

  it("answers 400 with the problems and their locations", async () => {
    const bad = await postJson(app, "/api/design", { system: "workloads:\n  - name: api\n    colour: red\n" });
    expect(bad.status).toBe(400);
    const e = (await bad.json()) as ErrorJson;
    expect(e.error.code).toBe("INVALID_REQUIREMENTS");
    expect(e.error.message).toContain("system:3:5");
    const shape = await postJson(app, "/api/design", { text: "x" });
    expect(shape.status).toBe(400);
    const kind = await postJson(app, "/api/design", { system: "apiVersion: v1\nkind: Service\n" });
    expect(kind.status).toBe(400);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/design");
  });
});
