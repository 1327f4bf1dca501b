// The queries a user caught the engine out on: each technology judged on its own figures, in English and Chinese.
import { describe, expect, it } from "vitest";
import type { RecommendResult } from "../src/recommend/recommend.js";
import { runJson } from "./_cli.js";

const WASM = "wasmedge,wasmtime,wasmer,wamr,wazero,v8-isolates,cloudflare-workers,spinkube,spin";
const TINY = ["recommend", "--cold-start-ms", "10", "--memory-mib", "8", "--exclude", WASM, "--top", "3"];
const SERVERLESS_2018 = [
  "recommend",
  ...["--scenario", "serverless", "--year", "2018", "--untrusted-code", "--multi-tenant"],
  ...["--linux-compatibility", "full", "--cold-start-ms", "200", "--top", "3"],
];
const VM_RUNTIMES = ["firecracker", "gvisor", "kata-containers"];

describe("10 ms / 8 MiB without Wasm: no stack admitted on a level's estimate", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`every stack shown is Firecracker, gVisor or Kata on its own figures, or says it cannot judge (${lang})`, async () => {
      const { code, json } = await runJson<RecommendResult>(...TINY, "--lang", lang);
      expect(code).toBe(0);
      expect(json.stacks.length).toBeGreaterThan(0);
      for (const s of json.stacks) {
        const judged = VM_RUNTIMES.includes(s.components.runtime.id);
        const cannot = s.unverified.some((u) => u.detail.startsWith(lang === "zh" ? "无法判断" : "cannot judge"));
        expect(judged || cannot, s.label).toBe(true);
        // A level's figure may shape soft terms (marked), never a `must` check.
        for (const line of s.explanation.filter((l) => /^(meets|满足)/.test(l)))
          expect(line).not.toMatch(/estimated from its level|按其层次估算/);
      }
      // Confidential Containers run Kata pod VMs: rejected on the bound Kata's own figures give.
      const coco = json.rejected.find((r) => r.component?.id === "confidential-containers");
      if (coco) expect(coco.reason).toMatch(/Kata/);
      expect(json.stacks.map((s) => s.components.runtime.id)).not.toContain("confidential-containers");
    });
  }

  it("names the fact that would settle an unknown check", async () => {
    const { json } = await runJson<RecommendResult>(...TINY);
    const unknown = json.stacks.flatMap((s) => s.unverified).find((u) => u.requirement === "memoryMiB");
    expect(unknown?.detail).toMatch(/memory \(per instance\) would settle it|memory per instance would settle it/);
  });
});

describe("2018 serverless, untrusted multi-tenant code, full Linux, cold start ≤ 200 ms", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`puts Firecracker in the top 3 (${lang})`, async () => {
      const { code, json } = await runJson<RecommendResult>(...SERVERLESS_2018, "--lang", lang);
      expect(code).toBe(0);
      expect(json.stacks.slice(0, 3).map((s) => s.components.runtime.id)).toContain("firecracker");
    });
  }

  it("rejects Firecracker on its own derived figure when the cold start asked is beyond it", async () => {
    const { json } = await runJson<RecommendResult>(...SERVERLESS_2018.map((a) => (a === "200" ? "1" : a)));
    expect(json.stacks.map((s) => s.components.runtime.id)).not.toContain("firecracker");
    const fc = json.rejected.find((r) => r.component?.id === "firecracker");
    expect(fc?.reason).toMatch(/VMM start/);
    expect(fc?.grade).toBe("A");
  });
});
