import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance.js";
import { didYouMean, suggestNames } from "./suggest-names.js";

describe("editDistance", () => {
  it("counts edits, swaps and Chinese characters", () => {
    expect(editDistance("k3", "k3s")).toBe(1);
    expect(editDistance("kubernets", "kubernetes")).toBe(1);
    expect(editDistance("kuberentes", "kubernetes")).toBe(1);
    expect(editDistance("边缘计算", "边缘运算")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("is a symmetric distance, zero only for equal strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe("suggestNames", () => {
  it("suggests the nearest names, best first", () => {
    expect(suggestNames("k3", ["k3s", "kubernetes", "k0s"])[0]).toBe("k3s");
    expect(suggestNames("kubernets", ["k3s", "kubernetes", "kubeedge"])).toEqual(["kubernetes"]);
  });
  it("matches names and aliases and suggests their value", () => {
    const candidates = [
      { label: "kubernetes", value: "kubernetes" },
      { label: "K8s", value: "kubernetes" },
      { label: "边缘计算", value: "edge" },
    ];
    expect(suggestNames("k8", candidates)).toEqual(["kubernetes"]);
    expect(suggestNames("边缘计", candidates)).toEqual(["edge"]);
  });
  it("suggests nothing far off", () => {
    expect(suggestNames("prometheus", ["k3s", "wasmedge"])).toEqual([]);
    expect(suggestNames("", ["k3s"])).toEqual([]);
  });
  it("writes the did-you-mean tail", () => {
    expect(didYouMean(["k3s"])).toBe(' — did you mean "k3s"?');
    expect(didYouMean([])).toBe("");
  });
});
