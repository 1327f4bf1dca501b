/** @module evolution/timeline — every dated event of the knowledge base (and an imported landscape), filterable, with lineages as chains. */
import { stackParts } from "../coordinate/assign-slots.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import { cncfReached } from "../i18n/kb-phrases.js";
import { type Lang, localText } from "../i18n/lang.js";
import { TIME } from "../i18n/time-phrases.js";
import type { LandscapeImport } from "../kb/import/import-landscape.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import { type LevelRef, resolveLevelFilter } from "../network/resolve-level-filter.js";

export type TimelineEventKind = "milestone" | "release" | "cncf" | "supersedes" | "case";

export interface TimelineEvent {
  readonly year: number;
  /** The exact day, where the record has one (CNCF dates). */
  readonly date?: string;
  readonly kind: TimelineEventKind;
  /** The technology, case or level the event is about. */
  readonly subject: string;
  readonly text: string;
  readonly source: string;
  /** From the imported landscape rather than the curated knowledge base. */
  readonly imported?: true;
  /** A claim of claims.yaml that disputes the event's statement (milestones whose label keeps the seed's words). */
  readonly claim?: string;
}

/** One link of a lineage. */
export interface LineageStep {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  /** The level the step stands for (level lineages and runtime successions). */
  readonly level?: string;
}

export interface Lineage {
  /** `supersedes` — a chain of supersedes relations; `level` — each level of a dimension at its first appearance; `succession` — the runtimes a scenario's cases moved through. */
  readonly kind: "supersedes" | "level" | "succession";
  readonly label: string;
  readonly steps: readonly LineageStep[];
}

export interface Timeline {
  readonly from: number;
  readonly to: number;
  readonly filter: { readonly level?: LevelRef; readonly scenario?: string };
  /** The seed's milestones (levels of the year dimension), in the range. */
  readonly milestones: readonly TimelineEvent[];
  readonly events: readonly TimelineEvent[];
  readonly lineages: readonly Lineage[];
  /** What the lineages could not show because the knowledge base lacks the edges. */
  readonly notes: readonly string[];
}

export interface TimelineOptions {
  /** A level: `L-4`, `D=4`, `沙盒` … */
  readonly level?: string;
  readonly scenario?: string;
  readonly from?: number;
  readonly to?: number;
  /** Add the CNCF history of the landscape's projects the curated knowledge base does not have. */
  readonly landscape?: LandscapeImport;
  readonly lang?: Lang;
}

const STAGES = ["accepted", "incubating", "graduated", "archived"] as const;

/**
 * The dated events — the seed's milestones, releases, CNCF acceptance/incubation/graduation/archival,
 * `supersedes` relations and cases — in year order, filtered by level, scenario and years; plus
 * lineages as chains: supersedes chains, each ordinal dimension's levels in order of first appearance,
 * and the runtimes each scenario's cases moved through.
 * @example timeline(kb, { level: "L-4", from: 2017, to: 2021 }).events.map((e) => e.text)
 */
