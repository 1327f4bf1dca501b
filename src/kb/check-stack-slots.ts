/** @module kb/check-stack-slots — stack slots are filled with technologies of a fitting role. */

import type { StackComponents } from "../model/stack.js";
import type { Role } from "../model/technology.js";
import { issueAt, type Locatable } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue, IssuePath } from "./issue.js";

/** The roles each slot expects; `supporting` takes any role. */
export const SLOT_ROLES: Readonly<Record<"runtime" | "orchestrator" | "policy" | "observability", readonly Role[]>> = {
  runtime: ["runtime", "hypervisor", "engine", "platform", "framework", "hardware"],
  orchestrator: ["orchestrator", "platform"],
  policy: ["policy", "platform", "plugin", "framework"],
  observability: ["observability", "platform", "plugin", "framework"],
};

/**
 * SLOT_ROLE_MISMATCH (a warning) for reference stacks and cases whose slots hold a technology of an
 * unexpected role, e.g. a policy engine as the runtime.
 * @example const issues = checkStackSlots(ctx);
 */
export function checkStackSlots(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const check = (file: Locatable, base: IssuePath, c: StackComponents) => {
    for (const slot of ["runtime", "orchestrator", "policy", "observability"] as const) {
      const v = c[slot];
      const ids = v === undefined ? [] : typeof v === "string" ? [v] : v;
      ids.forEach((id, i) => {
        const tech = ctx.technologies.get(id);
        if (tech === undefined || SLOT_ROLES[slot].includes(tech.data.role)) return;
        issues.push(
          issueAt(
            "SLOT_ROLE_MISMATCH",
            file,
            typeof v === "string" ? [...base, slot] : [...base, slot, i],
            `${id} (role ${tech.data.role}) fills the ${slot} slot, which expects ${SLOT_ROLES[slot].join(", ")}`,
            { hint: "move it to `supporting`, or to the slot of its role" },
          ),
        );
      });
    }
  };
  const scenarios = ctx.kb.scenarios;
  scenarios?.data.scenarios.forEach((s, i) => {
    s.referenceStacks.forEach((rs, j) => {
      check(scenarios.file, ["scenarios", i, "referenceStacks", j, "components"], rs.components);
    });
  });
  for (const cs of ctx.kb.cases) check(cs.file, ["stack", "components"], cs.data.stack.components);
  return issues;
}
