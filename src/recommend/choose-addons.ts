/** @module recommend/choose-addons — what a query adds to every stack for what it does: the parts it includes that fill no slot, and one provider per required capability. */
import { type CheckStatus, type RequirementCheck, satisfiesBound } from "../coordinate/evaluate-must.js";
import { ADDON } from "../i18n/addon-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledTechnology, Kb } from "../kb/kb.js";
import type { TraitStatement } from "../model/technology.js";
import type { Trait } from "../model/vocabulary.js";
import type { ResolvedRequirements } from "./resolve-requirements.js";

/** A part added to every stack of a query, and why. */
export interface Addon {
  readonly id: string;
  /** The capability it provides, or `include` when the user named it. */
  readonly for: string;
  /** The statement that it provides the capability (absent for `include`). */
  readonly source?: string;
  readonly grade?: string;
}

/** A required capability no technology provides by the as-of year (every stack misses it). */
export interface UnprovidedCapability {
  readonly capability: string;
  /** Providers that exist but are ruled out (excluded, released later, archived, or needing a part the query rules out). */
  readonly ruledOut: readonly string[];
}

export interface AddonChoice {
  readonly addons: readonly Addon[];
  readonly unprovided: readonly UnprovidedCapability[];
}

const GRADE_RANK: Readonly<Record<string, number>> = { A: 0, B: 1, C: 2, U: 3 };
const MATURITY_RANK: Readonly<Record<string, number>> = { graduated: 0, incubating: 1, sandbox: 2 };

/** The capabilities of a knowledge base: its yes/no traits marked `capability`. */
function capabilities(kb: Kb): Trait[] {
  return [...kb.traits.values()].filter((t) => t.capability === true);
}

/** The statement that a technology has a capability (the trait stated `true`), if it makes one. */
export function providesCapability(tech: CompiledTechnology, capability: string): TraitStatement | undefined {
  const s = tech.traits.get(capability);
  return s?.value === true ? s : undefined;
}

/**
 * The technologies that provide a capability, best first: one the user included, then one placed in
 * the query's scenario, then the best-graded statement, then CNCF maturity, then id.
 * @example capabilityProviders(kb, "gang-scheduling").map((p) => p.tech.id)
 */
export function capabilityProviders(
  kb: Kb,
  capability: string,
  prefer: { readonly include?: readonly string[]; readonly scenario?: string } = {},
): { readonly tech: CompiledTechnology; readonly statement: TraitStatement }[] {
  const out: { tech: CompiledTechnology; statement: TraitStatement }[] = [];
  for (const tech of kb.technologies.values()) {
    const statement = providesCapability(tech, capability);
    if (statement) out.push({ tech, statement });
  }
  const included = new Set(prefer.include ?? []);
  const key = (p: { tech: CompiledTechnology; statement: TraitStatement }) => [
    included.has(p.tech.id) ? 0 : 1,
    prefer.scenario !== undefined && (p.tech.position.S ?? []).includes(prefer.scenario) ? 0 : 1,
    GRADE_RANK[p.statement.grade] ?? 4,
    MATURITY_RANK[p.tech.cncf?.maturity ?? ""] ?? 3,
  ];
  return out
    .map((p) => ({ p, k: key(p) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i]! - b.k[i]!;
      return a.p.tech.id.localeCompare(b.p.tech.id);
    })
    .map((x) => x.p);
}

/**
 * Whether a technology could serve as the orchestrator the query's hard requirements allow: one whose
 * position on the orchestration dimension meets `must.orchestration`, and that implements the Kubernetes
 * API only where `must.kubernetesApi` is not false.
 */
function orchestratorAllowed(kb: Kb, tech: CompiledTechnology, req: ResolvedRequirements): boolean {
  const bound = req.must.orchestration;
  if (req.must.kubernetesApi === false && kb.implementersOf("kubernetes-api").includes(tech)) return false;
  if (bound === undefined) return true;
  const dim = [...kb.dimensions.values()].find(
    (d) => d.stackRule.from === "slot" && d.stackRule.slot === "orchestrator",
  );
  const codes = dim ? (tech.position[dim.key] ?? []) : [];
  if (!dim || codes.length === 0) return true;
  return codes.some((code) => satisfiesBound(dim, code, bound) !== false);
}

