import { describe, expect, it } from "vitest";
import { AtlasError } from "../errors.js";
import { loadKb } from "../kb/load-kb.js";
import { parseStack, stackLabel } from "./parse-stack.js";

const kb = loadKb();

function thrown(f: () => unknown): AtlasError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    return e as AtlasError;
  }
  throw new Error("expected the call to throw");
}

describe("parseStack", () => {
  it("puts the seed's edge stack into its slots", () => {
    const p = parseStack(kb, "K3s + WasmEdge + Gatekeeper");
    expect(p.components).toMatchObject({ orchestrator: "k3s", runtime: "wasmedge", policy: "gatekeeper" });
    expect(p.label).toBe("K3s + WasmEdge + Gatekeeper");
    expect(p.versions).toEqual({});
  });

  it("resolves aliases: K8s, OPA-Runtime", () => {
    const p = parseStack(kb, "K8s + containerd + OPA-Runtime");
    expect(p.components.orchestrator).toBe("kubernetes");
    expect(p.components.policy).toBe("opa");
    expect([p.components.runtime, ...(p.components.supporting ?? [])]).toContain("containerd");
  });

  it("resolves Chinese names and separators", () => {
    const p = parseStack(kb, "K3s 轻量级 Kubernetes + WasmEdge 运行时 + 开放策略代理");
    expect(p.components).toMatchObject({ orchestrator: "k3s", runtime: "wasmedge", policy: "opa" });
    expect(parseStack(kb, "Kubernetes 和 containerd").components.orchestrator).toBe("kubernetes");
    expect(parseStack(kb, "K3s，WasmEdge").components.runtime).toBe("wasmedge");
  });

  it("records versions written beside a part", () => {
    const p = parseStack(kb, "K3s v1.30.4+k3s2 + WasmEdge 0.14.1");
    expect(p.components).toMatchObject({ orchestrator: "k3s", runtime: "wasmedge" });
    expect(p.versions).toEqual({ k3s: "v1.30.4+k3s2", wasmedge: "0.14.1" });
    expect(parseStack(kb, "K8s 1.30 + containerd").versions).toEqual({ kubernetes: "1.30" });
  });

  it("still splits a tight + after a version when the next part is a technology", () => {
    const p = parseStack(kb, "K8s 1.30+containerd");
    expect(p.components.orchestrator).toBe("kubernetes");
    expect([p.components.runtime, ...(p.components.supporting ?? [])]).toContain("containerd");
    expect(p.versions).toEqual({ kubernetes: "1.30" });
  });

  it('reads "OPA + business rules" as one part', () => {
    for (const text of ["K3s + WasmEdge + OPA + business rules", "K3s + WasmEdge + OPA+业务规则"]) {
      const p = parseStack(kb, text);
      expect(p.components.policy, text).toBe("opa-business-rules");
      expect(p.components.supporting ?? [], text).not.toContain("opa");
    }
  });

  it("labels a stack in English and Chinese", () => {
    const c = parseStack(kb, "K3s + WasmEdge").components;
    expect(stackLabel(kb, c)).toBe("K3s + WasmEdge");
    expect(stackLabel(kb, c, "zh")).toBe("K3s 轻量级 Kubernetes + WasmEdge 运行时");
  });

  it("throws NOT_FOUND naming unknown parts, with the nearest names", () => {
    const e = thrown(() => parseStack(kb, "K3s + WasmEdgy"));
    expect(e.code).toBe("NOT_FOUND");
    expect(e.suggestions).toContain("wasmedge");
  });

  it("throws INVALID_STACK for an empty stack", () => {
    expect(thrown(() => parseStack(kb, "  ")).code).toBe("INVALID_STACK");
  });
});
