/** @module design/parse-system — reads a system file or a kubectl export (YAML or JSON) into a system to design for, with every problem located. */
import { SYSTEM } from "../i18n/design-phrases.js";
import type { Lang } from "../i18n/lang.js";
import { REQ, schemaErrors, schemaMessage, yamlError } from "../i18n/requirements-phrases.js";
import type { Kb } from "../kb/kb.js";
import { locatePath } from "../kb/locate-path.js";
import { isBudgetProblem, parseYaml } from "../kb/parse-yaml.js";
import { suggestNames } from "../kb/suggest-names.js";
import { Must, Prefer } from "../model/requirements.js";
import { PlatformConstraints, System, Workload } from "../model/system.js";
import { problemBudget, slotDimension, validateRequirements } from "../recommend/_validate-requirements.js";
import { type CurrentWorkload, importKubectl, isKubectlExport } from "./import-kubectl.js";
import { type Locate, SystemError, type SystemProblem, type SystemProblemCode } from "./system-error.js";

/** What `design` reads: the system, where it came from, and (for a kubectl export) what each workload runs today. */
export interface DesignInput {
  readonly system: System;
  readonly format: "system" | "kubectl";
  readonly current: readonly CurrentWorkload[];
}

/** `workloads[0].must.include[1]`. */
export function dottedPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** A problem at a path, located. */
export function problemAt(
  locate: Locate,
  file: string | undefined,
  code: SystemProblemCode,
  path: readonly (string | number)[],
  message: string,
  extra: { atKey?: boolean; suggestions?: readonly string[] } = {},
): SystemProblem {
  const pos = locate(path, extra.atKey);
  return {
    code,
    path: dottedPath(path),
    message,
    ...(file !== undefined ? { file } : {}),
    line: pos.line,
    column: pos.column,
    ...(extra.suggestions && extra.suggestions.length > 0 ? { suggestions: extra.suggestions } : {}),
  };
}

const KEYS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(System.shape),
  workloads: Object.keys(Workload.shape),
  "workloads.must": Object.keys(Must.shape),
  "workloads.prefer": Object.keys(Prefer.shape),
  platform: Object.keys(PlatformConstraints.shape),
  "platform.orchestrator": ["include", "exclude"],
  "platform.policy": ["include", "exclude"],
};

