/** @module web/pages/recommend/form-model — the Recommend form's fields and the requirements its URL describes. */
import type { MessageKey } from "../../lib/i18n.js";

export const BOOLS = ["gpu", "untrustedCode", "multiTenant", "offline", "kubernetesApi"] as const;
export const WEIGHTS = ["startup", "isolation", "footprint", "overhead", "maturity", "fit"] as const;
export type Weight = (typeof WEIGHTS)[number];
export const BOUNDS = [
  { key: "isolation", dim: "D" },
  { key: "orchestration", dim: "X" },
  { key: "policy", dim: "Z" },
] as const;
export const WEIGHT_LABELS: Readonly<Record<Weight, MessageKey>> = {
  startup: "startup",
  isolation: "wIsolation",
  footprint: "footprint",
  overhead: "overhead",
  maturity: "wMaturity",
  fit: "fit",
};
/** The requirements chosen from a few values (else any). */
export const CHOICES: readonly { key: MessageKey; id: string; values: readonly MessageKey[] }[] = [
  ...BOOLS.map((k) => ({ key: k, id: `rq-${k}`, values: ["yes", "no"] as const })),
  { key: "linuxCompatibility", id: "rq-linux", values: ["full", "most"] },
];
/** The requirements typed as text. */
export const TEXT_FIELDS: readonly { key: string; id: string; label: MessageKey; placeholder: string }[] = [
  { key: "coordinate", id: "rq-coord", label: "targetCoordinate", placeholder: "(4, 2, 3, *, *, edge, *)" },
  { key: "include", id: "rq-include", label: "include", placeholder: "k3s" },
  { key: "exclude", id: "rq-exclude", label: "exclude", placeholder: "docker" },
];

/** The requirements the URL describes, in the vocabulary of docs/architecture.md, "Contracts". */
export function requirementsFrom(q: URLSearchParams): Record<string, unknown> {
  const must: Record<string, unknown> = {};
  const range = (prefix: string) => {
    const min = q.get(`${prefix}.min`);
    const max = q.get(`${prefix}.max`);
    if (!min && !max) return undefined;
    return { ...(min ? { min: Number(min) } : {}), ...(max ? { max: Number(max) } : {}) };
  };
  const cs = range("coldStartMs");
  if (cs) must.coldStartMs = cs;
  const mem = range("memoryMiB");
  if (mem) must.memoryMiB = mem;
  for (const b of BOUNDS) {
    const lo = q.get(`${b.key}.atLeast`);
    const hi = q.get(`${b.key}.atMost`);
    if (lo || hi) must[b.key] = { ...(lo ? { atLeast: lo } : {}), ...(hi ? { atMost: hi } : {}) };
  }
  for (const k of BOOLS) {
    const v = q.get(k);
    if (v === "yes" || v === "no") must[k] = v === "yes";
  }
  const linux = q.get("linuxCompatibility");
  if (linux === "full" || linux === "most") must.linuxCompatibility = linux;
  const obs = q.getAll("observability");
  if (obs.length > 0) must.observability = obs;
  const coord = q.get("coordinate");
  if (coord) must.coordinate = coord;
  const list = (k: string) =>
    (q.get(k) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (list("include").length > 0) must.include = list("include");
  if (list("exclude").length > 0) must.exclude = list("exclude");
  const prefer: Record<string, number> = {};
  for (const w of WEIGHTS) {
    const v = q.get(`prefer.${w}`);
    if (v !== null && v !== "") prefer[w] = Number(v);
  }
  const scenario = q.get("scenario");
  const year = q.get("year");
  return {
    ...(scenario ? { scenario } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(q.get("scenarioHard") === "yes" ? { scenarioHard: true } : {}),
    ...(q.get("raw") === "yes" ? { raw: true } : {}),
    ...(Object.keys(must).length > 0 ? { must } : {}),
    ...(Object.keys(prefer).length > 0 ? { prefer } : {}),
  };
}

export const FORM_KEYS = [
  "scenario",
  "year",
  "scenarioHard",
  "raw",
  "coldStartMs.min",
  "coldStartMs.max",
  "memoryMiB.min",
  "memoryMiB.max",
  ...BOUNDS.flatMap((b) => [`${b.key}.atLeast`, `${b.key}.atMost`]),
  ...BOOLS,
  "linuxCompatibility",
  "observability",
  "coordinate",
  "include",
  "exclude",
  ...WEIGHTS.map((w) => `prefer.${w}`),
  "top",
  "go",
];

/** A weight of the answer on the sliders' 0–100 scale (the answer gives fractions or percentages). */
export function shownWeight(x: number | undefined): number | undefined {
  if (x === undefined || !Number.isFinite(x)) return undefined;
  return Math.round(x <= 1 ? x * 100 : x);
}
