// The time commands end to end: import, timeline, predict — success, and bad input exiting 1 with a clear message.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKb } from "../src/kb/load-kb.js";
import { runCli, runJson } from "./_cli.js";

const repo = resolve(import.meta.dirname, "..");
// The snapshot that ships with the project (data/landscape/SOURCE.md); commands given no path read it.
const landscape = resolve(repo, "data/landscape/landscape.yml");

/** No stack trace and no internal error: the message a user gets for bad input. */
function expectCleanError(r: { code: number; err: string }, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toContain("internal error");
}

describe("stackatlas import cncf-landscape", () => {
  it("reads the shipped snapshot when given no file, and summarises what was added, merged and skipped", async () => {
    const r = await runJson<{
      file: string;
      valid: boolean;
      counts: {
        items: number;
        withMaturity: number;
        mergedCncf: number;
        added: number;
        merged: number;
        skipped: number;
      };
      disagreements: unknown[];
      skippedBy: Record<string, number>;
      wrote: string | null;
    }>("import", "cncf-landscape");
    expect(r.code).toBe(0);
    expect(r.json.file).toBe(landscape);
    expect(r.json.valid).toBe(true);
    // Every curated CNCF project is matched in the snapshot; a sub-project (cncf.parent) may have no item.
    const curatedCncf = [...loadKb(resolve(repo, "data")).technologies.values()].filter((t) => t.cncf !== undefined);
    const projects = curatedCncf.filter((t) => t.cncf?.parent === undefined);
    expect(r.json.counts).toMatchObject({ items: 2413, withMaturity: 255 });
    expect(r.json.counts.mergedCncf).toBeGreaterThanOrEqual(projects.length);
    expect(r.json.counts.mergedCncf).toBeLessThanOrEqual(curatedCncf.length);
    expect(r.json.counts.added + r.json.counts.merged + r.json.counts.skipped).toBe(2413);
    expect(r.json.disagreements).toEqual([]);
    expect(Object.keys(r.json.skippedBy).length).toBeGreaterThan(0);
    expect(r.json.wrote).toBeNull();
  });

  it("reports a changed date in a temp copy, and writes the full result only where --out says (not with --dry-run)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stackatlas-import-"));
    const copy = join(dir, "landscape.yml");
    writeFileSync(copy, readFileSync(landscape, "utf8").replace("accepted: '2017-03-29'", "accepted: '2017-04-01'"));
    const out = join(dir, "import.json");
    const dry = await runJson<{ wrote: string | null }>("import", "cncf-landscape", copy, "--out", out, "--dry-run");
    expect(dry.json.wrote).toBeNull();
    expect(existsSync(out)).toBe(false);
    const r = await runJson<{ disagreements: { code: string; technology: string }[]; wrote: string }>(
      "import",
      "cncf-landscape",
      copy,
      "--out",
      out,
    );
    expect(r.json.disagreements.map((d) => d.code)).toContain("CNCF_DATE_DIFFERS");
    expect(r.json.wrote).toBe(out);
    expect(JSON.parse(readFileSync(out, "utf8")).added.length).toBeGreaterThan(1000);
  });

  it("a file given, or STACKATLAS_LANDSCAPE, takes another landscape than the shipped one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stackatlas-import-"));
    const newer = join(dir, "newer.yml");
    writeFileSync(newer, readFileSync(landscape, "utf8").replace("accepted: '2017-03-29'", "accepted: '2017-04-01'"));
    const before = process.env.STACKATLAS_LANDSCAPE;
    process.env.STACKATLAS_LANDSCAPE = newer;
    try {
      const fromEnv = await runJson<{ file: string; disagreements: { code: string }[] }>("import", "cncf-landscape");
      expect(fromEnv.json.file).toBe(newer);
      expect(fromEnv.json.disagreements.map((d) => d.code)).toContain("CNCF_DATE_DIFFERS");
      const given = await runJson<{ file: string; disagreements: unknown[] }>("import", "cncf-landscape", landscape);
      expect(given.json.file).toBe(landscape);
      expect(given.json.disagreements).toEqual([]);
      process.env.STACKATLAS_LANDSCAPE = join(dir, "gone.yml");
      expectCleanError(await runCli("import", "cncf-landscape"), /STACKATLAS_LANDSCAPE points at .*gone\.yml/);
    } finally {
      if (before === undefined) delete process.env.STACKATLAS_LANDSCAPE;
      else process.env.STACKATLAS_LANDSCAPE = before;
    }
  });

  it("refuses to write into the knowledge base", async () => {
    const r = await runCli("import", "cncf-landscape", landscape, "--out", join(repo, "data", "import", "x.json"));
    expectCleanError(r, /stays curated/);
  });

  it("prints a plain summary (no progress bar when not on a terminal)", async () => {
    const r = await runCli("import", "cncf-landscape", landscape);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2413 items");
    expect(r.err).toBe("");
  });
});

