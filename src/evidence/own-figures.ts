/** @module evidence/own-figures — a technology's own figures for a metric and scope, and those derived from its own related figures. */
import { DERIVED } from "../i18n/evidence-phrases.js";
import type { CompiledFact, CompiledTechnology, Kb } from "../kb/kb.js";
import { formatNormalizedFigure } from "../kb/representative-value.js";
import type { EvidenceGrade } from "../model/_common.js";

/** The derivation rules (documented in docs/evidence.md); each turns a technology's own related figures into a figure. */
export type DerivationRule =
  | "boot-bound"
  | "instantiation-bound"
  | "precompiled-instantiation"
  | "vmm-start-plus-boot"
  | "vmm-plus-guest"
  | "runs-inside";

/**
 * A figure a technology may be judged by: one of its own facts, or one derived by a rule from its own
 * related facts (then `fact` is the derived figure, its grade the lowest of the facts it rests on).
 */
export interface EvidenceFigure {
  readonly fact: CompiledFact;
  /** The low and high ends the figure states, in the metric's unit (`undefined`: not stated). */
  readonly lo: number | undefined;
  readonly hi: number | undefined;
  readonly derived?: { readonly rule: DerivationRule; readonly from: readonly CompiledFact[]; readonly via?: string };
}

export const GRADE_ORDER: readonly EvidenceGrade[] = ["A", "B", "C", "U"];
export const gradeRank = (g: string): number => {
  const i = GRADE_ORDER.indexOf(g as EvidenceGrade);
  return i < 0 ? GRADE_ORDER.length : i;
};

/** The ends a fact states: a value is both ends; a range its two; a bound one. */
export function factEnds(f: CompiledFact): { lo: number | undefined; hi: number | undefined } {
  const n = f.normalized;
  const exact = f.value !== undefined ? n.representative : undefined;
  return { lo: n.min ?? exact, hi: n.max ?? exact };
}

function worstGrade(facts: readonly CompiledFact[]): EvidenceGrade {
  let r = 0;
  for (const f of facts) r = Math.max(r, gradeRank(f.grade));
  return GRADE_ORDER[Math.min(r, GRADE_ORDER.length - 1)]!;
}

function derivedFact(
  subject: string,
  metric: string,
  scope: CompiledFact["scope"],
  unit: string,
  lo: number | undefined,
  hi: number | undefined,
  from: readonly CompiledFact[],
  conditions: { en: string; zh: string },
): CompiledFact {
  const representative = lo !== undefined && hi !== undefined ? (lo + hi) / 2 : (hi ?? lo ?? 0);
  // Equal ends are one value ("0.0064 ms", not "0.0064–0.0064 ms").
  const ends =
    lo !== undefined && lo === hi
      ? { value: lo }
      : { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}) };
  return {
    metric,
    ...ends,
    unit,
    scope,
    conditions,
    source: from[0]!.source,
    grade: worstGrade(from),
    subject,
    normalized: { unit, ...ends, representative },
  };
}

const direct = (t: CompiledTechnology, metric: string, scope: string) =>
  t.facts.filter((f) => f.metric === metric && f.scope === scope);

/** The best fact among several for one end: highest grade, then the one stating that end most conservatively. */
function pick(facts: readonly CompiledFact[], end: "lo" | "hi"): CompiledFact | undefined {
  const usable = facts.filter((f) => factEnds(f)[end] !== undefined);
  return usable.sort(
    (a, b) =>
      gradeRank(a.grade) - gradeRank(b.grade) ||
      (end === "hi" ? factEnds(b).hi! - factEnds(a).hi! : factEnds(a).lo! - factEnds(b).lo!),
  )[0];
}

const both = (f: (lang: "en" | "zh") => string): { en: string; zh: string } => ({ en: f("en"), zh: f("zh") });

