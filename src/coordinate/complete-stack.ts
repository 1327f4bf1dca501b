/** @module coordinate/complete-stack — adds the supporting pieces a stack's dependencies require, and finds conflicts. */
import { type Lang, localText } from "../i18n/lang.js";
import { STACK } from "../i18n/stack-phrases.js";
import type { CompiledRelation, CompiledTechnology, Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { stackParts } from "./assign-slots.js";
import { hasWayIn, wayInSource } from "./way-in.js";

export interface AddedPart {
  readonly id: string;
  /** The part whose dependency brought it in, and the dependency's target (an interface, a list). */
  readonly for: string;
  readonly requirement: string;
  readonly source: string;
}

export interface MissingDependency {
  readonly from: string;
  /** The target, or the options of an `anyOf`. */
  readonly requires: readonly string[];
  readonly source: string;
  readonly why: string;
}

export interface StackConflict {
  readonly a: string;
  readonly b: string;
  readonly reason: string;
  readonly source: string;
}

export interface CompletedStack {
  readonly components: StackComponents;
  readonly added: readonly AddedPart[];
  readonly missing: readonly MissingDependency[];
  readonly conflicts: readonly StackConflict[];
  readonly complete: boolean;
  readonly consistent: boolean;
}

const MATURITY_RANK: Readonly<Record<string, number>> = { graduated: 0, incubating: 1, sandbox: 2, archived: 4 };

function text(t: unknown, lang: Lang): string {
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && "en" in t) return localText(t as { en: string; zh?: string }, lang);
  return "";
}

/** The technologies that would satisfy a dependency target: itself, or an interface's implementers. */
function satisfiers(kb: Kb, target: string): readonly CompiledTechnology[] {
  const tech = kb.technologies.get(target);
  if (tech?.role === "interface") return kb.implementersOf(target);
  return tech ? [tech] : [];
}

function isSatisfied(kb: Kb, relation: CompiledRelation, present: ReadonlySet<string>): boolean {
  return relation.targets.some((t) => present.has(t) || satisfiers(kb, t).some((s) => present.has(s.id)));
}

/**
 * Picks the piece to add: the relation's documented `default` (containerd → runc), unless it conflicts
 * with a part already there or is archived; else one compatible with a part already there, then the
 * `anyOf` order, then the most mature, then by id. (A part already there that satisfies the need is
 * never replaced: {@link isSatisfied} is asked first.)
 */
function choose(kb: Kb, relation: CompiledRelation, present: ReadonlySet<string>): CompiledTechnology | undefined {
  const options: CompiledTechnology[] = [];
  for (const t of relation.targets) {
    const tech = kb.technologies.get(t);
    if (tech && tech.role !== "interface") options.push(tech);
    else options.push(...satisfiers(kb, t));
  }
  const compatible = (c: CompiledTechnology) =>
    kb.relations.out(c.id, "compatible-with").some((r) => r.targets.some((x) => present.has(x))) ||
    kb.relations.in(c.id, "compatible-with").some((r) => present.has(r.from));
  const conflicting = (c: CompiledTechnology) =>
    kb.relations.out(c.id, "conflicts-with").some((r) => r.targets.some((x) => present.has(x))) ||
    kb.relations.in(c.id, "conflicts-with").some((r) => present.has(r.from));
  const usable = options.filter((c) => !conflicting(c) && !c.cncf?.archived);
  const preferred = usable.find((c) => c.id === relation.default?.technology);
  if (preferred) return preferred;
  const score = (c: CompiledTechnology, i: number) => [
    compatible(c) ? 0 : 1,
    relation.anyOf ? i : 0,
    MATURITY_RANK[c.cncf?.maturity ?? ""] ?? 3,
  ];
  return usable
    .map((c, i) => ({ c, s: score(c, i) }))
    .sort((x, y) => x.s[0]! - y.s[0]! || x.s[1]! - y.s[1]! || x.s[2]! - y.s[2]! || x.c.id.localeCompare(y.c.id))[0]?.c;
}