export function timeline(kb: Kb, options: TimelineOptions = {}): Timeline {
  const lang = options.lang ?? "en";
  const from = options.from ?? 1960;
  const to = options.to ?? 2100;
  if (from > to) throw new InvalidArgumentError(TIME.fromAfterTo(lang, { where: "timeline", from, to }));
  const level = options.level === undefined ? undefined : resolveLevelFilter(kb, options.level, lang);
  const scenario =
    options.scenario === undefined ? undefined : resolveScenario(kb, options.scenario, "timeline", lang).id;
  const dim = level ? kb.dimension(level.dimension) : undefined;
  const scenarioParts = new Set<string>();
  if (scenario)
    for (const c of kb.cases.byScenario.get(scenario) ?? [])
      for (const p of stackParts(c.stack.components)) scenarioParts.add(p);

  const techMatches = (t: CompiledTechnology): boolean =>
    (!level || (t.position[level.dimension] ?? []).includes(level.code)) &&
    (!scenario || scenarioParts.has(t.id) || (t.position.S ?? []).includes(scenario));
  const inRange = (y: number) => y >= from && y <= to;
  const name = (id: string) => kb.technologies.get(id)?.names[lang] ?? id;
  const events: TimelineEvent[] = [];
  const milestones: TimelineEvent[] = [];

  for (const d of kb.dimensions.values()) {
    for (const l of d.levels) {
      if (l.year === undefined || !inRange(l.year)) continue;
      const t = l.technology ? kb.technologies.get(l.technology) : undefined;
      if ((level || scenario) && !(t && techMatches(t)) && level?.dimension !== d.key) continue;
      const e: TimelineEvent = {
        year: l.year,
        kind: "milestone",
        subject: l.code,
        text: `${l.code} ${l.names[lang]}${t ? ` (${t.names[lang]})` : ""}${l.change ? `: ${localText(l.change, lang)}` : ""}${l.claim ? TIME.milestoneDisputed(lang, { claim: l.claim }) : ""}`,
        source: l.source ?? d.source,
        ...(l.claim === undefined ? {} : { claim: l.claim }),
      };
      milestones.push(e);
      events.push(e);
    }
  }

  for (const t of kb.technologies.values()) {
    if (!techMatches(t)) continue;
    if (inRange(t.releasedYear))
      events.push({
        year: t.releasedYear,
        kind: "release",
        subject: t.id,
        text: TIME.firstReleased(lang, { name: t.names[lang] }),
        source: t.released.source,
      });
    // A sub-project's CNCF dates are its parent's: its parent's events already tell them.
    for (const stage of t.cncf?.parent === undefined ? STAGES : []) {
      const date = t.cncf?.[stage];
      if (date === undefined || !inRange(Number(date.slice(0, 4)))) continue;
      events.push({
        year: Number(date.slice(0, 4)),
        date,
        kind: "cncf",
        subject: t.id,
        text: `${t.names[lang]}: ${cncfReached(stage, lang)}`,
        source: "cncf-landscape",
      });
    }
  }

  for (const r of kb.relations.all) {
    if (r.type !== "supersedes" || r.year === undefined || !inRange(r.year)) continue;
    const ends = [r.from, ...r.targets].map((id) => kb.technologies.get(id)).filter((t) => t !== undefined);
    if ((level || scenario) && !ends.some(techMatches)) continue;
    events.push({
      year: r.year,
      kind: "supersedes",
      subject: r.from,
      text: TIME.supersedes(lang, { name: name(r.from), targets: r.targets.map(name) }),
      source: r.source,
    });
  }

  const records = new Map(recordedStacks(kb).map((r) => [r.id, r]));
  for (const c of kb.cases.all) {
    if (!inRange(c.year) || (scenario && c.scenario !== scenario)) continue;
    if (level && dim) {
      const v = records.get(`case:${c.id}`)?.coordinate[level.dimension];
      const want = dim.levelByCode.get(level.code);
      const hit = Array.isArray(v) ? v.includes(level.code) : v === want?.value;
      if (!hit) continue;
    }
    events.push({
      year: c.year,
      kind: "case",
      subject: c.id,
      text: `${c.title[lang]} — ${c.stack.label}`,
      source: c.source,
    });
  }

  if (options.landscape) {
    for (const a of options.landscape.added) {
      if (!a.cncf) continue;
      const pos = (key: string): string[] => {
        const v = (a.position as Record<string, string | string[] | undefined>)[key];
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      };
      if (level && !pos(level.dimension).includes(level.code)) continue;
      if (scenario && !pos("S").includes(scenario)) continue;
      for (const stage of STAGES) {
        const date = a.cncf.dates[stage];
        if (date === undefined || !inRange(Number(date.slice(0, 4)))) continue;
        events.push({
          year: Number(date.slice(0, 4)),
          date,
          kind: "cncf",
          subject: a.id,
          text: `${a.name}: ${cncfReached(stage, lang)}`,
          source: "cncf-landscape",
          imported: true,
        });
      }
    }
  }

  const order: Record<TimelineEventKind, number> = { milestone: 0, release: 1, cncf: 2, supersedes: 3, case: 4 };
  events.sort(
    (a, b) =>
      a.year - b.year ||
      (a.date ?? "").localeCompare(b.date ?? "") ||
      order[a.kind] - order[b.kind] ||
      a.subject.localeCompare(b.subject),
  );
  const { lineages, notes } = buildLineages(kb, { level, scenario, from, to, lang, techMatches });
  return {
    from: options.from ?? events[0]?.year ?? from,
    to: options.to ?? events[events.length - 1]?.year ?? to,
    filter: { ...(level ? { level } : {}), ...(scenario ? { scenario } : {}) },
    milestones,
    events,
    lineages,
    notes,
  };
}

