import { describe, expect, it } from "vitest";
import { convertUnit, unitKind } from "./convert-unit.js";

describe("convertUnit", () => {
  it("converts time", () => {
    expect(convertUnit(1, "s", "ms")).toBe(1000);
    expect(convertUnit(1500, "us", "ms")).toBe(1.5);
    expect(convertUnit(1500, "µs", "ms")).toBe(1.5);
    expect(convertUnit(2, "min", "s")).toBe(120);
    expect(convertUnit(250, "ns", "us")).toBe(0.25);
  });
  it("keeps decimal and binary memory units apart", () => {
    expect(convertUnit(1, "MiB", "KiB")).toBe(1024);
    expect(convertUnit(1, "MB", "KB")).toBe(1000);
    expect(convertUnit(1, "GiB", "MiB")).toBe(1024);
    expect(convertUnit(100, "MB", "MiB")).toBeCloseTo(95.367, 3);
    expect(convertUnit(1, "GB", "GiB")).toBeCloseTo(0.9313, 4);
  });
  it("converts ratios and CPU", () => {
    expect(convertUnit(50, "%", "x")).toBe(0.5);
    expect(convertUnit(2, "x", "%")).toBe(200);
    expect(convertUnit(250, "mcores", "cores")).toBe(0.25);
  });
  it("passes plain numbers through", () => {
    expect(convertUnit(3, "score", "score")).toBe(3);
    expect(convertUnit(3, "count", "score")).toBe(3);
    expect(convertUnit(10, "Gbps", "Gbps")).toBe(10);
    expect(convertUnit(7, "kLOC", "kLOC")).toBe(7);
  });
  it("refuses units of different kinds, and unknown units", () => {
    expect(convertUnit(1, "ms", "MiB")).toBeUndefined();
    expect(convertUnit(1, "furlong", "ms")).toBeUndefined();
  });
  it("names each unit's kind", () => {
    expect(unitKind("MiB")).toBe("memory");
    expect(unitKind("%")).toBe("ratio");
    expect(unitKind("per-s")).toBe("rate");
    expect(unitKind("parsec")).toBeUndefined();
  });
});
