import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { observeStack } from "./observe-stack.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

describe("observeStack", () => {
  it("the seed's 2020 serverless stack is not complete: O1 and O2 are missing", () => {
    const r = observeStack(kb, "case:serverless-2020-seed-case-2");
    expect(r.complete).toBe(false);
    expect(r.rules[0]?.missing).toEqual(["O1", "O2"]);
    expect(r.coverage.find((c) => c.signal === "O3")?.coverage).toBe("full");
  });

  it("the 2025 stack is complete, with eBPF limited inside the Wasm sandbox (from WasmEdge's trait)", () => {
    const r = observeStack(kb, "case:serverless-2025-seed-case-2");
    expect(r.complete).toBe(true);
    expect(r.rules[0]?.limited).toEqual(["O2"]);
    const v = r.visibility.find((x) => x.signal === "O2")!;
    expect(v).toMatchObject({ basis: "trait", runtime: "wasmedge", value: "partial" });
    expect(kb.sources.has(v.source ?? "")).toBe(true);
  });

  it("eBPF sees runc containers fully, gVisor sandboxes partly", () => {
    expect(observeStack(kb, "K8s + runc").visibility[0]?.reach).toBe("full");
    expect(observeStack(kb, "K8s + gVisor").visibility[0]?.reach).toBe("partial");
  });

  it("proposes tools that close each gap and work with the stack", () => {
    const r = observeStack(kb, "K3s + runc + Prometheus");
    const o1 = r.gaps.find((g) => g.signal === "O1")!;
    expect(o1.kind).toBe("missing");
    expect(o1.closable).toBe(true);
    expect(o1.tools[0]?.works).toBe(true);
    // Pixie needs the Kubernetes API: without an orchestrator it does not work.
    const bare = observeStack(kb, "runc + Prometheus", { top: 50 });
    const pixie = bare.gaps.find((g) => g.signal === "O2")?.tools.find((t) => t.id === "pixie");
    expect(pixie?.works).toBe(false);
  });

  it("rejects an unknown stack with the nearest names", () => {
    expect(() => observeStack(kb, "K3s + WasmEdg")).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
