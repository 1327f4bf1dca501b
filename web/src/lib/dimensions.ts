/** @module web/lib/dimensions — the dimensions as the API describes them (GET /api/dimensions), read into one shape. */

import type { Answer } from "./api-contract.js";
import type { Lang } from "./i18n.js";

type Names = Answer<"GET /api/dimensions">["dimensions"][number]["names"];

export interface LevelInfo {
  readonly code: string;
  readonly value: number | undefined;
  readonly names: Names | undefined;
}

export interface DimensionInfo {
  readonly key: string;
  readonly names: Names | undefined;
  readonly kind: string | undefined;
  readonly levels: readonly LevelInfo[];
}

/** Reads the answer of GET /api/dimensions: each dimension with its levels (S: the scenarios) by code. */
export function readDimensions(answer: Answer<"GET /api/dimensions">): DimensionInfo[] {
  return answer.dimensions.map((d) => ({
    key: d.key,
    names: d.names,
    kind: d.kind,
    levels: [
      ...d.levels.map((l) => ({ code: l.code, value: l.value, names: l.names })),
      // A dimension whose values are another collection (S: the scenarios) lists them as `values`.
      ...(d.values ?? []).map((v) => ({ code: v.id, value: undefined, names: v.names })),
    ],
  }));
}

/** "D isolation" / "D 隔离", or the key alone. */
export function dimensionLabel(d: DimensionInfo | undefined, key: string, lang: Lang): string {
  const n = d?.names?.[lang];
  return n ? `${key} ${n}` : key;
}

/** "L-4 sandbox" / "L-4 沙盒", or the code alone. */
export function levelLabel(d: DimensionInfo | undefined, code: string, lang: Lang): string {
  const l = d?.levels.find((x) => x.code === code);
  const n = l?.names?.[lang];
  // A scenario's code is its English id ("edge"): its name alone reads better than "edge edge computing".
  if (n && !/\d/.test(code)) return n;
  return n ? `${code} ${n}` : code;
}
