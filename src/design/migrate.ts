/** @module design/migrate — ordered migration steps from one stack to another, respecting dependencies. */
import { stackParts } from "../coordinate/assign-slots.js";
import { completeStack } from "../coordinate/complete-stack.js";
import type { Coordinate, CoordinateJson } from "../coordinate/coordinate.js";
import { type Delta, describeDeltas } from "../coordinate/describe-delta.js";
import { coordinateJson } from "../coordinate/format-coordinate.js";
import { stackLabel } from "../coordinate/parse-stack.js";
import { stackCoordinate } from "../coordinate/stack-coordinate.js";
import { InvalidArgumentError } from "../errors.js";
import { ownFigures } from "../evidence/own-figures.js";
import { traitValueText } from "../i18n/coordinate-phrases.js";
import { MIGRATE } from "../i18n/design-phrases.js";
import { type Lang, localText } from "../i18n/lang.js";
import { slotLabel } from "../i18n/stack-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { type StackInput, stackInput } from "../observability/stack-input.js";

type Slot = "runtime" | "orchestrator" | "policy" | "observability";
const SLOTS: readonly Slot[] = ["runtime", "orchestrator", "policy", "observability"];

/** A figure of a part that a step brings in or takes out, with its source. */
export interface StepFact {
  readonly technology: string;
  readonly change: "in" | "out";
  readonly metric: string;
  /** What the figure is about, by the metric's unit kind: start-up (time), footprint (memory), overhead. */
  readonly concern: string;
  readonly value: string;
  readonly scope: string;
  readonly conditions: string;
  readonly source: string;
  readonly grade: string;
  /** A figure derived from the part's own related figures by this evidence rule (docs/evidence.md). */
  readonly derived?: string;
}

export interface StepRisk {
  readonly kind:
    | "conflict"
    | "missing-dependency"
    | "host-requirement"
    | "not-yet-released"
    | "trait-change"
    | "disputed";
  readonly text: string;
  readonly source?: string;
}

export interface MigrationStep {
  readonly n: number;
  readonly slot: Slot | "supporting";
  /** The dimension the slot's part places the stack on (D for the runtime …), if any. */
  readonly dimension?: string;
  readonly remove: readonly string[];
  readonly add: readonly string[];
  /** Supporting parts this step brings in for what it adds (a shim, a datastore). */
  readonly with: readonly string[];
  /** Supporting parts only what this step removes needed, removed with it. */
  readonly drop: readonly string[];
  readonly text: string;
  /** Steps that must be done first, and why. */
  readonly after: readonly { readonly step: number; readonly because: string; readonly source: string }[];
  /** What moves on the coordinate when this step is done (the year left out). */
  readonly deltas: readonly Delta[];
  readonly facts: readonly StepFact[];
  readonly risks: readonly StepRisk[];
}

export interface MigrationLeg {
  readonly from: { readonly label: string; readonly record?: string; readonly coordinate: CoordinateJson };
  readonly to: { readonly label: string; readonly record?: string; readonly coordinate: CoordinateJson };
  /** Every dimension that moves over the leg, in words. */
  readonly deltas: readonly Delta[];
  readonly steps: readonly MigrationStep[];
  /** What the sources state about the change and its outcome, when the target is a recorded case. */
  readonly stated: readonly { readonly text: string; readonly source: string; readonly grade: string }[];
}

export interface MigrationPlan {
  readonly legs: readonly MigrationLeg[];
  /** From the first stack to the last, every dimension that moves. */
  readonly deltas: readonly Delta[];
}

const CONCERN: Readonly<Record<string, { en: string; zh: string }>> = {
  time: { en: "start-up", zh: "启动" },
  memory: { en: "footprint", zh: "占用" },
  ratio: { en: "overhead", zh: "开销" },
  cpu: { en: "overhead", zh: "开销" },
};

/**
 * Plans a migration through the given stacks (from, any via, to): per leg, one step per slot that
 * changes, ordered so that what a step adds exists before the steps whose parts depend on it (and
 * a runtime or policy wired into the orchestrator after an orchestrator change); each step with its
 * coordinate delta, the figures of what comes in and goes out, and its risks, all with sources.
 * @example planMigration(kb, ["case:serverless-2020-seed-case-2", "case:serverless-2025-seed-case-2"]).legs[0].steps.length // 4
 */
export function planMigration(kb: Kb, stacks: readonly (string | StackInput)[], lang: Lang = "en"): MigrationPlan {
  if (stacks.length < 2) throw new InvalidArgumentError(MIGRATE.needTwo(lang));
  const inputs = stacks.map((s) => (typeof s === "string" ? stackInput(kb, s, lang) : s));
  const legs: MigrationLeg[] = [];
  for (let i = 0; i + 1 < inputs.length; i++) legs.push(planLeg(kb, inputs[i]!, inputs[i + 1]!, lang));
  const year = yearKey(kb);
  const first = coordOf(kb, inputs[0]!);
  const last = coordOf(kb, inputs[inputs.length - 1]!);
  return { legs, deltas: describeDeltas(kb, first, last, lang, year ? [year] : []) };
}

