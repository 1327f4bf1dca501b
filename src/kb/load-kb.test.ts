import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyValidKb, VALID_KB } from "../../test/fixtures/kb/copy-valid-kb.js";
import { AtlasError } from "../errors.js";
import { defaultDataDir } from "./default-data-dir.js";
import { InvalidKbError } from "./invalid-kb-error.js";
import { loadKb, safeLoadKb } from "./load-kb.js";
import { MAX_KB_FILE_BYTES } from "./read-kb-files.js";

const temp: string[] = [];
const tmp = (dir: string) => {
  temp.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("safeLoadKb", () => {
  it("loads the valid fixture with no errors and no warnings", () => {
    const r = safeLoadKb(VALID_KB);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok && r.kb.technologies.size).toBe(10);
  });

  it("collects every error, not only the first", () => {
    const dir = tmp(
      copyValidKb([
        { file: "technologies/k3s.yaml", find: "target: kubernetes\n", replace: "target: kubernets\n" },
        { file: "technologies/wasmedge.yaml", find: "metric: cold-start", replace: "metric: coldstart" },
        { file: "cases/edge-2025.yaml", find: "scenario: edge", replace: "scenario: edgy" },
      ]),
    );
    const r = safeLoadKb(dir);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.code).sort()).toEqual([
      "UNKNOWN_METRIC",
      "UNKNOWN_SCENARIO",
      "UNKNOWN_TECHNOLOGY",
    ]);
  });

  it("collects schema problems of several files together with cross-file ones", () => {
    const dir = tmp(
      copyValidKb([
        { file: "technologies/opa.yaml", find: "role: policy", replace: "role: policy\nrating: 5" },
        { file: "technologies/k3s.yaml", find: "unit: MB", replace: "unit: parsecs" },
        { file: "technologies/wasmedge.yaml", find: "    min: 1\n", replace: "    min: 9\n" },
      ]),
    );
    const r = safeLoadKb(dir);
    expect(r.ok ? [] : r.errors.map((e) => e.code).sort()).toEqual(["SCHEMA", "UNIT_MISMATCH", "UNKNOWN_KEY"]);
  });

  it("refuses a data file above 1 MiB by default", () => {
    const dir = tmp(
      copyValidKb([{ file: "sources/huge.yaml", content: `${"#".repeat(MAX_KB_FILE_BYTES)}\nsources: []\n` }]),
    );
    const r = safeLoadKb(dir);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file])).toEqual([["FILE_TOO_LARGE", "sources/huge.yaml"]]);
  });

  it("locates the first 50 unknown keys of a map and counts the rest", () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`).join("\n");
    const dir = tmp(copyValidKb([{ file: "technologies/k3s.yaml", find: "id: k3s\n", replace: `id: k3s\n${keys}\n` }]));
    const r = safeLoadKb(dir);
    const unknown = r.ok ? [] : r.errors.filter((e) => e.code === "UNKNOWN_KEY");
    expect(unknown).toHaveLength(51);
    expect(unknown.filter((e) => e.path.length === 1).map((e) => e.path[0])).toEqual(
      Array.from({ length: 50 }, (_, i) => `k${i}`),
    );
    expect(unknown.find((e) => e.path.length === 0)?.message).toContain("4950 more unknown keys");
  });

  it("reports a folder that does not exist", () => {
    const r = safeLoadKb(join(tmpdir(), "stackatlas-no-such-kb"));
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(["MISSING_FILE"]);
  });

  it("reports an empty folder's missing files", () => {
    const dir = tmp(mkdtempSync(join(tmpdir(), "stackatlas-empty-")));
    const r = safeLoadKb(dir);
    expect(r.ok ? [] : r.errors.map((e) => e.file)).toEqual(["dimensions.yaml", "vocabulary.yaml"]);
  });

  it("reports a technology file that is empty", () => {
    const dir = tmp(copyValidKb());
    writeFileSync(join(dir, "technologies/empty.yaml"), "");
    const r = safeLoadKb(dir);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file])).toEqual([["SCHEMA", "technologies/empty.yaml"]]);
  });
});

describe("loadKb", () => {
  it("returns the compiled knowledge base", () => {
    expect(loadKb(VALID_KB).dir).toBe(VALID_KB);
  });
  it("throws InvalidKbError (an AtlasError, code INVALID_KB) carrying every error", () => {
    const dir = tmp(copyValidKb([{ file: "dimensions.yaml", remove: true }]));
    let caught: unknown;
    try {
      loadKb(dir);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidKbError);
    expect(caught).toBeInstanceOf(AtlasError);
    const err = caught as InvalidKbError;
    expect(err.code).toBe("INVALID_KB");
    expect(err.issues.map((i) => i.code)).toEqual(["MISSING_FILE"]);
  });
});

describe("defaultDataDir", () => {
  it("finds the package's own data folder", () => {
    expect(defaultDataDir()).toBe(resolve(import.meta.dirname, "../../data"));
  });
  it("works from a bundled file under dist/", () => {
    const fake = resolve(import.meta.dirname, "../../dist/cli.js");
    expect(defaultDataDir(`file://${fake}`)).toBe(resolve(import.meta.dirname, "../../data"));
  });
});
