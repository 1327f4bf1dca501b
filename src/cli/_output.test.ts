import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitColumnWidths, fitLines, textTable } from "./_output.js";

const io = (columns?: number) => ({
  out: () => undefined,
  err: () => undefined,
  isTty: false,
  ...(columns === undefined ? {} : { columns }),
});

describe("fitColumnWidths", () => {
  it("keeps natural widths that fit", () => {
    expect(fitColumnWidths([5, 10, 8], 80)).toEqual([5, 10, 8]);
  });
  it("narrows the widest columns first, leaving the narrow ones", () => {
    const w = fitColumnWidths([5, 60, 40], 60);
    expect(w[0]).toBe(5);
    expect(w.reduce((a, b) => a + b, 0) + 4).toBeLessThanOrEqual(60);
    expect(Math.abs((w[1] ?? 0) - (w[2] ?? 0))).toBeLessThanOrEqual(1);
  });
  it("never exceeds the room nor a column's natural width (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 3, max: 200 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 40, max: 200 }),
        (natural, columns) => {
          const w = fitColumnWidths(natural, columns);
          for (const [i, x] of w.entries()) expect(x).toBeLessThanOrEqual(natural[i] ?? 0);
          const floorTotal = natural.reduce((a, n) => a + Math.min(n, 6), 0) + natural.length + 1;
          if (floorTotal <= columns)
            expect(w.reduce((a, b) => a + b, 0) + natural.length + 1).toBeLessThanOrEqual(columns);
        },
      ),
    );
  });
});

describe("fitLines", () => {
  it("wraps prose at spaces, keeping the indentation", () => {
    const out = fitLines("  alpha beta gamma delta epsilon zeta eta theta", 20).split("\n");
    expect(out.length).toBeGreaterThan(1);
    for (const l of out) {
      expect(stringWidth(l)).toBeLessThanOrEqual(20);
      expect(l.startsWith("  ")).toBe(true);
    }
    expect(out.join(" ").replace(/\s+/g, " ").trim()).toBe("alpha beta gamma delta epsilon zeta eta theta");
  });
  it("breaks Chinese between characters, counting two columns each", () => {
    const line = "边缘计算场景要求冷启动时间不超过十毫秒并且内存不超过五兆字节".repeat(2);
    const out = fitLines(line, 40).split("\n");
    for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(out.join("")).toBe(line);
  });
  it("cuts a word longer than the line without losing a character", () => {
    const url = `https://example.org/${"x".repeat(90)}`;
    const out = fitLines(url, 40).split("\n");
    for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(out.join("")).toBe(url);
  });
});

describe("textTable", () => {
  const head = ["metric", "value", "source"];
  const rows = [["cold start", "81–280 ms", `Apoxy blog https://apoxy.dev/blog/${"a".repeat(60)}`]];
  it("fits the terminal and keeps every character of a long URL", () => {
    const t = textTable(io(60), head, rows);
    for (const l of t.split("\n")) expect(stringWidth(l)).toBeLessThanOrEqual(60);
    expect(t.replace(/[│\s]/g, "")).toContain("a".repeat(20));
    expect(t.split("\n").filter((l) => l.includes("a")).length).toBeGreaterThan(1);
  });
  it("prints one block per row when the columns would be unreadable", () => {
    const wide = Array.from({ length: 12 }, (_, i) => `column${i}`);
    const t = textTable(io(50), wide, [wide.map((h) => `${h}-value-that-is-long`)]);
    expect(t).toContain("column3: column3-value-that-is-long");
    for (const l of t.split("\n")) expect(stringWidth(l)).toBeLessThanOrEqual(50);
  });
  it("is unchanged without a width", () => {
    expect(textTable(io(), head, rows).split("\n")[0]?.length).toBeGreaterThan(80);
  });
});
