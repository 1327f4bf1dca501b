/** @module observability/observe-stack — a stack's observability: coverage per signal, the completeness verdict, gaps and the tools that close them. */
import { stackParts } from "../coordinate/assign-slots.js";
import { completeStack } from "../coordinate/complete-stack.js";
import { stackLabel } from "../coordinate/parse-stack.js";
import { InvalidArgumentError } from "../errors.js";
import { type Lang, localText } from "../i18n/lang.js";
import { OBSERVE } from "../i18n/observe-phrases.js";
import type { CompiledDimension, CompiledTechnology, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { type Reach, type ReachVerdict, runtimeLayer, signalReach } from "./signal-reach.js";
import { type StackInput, stackInput } from "./stack-input.js";

export interface SignalCoverage {
  readonly signal: string;
  readonly name: string;
  readonly direction?: string;
  /** The best reach among the parts that collect it; `none` when no part does. */
  readonly coverage: Reach;
  readonly by: readonly { readonly id: string; readonly name: string; readonly reach: ReachVerdict }[];
}

export interface RuleVerdict {
  readonly id: string;
  readonly name: string;
  readonly statement: string;
  readonly source: string;
  /** Every signal the rule requires is collected (at least partly). */
  readonly met: boolean;
  readonly missing: readonly string[];
  /** Required signals collected only partly (e.g. eBPF inside a sandbox). */
  readonly limited: readonly string[];
}

export interface ToolCandidate {
  readonly id: string;
  readonly name: string;
  /** The gap signals it collects. */
  readonly covers: readonly string[];
  /** It works with this stack: its dependencies can be met, no conflict, and it reaches the workloads. */
  readonly works: boolean;
  readonly reach: ReachVerdict;
  /** Supporting parts it would bring in. */
  readonly adds: readonly string[];
  readonly problems: readonly string[];
  readonly released: number;
}

export interface SignalGap {
  readonly signal: string;
  readonly name: string;
  readonly kind: "missing" | "limited";
  /** Some tool that works with the stack would collect the signal better than now. */
  readonly closable: boolean;
  readonly tools: readonly ToolCandidate[];
}

export interface ObserveResult {
  readonly stack: { readonly label: string; readonly components: StackComponents; readonly record?: string };
  readonly runtime?: { readonly id: string; readonly name: string; readonly layer?: string };
  readonly coverage: readonly SignalCoverage[];
  readonly rules: readonly RuleVerdict[];
  /** Every `requires` rule of the signal dimension met (complete = O1 + O2). */
  readonly complete: boolean;
  /** What the signals that need a kernel-level view can and cannot see inside this runtime, with sources. */
  readonly visibility: readonly (ReachVerdict & { readonly signal: string; readonly via: string })[];
  readonly gaps: readonly SignalGap[];
  /** Criteria of complete observability a stack's parts cannot decide (to check by hand). */
  readonly criteria: readonly {
    readonly id: string;
    readonly name: string;
    readonly statement: string;
    readonly source: string;
  }[];
}

export interface ObserveOptions {
  readonly lang?: Lang;
  /** Candidate tools per gap (default 5). */
  readonly top?: number;
  /** Only tools released by this year (default: the recorded stack's year, else any). */
  readonly year?: number;
}

const MATURITY: Readonly<Record<string, number>> = { graduated: 0, incubating: 1, sandbox: 2 };
const ORDER: Readonly<Record<Reach, number>> = { full: 0, partial: 1, none: 2 };

/** The dimension whose levels are observability signals (from diagnostics.yaml, else the first set dimension). */
export function signalDimension(kb: Kb, lang: Lang = "en"): CompiledDimension {
  const key = kb.diagnostics?.signalDimension;
  const dim = key === undefined ? [...kb.dimensions.values()].find((d) => d.kind === "set") : kb.dimension(key);
  if (dim === undefined) throw new InvalidArgumentError(OBSERVE.noSignalDimension(lang));
  return dim;
}

/**
 * Checks a stack's observability: which signals its parts collect and how far into its runtime they
 * see, whether the signal dimension's `requires` rules hold (complete = O1 + O2), and for every
 * missing or limited signal the tools that would close it and work with this stack.
 * @example observeStack(kb, "case:serverless-2020-seed-case-2").complete // false
 */
export function observeStack(kb: Kb, stack: string | StackInput, options: ObserveOptions = {}): ObserveResult {
  const lang = options.lang ?? "en";
  const input = typeof stack === "string" ? stackInput(kb, stack, lang) : stack;
  const dim = signalDimension(kb, lang);
  const components = input.components;
  const completed = completeStack(kb, components, {}, lang);
  // Only the parts the stack names collect signals; pieces completion would add (a CNI) were not chosen.
  const parts = stackParts(components);
  const runtimeId = components.runtime;
  const runtime = runtimeId === undefined ? undefined : kb.technologies.get(runtimeId);
  const year = options.year ?? input.year;

  const coverage: SignalCoverage[] = dim.levels.map((level) => {
    const by = parts
      .map((id) => kb.technologies.get(id))
      .filter((t): t is CompiledTechnology => t !== undefined && (t.position[dim.key] ?? []).includes(level.code))
      .map((t) => ({ id: t.id, name: t.names[lang], reach: signalReach(kb, t.id, level.code, runtimeId, lang) }))
      .sort((a, b) => ORDER[a.reach.reach] - ORDER[b.reach.reach]);
    return {
      signal: level.code,
      name: level.names[lang],
      ...(level.direction === undefined ? {} : { direction: level.direction }),
      coverage: by[0]?.reach.reach ?? "none",
      by,
    };
  });
  const of = (code: string) => coverage.find((c) => c.signal === code);

  const rules: RuleVerdict[] = dim.rules
    .filter((r) => r.kind === "requires")
    .map((r) => {
      const missing = r.levels.filter((l) => (of(l)?.coverage ?? "none") === "none");
      const limited = r.levels.filter((l) => of(l)?.coverage === "partial");
      return {
        id: r.id,
        name: r.names[lang],
        statement: localText(r.statement, lang),
        source: r.source,
        met: missing.length === 0,
        missing,
        limited,
      };
    });

  const visibility = (kb.diagnostics?.reach ?? []).map((rule) => ({
    signal: rule.signal,
    via: rule.via,
    ...signalReach(kb, probeFor(kb, rule.via), rule.signal, runtimeId, lang),
  }));

  const required = new Set(rules.flatMap((r) => [...r.missing, ...r.limited]));
  const gaps: SignalGap[] = coverage
    .filter((c) => c.coverage !== "full")
    .map((c) => {
      const tools = candidates(kb, completed.components, c.signal, dim, {
        lang,
        year,
        top: options.top ?? 5,
        baseline: new Set(completed.missing.map((m) => `${m.from}>${m.requires.join("|")}`)),
      });
      return {
        signal: c.signal,
        name: c.name,
        kind: c.coverage === "none" ? ("missing" as const) : ("limited" as const),
        closable: tools.some((t) => t.works && ORDER[t.reach.reach] < ORDER[c.coverage]),
        tools,
      };
    })
    .sort((a, b) => Number(required.has(b.signal)) - Number(required.has(a.signal)));

  const layer = runtimeLayer(kb, runtime);
  return {
    stack: {
      label: input.record ? input.label : stackLabel(kb, components, lang),
      components: completed.components,
      ...(input.record ? { record: input.record } : {}),
    },
    ...(runtime
      ? { runtime: { id: runtime.id, name: runtime.names[lang], ...(layer === undefined ? {} : { layer }) } }
      : {}),
    coverage,
    rules,
    complete: rules.every((r) => r.met),
    visibility,
    gaps,
    criteria: (kb.diagnostics?.criteria ?? []).map((c) => ({
      id: c.id,
      name: c.names[lang],
      statement: localText(c.statement, lang),
      source: c.source,
    })),
  };
}

/** Any technology that depends on `via`, to ask how far `via`'s signal reaches (the rule is about `via`). */
function probeFor(kb: Kb, via: string): string {
  return kb.relations.in(via, "depends-on")[0]?.from ?? via;
}

function candidates(
  kb: Kb,
  components: StackComponents,
  signal: string,
  dim: CompiledDimension,
  o: { lang: Lang; year: number | undefined; top: number; baseline: ReadonlySet<string> },
): ToolCandidate[] {
  const present = new Set(stackParts(components));
  const runtime = components.runtime;
  const kernelDeps = new Set((kb.diagnostics?.reach ?? []).map((r) => r.via));
  const out: ToolCandidate[] = [];
  for (const t of kb.technologies.values()) {
    if (present.has(t.id) || t.role === "interface" || !(t.position[dim.key] ?? []).includes(signal)) continue;
    if (t.cncf?.archived) continue;
    const problems: string[] = [];
    if (o.year !== undefined && t.releasedYear > o.year)
      problems.push(OBSERVE.releasedOnly(o.lang, { year: t.releasedYear }));
    const withTool = completeStack(kb, { ...components, observability: [...(components.observability ?? []), t.id] });
    for (const m of withTool.missing) {
      if (o.baseline.has(`${m.from}>${m.requires.join("|")}`)) continue;
      // A kernel feature (eBPF) is judged by its reach into the runtime, not as a part to install.
      if (m.requires.every((r) => kernelDeps.has(r))) continue;
      problems.push(OBSERVE.needsLacking(o.lang, { requires: m.requires }));
    }
    for (const c of withTool.conflicts)
      if (c.a === t.id || c.b === t.id)
        problems.push(OBSERVE.conflictsWith(o.lang, { other: c.a === t.id ? c.b : c.a }));
    const reach = signalReach(kb, t.id, signal, runtime, o.lang);
    if (reach.reach === "none") problems.push(OBSERVE.cannotSeeInside(o.lang, { runtime }));
    const adds = withTool.added.map((a) => a.id).filter((id) => id !== t.id && !present.has(id));
    // A tool that brings in a part which places the stack (an orchestrator for its API) changes the stack.
    const slotDims = [...kb.dimensions.values()].filter((d) => d.stackRule.from === "slot" && d.key !== dim.key);
    for (const id of adds) {
      const placed = slotDims.filter((d) => (kb.technologies.get(id)?.position[d.key]?.length ?? 0) > 0);
      if (placed.length) problems.push(OBSERVE.bringsIn(o.lang, { part: id, dims: placed.map((d) => d.key) }));
    }
    out.push({
      id: t.id,
      name: t.names[o.lang],
      covers: (t.position[dim.key] ?? []).filter((code) => code === signal || !present.has(code)),
      works: problems.length === 0,
      reach,
      adds,
      problems,
      released: t.releasedYear,
    });
  }
  return out
    .sort(
      (a, b) =>
        Number(b.works) - Number(a.works) ||
        ORDER[a.reach.reach] - ORDER[b.reach.reach] ||
        a.adds.length - b.adds.length ||
        (MATURITY[kb.technologies.get(a.id)?.cncf?.maturity ?? ""] ?? 3) -
          (MATURITY[kb.technologies.get(b.id)?.cncf?.maturity ?? ""] ?? 3) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, o.top);
}
