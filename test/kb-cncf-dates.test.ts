import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type LandscapeItem, readLandscape } from "../src/kb/import/read-landscape.js";
import type { CompiledTechnology } from "../src/kb/kb.js";
import { safeLoadKb } from "../src/kb/load-kb.js";
import { normalizeName } from "../src/kb/normalize-name.js";

const repo = resolve(import.meta.dirname, "..");
// The snapshot that ships with the project (data/landscape/SOURCE.md).
const landscapePath = resolve(repo, "data/landscape/landscape.yml");

describe("CNCF dates against the shipped landscape snapshot", () => {
  const items = readLandscape(landscapePath);
  const byName = new Map<string, LandscapeItem[]>();
  for (const i of items) {
    const k = normalizeName(i.name);
    byName.set(k, [...(byName.get(k) ?? []), i]);
  }
  const loaded = safeLoadKb(resolve(repo, "data"));
  const technologies: CompiledTechnology[] = loaded.ok ? [...loaded.kb.technologies.values()] : [];
  const find = (t: CompiledTechnology) =>
    (byName.get(normalizeName(t.cncf?.landscapeName ?? t.names.en)) ?? []).find((i) => i.project !== undefined) ??
    byName.get(normalizeName(t.cncf?.landscapeName ?? t.names.en))?.[0];

  it("the knowledge base loads", () => {
    expect(loaded.ok).toBe(true);
  });

  it("every cncf block matches its landscape item: maturity and dates", () => {
    const problems: string[] = [];
    for (const t of technologies) {
      const c = t.cncf;
      if (c === undefined) continue;
      // A sub-project repeats its parent's standing (validate's BAD_CNCF_DATES checks that): compare the parent's.
      if (c.parent !== undefined) {
        const parent = loaded.ok ? loaded.kb.technologies.get(c.parent)?.cncf : undefined;
        if (parent?.maturity !== c.maturity || parent?.accepted !== c.accepted)
          problems.push(`${t.id}: standing differs from its parent ${c.parent}`);
        continue;
      }
      const item = find(t);
      if (item === undefined) {
        problems.push(`${t.id}: no landscape item named "${c.landscapeName ?? t.names.en}" (set cncf.landscapeName)`);
        continue;
      }
      if (item.project !== c.maturity)
        problems.push(`${t.id}: maturity ${c.maturity}, landscape says ${item.project ?? "none"}`);
      for (const k of ["accepted", "incubating", "graduated", "archived"] as const) {
        if (c[k] !== item.dates[k])
          problems.push(`${t.id}: ${k} ${c[k] ?? "absent"}, landscape says ${item.dates[k] ?? "absent"}`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every technology named like a CNCF project has a cncf block", () => {
    const missing: string[] = [];
    for (const t of technologies) {
      if (t.cncf !== undefined) continue;
      const item = (byName.get(normalizeName(t.names.en)) ?? []).find((i) => i.project !== undefined);
      if (item !== undefined)
        missing.push(`${t.id} ("${t.names.en}") is CNCF ${item.project} since ${item.dates.accepted ?? "?"}`);
    }
    expect(missing, `technologies without a cncf block:\n${missing.join("\n")}`).toEqual([]);
  });
});
