/** @module web/lib/dimensions — the dimensions as the API describes them (GET /api/dimensions), read into one shape. */
import type { Lang } from "./i18n.js";
import type { Names } from "./types.js";

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

type Raw = Record<string, unknown>;

function names(o: Raw | undefined): Names | undefined {
  const n = o?.names as Partial<Names> | undefined;
  if (n && typeof n.en === "string") return { en: n.en, zh: typeof n.zh === "string" ? n.zh : n.en };
  if (typeof o?.name === "string") return { en: o.name, zh: o.name };
  return undefined;
}

/** Reads the answer of GET /api/dimensions: `{ dimensions: [...] }` or a bare list, levels by code. */
export function readDimensions(answer: unknown): DimensionInfo[] {
  const list = (Array.isArray(answer) ? answer : ((answer as Raw | undefined)?.dimensions ?? [])) as Raw[];
  if (!Array.isArray(list)) return [];
  return list
    .filter((d) => typeof d.key === "string")
    .map((d) => ({
      key: d.key as string,
      names: names(d),
      kind: typeof d.kind === "string" ? d.kind : undefined,
      levels: [
        ...(Array.isArray(d.levels) ? (d.levels as Raw[]) : [])
          .filter((l) => typeof l.code === "string")
          .map((l) => ({
            code: l.code as string,
            value: typeof l.value === "number" ? l.value : undefined,
            names: names(l),
          })),
        // A dimension whose values are another collection (S: the scenarios) lists them as `values`.
        ...(Array.isArray(d.values) ? (d.values as Raw[]) : [])
          .filter((v) => typeof v.id === "string")
          .map((v) => ({ code: v.id as string, value: undefined, names: names(v) })),
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
