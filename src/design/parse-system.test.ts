import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { parseDesignInput } from "./parse-system.js";
import { SystemError } from "./system-error.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

function problems(text: string, file = "sys.yaml") {
  try {
    parseDesignInput(kb, text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(SystemError);
    expect((e as SystemError).code).toBe("INVALID_REQUIREMENTS");
    return (e as SystemError).problems;
  }
  throw new Error("expected a SystemError");
}

describe("parseDesignInput: system files", () => {
  it("reads workloads, platform constraints and signal aliases", () => {
    const input = parseDesignInput(
      kb,
      "platform:\n  mustStayOn: k8s\n  observability: [OTLP]\nworkloads:\n  - name: api\n    replicas: 3\n    must: { observability: [eBPF], untrustedCode: true }\n",
    );
    expect(input.format).toBe("system");
    expect(input.system.platform?.observability).toEqual(["O1"]);
    expect(input.system.workloads[0]?.must?.observability).toEqual(["O2"]);
  });

  it("locates an unknown workload field, with the nearest valid key", () => {
    const p = problems("workloads:\n  - name: api\n    replica: 3\n");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({
      code: "UNKNOWN_KEY",
      path: "workloads[0].replica",
      file: "sys.yaml",
      line: 3,
      column: 5,
    });
    expect(p[0]?.suggestions).toContain("replicas");
  });

  it("collects every problem: types, unknown names, levels, duplicates", () => {
    const p = problems(
      [
        "platform:",
        "  orchestrator: { include: [kubernets] }",
        "workloads:",
        "  - name: api",
        "    must: { include: [wasmedgy], isolation: { atLeast: L-9 } }",
        "  - name: api",
      ].join("\n"),
    );
    expect(p.map((x) => x.code).sort()).toEqual([
      "DUPLICATE_NAME",
      "UNKNOWN_LEVEL",
      "UNKNOWN_TECHNOLOGY",
      "UNKNOWN_TECHNOLOGY",
    ]);
    const dup = p.find((x) => x.code === "DUPLICATE_NAME")!;
    expect(dup).toMatchObject({ path: "workloads[1].name", line: 6 });
    const inc = p.find((x) => x.path === "workloads[0].must.include[0]")!;
    expect(inc.line).toBe(5);
    expect(inc.suggestions).toContain("wasmedge");
    expect(p.find((x) => x.path === "platform.orchestrator.include[0]")?.suggestions).toContain("kubernetes");
    expect(problems("workloads: []\n")[0]?.code).toBe("BAD_RANGE");
    expect(problems("workloads:\n  - name: 3\n    replicas: many\n").map((x) => x.code)).toEqual([
      "WRONG_TYPE",
      "WRONG_TYPE",
    ]);
  });

  it("reports malformed YAML and JSON at its position", () => {
    const y = problems("workloads:\n  - name: api\n   must: {\n");
    expect(y[0]?.code).toBe("YAML_SYNTAX");
    expect(y[0]?.line).toBeGreaterThan(1);
    expect(problems('{"workloads": [}', "s.json")[0]?.code).toBe("YAML_SYNTAX");
    expect(problems("- just\n- a list\n")[0]?.code).toBe("WRONG_TYPE");
  });
});

describe("parseDesignInput: kubectl exports", () => {
  const exportText = readFileSync(resolve(import.meta.dirname, "../../examples/saas-cluster-export.json"), "utf8");

  it("reads each workload's runtime, GPUs and current coordinate", () => {
    const input = parseDesignInput(kb, exportText, "export.json");
    expect(input.format).toBe("kubectl");
    const byName = new Map(input.current.map((c) => [c.name, c]));
    // The pod its ReplicaSet owns is counted through its Deployment.
    expect([...byName.keys()].sort()).toEqual([
      "inference/llm-serving",
      "inference/tokenizer",
      "platform/control-plane-api",
      "tenants/debug-shell",
      "tenants/tenant-containers",
      "tenants/tenant-functions",
    ]);
    expect(byName.get("tenants/tenant-functions")).toMatchObject({ handler: "runsc", runtime: "gvisor", replicas: 40 });
    expect(byName.get("tenants/tenant-containers")).toMatchObject({ handler: "kata-qemu", runtime: "kata-containers" });
    expect(byName.get("platform/control-plane-api")).toMatchObject({
      handler: "runc",
      runtime: "runc",
      runtimeClassName: null,
    });
    expect(byName.get("inference/llm-serving")?.gpus).toBe(1);
    expect(byName.get("inference/tokenizer")?.runtime).toBe("wasmedge");
    expect(byName.get("tenants/tenant-functions")?.coordinate?.D).toBe(4);
    expect(byName.get("platform/control-plane-api")?.coordinate?.D).toBe(3);
    const must = new Map(input.system.workloads.map((w) => [w.name, w.must ?? {}]));
    expect(must.get("tenants/tenant-functions")).toMatchObject({ untrustedCode: true, linuxCompatibility: "most" });
    expect(must.get("tenants/tenant-containers")).toMatchObject({ untrustedCode: true, linuxCompatibility: "full" });
    expect(must.get("inference/llm-serving")).toMatchObject({ gpu: true });
    expect(must.get("inference/tokenizer")).toMatchObject({ include: ["wasmedge"] });
  });

  it("refuses an export of the wrong kind, at its location", () => {
    const nodes = JSON.stringify(
      { apiVersion: "v1", kind: "List", items: [{ apiVersion: "v1", kind: "Node", metadata: { name: "n1" } }] },
      null,
      2,
    );
    const p = problems(nodes, "nodes.json");
    expect(p[0]).toMatchObject({ code: "WRONG_KIND", path: "items[0].kind", line: 7 });
    const cm = problems("apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n");
    expect(cm[0]).toMatchObject({ code: "WRONG_KIND", path: "kind", line: 2 });
    expect(problems("apiVersion: v1\nkind: List\nitems: 3\n")[0]?.code).toBe("WRONG_TYPE");
  });
});
