/** @module analysis/consistency-findings — what in the network does not add up: isolated parts, stacks that disagree with their parts. */
import { completeStack } from "../coordinate/complete-stack.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { ANALYZE } from "../i18n/analysis-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { Kb } from "../kb/kb.js";
import type { AtlasGraph } from "../network/build-graph.js";

export interface Finding {
  readonly kind:
    | "isolated-technology"
    | "interface-without-implementers"
    | "stated-coordinate-disagrees"
    | "incomplete-recorded-stack"
    | "conflict-in-recorded-stack";
  readonly subject: string;
  readonly text: string;
  readonly source?: string;
}

/**
 * Consistency findings: technologies with no relation, interfaces nothing implements, recorded stacks
 * whose stated coordinate differs from the one their parts give, and recorded stacks that are
 * incomplete or hold a conflict; each said in `lang`.
 * @example consistencyFindings(kb, buildGraph(kb)).filter((f) => f.kind === "stated-coordinate-disagrees")
 */
export function consistencyFindings(kb: Kb, graph: AtlasGraph, lang: Lang = "en"): Finding[] {
  const out: Finding[] = [];
  graph.forEachNode((id) => {
    if (graph.degree(id) === 0)
      out.push({ kind: "isolated-technology", subject: id, text: ANALYZE.isolated(lang, { id }) });
  });
  for (const t of kb.technologies.values())
    if (t.role === "interface" && kb.implementersOf(t.id).length === 0)
      out.push({
        kind: "interface-without-implementers",
        subject: t.id,
        text: ANALYZE.noImplementer(lang, { id: t.id }),
      });
  for (const r of recordedStacks(kb)) {
    for (const key of r.disagreements)
      out.push({
        kind: "stated-coordinate-disagrees",
        subject: r.id,
        text: ANALYZE.statedDisagrees(lang, {
          id: r.id,
          key,
          stated: JSON.stringify(r.stated?.[key]),
          computed: JSON.stringify(r.computed[key]),
        }),
        source: r.source,
      });
    const c = completeStack(kb, r.components, {}, lang);
    for (const m of c.missing)
      out.push({
        kind: "incomplete-recorded-stack",
        subject: r.id,
        text: ANALYZE.ruleFinding(lang, { rule: r.id, why: m.why }),
        source: m.source,
      });
    for (const x of c.conflicts)
      out.push({
        kind: "conflict-in-recorded-stack",
        subject: r.id,
        text: ANALYZE.conflict(lang, { id: r.id, a: x.a, b: x.b, reason: x.reason }),
        source: x.source,
      });
  }
  return out;
}
