import { describe, expect, it } from "vitest";
import { Relation } from "./relation.js";

describe("Relation: a `default` satisfier", () => {
  const dep = { type: "depends-on", target: "oci-runtime-spec", source: "containerd-repo" };
  const def = { technology: "runc", source: "docker-alternative-runtimes" };

  it("is accepted on a `depends-on` with a target, and needs its own source", () => {
    expect(Relation.safeParse({ ...dep, default: def }).success).toBe(true);
    expect(Relation.safeParse({ ...dep, default: { technology: "runc" } }).success).toBe(false);
  });

  it("is refused on other relation types and on `anyOf` lists", () => {
    const implementsIt = { type: "implements", target: "cri", source: "k8s-cri", default: def };
    const anyOf = {
      type: "depends-on",
      anyOf: ["containerd", "cri-o"],
      source: "kata-architecture-docs",
      default: def,
    };
    for (const r of [implementsIt, anyOf]) {
      const parsed = Relation.safeParse(r);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("default");
    }
  });
});