function yearKey(kb: Kb): string | undefined {
  return [...kb.dimensions.values()].find((d) => d.stackRule.from === "year")?.key;
}

function coordOf(kb: Kb, s: StackInput): Coordinate {
  return (
    s.coordinate ??
    stackCoordinate(kb, s.components, {
      ...(s.year === undefined ? {} : { year: s.year }),
      ...(s.scenario === undefined ? {} : { scenario: s.scenario }),
    }).coordinate
  );
}

function slotDimension(kb: Kb, slot: string): string | undefined {
  return [...kb.dimensions.values()].find((d) => d.stackRule.from === "slot" && d.stackRule.slot === slot)?.key;
}

function slotParts(c: StackComponents, slot: Slot): string[] {
  if (slot === "observability") return [...(c.observability ?? [])];
  const v = c[slot];
  return v === undefined ? [] : [v];
}

/** Does `part` depend on something among `ids` (directly, or through an interface one of them implements)? */
function dependsOn(kb: Kb, part: string, ids: ReadonlySet<string>): { target: string; source: string } | undefined {
  for (const r of kb.relations.out(part, "depends-on")) {
    for (const target of r.targets) {
      if (ids.has(target)) return { target, source: r.source };
      const tech = kb.technologies.get(target);
      if (tech?.role === "interface") {
        const impl = kb.implementersOf(target).find((t) => ids.has(t.id));
        if (impl) return { target: impl.id, source: r.source };
      }
    }
  }
  return undefined;
}

