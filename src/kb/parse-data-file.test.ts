import { describe, expect, it } from "vitest";
import { dataFileKind } from "./data-files.js";
import { parseDataFile } from "./parse-data-file.js";

const parse = (relativePath: string, text: string) =>
  parseDataFile({ relativePath, absolutePath: `/kb/${relativePath}`, kind: dataFileKind(relativePath)!, text });

const SOURCES = "sources:\n  - id: a\n    title: A\n    kind: docs\n    grade: A\n";

describe("parseDataFile", () => {
  it("returns the data of a valid file", () => {
    const r = parse("sources/a.yaml", SOURCES);
    expect(r.issues).toEqual([]);
    expect(r.data).toEqual({ sources: [{ id: "a", title: "A", kind: "docs", grade: "A" }] });
  });

  it("reports YAML syntax errors with line and column", () => {
    const r = parse("sources/a.yaml", "sources:\n  - id: a: b\n");
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([["YAML_SYNTAX", 2, 9]]);
    expect(r.data).toBeUndefined();
  });

  it("refuses a billion-laughs alias bomb without expanding it", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const r = parse("claims.yaml", `${lines.join("\n")}\nclaims: []\n`);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([["ALIAS_BOMB", 2]]);
  });

  it("accepts a few harmless aliases", () => {
    const r = parse("sources/a.yaml", "sources:\n  - &s { id: a, title: A, kind: docs, grade: A }\n");
    expect(r.issues).toEqual([]);
  });

  it("refuses prototype keys at any depth, before building objects", () => {
    const r = parse("sources/a.yaml", `${SOURCES}    note:\n      constructor: 1\n      prototype: 2\n`);
    expect(r.issues.map((i) => [i.code, i.path.join("."), i.line, i.column])).toEqual([
      ["FORBIDDEN_KEY", "sources.0.note.constructor", 7, 7],
      ["FORBIDDEN_KEY", "sources.0.note.prototype", 8, 7],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports duplicate keys", () => {
    const r = parse("sources/a.yaml", "sources: []\nsources: []\n");
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([["DUPLICATE_KEY", 2]]);
  });

  it("maps every schema issue to its node, and a missing key to the map that lacks it", () => {
    const r = parse(
      "sources/a.yaml",
      "sources:\n  - id: a\n    title: 7\n    kind: docs\n  - id: B!\n    title: B\n    kind: docs\n    grade: Z\n",
    );
    expect(r.issues.map((i) => [i.code, i.path.join("."), i.line, i.column])).toEqual([
      ["SCHEMA", "sources.0.title", 3, 12],
      ["MISSING_FIELD", "sources.0.grade", 2, 5],
      ["SCHEMA", "sources.1.id", 5, 9],
      ["SCHEMA", "sources.1.grade", 8, 12],
    ]);
  });

  it("reports unknown keys at the key, and a missing source as NO_SOURCE", () => {
    const tech = [
      "id: t",
      "names: { en: T, zh: T }",
      "role: runtime",
      "summary: s",
      "position: {}",
      "released: { year: 2020, grade: A }",
      "colour: red",
    ].join("\n");
    const r = parse("technologies/t.yaml", tech);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["NO_SOURCE", 6, 11],
      ["UNKNOWN_KEY", 7, 1],
    ]);
  });

  it("treats an empty file as a schema problem", () => {
    expect(parse("vocabulary.yaml", "").issues.map((i) => i.code)).toEqual(["SCHEMA"]);
  });
});
