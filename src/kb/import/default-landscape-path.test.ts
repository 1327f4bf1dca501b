import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../errors.js";
import { defaultDataDir } from "../default-data-dir.js";
import { readKbFiles } from "../read-kb-files.js";
import { landscapePath, shippedLandscapePath } from "./default-landscape-path.js";

const saved = process.env.STACKATLAS_LANDSCAPE;
afterEach(() => {
  process.env.STACKATLAS_LANDSCAPE = saved ?? "";
});

describe("the shipped CNCF landscape snapshot", () => {
  it("is the file SOURCE.md describes: same sha256 and size", () => {
    const bytes = readFileSync(shippedLandscapePath());
    const source = readFileSync(join(defaultDataDir(), "landscape", "SOURCE.md"), "utf8");
    const [, sha, size] = /sha256: ([0-9a-f]{64}), ([\d,]+) bytes/.exec(source) ?? [];
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha);
    expect(bytes.length).toBe(Number(size?.replaceAll(",", "")));
    expect(source).toMatch(/commit [0-9a-f]{40} \(\d{4}-\d{2}-\d{2}\)/);
    expect(source).toMatch(/CC-BY 4\.0/);
  });

  it("is no knowledge-base data file: the loader neither reads it nor warns about it", () => {
    const { files, issues } = readKbFiles(defaultDataDir());
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.relativePath.startsWith("landscape/"))).toEqual([]);
    expect(issues.filter((i) => i.file?.startsWith("landscape/"))).toEqual([]);
  });
});

describe("landscapePath", () => {
  it("with nothing given reads the shipped snapshot", () => {
    process.env.STACKATLAS_LANDSCAPE = "";
    expect(landscapePath()).toBe(shippedLandscapePath());
  });

  it("takes the file given first, then STACKATLAS_LANDSCAPE", () => {
    const other = join(defaultDataDir(), "dimensions.yaml");
    process.env.STACKATLAS_LANDSCAPE = other;
    expect(landscapePath()).toBe(other);
    expect(landscapePath(shippedLandscapePath())).toBe(shippedLandscapePath());
  });

  it("names the missing file, in English or Chinese", () => {
    expect(() => landscapePath("/no/such/landscape.yml")).toThrow(NotFoundError);
    expect(() => landscapePath("/no/such/landscape.yml", "zh")).toThrow(/\/no\/such\/landscape\.yml 处没有/);
    process.env.STACKATLAS_LANDSCAPE = "/no/such/env.yml";
    expect(() => landscapePath()).toThrow(/STACKATLAS_LANDSCAPE points at \/no\/such\/env\.yml/);
  });
});
