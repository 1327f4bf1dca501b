import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AtlasError, NotFoundError } from "../../errors.js";
import { shippedLandscapePath } from "./default-landscape-path.js";
import { InvalidLandscapeError } from "./invalid-landscape-error.js";
import { parseLandscape, readLandscape, safeParseLandscape } from "./read-landscape.js";

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
  it("flattens categories, subcategories and items, with maturity, dates and the item's line", () => {
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
        line: 9,
      },
      {
        name: "Not CNCF",
        category: "Runtime",
        subcategory: "Container Runtime",
        dates: {},
        homepage_url: "https://example.com/",
        second_path: [],
        line: 20,
      },
    ]);
  });

  it("refuses a file that is no landscape, at line 1", () => {
    const r = safeParseLandscape("items: []\n", "x.yml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: "LANDSCAPE_LAYOUT", file: "x.yml", line: 1 });
    expect(() => parseLandscape("items: []\n")).toThrow(InvalidLandscapeError);
  });

  it("reports a malformed or impossible date at its line and column", () => {
    const bad = SAMPLE.replace("graduated: '2019-02-28'", "graduated: '2019-02-30'").replace(
      "accepted: '2017-03-29'",
      "accepted: 'March 2017'",
    );
    const r = safeParseLandscape(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.line])).toEqual([
      ["LANDSCAPE_DATE", 17],
      ["LANDSCAPE_DATE", 19],
    ]);
    expect(r.errors[0]!.path).toBe("landscape[0].subcategories[0].items[0].extra.accepted");
    expect(r.errors[0]!.column).toBeGreaterThan(1);
  });

  it("reports a name listed twice in one subcategory, and an unknown maturity", () => {
    const dup = `${SAMPLE}          - item:\n            name: containerd\n            project: retired\n`;
    const r = safeParseLandscape(dup);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.code, e.line])).toEqual([["LANDSCAPE_DUPLICATE", 23]]);
    const maturity = SAMPLE.replace("project: graduated", "project: retired");
    const m = safeParseLandscape(maturity);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.errors.map((e) => [e.code, e.line])).toEqual([["LANDSCAPE_MATURITY", 13]]);
  });

  it("reports YAML syntax and duplicate keys with their line", () => {
    const r = safeParseLandscape("landscape:\n  - name: A\n    name: B\n    subcategories: []\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: "LANDSCAPE_DUPLICATE", line: 3 });
    const s = safeParseLandscape("landscape: [\n");
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors[0]!.code).toBe("LANDSCAPE_YAML");
  });

  it("warns (without failing) on dates out of order", () => {
    const r = safeParseLandscape(SAMPLE.replace("graduated: '2019-02-28'", "graduated: '2016-02-28'"));
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["LANDSCAPE_DATE_ORDER"]);
  });

  it("the error of a bad file is an AtlasError with code INVALID_ARGUMENT; a missing file is NOT_FOUND", () => {
    try {
      parseLandscape("items: []\n");
    } catch (e) {
      expect(e).toBeInstanceOf(AtlasError);
      expect((e as AtlasError).code).toBe("INVALID_ARGUMENT");
    }
    expect(() => readLandscape("/no/such/landscape.yml")).toThrow(NotFoundError);
  });
});

// The snapshot that ships with the project (data/landscape/SOURCE.md).
const real = shippedLandscapePath();
describe("readLandscape on the shipped landscape.yml", () => {
  it("reads all 2,413 items, 255 with a maturity, without errors or warnings", () => {
    const r = safeParseLandscape(readFileSync(real, "utf8"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.items.length).toBe(2413);
    expect(r.items.filter((i) => i.project !== undefined).length).toBe(255);
    expect(r.warnings).toEqual([]);
    expect(r.items.find((i) => i.name === "Kubernetes")?.dates.graduated).toBe("2018-03-06");
  });
});
