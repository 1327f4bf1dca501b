/** @module kb/check-traits — traits are declared in the vocabulary and take one of their values. */
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

/**
 * UNKNOWN_TRAIT and BAD_TRAIT_VALUE for every technology's traits. Skipped when vocabulary.yaml is
 * missing or invalid.
 * @example const issues = checkTraits(ctx);
 */
export function checkTraits(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  const traits = ctx.traits;
  if (traits === undefined) return issues;
  for (const t of ctx.kb.technologies) {
    (t.data.traits ?? []).forEach((s, i) => {
      const trait = traits.get(s.trait);
      if (trait === undefined) {
        issues.push(
          ctx.unknown(
            "UNKNOWN_TRAIT",
            t.file,
            ["traits", i, "trait"],
            "trait",
            s.trait,
            traits.keys(),
            "use a trait id from vocabulary.yaml",
          ),
        );
        return;
      }
      if (!trait.values.includes(s.value)) {
        const allowed = trait.values.map((v) => String(v));
        issues.push(
          issueAt(
            "BAD_TRAIT_VALUE",
            t.file,
            ["traits", i, "value"],
            `trait ${trait.id} cannot be ${JSON.stringify(s.value)}: its values are ${allowed.join(", ")}`,
            {
              suggestions: allowed,
              hint:
                typeof s.value === "string" && (s.value === "true" || s.value === "false")
                  ? "write true/false unquoted"
                  : `one of ${allowed.join(", ")}`,
            },
          ),
        );
      }
    });
  }
  return issues;
}
