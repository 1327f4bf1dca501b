import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../kb/load-kb.js";
import { runtimeClassHandler, technologyForHandler } from "./runtime-class-handler.js";

const kb = loadKb(resolve(import.meta.dirname, "../../data"));

describe("runtimeClassHandler", () => {
  it("reads each handler from the knowledge base's names", () => {
    const h = (id: string) => runtimeClassHandler(kb, id)?.handler;
    expect(h("runc")).toBe("runc");
    expect(h("crun")).toBe("crun");
    expect(h("gvisor")).toBe("runsc");
    expect(h("kata-containers")).toBe("kata");
    expect(h("wasmedge")).toBe("wasmedge");
    expect(h("wasmtime")).toBe("wasmtime");
    expect(h("spinkube")).toBe("spin");
  });
  it("has none for what a RuntimeClass cannot select, or an unknown id", () => {
    for (const id of ["firecracker", "v8-isolates", "kubevirt", "no-such-runtime"]) {
      expect(runtimeClassHandler(kb, id)).toBeUndefined();
    }
  });
});

describe("technologyForHandler", () => {
  it("maps handlers, their families and names back to runtimes", () => {
    expect(technologyForHandler(kb, "runc")).toBe("runc");
    expect(technologyForHandler(kb, "runsc")).toBe("gvisor");
    expect(technologyForHandler(kb, "gvisor")).toBe("gvisor");
    for (const k of ["kata", "kata-qemu", "kata-fc", "kata-clh"])
      expect(technologyForHandler(kb, k)).toBe("kata-containers");
    expect(technologyForHandler(kb, "wasmedge")).toBe("wasmedge");
    expect(technologyForHandler(kb, "spin")).toBe("spinkube");
    expect(technologyForHandler(kb, "crun")).toBe("crun");
    expect(technologyForHandler(kb, "nonsense-handler")).toBeUndefined();
  });
});
