/** @module kb/convert-unit — units of the atlas's figures and conversion between units of one kind. */
import type { UnitKind } from "../model/vocabulary.js";

/** Each unit's kind and its size in the kind's base unit (time: s, memory: byte, ratio: 1, cpu: core). */
const UNITS: Readonly<Record<string, { readonly kind: UnitKind; readonly factor: number }>> = {
  ns: { kind: "time", factor: 1e-9 },
  us: { kind: "time", factor: 1e-6 },
  µs: { kind: "time", factor: 1e-6 },
  μs: { kind: "time", factor: 1e-6 },
  ms: { kind: "time", factor: 1e-3 },
  s: { kind: "time", factor: 1 },
  min: { kind: "time", factor: 60 },
  h: { kind: "time", factor: 3600 },
  B: { kind: "memory", factor: 1 },
  KB: { kind: "memory", factor: 1e3 },
  kB: { kind: "memory", factor: 1e3 },
  MB: { kind: "memory", factor: 1e6 },
  GB: { kind: "memory", factor: 1e9 },
  KiB: { kind: "memory", factor: 1024 },
  MiB: { kind: "memory", factor: 1024 ** 2 },
  GiB: { kind: "memory", factor: 1024 ** 3 },
  "%": { kind: "ratio", factor: 0.01 },
  x: { kind: "ratio", factor: 1 },
  cores: { kind: "cpu", factor: 1 },
  mcores: { kind: "cpu", factor: 1e-3 },
  "%core": { kind: "cpu", factor: 0.01 },
  count: { kind: "count", factor: 1 },
  score: { kind: "count", factor: 1 },
  "per-s": { kind: "rate", factor: 1 },
  Gbps: { kind: "bandwidth", factor: 1e9 },
  Mbps: { kind: "bandwidth", factor: 1e6 },
  kLOC: { kind: "lines", factor: 1000 },
};

/**
 * The kind of a unit (`ms` → time, `MiB` → memory), or undefined for a unit the atlas does not know.
 * @example unitKind("MiB") // "memory"
 */
export function unitKind(unit: string): UnitKind | undefined {
  return UNITS[unit]?.kind;
}

/** Every unit the atlas knows, with its kind. */
export function knownUnits(): readonly { readonly unit: string; readonly kind: UnitKind }[] {
  return Object.entries(UNITS).map(([unit, u]) => ({ unit, kind: u.kind }));
}

/**
 * Converts `value` from one unit to another of the same kind (decimal MB = 10⁶ bytes, binary
 * MiB = 2²⁰ bytes); undefined when either unit is unknown or the kinds differ. Plain numbers
 * (`count`, `score`, `per-s`, `kLOC`) pass through as they are.
 * @example convertUnit(1, "s", "ms") // 1000
 * @example convertUnit(100, "MB", "MiB") // 95.367…
 */
export function convertUnit(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const f = UNITS[from];
  const t = UNITS[to];
  if (f === undefined || t === undefined || f.kind !== t.kind) return undefined;
  // Multiply before dividing, and round off float noise (1 s → 1000 ms, not 999.9999…).
  const out = (value * f.factor) / t.factor;
  return Number.parseFloat(out.toPrecision(12));
}
