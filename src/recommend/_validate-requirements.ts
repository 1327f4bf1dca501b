/** @module recommend/_validate-requirements — checks requirements against the schema and the knowledge base, collecting every problem. */

import { parseCoordinate } from "../coordinate/parse-coordinate.js";
import { AtlasError } from "../errors.js";
import { ADDON } from "../i18n/addon-phrases.js";
import type { Lang } from "../i18n/lang.js";
import { REQ, schemaErrors, schemaMessage } from "../i18n/requirements-phrases.js";
import type { CompiledDimension, Kb } from "../kb/kb.js";
import { suggestNames } from "../kb/suggest-names.js";
import { Must, Prefer, Requirements } from "../model/requirements.js";
import type { RequirementProblem, RequirementProblemCode } from "./requirements-error.js";

/** Where a path came from: a file's position, or nothing for flags. */
export type Locate = (
  path: readonly (string | number)[],
  atKey?: boolean,
) => { line: number; column: number } | undefined;

const KEYS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(Requirements.shape),
  must: Object.keys(Must.shape),
  prefer: Object.keys(Prefer.shape),
};

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}

function dotted(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The dimension whose level a slot decides (by the dimensions' stack rules, not by name). */
export function slotDimension(kb: Kb, slot: string): CompiledDimension | undefined {
  for (const d of kb.dimensions.values()) if (d.stackRule.from === "slot" && d.stackRule.slot === slot) return d;
  return undefined;
}

/** Observability entries written as aliases (OTLP, eBPF) become level codes before the schema sees them. */
function normalizeSignals(kb: Kb, raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const must = (raw as { must?: unknown }).must;
  if (typeof must !== "object" || must === null) return raw;
  const obs = (must as { observability?: unknown }).observability;
  const dim = slotDimension(kb, "observability");
  if (!Array.isArray(obs) || !dim) return raw;
  const codes = obs.map((o) => (typeof o === "string" ? (dim.resolveLevel(o)?.code ?? o) : o));
  return { ...(raw as object), must: { ...(must as object), observability: codes } };
}

/** At most this many problems are located; the rest are counted in one more problem. */
export const MAX_LOCATED_PROBLEMS = 50;
/** At most this many problems get the nearest names (each search costs milliseconds on a large knowledge base). */
export const MAX_SUGGESTED_PROBLEMS = 10;

/** What is left of a check's allowance of located and suggested problems, shared by the parts of one input. */
export interface ProblemBudget {
  located: number;
  suggested: number;
  /** Problems found past the allowance, counted only. */
  unlisted: number;
}

/** A fresh allowance for one input. */
export function problemBudget(): ProblemBudget {
  return { located: MAX_LOCATED_PROBLEMS, suggested: MAX_SUGGESTED_PROBLEMS, unlisted: 0 };
}

/** The technology names of a `must` list as given, even when the list broke the schema (too long). */
function rawNames(raw: unknown, key: "include" | "exclude"): readonly unknown[] {
  const must = typeof raw === "object" && raw !== null ? (raw as { must?: unknown }).must : undefined;
  const list = typeof must === "object" && must !== null ? (must as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list : [];
}

/**
 * Validates raw requirements: the schema first (unknown keys, wrong types, ranges, list lengths), then
 * the names against the knowledge base (scenario, technologies, levels, signals, the coordinate). The
 * technology names of `include` and `exclude` are checked even when the schema fails, so an over-long
 * list of unknown names is told which names are unknown. The first {@link MAX_LOCATED_PROBLEMS}
 * problems are located, the first {@link MAX_SUGGESTED_PROBLEMS} given the nearest names; the rest are
 * counted (locating and suggesting cost time per problem, and a hostile input can have thousands).
 * `budget` shares that allowance between the parts of one input (a system's workloads), which then
 * reports the count itself. Messages are worded in `lang`.
 */
export function validateRequirements(
  kb: Kb,
  raw: unknown,
  locate: Locate,
  file?: string,
  lang: Lang = "en",
  budget?: ProblemBudget,
): { value?: Requirements; problems: RequirementProblem[] } {
  const problems: RequirementProblem[] = [];
  const own = budget === undefined;
  const allowance = budget ?? problemBudget();
  const add = (
    code: RequirementProblemCode,
    path: readonly (string | number)[],
    message: string,
    extra: { atKey?: boolean; suggest?: () => readonly string[] } = {},
  ) => {
    if (allowance.located <= 0) {
      allowance.unlisted++;
      // Still a problem: the requirements must not pass.
      if (problems.length === 0) problems.push({ code, path: dotted(path), message });
      return;
    }
    allowance.located--;
    const pos = locate(path, extra.atKey);
    let suggestions: readonly string[] = [];
    if (extra.suggest && allowance.suggested > 0) {
      allowance.suggested--;
      suggestions = extra.suggest();
    }
    problems.push({
      code,
      path: dotted(path),
      message,
      ...(file !== undefined ? { file } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  };
  const checkTechnology = (key: "include" | "exclude", name: unknown, i: number) => {
    if (typeof name !== "string") return;
    const m = kb.resolveName(name);
    if (m?.kind !== "technology") {
      add("UNKNOWN_TECHNOLOGY", ["must", key, i], REQ.unknownTechnology(lang, { name }), {
        suggest: () => kb.suggestNames(name.slice(0, 80), 10).filter((id) => kb.technologies.has(id)),
      });
    }
  };
  const done = () => {
    if (own && allowance.unlisted > 0) {
      problems.push({
        code: "MORE_PROBLEMS",
        path: "",
        message: REQ.moreProblems(lang, { count: allowance.unlisted }),
      });
    }
    return problems;
  };
  const input = normalizeSignals(kb, raw ?? {});
  const parsed = Requirements.safeParse(input, schemaErrors(lang));
  if (!parsed.success) {
    for (const zi of parsed.error.issues as readonly ZodIssueLike[]) {
      const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
      if (zi.code === "unrecognized_keys") {
        const parent = path.filter((p) => typeof p === "string").join(".");
        for (const key of zi.keys ?? []) {
          add("UNKNOWN_KEY", [...path, key], REQ.unknownKey(lang, { key, parent }), {
            atKey: true,
            suggest: () => suggestNames(key.slice(0, 80), KEYS[parent] ?? [], 3),
          });
        }
      } else if (zi.code === "custom" || zi.code === "too_small" || zi.code === "too_big") {
        add("BAD_RANGE", path, schemaMessage(zi.message, lang));
      } else {
        add("WRONG_TYPE", path, schemaMessage(zi.message, lang));
      }
    }
    for (const key of ["include", "exclude"] as const)
      for (const [i, n] of rawNames(input, key).entries()) checkTechnology(key, n, i);
    return { problems: done() };
  }
  const req = parsed.data;
  if (req.scenario !== undefined) {
    const m = kb.resolveName(req.scenario);
    if (m?.kind !== "scenario") {
      const scenario = req.scenario;
      add("UNKNOWN_SCENARIO", ["scenario"], REQ.unknownScenario(lang, { name: scenario }), {
        suggest: () => kb.suggestNames(scenario, 10).filter((id) => kb.scenarios.has(id)),
      });
    }
  }
  const must = req.must ?? {};
  for (const key of ["include", "exclude"] as const)
    for (const [i, name] of (must[key] ?? []).entries()) checkTechnology(key, name, i);
  const known = [...kb.traits.values()].filter((t) => t.capability === true).map((t) => t.id);
  (must.capabilities ?? []).forEach((name, i) => {
    if (known.includes(name)) return;
    add("UNKNOWN_CAPABILITY", ["must", "capabilities", i], ADDON.unknownCapability(lang, { name, known }), {
      suggest: () => suggestNames(name, known, 3),
    });
  });
  for (const [key, slot] of [
    ["isolation", "runtime"],
    ["orchestration", "orchestrator"],
    ["policy", "policy"],
  ] as const) {
    const bound = must[key];
    const dim = slotDimension(kb, slot);
    if (!bound || !dim) continue;
    for (const [k, v] of Object.entries(bound)) {
      if (v === undefined) continue;
      if (!dim.resolveLevel(v)) {
        add(
          "UNKNOWN_LEVEL",
          ["must", key, k],
          REQ.notALevel(lang, { value: String(v), dim: dim.key, en: dim.names.en, zh: dim.names.zh }),
          { suggest: () => dim.levels.map((l) => l.code) },
        );
      }
    }
  }
  const oDim = slotDimension(kb, "observability");
  (must.observability ?? []).forEach((code, i) => {
    if (oDim && !oDim.levelByCode.has(code)) {
      add("UNKNOWN_LEVEL", ["must", "observability", i], REQ.notASignal(lang, { code, dim: oDim.key }), {
        suggest: () => oDim.levels.map((l) => l.code),
      });
    }
  });
  if (must.coordinate !== undefined) {
    try {
      parseCoordinate(kb, must.coordinate, lang);
    } catch (e) {
      if (!(e instanceof AtlasError)) throw e;
      const suggestions = e.suggestions;
      add("BAD_COORDINATE", ["must", "coordinate"], e.message, { suggest: () => suggestions });
    }
  }
  const prefer = req.prefer;
  if (prefer && Object.keys(prefer).length > 0 && Object.values(prefer).every((w) => w === 0)) {
    add("BAD_RANGE", ["prefer"], REQ.allWeightsZero(lang));
  }
  done();
  return problems.length > 0 ? { problems } : { value: req, problems };
}
