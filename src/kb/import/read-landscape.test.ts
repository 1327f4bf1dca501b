import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseLandscape, readLandscape } from "./read-landscape.js";

const SAMPLE = `
landscape:
  - category:
    name: Runtime
    subcategories:
      - subcategory:
        name: Container Runtime
        items:
          - item:
            name: containerd
            homepage_url: https://containerd.io/
            repo_url: https://github.com/containerd/containerd
            project: graduated
            description: An industry-standard container runtime
            second_path: ["Wasm / Runtime"]
            extra:
              accepted: '2017-03-29'
              incubating: '2017-03-29'
              graduated: '2019-02-28'
          - item:
            name: Not CNCF
            homepage_url: https://example.com/
`;

describe("parseLandscape", () => {
  it("flattens categories, subcategories and items, with maturity and dates", () => {
    const items = parseLandscape(SAMPLE);
    expect(items).toEqual([
      {
        name: "containerd",
        category: "Runtime",
        subcategory: "Container Runtime",
        project: "graduated",
        dates: { accepted: "2017-03-29", incubating: "2017-03-29", graduated: "2019-02-28" },
        homepage_url: "https://containerd.io/",
        repo_url: "https://github.com/containerd/containerd",
        description: "An industry-standard container runtime",
        second_path: ["Wasm / Runtime"],
      },
      {
        name: "Not CNCF",
        category: "Runtime",
        subcategory: "Container Runtime",
        dates: {},
        homepage_url: "https://example.com/",
        second_path: [],
      },
    ]);
  });
  it("refuses a file that is no landscape", () => {
    expect(() => parseLandscape("items: []\n")).toThrow(/not a CNCF landscape/);
  });
});

const real = resolve(import.meta.dirname, "../../../../shared/data/cncf-landscape/landscape.yml");
describe.skipIf(!existsSync(real))("readLandscape on the real landscape.yml", () => {
  it("reads all 2,413 items, 255 with a maturity", () => {
    const items = readLandscape(real);
    expect(items.length).toBe(2413);
    expect(items.filter((i) => i.project !== undefined).length).toBe(255);
    expect(items.find((i) => i.name === "Kubernetes")?.dates.graduated).toBe("2018-03-06");
  });
});