/** Signals written as aliases (OTLP, eBPF) become level codes before the schema sees them. */
function normalizeSignals(kb: Kb, raw: unknown): unknown {
  const dim = slotDimension(kb, "observability");
  if (!dim || typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const fix = (list: unknown) =>
    Array.isArray(list) ? list.map((o) => (typeof o === "string" ? (dim.resolveLevel(o)?.code ?? o) : o)) : list;
  const r = raw as { workloads?: unknown; platform?: unknown };
  const out: Record<string, unknown> = { ...(raw as object) };
  if (Array.isArray(r.workloads)) {
    out.workloads = r.workloads.map((w) => {
      const must = (w as { must?: unknown } | null)?.must;
      if (typeof must !== "object" || must === null || !("observability" in must)) return w;
      return {
        ...(w as object),
        must: { ...must, observability: fix((must as { observability: unknown }).observability) },
      };
    });
  }
  if (typeof r.platform === "object" && r.platform !== null && "observability" in r.platform) {
    out.platform = { ...r.platform, observability: fix((r.platform as { observability: unknown }).observability) };
  }
  return out;
}

/**
 * Checks a parsed system file against the schema and the knowledge base, collecting every problem:
 * unknown keys (with the nearest valid ones), wrong types and ranges, duplicate workload names, and
 * each workload's requirements as `recommend` checks them (scenarios, technologies, levels, signals).
 * Messages are worded in `lang`.
 * @example validateSystem(kb, { workloads: [{ name: "api" }] }, () => ({ line: 1, column: 1 })).system?.workloads.length // 1
 */
export function validateSystem(
  kb: Kb,
  raw: unknown,
  locate: Locate,
  file?: string,
  lang: Lang = "en",
): { system?: System; problems: SystemProblem[] } {
  const problems: SystemProblem[] = [];
  // Locating a problem and finding the nearest names cost time per problem: only the first ones are.
  const budget = problemBudget();
  const add = (
    code: SystemProblemCode,
    path: readonly (string | number)[],
    message: string,
    extra: { atKey?: boolean; suggest?: () => readonly string[] } = {},
  ) => {
    if (budget.located <= 0) {
      budget.unlisted++;
      return;
    }
    budget.located--;
    let suggestions: readonly string[] = [];
    if (extra.suggest && budget.suggested > 0) {
      budget.suggested--;
      suggestions = extra.suggest();
    }
    problems.push(
      problemAt(locate, file, code, path, message, { ...(extra.atKey ? { atKey: true } : {}), suggestions }),
    );
  };
  const done = () => {
    if (budget.unlisted > 0) {
      problems.push({ code: "MORE_PROBLEMS", path: "", message: REQ.moreProblems(lang, { count: budget.unlisted }) });
    }
    return problems;
  };
  const input = normalizeSignals(kb, raw ?? {});
  const parsed = System.safeParse(input, schemaErrors(lang));
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const path = zi.path.filter((p): p is string | number => typeof p !== "symbol");
      if (zi.code === "unrecognized_keys") {
        const parent = path.filter((p) => typeof p === "string").join(".");
        for (const key of zi.keys) {
          add("UNKNOWN_KEY", [...path, key], REQ.unknownKey(lang, { key, parent }), {
            atKey: true,
            suggest: () => suggestNames(key.slice(0, 80), KEYS[parent] ?? [], 3),
          });
        }
      } else if (zi.code === "custom" || zi.code === "too_small" || zi.code === "too_big") {
        add("BAD_RANGE", path, schemaMessage(zi.message, lang));
      } else add("WRONG_TYPE", path, schemaMessage(zi.message, lang));
    }
    return { problems: done() };
  }
  const system = parsed.data;
  const seen = new Map<string, number>();
  system.workloads.forEach((w, i) => {
    const j = seen.get(w.name);
    if (j !== undefined)
      add("DUPLICATE_NAME", ["workloads", i, "name"], SYSTEM.duplicateName(lang, { name: w.name, other: j }));
    else seen.set(w.name, i);
  });
  const workloads = system.workloads.map((w, i) => {
    const req = {
      ...(w.scenario !== undefined ? { scenario: w.scenario } : {}),
      ...(w.year !== undefined ? { year: w.year } : {}),
      ...(w.must ? { must: w.must } : {}),
      ...(w.prefer ? { prefer: w.prefer } : {}),
    };
    const r = validateRequirements(
      kb,
      req,
      (path, atKey) => locate(["workloads", i, ...path], atKey),
      file,
      lang,
      budget,
    );
    for (const p of r.problems) problems.push({ ...p, path: `workloads[${i}].${p.path}` });
    return r.value ? { ...w, ...r.value } : w;
  });
  const platform = system.platform;
  const names: [readonly (string | number)[], string][] = [];
  const slot = (key: "orchestrator" | "policy") => {
    const c = platform?.[key];
    if (typeof c === "string") names.push([["platform", key], c]);
    else if (c) {
      for (const [i, n] of (c.include ?? []).entries()) names.push([["platform", key, "include", i], n]);
      for (const [i, n] of (c.exclude ?? []).entries()) names.push([["platform", key, "exclude", i], n]);
    }
  };
  slot("orchestrator");
  slot("policy");
  if (platform?.mustStayOn !== undefined) names.push([["platform", "mustStayOn"], platform.mustStayOn]);
  for (const [i, n] of (platform?.exclude ?? []).entries()) names.push([["platform", "exclude", i], n]);
  for (const [path, name] of names) {
    if (kb.resolveName(name)?.kind !== "technology") {
      add("UNKNOWN_TECHNOLOGY", path, REQ.unknownTechnology(lang, { name }), {
        suggest: () => kb.suggestNames(name, 10).filter((id) => kb.technologies.has(id)),
      });
    }
  }
  const oDim = slotDimension(kb, "observability");
  platform?.observability?.forEach((code, i) => {
    if (oDim && !oDim.levelByCode.has(code)) {
      add("UNKNOWN_LEVEL", ["platform", "observability", i], REQ.notASignal(lang, { code, dim: oDim.key }), {
        suggest: () => oDim.levels.map((l) => l.code),
      });
    }
  });
  done();
  return problems.length > 0 ? { problems } : { system: { ...system, workloads }, problems };
}

/**
 * Parses a system file or a `kubectl get pods,deployments,runtimeclasses -A -o json` export (YAML or
 * JSON) and checks it; throws a {@link SystemError} listing every problem at its line and column,
 * worded in `lang`.
 * @example parseDesignInput(kb, "workloads:\n  - name: api\n", "shop.yaml").system.workloads[0]?.name // "api"
 */
export function parseDesignInput(kb: Kb, text: string, file?: string, lang: Lang = "en"): DesignInput {
  const { doc, lineCounter, errors } = parseYaml(text);
  const where = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (errors.length > 0) {
    throw new SystemError(
      errors.map((e) => ({
        code: isBudgetProblem(e) ? ("YAML_TOO_LARGE" as const) : ("YAML_SYNTAX" as const),
        path: "",
        message: yamlError(e, lang),
        ...(file !== undefined ? { file } : {}),
        ...where(e.offset),
      })),
      lang,
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new SystemError(
      [
        {
          code: "YAML_SYNTAX",
          path: "",
          message: REQ.yamlUnreadable(lang, { error: e instanceof Error ? e.message : String(e) }),
          ...(file !== undefined ? { file } : {}),
        },
      ],
      lang,
    );
  }
  const locate: Locate = (path, atKey) => {
    const pos = locatePath(doc, lineCounter, path, atKey ? { atKey } : {});
    return { line: pos.line, column: pos.column };
  };
  if (isKubectlExport(raw)) {
    const imported = importKubectl(kb, raw, locate, file, lang);
    return { system: imported.system, format: "kubectl", current: imported.current };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SystemError([problemAt(locate, file, "WRONG_TYPE", [], SYSTEM.notAMapping(lang))], lang);
  }
  const { system, problems } = validateSystem(kb, raw, locate, file, lang);
  if (!system) throw new SystemError(problems, lang);
  return { system, format: "system", current: [] };
}
