/** @module recommend/requirements-from-flags — builds requirements from command-line flags, checked like a file. */
import type { Lang } from "../i18n/lang.js";
import { REQ } from "../i18n/requirements-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { Requirements } from "../model/requirements.js";
import { validateRequirements } from "./_validate-requirements.js";
import { type RequirementProblem, RequirementsError } from "./requirements-error.js";

/** The flags `recommend` accepts besides `--requirements FILE`. */
export interface RequirementFlags {
  readonly scenario?: string;
  readonly year?: number;
  /** Make the scenario's typical requirements hard. */
  readonly scenarioHard?: boolean;
  /** The raw ranking (the k best scores, however alike). */
  readonly raw?: boolean;
  /** `key=value` pairs in the file's vocabulary: `coldStartMs=10`, `isolation=>=L-1`, `observability=O1,O2`. */
  readonly must?: readonly string[];
  readonly coldStartMs?: number;
  readonly memoryMiB?: number;
  /** A level meaning `atLeast`, or a bound written `>=L-1`, `<=X2`, `=Z3`, `X1..X2`. */
  readonly isolation?: string;
  readonly orchestration?: string;
  readonly policy?: string;
  readonly gpu?: boolean;
  readonly untrustedCode?: boolean;
  readonly multiTenant?: boolean;
  readonly offline?: boolean;
  readonly kubernetesApi?: boolean;
  readonly linuxCompatibility?: string;
  readonly observability?: readonly string[];
  readonly coordinate?: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  readonly capabilities?: readonly string[];
  /** `startup=3,isolation=2`. */
  readonly prefer?: string;
}

const RANGE_KEYS = new Set(["coldStartMs", "memoryMiB"]);
const BOUND_KEYS = new Set(["isolation", "orchestration", "policy"]);
const BOOL_KEYS = new Set(["gpu", "untrustedCode", "multiTenant", "offline", "kubernetesApi"]);
const LIST_KEYS = new Set(["observability", "include", "exclude", "capabilities"]);

function num(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(n) ? n : text.trim();
}

/** `10` → max 10; `5..10`; `>=5`; `<=10`. */
function parseRange(text: string): unknown {
  const t = text.trim();
  const between = /^(.+?)\.\.(.+)$/.exec(t);
  if (between) return { min: num(between[1]!), max: num(between[2]!) };
  if (t.startsWith(">=")) return { min: num(t.slice(2)) };
  if (t.startsWith("<=")) return { max: num(t.slice(2)) };
  if (t.startsWith(">")) return { min: num(t.slice(1)) };
  if (t.startsWith("<")) return { max: num(t.slice(1)) };
  return { max: num(t) };
}

/** `L-1` (at least), `>=L-1`, `<=X2`, `=Z3`, `X1..X2`; numbers stay numbers. */
function parseBound(text: string): unknown {
  const t = text.trim();
  const level = (s: string) => {
    const v = num(s);
    return typeof v === "number" ? v : s.trim();
  };
  const between = /^(.+?)\.\.(.+)$/.exec(t);
  if (between) return { atLeast: level(between[1]!), atMost: level(between[2]!) };
  if (t.startsWith(">=")) return { atLeast: level(t.slice(2)) };
  if (t.startsWith("<=")) return { atMost: level(t.slice(2)) };
  if (t.startsWith("=")) return { equals: level(t.slice(1)) };
  return { atLeast: level(t) };
}

function parseBool(text: string): boolean | string {
  const t = text.trim().toLowerCase();
  if (["true", "yes", "1", "on", ""].includes(t)) return true;
  if (["false", "no", "0", "off"].includes(t)) return false;
  return text;
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Turns flags into requirements, checked against the schema and the knowledge base exactly as a file
 * is; throws a {@link RequirementsError} naming the flag, worded in `lang`.
 * @example requirementsFromFlags(kb, { scenario: "edge", coldStartMs: 10, prefer: "startup=3" }).prefer // { startup: 3 }
 */
export function requirementsFromFlags(kb: Kb, flags: RequirementFlags, lang: Lang = "en"): Requirements {
  const problems: RequirementProblem[] = [];
  const must: Record<string, unknown> = {};
  const setMust = (key: string, value: string) => {
    if (RANGE_KEYS.has(key)) must[key] = parseRange(value);
    else if (BOUND_KEYS.has(key)) must[key] = parseBound(value);
    else if (BOOL_KEYS.has(key)) must[key] = parseBool(value);
    else if (LIST_KEYS.has(key)) must[key] = list(value);
    else must[key] = value;
  };
  for (const pair of flags.must ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      problems.push({ code: "BAD_FLAG", path: "--must", message: REQ.notKeyValue(lang, { pair }) });
      continue;
    }
    setMust(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  if (flags.coldStartMs !== undefined) must.coldStartMs = { max: flags.coldStartMs };
  if (flags.memoryMiB !== undefined) must.memoryMiB = { max: flags.memoryMiB };
  for (const key of ["isolation", "orchestration", "policy"] as const) {
    const v = flags[key];
    if (v !== undefined) must[key] = parseBound(v);
  }
  for (const key of ["gpu", "untrustedCode", "multiTenant", "offline", "kubernetesApi"] as const) {
    const v = flags[key];
    if (v !== undefined) must[key] = v;
  }
  if (flags.linuxCompatibility !== undefined) must.linuxCompatibility = flags.linuxCompatibility;
  if (flags.coordinate !== undefined) must.coordinate = flags.coordinate;
  for (const key of ["observability", "include", "exclude", "capabilities"] as const) {
    const v = flags[key];
    if (v !== undefined) must[key] = v.flatMap(list);
  }
  const prefer: Record<string, unknown> = {};
  if (flags.prefer !== undefined) {
    for (const pair of list(flags.prefer)) {
      const eq = pair.indexOf("=");
      if (eq <= 0) {
        problems.push({ code: "BAD_FLAG", path: "--prefer", message: REQ.notTermWeight(lang, { pair }) });
        continue;
      }
      prefer[pair.slice(0, eq).trim()] = num(pair.slice(eq + 1));
    }
  }
  if (problems.length > 0) throw new RequirementsError(problems, lang);
  const raw = {
    ...(flags.scenario !== undefined ? { scenario: flags.scenario } : {}),
    ...(flags.year !== undefined ? { year: flags.year } : {}),
    ...(flags.scenarioHard ? { scenarioHard: true } : {}),
    ...(flags.raw ? { raw: true } : {}),
    ...(Object.keys(must).length > 0 ? { must } : {}),
    ...(Object.keys(prefer).length > 0 ? { prefer } : {}),
  };
  const { value, problems: found } = validateRequirements(kb, raw, () => undefined, undefined, lang);
  if (!value)
    throw new RequirementsError(
      found.map((p) => ({ ...p, path: `--${p.path}` })),
      lang,
    );
  return value;
}
