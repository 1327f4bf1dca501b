import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../load-kb.js";
import { shippedLandscapePath } from "./default-landscape-path.js";
import { importLandscape } from "./import-landscape.js";
import { loadLandscapeMapping } from "./load-landscape-mapping.js";
import { mapLandscapeItem } from "./map-landscape-item.js";
import { parseLandscape, readLandscape } from "./read-landscape.js";

const repo = resolve(import.meta.dirname, "../../..");
const fixtureKb = loadKb(resolve(repo, "test/fixtures/kb/valid"));
const mapping = loadLandscapeMapping();

// A landscape whose right answers are known by construction: the fixture KB has Kubernetes and
// containerd as CNCF graduated projects (with these dates) and Docker without a cncf block.
const FIXTURE = `
landscape:
  - category:
    name: Runtime
    subcategories:
      - subcategory:
        name: Container Runtime
        items:
          - item:
            name: containerd
            project: graduated
            extra: { accepted: '2017-03-29', incubating: '2017-03-29', graduated: '2019-02-28' }
          - item:
            name: Brand New Runtime
            project: sandbox
            extra: { accepted: '2024-01-02' }
  - category:
    name: Orchestration & Management
    subcategories:
      - subcategory:
        name: Scheduling & Orchestration
        items:
          - item:
            name: Kubernetes
            project: graduated
            extra: { accepted: '2016-03-10', incubating: '2016-03-10', graduated: '2018-03-07' }
          - item:
            name: Docker
  - category:
    name: CNCF Members
    subcategories:
      - subcategory:
        name: Silver
        items:
          - item:
            name: Some Company
          - item:
            name: Brand New Runtime
  - category:
    name: Unmapped Land
    subcategories:
      - subcategory:
        name: Misc
        items:
          - item:
            name: Orphan
`;

describe("mapLandscapeItem", () => {
  it("takes the first matching rule: a subcategory's rule before its category's catch-all", () => {
    expect(mapLandscapeItem(mapping, { category: "Wasm", subcategory: "Runtimes" })).toMatchObject({
      kind: "placed",
      role: "runtime",
      position: { D: "L-4" },
    });
    expect(mapLandscapeItem(mapping, { category: "Wasm", subcategory: "Languages" })).toMatchObject({
      kind: "placed",
      role: "framework",
    });
    expect(mapLandscapeItem(mapping, { category: "CNCF Members", subcategory: "Gold" }).kind).toBe("skipped");
    expect(mapLandscapeItem(mapping, { category: "Nowhere", subcategory: "x" })).toMatchObject({
      kind: "skipped",
      rule: null,
    });
  });
});

describe("importLandscape on a fixture landscape", () => {
  const r = importLandscape(fixtureKb, parseLandscape(FIXTURE), mapping);

  it("merges the curated technologies, adds the new ones and skips with reasons", () => {
    expect(r.merged.map((m) => [m.name, m.technology, m.by])).toEqual([
      ["containerd", "containerd", "name"],
      ["Kubernetes", "kubernetes", "name"],
      ["Docker", "docker", "name"],
    ]);
    expect(r.added.map((a) => [a.id, a.role, a.position, a.cncf?.maturity])).toEqual([
      ["brand-new-runtime", "runtime", { D: "L-3", A: "A5" }, "sandbox"],
    ]);
    expect(r.skipped.map((s) => s.name)).toEqual(["Some Company", "Brand New Runtime", "Orphan"]);
    expect(r.skipped[0]!.reason).toMatch(/member/);
    expect(r.skipped[1]!.reason).toMatch(/listed again/);
    expect(r.skipped[2]!.reason).toMatch(/no mapping rule/);
    expect(r.counts).toMatchObject({ items: 7, withMaturity: 3, added: 1, merged: 3, mergedCncf: 2, skipped: 3 });
  });

  it("reports the date that differs (curated wins) and the curated CNCF projects the landscape lacks", () => {
    const dates = r.disagreements.filter((d) => d.code === "CNCF_DATE_DIFFERS");
    expect(dates.map((d) => d.technology)).toEqual(["kubernetes"]);
    expect(dates[0]!.message).toContain("2018-03-06");
    expect(dates[0]!.message).toContain("2018-03-07");
    const missing = r.disagreements.filter((d) => d.code === "CNCF_PROJECT_NOT_FOUND").map((d) => d.technology);
    expect(missing.sort()).toEqual(["k3s", "opa", "wasmedge"]);
  });

  it("reports a name collision with a curated id", () => {
    const text = FIXTURE.replace("name: Brand New Runtime\n            project", "name: K3S!\n            project");
    const c = importLandscape(fixtureKb, parseLandscape(text), mapping);
    // "K3S!" does not match the curated K3s by name (the "!"), but would take its id.
    expect(c.disagreements.filter((d) => d.code === "NAME_COLLISION").map((d) => d.technology)).toEqual(["k3s"]);
    expect(c.added.map((a) => a.id)).toContain("k3s-cncf");
  });

  it("the merged result is valid: every level and scenario the table gives exists", () => {
    expect(r.valid).toBe(true);
    expect(r.errors).toEqual([]);
  });
});

// The snapshot that ships with the project (data/landscape/SOURCE.md).
const landscape = shippedLandscapePath();

describe("importLandscape on the shipped landscape.yml", () => {
  const kb = loadKb();
  const items = readLandscape(landscape);

  it("counts match SOURCE.md and every one of the curated KB's CNCF projects is matched, without disagreement", () => {
    const r = importLandscape(kb, items, mapping);
    expect(r.counts.items).toBe(2413);
    expect(r.counts.withMaturity).toBe(255);
    // Every curated CNCF project is matched; a sub-project (cncf.parent) may have no item of its own.
    const curated = [...kb.technologies.values()].filter((t) => t.cncf !== undefined);
    const projects = curated.filter((t) => t.cncf?.parent === undefined);
    expect(projects.length).toBeGreaterThanOrEqual(42);
    const matched = new Set(r.merged.map((m) => m.technology));
    expect(projects.filter((t) => !matched.has(t.id)).map((t) => t.id)).toEqual([]);
    expect(r.counts.mergedCncf).toBeGreaterThanOrEqual(projects.length);
    expect(r.counts.mergedCncf).toBeLessThanOrEqual(curated.length);
    expect(r.disagreements).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.counts.added + r.counts.merged + r.counts.skipped).toBe(2413);
  });

  it("a date changed in a copy is reported as a disagreement, and the curated date is kept", () => {
    const text = readFileSync(landscape, "utf8").replace("graduated: '2018-03-06'", "graduated: '2018-04-01'");
    const r = importLandscape(kb, parseLandscape(text), mapping);
    expect(r.disagreements).toHaveLength(1);
    expect(r.disagreements[0]).toMatchObject({ code: "CNCF_DATE_DIFFERS", technology: "kubernetes" });
    expect(kb.technologies.get("kubernetes")?.cncf?.graduated).toBe("2018-03-06");
  });
});