/** Lower bounds on a per-instance time from the technology's own stage figures (boot, instantiation). */
function stageBounds(t: CompiledTechnology): EvidenceFigure[] {
  const out: EvidenceFigure[] = [];
  for (const [stage, rule] of [
    ["boot-time", "boot-bound"],
    ["instantiation-time", "instantiation-bound"],
  ] as const) {
    for (const f of direct(t, stage, "instance")) {
      const { lo } = factEnds(f);
      if (lo === undefined) continue;
      const fig = formatNormalizedFigure(f);
      const fact = derivedFact(
        t.id,
        "cold-start",
        "instance",
        "ms",
        lo,
        undefined,
        [f],
        both((l) => DERIVED[rule](l, { figure: fig, source: f.source })),
      );
      out.push({ fact, lo, hi: undefined, derived: { rule, from: [f] } });
    }
  }
  return out;
}

/** The trait by which a technology's own documentation states that a precompiled module's start is its instantiation. */
export const PRECOMPILED_START_TRAIT = "precompiled-start";

/**
 * The `precompiled-instantiation` rule: where the technology's own documentation states that compiling
 * ahead of time leaves only instantiation on the start path (trait `precompiled-start: instantiation`),
 * a cold start of a precompiled module is its instantiation time, both ends. Grade: the lower of the
 * trait's and the figure's.
 */
function precompiledStart(t: CompiledTechnology): EvidenceFigure[] {
  const trait = t.traits.get(PRECOMPILED_START_TRAIT);
  if (trait?.value !== "instantiation") return [];
  const out: EvidenceFigure[] = [];
  for (const f of direct(t, "instantiation-time", "instance")) {
    const { lo, hi } = factEnds(f);
    if (lo === undefined && hi === undefined) continue;
    const statement = { ...f, source: trait.source, grade: trait.grade } as CompiledFact;
    const fact = derivedFact(
      t.id,
      "cold-start",
      "instance",
      "ms",
      lo,
      hi,
      [f, statement],
      both((l) =>
        DERIVED["precompiled-instantiation"](l, {
          figure: formatNormalizedFigure(f),
          source: f.source,
          statement: trait.source,
        }),
      ),
    );
    out.push({ fact, lo, hi, derived: { rule: "precompiled-instantiation", from: [f] } });
  }
  return out;
}

/** A hypervisor's start path: its VMM's start (per process) plus its boot to guest init (per instance). */
function vmmStartPath(t: CompiledTechnology): EvidenceFigure | undefined {
  if (t.role !== "hypervisor") return undefined;
  const starts = direct(t, "startup-time", "process");
  const boots = direct(t, "boot-time", "instance");
  const startHi = pick(starts, "hi");
  const bootHi = pick(boots, "hi");
  if (!startHi || !bootHi) return undefined;
  const startLo = pick(starts, "lo");
  const bootLo = pick(boots, "lo");
  const lo = (startLo ? factEnds(startLo).lo! : 0) + (bootLo ? factEnds(bootLo).lo! : 0);
  const hi = factEnds(startHi).hi! + factEnds(bootHi).hi!;
  const from = [startHi, bootHi];
  const sources = [...new Set(from.map((f) => f.source))].join(", ");
  const fact = derivedFact(
    t.id,
    "cold-start",
    "instance",
    "ms",
    lo > 0 ? lo : undefined,
    hi,
    from,
    both((l) =>
      DERIVED["vmm-start-plus-boot"](l, {
        start: formatNormalizedFigure(startHi),
        boot: formatNormalizedFigure(bootHi),
        sources,
      }),
    ),
  );
  return { fact, lo: lo > 0 ? lo : undefined, hi, derived: { rule: "vmm-start-plus-boot", from } };
}

/** A hypervisor's per-instance memory figures are its VMM's overhead: the instance needs that plus its guest's memory. */
function vmmMemory(t: CompiledTechnology): EvidenceFigure[] {
  const out: EvidenceFigure[] = [];
  for (const f of direct(t, "memory", "instance")) {
    const { lo } = factEnds(f);
    if (lo === undefined) continue;
    const fact = derivedFact(
      t.id,
      "memory",
      "instance",
      f.normalized.unit,
      lo,
      undefined,
      [f],
      both((l) => DERIVED["vmm-plus-guest"](l, { figure: formatNormalizedFigure(f), source: f.source })),
    );
    out.push({ fact, lo, hi: undefined, derived: { rule: "vmm-plus-guest", from: [f] } });
  }
  return out;
}