/**
 * Whether the query leaves a way to meet a provider's dependencies on interfaces: some implementer the
 * query allows for each (an operator's Kubernetes API needs an orchestrator the query admits, so a
 * single-host query gets a model server that runs without one). An interface nothing implements is a
 * facility of the host; concrete dependencies are left to completion.
 */
function dependenciesMet(
  kb: Kb,
  tech: CompiledTechnology,
  req: ResolvedRequirements,
  allowed: (t: CompiledTechnology) => boolean,
): boolean {
  for (const r of tech.relations) {
    if (r.type !== "depends-on") continue;
    const met = r.targets.some((id) => {
      const target = kb.technologies.get(id);
      if (target?.role !== "interface") return true;
      const implementers = kb.implementersOf(id);
      return implementers.length === 0 || implementers.some((t) => allowed(t) && orchestratorAllowed(kb, t, req));
    });
    if (!met) return false;
  }
  return true;
}

/**
 * The add-ons of a query: each included technology that can fill none of the stack's slots (a model
 * server, a mesh) and, for each capability required (the user's) or typical (the scenario's), its best provider that the query allows (not
 * excluded, released by the as-of year, not archived, its interfaces implementable within the query). Chosen once per query, so every stack carries
 * the same add-ons and the searches compare stacks on their slots alone.
 * @example chooseAddons(kb, resolveRequirements(kb, { must: { capabilities: ["model-serving"] } }), slotRoles).addons
 */
export function chooseAddons(
  kb: Kb,
  req: ResolvedRequirements,
  fillsASlot: (tech: CompiledTechnology) => boolean,
): AddonChoice {
  const must = req.must;
  const exclude = new Set(must.exclude ?? []);
  const allowed = (t: CompiledTechnology) => !exclude.has(t.id) && t.releasedYear <= req.year && !t.cncf?.archived;
  const addons: Addon[] = [];
  const seen = new Set<string>();
  for (const id of must.include ?? []) {
    const tech = kb.technologies.get(id);
    if (!tech || fillsASlot(tech) || seen.has(id)) continue;
    seen.add(id);
    addons.push({ id, for: "include" });
  }
  const unprovided: UnprovidedCapability[] = [];
  // The user's capabilities, then the scenario's typical ones (soft): a provider is added for both, so
  // every stack carries it; only a hard one that nothing provides makes every stack miss it.
  const wanted = [...new Set([...(must.capabilities ?? []), ...(req.soft.capabilities ?? [])])];
  for (const capability of wanted) {
    const providers = capabilityProviders(kb, capability, {
      ...(must.include ? { include: must.include } : {}),
      ...(req.scenario ? { scenario: req.scenario.id } : {}),
    });
    // A part the query already adds may provide it: no second part for the same need.
    const already = providers.find((p) => seen.has(p.tech.id));
    if (already) continue;
    const pick = providers.find((p) => allowed(p.tech) && dependenciesMet(kb, p.tech, req, allowed));
    if (!pick) {
      unprovided.push({ capability, ruledOut: providers.map((p) => p.tech.id) });
      continue;
    }
    seen.add(pick.tech.id);
    addons.push({ id: pick.tech.id, for: capability, source: pick.statement.source, grade: pick.statement.grade });
  }
  return { addons, unprovided };
}

/**
 * The `capabilities` checks of a completed stack: each capability met by a part that states it (with
 * that statement's source), else missed.
 * @example checkCapabilities(kb, ["k3s", "wasmedge", "volcano"], ["gang-scheduling"], "en")[0]?.status // "met"
 */
export function checkCapabilities(
  kb: Kb,
  parts: readonly string[],
  required: readonly string[],
  lang: Lang,
): RequirementCheck[] {
  return required.map((capability) => {
    const names = kb.traits.get(capability)?.names;
    const name = names ? names[lang] : capability;
    for (const id of parts) {
      const tech = kb.technologies.get(id);
      const statement = tech ? providesCapability(tech, capability) : undefined;
      if (tech && statement) {
        const status: CheckStatus = "met";
        return {
          requirement: "capabilities",
          status,
          detail: ADDON.provides(lang, { part: tech.names[lang], capability: name, via: statement.via }),
          source: statement.source,
          grade: statement.grade,
        };
      }
    }
    return { requirement: "capabilities", status: "missed", detail: ADDON.lacks(lang, { capability: name }) };
  });
}