/** What a stack is asked to do beyond running its parts: reach a GPU. */
export interface StackNeeds {
  readonly gpu?: boolean;
}

/** The stack facts a conditional dependency is read against. */
export interface DependencyContext extends StackNeeds {
  readonly orchestrated: boolean;
}

/**
 * Whether a `depends-on` applies to a stack: `orchestrated` only with an orchestrator, `standalone`
 * only without one, `gpu` only when the stack must reach a GPU.
 * @example dependencyApplies({ when: "gpu" }, { orchestrated: true }) // false
 */
export function dependencyApplies(relation: Pick<CompiledRelation, "when">, ctx: DependencyContext): boolean {
  switch (relation.when) {
    case "orchestrated":
      return ctx.orchestrated;
    case "standalone":
      return !ctx.orchestrated;
    case "gpu":
      return ctx.gpu === true;
    default:
      return true;
  }
}

/**
 * Completes a stack: every `depends-on` of every part (and of every part added) is satisfied by a
 * part already there, or by the best supporting piece the knowledge base offers; what cannot be
 * satisfied is `missing`. Where a dependency names the implementer its technology uses by `default`
 * (containerd → runc), that one is added unless it conflicts with the stack. `conflicts-with` between
 * any two parts is a conflict. `when: orchestrated` dependencies apply only when the stack has an
 * orchestrator, `when: gpu` ones only when `needs.gpu`.
 * What is missing and why parts conflict is worded in `lang`.
 * @example completeStack(kb, { runtime: "wasmedge", orchestrator: "k3s" }, { gpu: true }).added.map((a) => a.id)
 */
export function completeStack(kb: Kb, c: StackComponents, needs: StackNeeds = {}, lang: Lang = "en"): CompletedStack {
  const orchestrated =
    c.orchestrator !== undefined && (kb.technologies.get(c.orchestrator)?.positionValues.X?.[0] ?? 0) > 0;
  const applies: DependencyContext = { orchestrated, gpu: needs.gpu === true };
  const present = new Set(stackParts(c));
  const queue = [...present];
  const added: AddedPart[] = [];
  const missing: MissingDependency[] = [];
  // Any orchestrator, Docker Compose included, starts the runtime along a recorded way or not at all.
  if (c.runtime !== undefined && c.orchestrator !== undefined) {
    if (!hasWayIn(kb, c.runtime, c.orchestrator)) {
      missing.push({
        from: c.runtime,
        requires: [c.orchestrator],
        source: wayInSource(kb, c.orchestrator),
        why: STACK.noWayIn(lang, { runtime: c.runtime, orchestrator: c.orchestrator }),
      });
    }
  }
  for (let i = 0; i < queue.length && i < 500; i++) {
    const id = queue[i]!;
    for (const relation of kb.relations.out(id, "depends-on")) {
      if (!dependencyApplies(relation, applies)) continue;
      if (isSatisfied(kb, relation, present)) continue;
      const pick = choose(kb, relation, present);
      if (!pick) {
        missing.push({
          from: id,
          requires: relation.targets,
          source: relation.source,
          why: STACK.unmetDependency(lang, { id, targets: relation.targets }),
        });
        continue;
      }
      present.add(pick.id);
      queue.push(pick.id);
      added.push({ id: pick.id, for: id, requirement: relation.targets.join(" | "), source: relation.source });
    }
  }
  const conflicts: StackConflict[] = [];
  for (const id of present) {
    for (const r of kb.relations.out(id, "conflicts-with")) {
      for (const other of r.targets) {
        if (present.has(other)) conflicts.push({ a: id, b: other, reason: text(r.reason, lang), source: r.source });
      }
    }
  }
  const supporting = [...(c.supporting ?? []), ...added.map((a) => a.id)];
  const components: StackComponents = { ...c, ...(supporting.length ? { supporting: [...new Set(supporting)] } : {}) };
  return { components, added, missing, conflicts, complete: missing.length === 0, consistent: conflicts.length === 0 };
}