describe("stackatlas import: bad files", () => {
  it("a missing file exits 1 with its path", async () => {
    expectCleanError(
      await runCli("import", "cncf-landscape", "/no/such/landscape.yml"),
      /no landscape file at \/no\/such/,
    );
  });

  it("a wrong layout, a bad date and a duplicate are errors with file:line:column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stackatlas-bad-"));
    const layout = join(dir, "layout.yml");
    writeFileSync(layout, "items: []\n");
    expectCleanError(await runCli("import", "cncf-landscape", layout), /layout\.yml:1:1: error LANDSCAPE_LAYOUT/);
    const bad = join(dir, "bad.yml");
    writeFileSync(
      bad,
      [
        "landscape:",
        "  - category:",
        "    name: Runtime",
        "    subcategories:",
        "      - subcategory:",
        "        name: Container Runtime",
        "        items:",
        "          - item:",
        "            name: a",
        "            extra: { accepted: '2020-13-01' }",
        "          - item:",
        "            name: a",
        "",
      ].join("\n"),
    );
    const r = await runCli("import", "cncf-landscape", bad);
    expectCleanError(r, /bad\.yml:10:\d+: error LANDSCAPE_DATE/);
    expect(r.err).toMatch(/bad\.yml:11:\d+: error LANDSCAPE_DUPLICATE/);
  });
});

describe("stackatlas timeline", () => {
  it("lists milestones and events, filtered by level and years", async () => {
    const r = await runJson<{
      milestones: { subject: string }[];
      events: { year: number; kind: string; subject: string }[];
    }>("timeline", "--dimension", "D=4", "--from", "2018", "--to", "2022");
    expect(r.code).toBe(0);
    expect(r.json.milestones.map((m) => m.subject)).toEqual(["T4"]);
    for (const e of r.json.events) expect(e.year).toBeGreaterThanOrEqual(2018);
    expect(r.json.events.some((e) => e.subject === "wasmedge")).toBe(true);
  });

  it("filters by scenario (Chinese names accepted)", async () => {
    const r = await runJson<{ events: { kind: string; subject: string }[]; filter: { scenario: string } }>(
      "timeline",
      "--scenario",
      "边缘计算",
    );
    expect(r.json.filter.scenario).toBe("edge");
    expect(r.json.events.filter((e) => e.kind === "case").length).toBeGreaterThan(0);
  });

  it("adds the landscape's CNCF history with --landscape (the shipped snapshot) or --landscape FILE", async () => {
    const bare = await runJson<{ events: { imported?: boolean; text: string }[] }>("timeline", "--from", "2024");
    expect(bare.json.events.some((e) => e.imported === true)).toBe(false);
    const r = await runJson<{ events: { imported?: boolean; text: string }[] }>(
      "timeline",
      "--landscape",
      "--from",
      "2024",
    );
    expect(r.json.events.some((e) => e.imported === true)).toBe(true);
    const given = await runJson<{ events: { imported?: boolean }[] }>(
      "timeline",
      "--from",
      "2024",
      "--landscape",
      landscape,
    );
    expect(given.json.events.filter((e) => e.imported === true).length).toBe(
      r.json.events.filter((e) => e.imported === true).length,
    );
  });

  it("bad input exits 1 (or 2 for usage) with a clear message", async () => {
    expectCleanError(await runCli("timeline", "--from", "2025", "--to", "2020"), /after --to/);
    expectCleanError(await runCli("timeline", "--scenario", "nowhere"), /unknown scenario/);
    expectCleanError(await runCli("timeline", "--level", "L-9"), /not a level/);
    expect((await runCli("timeline", "--from", "20x5")).code).toBe(2);
  });
});

