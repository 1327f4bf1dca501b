/** @module coordinate/evaluate-must — checks a stack against the `must` requirements, each with its evidence. */

import type { CheckStatus, SettlingFact } from "../evidence/judge-figure.js";
import { judgeFigure } from "../evidence/judge-figure.js";
import type { DerivationRule, EvidenceFigure } from "../evidence/own-figures.js";
import { boundText, MUST, traitValueText } from "../i18n/coordinate-phrases.js";
import { JUDGE, scopeText } from "../i18n/evidence-phrases.js";
import { type Lang, localText } from "../i18n/lang.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import { compare } from "../kb/partial-order.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import type { LevelBound, Must, NumericRange } from "../model/requirements.js";
import type { StackComponents } from "../model/stack.js";
import { stackParts } from "./assign-slots.js";
import type { Coordinate } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { parseCoordinate } from "./parse-coordinate.js";

export type { CheckStatus } from "../evidence/judge-figure.js";

/** One requirement checked: met, missed or unknown (no evidence), with what decided it. */
export interface RequirementCheck {
  readonly requirement: keyof Must;
  readonly status: CheckStatus;
  readonly detail: string;
  /** The source of the deciding evidence, where there is one. */
  readonly source?: string;
  readonly grade?: string;
  /** The deciding figure was derived from the technology's own related figures by this rule (docs/evidence.md). */
  readonly derived?: DerivationRule;
  /** Why an unknown check is unknown: no own figure, only bounds, or sources that disagree. */
  readonly reason?: "no-figure" | "open" | "disputed";
  /** For an unknown check: the fact (metric and scope) that would settle it. */
  readonly settle?: SettlingFact;
  /** Two own figures that disagree, each with its source and grade. */
  readonly dispute?: readonly { readonly figure: string; readonly source: string; readonly grade: string }[];
}

function slotDimension(kb: Kb, slot: string): CompiledDimension | undefined {
  return [...kb.dimensions.values()].find((d) => d.stackRule.from === "slot" && d.stackRule.slot === slot);
}

function levelRef(dim: CompiledDimension, ref: string | number): string | undefined {
  return dim.resolveLevel(ref)?.code;
}

/** Whether a level satisfies a bound: by the dimension's distance ordering (isolation strength), else by number. */
export function satisfiesBound(dim: CompiledDimension, code: string, bound: LevelBound): boolean | undefined {
  const order = dim.distanceBy === undefined ? undefined : dim.orderings.get(dim.distanceBy)?.order;
  const cmp = (a: string, b: string): number | undefined => {
    if (order) {
      const c = compare(order, a, b);
      return c === "greater" ? 1 : c === "less" ? -1 : c === "equal" ? 0 : undefined;
    }
    return Math.sign((dim.levelByCode.get(a)?.value ?? 0) - (dim.levelByCode.get(b)?.value ?? 0));
  };
  if (bound.equals !== undefined) return code === levelRef(dim, bound.equals);
  for (const [ref, ok] of [
    [bound.atLeast, (c: number) => c >= 0],
    [bound.atMost, (c: number) => c <= 0],
  ] as const) {
    if (ref === undefined) continue;
    const target = levelRef(dim, ref);
    if (target === undefined) return undefined;
    const c = cmp(code, target);
    if (c === undefined || !ok(c)) return false;
  }
  return true;
}

