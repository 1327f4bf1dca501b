/** @module kb/check-deployments — held-out deployments name what exists, state every requirement they set, and are no training case. */
import type { SlotChoice } from "../model/deployment.js";
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import { SLOT_ROLES } from "./check-stack-slots.js";
import type { Issue } from "./issue.js";

/**
 * UNKNOWN_SCENARIO and UNKNOWN_TECHNOLOGY (with the nearest names) for a deployment's scenario and chosen
 * parts; SLOT_ROLE_MISMATCH for a part of an unexpected role; UNSTATED_REQUIREMENT for a requirement
 * without its statement (or a statement of a requirement that is not set); DEPLOYMENT_IS_CASE when a
 * deployment is also a training case — the same id, or the case's own source with the case's runtime —
 * since the evaluation is only honest on deployments the weights never saw.
 * @example const issues = checkDeployments(ctx);
 */
export function checkDeployments(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const cases = ctx.kb.cases.map((c) => c.data);
  for (const { file, data: d } of ctx.kb.deployments) {
    if (!ctx.knownScenario(d.scenario))
      issues.push(
        ctx.unknown(
          "UNKNOWN_SCENARIO",
          file,
          ["scenario"],
          "scenario",
          d.scenario,
          ctx.scenarioCandidates,
          "use a scenario id from scenarios.yaml",
        ),
      );
    for (const slot of ["runtime", "orchestrator", "policy"] as const) {
      const choice: SlotChoice | undefined = d.chosen[slot];
      if (choice === undefined || !("technology" in choice)) continue;
      const path = ["chosen", slot, "technology"];
      const tech = ctx.technologies.get(choice.technology);
      if (!ctx.knownTechnology(choice.technology)) {
        issues.push(
          ctx.unknown(
            "UNKNOWN_TECHNOLOGY",
            file,
            path,
            "technology",
            choice.technology,
            ctx.technologyCandidates,
            "use a technology id from technologies/, or write `notInKb: <name>` for one the knowledge base lacks",
          ),
        );
      } else if (tech !== undefined && !SLOT_ROLES[slot].includes(tech.data.role)) {
        issues.push(
          issueAt(
            "SLOT_ROLE_MISMATCH",
            file,
            path,
            `${choice.technology} (role ${tech.data.role}) is chosen for the ${slot} slot, which expects ${SLOT_ROLES[slot].join(", ")}`,
            { hint: "name the technology of that slot, or map it with `as:` to its nearest equivalent" },
          ),
        );
      }
    }
    const set = new Set<string>();
    for (const group of ["must", "prefer"] as const)
      for (const key of Object.keys(d.requirements?.[group] ?? {})) set.add(`${group}.${key}`);
    const stated = new Set((d.stated ?? []).map((s) => s.requirement));
    for (const key of set)
      if (!stated.has(key))
        issues.push(
          issueAt("UNSTATED_REQUIREMENT", file, ["requirements", ...key.split(".")], `${key} has no statement`, {
            hint: "add a `stated` entry with the operators' words and its source, or drop the requirement",
          }),
        );
    (d.stated ?? []).forEach((s, i) => {
      if (!set.has(s.requirement))
        issues.push(
          issueAt(
            "UNSTATED_REQUIREMENT",
            file,
            ["stated", i, "requirement"],
            `${s.requirement} is stated but not set in requirements`,
            { hint: "set it under `requirements`, or drop the statement" },
          ),
        );
    });
    const runtime = "technology" in d.chosen.runtime ? d.chosen.runtime.technology : undefined;
    const primary = d.sources[0]?.source;
    for (const c of cases) {
      const sameId = c.id === d.id;
      const sameSource = primary !== undefined && c.source === primary && c.stack.components.runtime === runtime;
      if (!sameId && !sameSource) continue;
      issues.push(
        issueAt(
          "DEPLOYMENT_IS_CASE",
          file,
          sameId ? ["id"] : ["sources", 0, "source"],
          sameId
            ? `deployment ${d.id} has the id of the training case ${c.id}`
            : `deployment ${d.id} rests on the source of the training case ${c.id} (${c.source}) with the same runtime`,
          { hint: "a held-out deployment must not be a case the weights learn from: drop it, or the case" },
        ),
      );
    }
  }
  return issues;
}