/** A technology's own figures before the `runs-inside` rule: its facts, and what its stage figures imply. */
function selfFigures(t: CompiledTechnology, metric: string, scope: string): EvidenceFigure[] {
  const hypervisorMemory = t.role === "hypervisor" && metric === "memory" && scope === "instance";
  const out: EvidenceFigure[] = hypervisorMemory
    ? vmmMemory(t)
    : direct(t, metric, scope).map((fact) => ({ fact, ...factEnds(fact) }));
  if (metric === "cold-start" && scope === "instance") {
    const path = vmmStartPath(t);
    if (path) out.push(path);
    out.push(...stageBounds(t));
    out.push(...precompiledStart(t));
  }
  return out;
}

/** Roles whose instances another runtime's instances can run inside. */
const HOST_ROLES = new Set(["runtime", "hypervisor", "platform"]);

/**
 * The `runs-inside` rule: a runtime whose instances run inside another runtime's (it depends on it, or
 * runs on it) costs at least the least that one's own figures state. Several hosts it runs on are
 * alternatives: the bound is the smallest of theirs, and there is none if one of them states none.
 */
function runsInside(kb: Kb, t: CompiledTechnology, metric: string, scope: string): EvidenceFigure | undefined {
  if (scope !== "instance" || (metric !== "cold-start" && metric !== "memory")) return undefined;
  const hosts = [...kb.relations.out(t.id, "depends-on"), ...kb.relations.out(t.id, "runs-on")]
    .filter((r) => r.to !== undefined)
    .map((r) => kb.technologies.get(r.to!))
    .filter((h): h is CompiledTechnology => h !== undefined && HOST_ROLES.has(h.role) && h.id !== t.id);
  if (hosts.length === 0) return undefined;
  let best: { lo: number; fact: CompiledFact; host: CompiledTechnology } | undefined;
  for (const h of hosts) {
    let least: { lo: number; fact: CompiledFact } | undefined;
    const figs = selfFigures(h, metric, scope);
    for (const f of figs) {
      const lo = f.lo ?? (f.hi !== undefined ? 0 : undefined);
      if (lo === undefined) continue;
      if (!least || lo < least.lo) least = { lo, fact: f.fact };
    }
    if (!least || least.lo <= 0) return undefined;
    if (!best || least.lo < best.lo) best = { ...least, host: h };
  }
  if (!best) return undefined;
  const from = [best.fact];
  const fact = derivedFact(
    t.id,
    metric,
    "instance",
    best.fact.normalized.unit,
    best.lo,
    undefined,
    from,
    both((l) =>
      DERIVED["runs-inside"](l, {
        host: best!.host.names[l],
        figure: formatNormalizedFigure(best!.fact),
        source: best!.fact.source,
      }),
    ),
  );
  return { fact, lo: best.lo, hi: undefined, derived: { rule: "runs-inside", from, via: best.host.id } };
}

const cache = new WeakMap<Kb, Map<string, readonly EvidenceFigure[]>>();

/**
 * Every figure a technology may be judged by on a metric and scope: its own facts, then those derived
 * from its own related facts by the documented rules. Never a level-wide figure.
 * @example ownFigures(kb, "firecracker", "cold-start", "instance")[0]?.derived?.rule // "vmm-start-plus-boot"
 */
export function ownFigures(kb: Kb, id: string, metric: string, scope: string): readonly EvidenceFigure[] {
  let m = cache.get(kb);
  if (!m) {
    m = new Map();
    cache.set(kb, m);
  }
  const key = `${id}|${metric}|${scope}`;
  const hit = m.get(key);
  if (hit) return hit;
  const t = kb.technologies.get(id);
  // Kept for the knowledge base's own technologies only, so the memo is bounded by the knowledge base.
  if (!t) return [];
  const out: EvidenceFigure[] = [...selfFigures(t, metric, scope)];
  const inside = runsInside(kb, t, metric, scope);
  if (inside) out.push(inside);
  m.set(key, out);
  return out;
}
