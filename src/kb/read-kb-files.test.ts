import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyValidKb } from "../../test/fixtures/kb/copy-valid-kb.js";
import { listKbFiles, readKbFiles, readListedFiles } from "./read-kb-files.js";

const temp: string[] = [];
afterEach(() => {
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("readKbFiles", () => {
  it("reads every data file of a valid folder with no issue", () => {
    const dir = copyValidKb();
    temp.push(dir);
    const r = readKbFiles(dir);
    expect(r.issues).toEqual([]);
    expect(r.files.map((f) => f.relativePath)).toContain("technologies/opa.yaml");
  });

  it("turns a file that vanished between listing and reading into FILE_UNREADABLE, never a throw", () => {
    const dir = copyValidKb();
    temp.push(dir);
    const listed = listKbFiles(dir);
    expect(listed.issues).toEqual([]);
    rmSync(join(dir, "technologies", "opa.yaml"));
    const read = readListedFiles(listed.files);
    expect(read.issues.map((i) => [i.code, i.file])).toEqual([["FILE_UNREADABLE", "technologies/opa.yaml"]]);
    expect(read.issues[0]!.message).toContain("ENOENT");
    expect(read.files.length).toBe(listed.files.length - 1);
  });

  it("reports a folder that is missing, and a data file that is a folder, without throwing", () => {
    const dir = copyValidKb();
    temp.push(dir);
    expect(readKbFiles(join(dir, "nowhere")).issues.map((i) => i.code)).toEqual(["MISSING_FILE"]);
    mkdirSync(join(dir, "technologies", "odd.yaml", "deeper"), { recursive: true });
    expect(() => readKbFiles(dir)).not.toThrow();
  });
});