function buildLineages(
  kb: Kb,
  o: {
    level: LevelRef | undefined;
    scenario: string | undefined;
    from: number;
    to: number;
    lang: Lang;
    techMatches: (t: CompiledTechnology) => boolean;
  },
): { lineages: Lineage[]; notes: string[] } {
  const lineages: Lineage[] = [];
  const notes: string[] = [];
  const step = (t: CompiledTechnology, year: number, level?: string): LineageStep => ({
    id: t.id,
    name: t.names[o.lang],
    year,
    ...(level ? { level } : {}),
  });

  // Chains of supersedes: old → new, followed as far as the edges go.
  const next = new Map<string, { id: string; year: number }[]>();
  const hasPrev = new Set<string>();
  for (const r of kb.relations.all) {
    if (r.type !== "supersedes") continue;
    for (const old of r.targets) {
      next.set(old, [
        ...(next.get(old) ?? []),
        { id: r.from, year: r.year ?? kb.technologies.get(r.from)!.releasedYear },
      ]);
      hasPrev.add(r.from);
    }
  }
  for (const start of [...next.keys()].filter((id) => !hasPrev.has(id)).sort()) {
    const walk = (id: string, year: number, acc: LineageStep[]): void => {
      const t = kb.technologies.get(id)!;
      const chain = [...acc, step(t, year)];
      const outs = next.get(id) ?? [];
      if (outs.length === 0) {
        if (chain.some((s) => o.techMatches(kb.technologies.get(s.id)!)))
          lineages.push({ kind: "supersedes", label: chain.map((s) => s.name).join(" → "), steps: chain });
        return;
      }
      for (const n of outs) walk(n.id, n.year, chain);
    };
    walk(start, kb.technologies.get(start)!.releasedYear, []);
  }
  const longest = Math.max(0, ...lineages.map((l) => l.steps.length));
  if (longest < 3) notes.push(TIME.lineageNote(o.lang, { longest }));

  // Each ordinal dimension's levels in order of first appearance (the first technologies on each).
  const dims: CompiledDimension[] = o.level
    ? [kb.dimension(o.level.dimension)!]
    : [...kb.dimensions.values()].filter((d) => d.kind === "ordinal");
  for (const d of dims) {
    const firsts: LineageStep[] = [];
    for (const l of d.levels) {
      const on = [...kb.technologies.values()]
        .filter((t) => (t.position[d.key] ?? []).includes(l.code) && (!o.scenario || o.techMatches(t)))
        .sort((a, b) => a.releasedYear - b.releasedYear || a.id.localeCompare(b.id));
      const first = on[0];
      if (first) firsts.push(step(first, first.releasedYear, l.code));
    }
    firsts.sort((a, b) => a.year - b.year || (a.level ?? "").localeCompare(b.level ?? ""));
    if (firsts.length > 1)
      lineages.push({
        kind: "level",
        label: `${d.names[o.lang]}: ${firsts.map((s) => `${s.level} ${s.name} (${s.year})`).join(" → ")}`,
        steps: firsts,
      });
  }

  // The runtimes (the slot that gives the isolation-like dimensions) each scenario's cases moved through.
  const slotDims = [...kb.dimensions.values()].filter((d) => d.stackRule.from === "slot" && d.kind === "ordinal");
  const slotDim = o.level ? (slotDims.find((d) => d.key === o.level!.dimension) ?? slotDims[0]) : slotDims[0];
  const slot = slotDim?.stackRule.from === "slot" ? slotDim.stackRule.slot : undefined;
  if (slotDim && slot) {
    const scenarios = o.scenario ? [o.scenario] : [...kb.cases.byScenario.keys()].sort();
    for (const s of scenarios) {
      const steps: LineageStep[] = [];
      for (const c of kb.cases.byScenario.get(s) ?? []) {
        const id = (c.stack.components as Record<string, unknown>)[slot];
        if (typeof id !== "string" || c.year < o.from || c.year > o.to) continue;
        const t = kb.technologies.get(id);
        if (!t || steps[steps.length - 1]?.id === id || steps.some((x) => x.id === id)) continue;
        steps.push(step(t, c.year, t.position[slotDim.key]?.join("/")));
      }
      if (steps.length > 1 && (!o.level || steps.some((x) => x.level?.split("/").includes(o.level!.code))))
        lineages.push({
          kind: "succession",
          label: `${kb.scenarios.get(s)?.names[o.lang] ?? s}: ${steps.map((x) => `${x.name} ${x.level ?? ""} (${x.year})`).join(" → ")}`,
          steps,
        });
    }
  }
  return { lineages, notes };
}