function rangeText(r: NumericRange, unit: string): string {
  if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max} ${unit}`;
  return r.max !== undefined ? `≤ ${r.max} ${unit}` : `≥ ${r.min} ${unit}`;
}

/** A figure as a check shows it: the figure, marked when derived from related figures. */
function figureText(f: EvidenceFigure, lang: Lang): string {
  const text = formatNormalizedFigure(f.fact);
  return f.derived ? `${text} (${localText(f.fact.conditions, lang)})` : text;
}

/**
 * Checks every `must` requirement against a stack (its parts, and its coordinate for the level and
 * signal requirements). Figures are the runtime's own per-instance ones, or derived from its own related
 * figures, judged by `judgeFigure` (docs/evidence.md); a level-wide figure never decides. A requirement
 * no evidence decides is `unknown`, with the fact that would settle it.
 * @example evaluateMust(kb, { runtime: "wasmedge", orchestrator: "k3s" }, coord, { coldStartMs: { max: 10 } })
 */
export function evaluateMust(
  kb: Kb,
  c: StackComponents,
  coordinate: Coordinate,
  must: Must,
  lang: Lang = "en",
): RequirementCheck[] {
  const out: RequirementCheck[] = [];
  const tech = (id: string | undefined) => (id === undefined ? undefined : kb.technologies.get(id));
  const runtime = tech(c.runtime);
  const orchestrator = tech(c.orchestrator);
  const name = (t: CompiledTechnology) => t.names[lang];
  const parts = stackParts(c);
  const trait = (t: CompiledTechnology | undefined, id: string) => t?.traits.get(id);

  const figure = (key: "coldStartMs" | "memoryMiB", metric: string) => {
    const r = must[key];
    if (!r) return;
    const m = kb.metrics.get(metric);
    const metricName = m?.names[lang] ?? metric;
    if (!runtime) return void out.push({ requirement: key, status: "unknown", detail: MUST.noRuntimeToMeasure(lang) });
    const j = judgeFigure(kb, runtime.id, metric, "instance", r);
    const range = rangeText(r, m?.unit ?? "");
    const scope = scopeText("instance", lang);
    const cite = (f: EvidenceFigure) => ({ figure: figureText(f, lang), source: f.fact.source, grade: f.fact.grade });
    if (j.status !== "unknown" && j.figure) {
      const ok = j.status === "met";
      return void out.push({
        requirement: key,
        status: j.status,
        detail: MUST.figure(lang, {
          name: name(runtime),
          metric: metricName,
          figure: figureText(j.figure, lang),
          estimated: false,
          ok,
          range,
        }),
        source: j.figure.fact.source,
        grade: j.figure.fact.grade,
        ...(j.figure.derived ? { derived: j.figure.derived.rule } : {}),
      });
    }
    const settle = j.settle ?? { metric, scope: "instance" };
    if (j.reason === "disputed" && j.dispute) {
      const met = cite(j.dispute.met);
      const missed = cite(j.dispute.missed);
      return void out.push({
        requirement: key,
        status: "unknown",
        reason: "disputed",
        detail: JUDGE.disputed(lang, {
          name: name(runtime),
          metric: metricName,
          met: `${met.figure} [${met.source}, ${met.grade}]`,
          missed: `${missed.figure} [${missed.source}, ${missed.grade}]`,
          range,
        }),
        settle,
        dispute: [met, missed],
      });
    }
    out.push({
      requirement: key,
      status: "unknown",
      reason: j.reason ?? "no-figure",
      detail:
        j.reason === "open" && j.figure
          ? JUDGE.open(lang, {
              name: name(runtime),
              metric: metricName,
              scope,
              figure: figureText(j.figure, lang),
              range,
            })
          : JUDGE.noFigure(lang, { name: name(runtime), metric: metricName, scope }),
      ...(j.figure ? { source: j.figure.fact.source, grade: j.figure.fact.grade } : {}),
      settle,
    });
  };
  figure("coldStartMs", "cold-start");
  figure("memoryMiB", "memory");

  const bound = (key: "isolation" | "orchestration" | "policy", slot: string) => {
    const b = must[key];
    if (!b) return;
    const dim = slotDimension(kb, slot);
    const value = dim ? coordinate[dim.key] : undefined;
    const level = dim && typeof value === "number" ? dim.levelByValue.get(value) : undefined;
    if (!dim || !level)
      return void out.push({ requirement: key, status: "unknown", detail: MUST.noSlotLevel(lang, { slot }) });
    const ok = satisfiesBound(dim, level.code, b);
    out.push({
      requirement: key,
      status: ok === undefined ? "unknown" : ok ? "met" : "missed",
      detail: MUST.bound(lang, {
        dim: dim.names[lang],
        code: level.code,
        level: level.names[lang],
        ok: ok === true,
        want: boundText(b, lang),
        ...(dim.distanceBy ? { ordering: dim.distanceBy } : {}),
      }),
    });
  };
  bound("isolation", "runtime");
  bound("orchestration", "orchestrator");
  bound("policy", "policy");

  const yesNo = (
    key: "gpu" | "untrustedCode" | "multiTenant" | "offline" | "kubernetesApi",
    traitId: string,
    who: (CompiledTechnology | undefined)[],
  ) => {
    const want = must[key];
    if (want === undefined) return;
    const holders = who.filter((t): t is CompiledTechnology => t !== undefined);
    const stated = holders.map((t) => ({ t, s: trait(t, traitId) })).filter((x) => x.s !== undefined);
    if (stated.length === 0) {
      return void out.push({
        requirement: key,
        status: want ? "unknown" : "met",
        detail: MUST.noTraitStatement(lang, {
          traitId,
          trait: kb.traits.get(traitId)?.names[lang] ?? traitId,
          who: holders.map(name),
        }),
      });
    }
    const has = stated.some((x) => x.s!.value !== false && x.s!.value !== "none");
    const decisive = stated.find((x) => (x.s!.value !== false && x.s!.value !== "none") === has)!;
    const ok = has === want;
    out.push({
      requirement: key,
      status: ok ? "met" : "missed",
      detail: MUST.trait(lang, {
        name: name(decisive.t),
        trait: kb.traits.get(traitId)?.names[lang] ?? traitId,
        value: traitValueText(decisive.s!.value, lang),
        ...(decisive.s!.via ? { via: String(decisive.s!.via) } : {}),
      }),
      source: decisive.s!.source,
      grade: decisive.s!.grade,
    });
  };
  yesNo("gpu", "gpu", [runtime]);
  yesNo("untrustedCode", "untrusted-code", [runtime]);
  yesNo("multiTenant", "multi-tenant", [runtime, orchestrator]);
  yesNo("offline", "offline", [orchestrator]);
  if (must.kubernetesApi !== undefined && !orchestrator) {
    // A stack without an orchestrator serves no Kubernetes API, whatever its other parts are.
    out.push({
      requirement: "kubernetesApi",
      status: must.kubernetesApi ? "missed" : "met",
      detail: MUST.noOrchestratorApi(lang),
    });
  } else if (must.kubernetesApi !== undefined) {
    const implementsApi = orchestrator
      ? kb.relations.out(orchestrator.id, "implements").some((r) => r.targets.includes("kubernetes-api"))
      : false;
    if (implementsApi) {
      out.push({
        requirement: "kubernetesApi",
        status: must.kubernetesApi ? "met" : "missed",
        detail: MUST.implementsApi(lang, { name: name(orchestrator!) }),
        source: kb.relations.out(orchestrator!.id, "implements").find((r) => r.targets.includes("kubernetes-api"))!
          .source,
      });
    } else yesNo("kubernetesApi", "kubernetes-api", [orchestrator]);
  }

  if (must.linuxCompatibility) {
    const s = trait(runtime, "linux-compatibility");
    const rank = (v: unknown) => ["none", "most", "full"].indexOf(String(v));
    if (!runtime || !s)
      out.push({
        requirement: "linuxCompatibility",
        status: "unknown",
        detail: MUST.noLinuxStatement(lang),
      });
    else {
      const ok = rank(s.value) >= rank(must.linuxCompatibility);
      out.push({
        requirement: "linuxCompatibility",
        status: ok ? "met" : "missed",
        detail: MUST.linux(lang, {
          name: name(runtime),
          value: traitValueText(s.value, lang),
          want: must.linuxCompatibility,
        }),
        source: s.source,
        grade: s.grade,
      });
    }
  }

  if (must.observability) {
    const dim = slotDimension(kb, "observability");
    const have = new Set((dim ? (coordinate[dim.key] as readonly string[] | null) : null) ?? []);
    const lacking = must.observability.filter((o) => !have.has(o));
    out.push({
      requirement: "observability",
      status: lacking.length === 0 ? "met" : "missed",
      detail:
        lacking.length === 0
          ? MUST.covers(lang, { signals: must.observability })
          : MUST.lacksSignals(lang, { lacking, have: [...have] }),
    });
  }

  if (must.coordinate) {
    const target = parseCoordinate(kb, must.coordinate, lang);
    const d = coordinateDistance(kb, target, coordinate);
    const off = Object.entries(d.perDimension)
      .filter(([, v]) => v > 0)
      .map(([k]) => k);
    out.push({
      requirement: "coordinate",
      status: off.length === 0 ? "met" : "missed",
      detail:
        off.length === 0
          ? MUST.atCoordinate(lang, { coordinate: must.coordinate })
          : MUST.differsFrom(lang, { coordinate: must.coordinate, dims: off }),
    });
  }

  const resolveIds = (names: readonly string[]) =>
    names.map((n) => kb.resolveName(n)).map((m, i) => (m?.kind === "technology" ? m.id : names[i]!));
  if (must.include) {
    const lacking = resolveIds(must.include).filter((id) => !parts.includes(id));
    out.push({
      requirement: "include",
      status: lacking.length === 0 ? "met" : "missed",
      detail:
        lacking.length === 0 ? MUST.includes(lang, { ids: must.include }) : MUST.lacksParts(lang, { ids: lacking }),
    });
  }
  if (must.exclude) {
    const present = resolveIds(must.exclude).filter((id) => parts.includes(id));
    out.push({
      requirement: "exclude",
      status: present.length === 0 ? "met" : "missed",
      detail: present.length === 0 ? MUST.excludes(lang, { ids: must.exclude }) : MUST.contains(lang, { ids: present }),
    });
  }
  return out;
}