function planLeg(kb: Kb, from: StackInput, to: StackInput, lang: Lang): MigrationLeg {
  const source = completeStack(kb, from.components, {}, lang).components;
  const target = completeStack(kb, to.components, {}, lang).components;
  const before = new Set(stackParts(source));
  const after = new Set(stackParts(target));
  const name = (id: string) => kb.technologies.get(id)?.names[lang] ?? id;

  // One draft step per slot that changes; supporting additions join the step whose part needs them.
  interface Draft {
    slot: Slot | "supporting";
    remove: string[];
    add: string[];
    with: string[];
    drop: string[];
  }
  const drafts: Draft[] = [];
  for (const slot of SLOTS) {
    const a = slotParts(source, slot);
    const b = slotParts(target, slot);
    const remove = a.filter((x) => !b.includes(x));
    const add = b.filter((x) => !a.includes(x));
    if (remove.length || add.length) drafts.push({ slot, remove, add, with: [], drop: [] });
  }
  const inSlots = new Set(drafts.flatMap((d) => [...d.add, ...d.remove]));
  const supportAdded = [...after].filter((id) => !before.has(id) && !inSlots.has(id));
  const supportRemoved = [...before].filter((id) => !after.has(id) && !inSlots.has(id));
  const loose: string[] = [];
  for (const id of supportAdded) {
    const owner = drafts.find((d) => d.add.some((p) => dependsOn(kb, p, new Set([id])) !== undefined));
    if (owner) owner.with.push(id);
    else loose.push(id);
  }
  // Supporting pieces that supporting pieces need (crun for a shim) follow their owner too.
  for (const id of [...loose]) {
    const owner = drafts.find((d) => d.with.some((p) => dependsOn(kb, p, new Set([id])) !== undefined));
    if (owner) {
      owner.with.push(id);
      loose.splice(loose.indexOf(id), 1);
    }
  }
  // Supporting pieces only a removed part needed (etcd for Kubernetes) go with that part's step.
  const orphans: string[] = [];
  for (const id of supportRemoved) {
    const owner = drafts.find((d) => d.remove.some((p) => dependsOn(kb, p, new Set([id])) !== undefined));
    if (owner) owner.drop.push(id);
    else orphans.push(id);
  }
  if (loose.length || orphans.length)
    drafts.push({ slot: "supporting", remove: orphans, add: loose, with: [], drop: [] });

  // Order: a step goes after the steps whose new parts its new parts depend on; a part that depends on
  // something only when orchestrated goes after an orchestrator change. Ties keep the tuple order.
  const rank = (d: Draft) => {
    const key = d.slot === "supporting" ? undefined : slotDimension(kb, d.slot);
    return key === undefined ? 99 : (kb.dimension(key)?.tupleIndex ?? 99);
  };
  const needs = drafts.map(() => [] as { i: number; because: string; source: string }[]);
  drafts.forEach((d, i) => {
    drafts.forEach((e, j) => {
      if (i === j) return;
      const provided = new Set([...e.add, ...e.with]);
      for (const p of [...d.add, ...d.with]) {
        const dep = dependsOn(kb, p, provided);
        if (dep) {
          needs[i]!.push({
            i: j,
            because: MIGRATE.dependsOn(lang, { part: name(p), target: name(dep.target) }),
            source: dep.source,
          });
          return;
        }
        if (e.slot === "orchestrator") {
          const conditional = kb.relations.out(p, "depends-on").find((r) => r.when === "orchestrated");
          if (conditional) {
            needs[i]!.push({
              i: j,
              because: MIGRATE.wiredThroughOrchestrator(lang, {
                part: name(p),
                targets: conditional.targets.map(name),
              }),
              source: conditional.source,
            });
            return;
          }
        }
      }
    });
  });
  const order: number[] = [];
  const done = new Set<number>();
  while (order.length < drafts.length) {
    const ready = drafts.map((_, i) => i).filter((i) => !done.has(i) && needs[i]!.every((n) => done.has(n.i)));
    // A cycle: take the remaining step of lowest rank and say so through its `after` list.
    const pool = ready.length ? ready : drafts.map((_, i) => i).filter((i) => !done.has(i));
    const next = pool.sort((a, b) => rank(drafts[a]!) - rank(drafts[b]!) || a - b)[0]!;
    order.push(next);
    done.add(next);
  }

  const year = yearKey(kb);
  const context = {
    ...(to.year === undefined ? {} : { year: to.year }),
    ...(to.scenario === undefined ? {} : { scenario: to.scenario }),
  };
  let current: StackComponents = source;
  const steps: MigrationStep[] = order.map((i, k) => {
    const d = drafts[i]!;
    const next = applyStep(current, d);
    const deltas = describeDeltas(
      kb,
      stackCoordinate(kb, current, context).coordinate,
      stackCoordinate(kb, next, context).coordinate,
      lang,
      year ? [year] : [],
    );
    const risks = stepRisks(kb, current, next, d, to.year, lang);
    current = next;
    const words = (ids: readonly string[]) => ids.map(name).join(" + ");
    const text = MIGRATE.step(lang, { slot: slotLabel(d.slot, lang), remove: words(d.remove), add: words(d.add) });
    const dimension = d.slot === "supporting" ? undefined : slotDimension(kb, d.slot);
    return {
      n: k + 1,
      slot: d.slot,
      ...(dimension === undefined ? {} : { dimension }),
      remove: d.remove,
      add: d.add,
      with: d.with,
      drop: d.drop,
      text: [
        text,
        d.with.length ? MIGRATE.stepWith(lang, { parts: words(d.with) }) : "",
        d.drop.length ? MIGRATE.stepDropping(lang, { parts: words(d.drop) }) : "",
      ].join(""),
      after: needs[i]!.map((n) => ({ step: order.indexOf(n.i) + 1, because: n.because, source: n.source })),
      deltas,
      facts: stepFacts(kb, d, lang),
      risks,
    };
  });

  const stated: MigrationLeg["stated"][number][] = [];
  const record = to.record?.startsWith("case:") ? kb.cases.all.find((c) => `case:${c.id}` === to.record) : undefined;
  if (record?.change) stated.push({ text: localText(record.change, lang), source: record.source, grade: record.grade });
  for (const o of record?.outcomes ?? [])
    stated.push({ text: localText(o.statement, lang), source: o.source, grade: o.grade });

  const end = (s: StackInput) => ({
    label: s.record ? s.label : stackLabel(kb, s.components, lang),
    ...(s.record ? { record: s.record } : {}),
    coordinate: coordinateJson(kb, coordOf(kb, s), lang),
  });
  return {
    from: end(from),
    to: end(to),
    deltas: describeDeltas(kb, coordOf(kb, from), coordOf(kb, to), lang, year ? [year] : []),
    steps,
    stated,
  };
}

function applyStep(
  c: StackComponents,
  d: { slot: Slot | "supporting"; remove: string[]; add: string[]; with: string[]; drop: string[] },
): StackComponents {
  const supporting = [...(c.supporting ?? []), ...d.with].filter((x) => !d.remove.includes(x) && !d.drop.includes(x));
  const out: Record<string, unknown> = { ...c };
  if (d.slot === "observability") {
    out.observability = [...(c.observability ?? []).filter((x) => !d.remove.includes(x)), ...d.add];
  } else if (d.slot === "supporting") {
    out.supporting = [...supporting.filter((x) => !d.remove.includes(x)), ...d.add];
    return out as StackComponents;
  } else if (d.add[0] !== undefined) out[d.slot] = d.add[0];
  else delete out[d.slot];
  out.supporting = [...new Set(supporting)];
  return out as StackComponents;
}

