/** @module coordinate/evaluate-must — checks a stack against the `must` requirements, each with its evidence. */
import { boundText, MUST, traitValueText } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledDimension, CompiledFact, CompiledTechnology, Kb } from "../kb/kb.js";
import { compare } from "../kb/partial-order.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import type { LevelBound, Must, NumericRange } from "../model/requirements.js";
import type { StackComponents } from "../model/stack.js";
import { stackParts } from "./assign-slots.js";
import type { Coordinate } from "./coordinate.js";
import { coordinateDistance } from "./coordinate-distance.js";
import { parseCoordinate } from "./parse-coordinate.js";

export type CheckStatus = "met" | "missed" | "unknown";

/** One requirement checked: met, missed or unknown (no evidence), with what decided it. */
export interface RequirementCheck {
  readonly requirement: keyof Must;
  readonly status: CheckStatus;
  readonly detail: string;
  /** The source of the deciding evidence, where there is one. */
  readonly source?: string;
  readonly grade?: string;
  /** The figure was estimated from the level, not stated for the technology. */
  readonly estimated?: boolean;
}

const GRADE_ORDER = "ABCU";

/**
 * The figure to judge a technology by on a lower-is-better metric and a scope: among the best-graded
 * figures the most conservative (the highest: a constraint is never met on the most flattering of
 * several equally graded claims), else the level's figure, marked estimated. A per-instance figure
 * never stands in for a per-node one.
 * @example bestFigure(kb.technologies.get("wasmedge")!, "cold-start", "instance")?.fact.normalized.representative
 */
export function bestFigure(
  tech: CompiledTechnology,
  metric: string,
  scope: string,
  levelDimension?: CompiledDimension,
): { fact: CompiledFact; estimated: boolean } | undefined {
  const own = tech.facts
    .filter((f) => f.metric === metric && f.scope === scope)
    .sort(
      (a, b) =>
        GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade) ||
        b.normalized.representative - a.normalized.representative,
    );
  if (own[0]) return { fact: own[0], estimated: false };
  if (!levelDimension) return undefined;
  const code = tech.position[levelDimension.key]?.[0];
  const level = code === undefined ? undefined : levelDimension.levelByCode.get(code);
  const fromLevel = level?.facts.find((f) => f.metric === metric && f.scope === scope);
  return fromLevel ? { fact: fromLevel, estimated: true } : undefined;
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

/** A range check on a figure: the whole stated range must lie inside the required one. */
function inRange(f: CompiledFact, r: NumericRange): boolean {
  const lo = f.normalized.min ?? f.normalized.value ?? f.normalized.representative;
  const hi = f.normalized.max ?? f.normalized.value ?? f.normalized.representative;
  return (r.max === undefined || hi <= r.max) && (r.min === undefined || lo >= r.min);
}

/**
 * Checks every `must` requirement against a stack (its parts, and its coordinate for the level and
 * signal requirements). Figures are the runtime's per-instance ones; a missing figure is estimated from
 * the runtime's isolation level and marked so; a requirement with no evidence either way is `unknown`.
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
    if (!runtime) return void out.push({ requirement: key, status: "unknown", detail: MUST.noRuntimeToMeasure(lang) });
    const best = bestFigure(runtime, metric, "instance", slotDimension(kb, "runtime"));
    if (!best)
      return void out.push({
        requirement: key,
        status: "unknown",
        detail: MUST.noFigure(lang, { metric: m?.names[lang] ?? metric, name: name(runtime) }),
      });
    const ok = inRange(best.fact, r);
    out.push({
      requirement: key,
      status: ok ? "met" : "missed",
      detail: MUST.figure(lang, {
        name: name(runtime),
        metric: m?.names[lang] ?? metric,
        figure: formatNormalizedFigure(best.fact),
        estimated: best.estimated,
        ok,
        range: rangeText(r, m?.unit ?? ""),
      }),
      source: best.fact.source,
      grade: best.fact.grade,
      ...(best.estimated ? { estimated: true } : {}),
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