describe("stackatlas predict <scenario>", () => {
  it("returns six yearly coordinates for 边缘计算 --from 2025 --years 5, anchored on the 2025 record, with calibrated intervals", async () => {
    const r = await runJson<{
      anchor: { year: number; coordinate: { text: string } };
      years: {
        year: number;
        coordinate: { text: string };
        actual?: { text: string };
        confidence: number | null;
        dimensions: Record<
          string,
          { low: number | null; high: number | null; noSignal: boolean; method: string; confidence: number | null }
        >;
      }[];
      drivers: { role: string }[];
    }>("predict", "边缘计算", "--from", "2025", "--years", "5");
    expect(r.code).toBe(0);
    expect(r.json.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    const [first, ...rest] = r.json.years;
    expect(first!.coordinate.text).toBe(first!.actual?.text);
    expect(first!.dimensions.D!.method).toBe("recorded");
    for (const y of rest) {
      const d = y.dimensions.D!;
      expect(d.noSignal || (d.low !== null && d.high !== null)).toBe(true);
      expect(y.confidence).not.toBe(0.7);
    }
    expect(r.json.drivers.some((d) => d.role === "watch")).toBe(true);
    const table = await runCli("predict", "edge", "--years", "12");
    expect(table.code).toBe(0);
    expect(table.out).toContain("no signal");
    expect(table.out).toMatch(/O1 \d+%/);
  });

  it("an unknown scenario, and a missing scenario, are reported", async () => {
    expectCleanError(await runCli("predict", "nowhere"), /unknown scenario "nowhere"/);
    expect((await runCli("predict")).code).toBe(2);
  });
});

describe("stackatlas predict --backtest / --projects", () => {
  it("with no --landscape reads the shipped snapshot: the model beats both baselines", async () => {
    const r = await runJson<{
      model: { auc: number; brier: number };
      baselines: { baseRate: { auc: number; brier: number }; constant: { auc: number; brier: number } };
      calibration: { count: number }[];
      cutoff: string;
      horizon: string;
      scenarios: {
        nominal: number;
        byDimension: Record<string, { horizon: { from: number }; coverage: number | null }[]>;
      };
    }>("predict", "--backtest", "--cutoff", "2021-12-31", "--horizon", "2025-12-31");
    expect(r.code).toBe(0);
    expect(r.json.scenarios.nominal).toBe(0.8);
    expect(r.json.scenarios.byDimension.D?.[0]?.horizon.from).toBe(1);
    expect(r.json.cutoff).toBe("2021-12-31");
    expect(r.json.horizon).toBe("2025-12-31");
    expect(r.json.calibration.length).toBeGreaterThan(0);
    expect(r.json.model.auc).toBeGreaterThan(r.json.baselines.baseRate.auc);
    expect(r.json.model.auc).toBeGreaterThan(r.json.baselines.constant.auc);
    expect(r.json.model.brier).toBeLessThan(r.json.baselines.baseRate.brier);
    expect(r.json.model.brier).toBeLessThan(r.json.baselines.constant.brier);
  });

  it("forecasts a project with a confidence from the backtest", async () => {
    const r = await runJson<{ predictions: { project: string; probability: number; confidence: number }[] }>(
      "predict",
      "--projects",
      "--project",
      "WasmEdge Runtime",
      "--years",
      "3",
      "--landscape",
      landscape,
    );
    expect(r.code).toBe(0);
    expect(r.json.predictions.length).toBe(3);
    for (const p of r.json.predictions) {
      expect(p.probability).toBeGreaterThanOrEqual(0);
      expect(p.confidence).toBeGreaterThan(0);
    }
  });

  it("bad dates, a cutoff after the horizon, an unknown project and a missing landscape exit 1", async () => {
    expectCleanError(
      await runCli("predict", "--backtest", "--cutoff", "2021-02-30", "--landscape", landscape),
      /not a date/,
    );
    expectCleanError(
      await runCli(
        "predict",
        "--backtest",
        "--cutoff",
        "2026-01-01",
        "--horizon",
        "2025-12-31",
        "--landscape",
        landscape,
      ),
      /must come before/,
    );
    expectCleanError(
      await runCli("predict", "--projects", "--project", "Kubernetess", "--landscape", landscape),
      /no CNCF project/,
    );
    expectCleanError(await runCli("predict", "--backtest", "--landscape", "/no/such.yml"), /no landscape file/);
  });
});