function stepFacts(kb: Kb, d: { add: string[]; remove: string[]; with: string[] }, lang: Lang): StepFact[] {
  const out: StepFact[] = [];
  const push = (id: string, change: "in" | "out") => {
    // The part's own facts, then what the evidence rules derive from them (a microVM's cold start from
    // its VMM start and boot time): the figures a requirement on the part is judged by.
    const derived = DERIVED_METRICS.flatMap((metric) =>
      ownFigures(kb, id, metric, "instance").filter((f) => f.derived !== undefined),
    );
    const figures = [
      ...(kb.technologies.get(id)?.facts ?? []).map((fact) => ({ fact, rule: undefined })),
      ...derived.map((f) => ({ fact: f.fact, rule: f.derived!.rule })),
    ];
    for (const { fact: f, rule } of figures) {
      const metric = kb.metrics.get(f.metric);
      const concern = metric ? CONCERN[metric.kind] : undefined;
      if (!metric || !concern) continue;
      const n = f.normalized;
      const r = (x: number) => Number(x.toPrecision(4));
      const value =
        f.value !== undefined
          ? `${r(n.representative)} ${n.unit}`
          : n.min !== undefined && n.max !== undefined
            ? `${r(n.min)}–${r(n.max)} ${n.unit}`
            : n.max !== undefined
              ? `≤ ${r(n.max)} ${n.unit}`
              : `≥ ${r(n.min ?? 0)} ${n.unit}`;
      out.push({
        technology: id,
        change,
        metric: metric.names[lang],
        concern: concern[lang],
        value,
        scope: f.scope,
        conditions: localText(f.conditions, lang),
        source: f.source,
        grade: f.grade,
        ...(rule ? { derived: rule } : {}),
      });
    }
  };
  for (const id of d.remove) push(id, "out");
  for (const id of [...d.add, ...d.with]) push(id, "in");
  return out;
}

/** The per-instance metrics the evidence rules derive figures for. */
const DERIVED_METRICS = ["cold-start", "memory"] as const;

function stepRisks(
  kb: Kb,
  before: StackComponents,
  after: StackComponents,
  d: { slot: Slot | "supporting"; remove: string[]; add: string[]; with: string[]; drop: string[] },
  year: number | undefined,
  lang: Lang,
): StepRisk[] {
  const risks: StepRisk[] = [];
  const check = completeStack(kb, after, {}, lang);
  const added = new Set([...d.add, ...d.with]);
  for (const c of check.conflicts)
    if (added.has(c.a) || added.has(c.b))
      risks.push({ kind: "conflict", text: `${c.a} ✗ ${c.b}: ${c.reason}`, source: c.source });
  const baseline = new Set(completeStack(kb, before, {}, lang).missing.map((m) => `${m.from}>${m.requires.join("|")}`));
  for (const m of check.missing) {
    if (baseline.has(`${m.from}>${m.requires.join("|")}`)) continue;
    // An interface nothing implements is a capability of the host (eBPF in the kernel), not a part.
    const host = m.requires.every(
      (r) => kb.technologies.get(r)?.role === "interface" && kb.implementersOf(r).length === 0,
    );
    risks.push(
      host
        ? {
            kind: "host-requirement",
            text: MIGRATE.needsFromHost(lang, { part: m.from, requires: m.requires }),
            source: m.source,
          }
        : { kind: "missing-dependency", text: m.why, source: m.source },
    );
  }
  for (const id of added) {
    const t = kb.technologies.get(id);
    if (t && year !== undefined && t.releasedYear > year)
      risks.push({
        kind: "not-yet-released",
        text: MIGRATE.notYetReleased(lang, { names: t.names, year: t.releasedYear }),
        source: t.released.source,
      });
    for (const claim of kb.claimsAbout.get(id) ?? [])
      risks.push({
        kind: "disputed",
        text: `${claim.topic}: ${localText(claim.statement, lang)}`,
        source: claim.positions[0]?.source ?? "",
      });
  }
  // What the boundary promises changes with the part in a slot: every trait the two state differently.
  for (let i = 0; i < Math.min(d.remove.length, d.add.length); i++) {
    const a = kb.technologies.get(d.remove[i]!);
    const b = kb.technologies.get(d.add[i]!);
    if (!a || !b) continue;
    for (const [trait, sb] of b.traits) {
      const sa = a.traits.get(trait);
      if (sa === undefined || String(sa.value) === String(sb.value)) continue;
      const tname = kb.traits.get(trait)?.names[lang] ?? trait;
      risks.push({
        kind: "trait-change",
        text: MIGRATE.traitChange(lang, {
          trait: tname,
          from: a.names[lang],
          fromValue: traitValueText(sa.value, lang),
          to: b.names[lang],
          toValue: traitValueText(sb.value, lang),
          note: sb.note ? localText(sb.note, lang) : "",
        }),
        source: sb.source,
      });
    }
  }
  return risks;
}
