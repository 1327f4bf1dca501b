/** @module kb/check-trait-meanings — a trait's stated value agrees with what the technology says of itself. */
import { issueAt } from "./_issue-at.js";
import type { ValidationContext } from "./_validation-context.js";
import type { Issue } from "./issue.js";

/**
 * TRAIT_CONTRADICTS_NOTE (a warning) for every trait statement whose value has a meaning in the
 * vocabulary (`meanings`) that the technology's own English summary or the statement's note
 * contradicts, i.e. uses one of the meaning's `contradictedBy` phrases. Skipped without the vocabulary.
 * @example const issues = checkTraitMeanings(ctx);
 */
export function checkTraitMeanings(ctx: ValidationContext): Issue[] {
  const issues: Issue[] = [];
  if (ctx.traits === undefined) return issues;
  for (const t of ctx.kb.technologies) {
    const summary = typeof t.data.summary === "string" ? t.data.summary : t.data.summary.en;
    (t.data.traits ?? []).forEach((s, i) => {
      const meaning = ctx.traits?.get(s.trait)?.meanings?.find((m) => m.value === s.value);
      if (meaning?.contradictedBy === undefined) return;
      const note = s.note === undefined ? "" : typeof s.note === "string" ? s.note : s.note.en;
      for (const [where, text] of [
        ["its note", note],
        ["the summary", summary],
      ] as const) {
        const phrase = meaning.contradictedBy.find((p) => text.toLowerCase().includes(p.toLowerCase()));
        if (phrase === undefined) continue;
        const means = typeof meaning.meaning === "string" ? meaning.meaning : meaning.meaning.en;
        issues.push(
          issueAt(
            "TRAIT_CONTRADICTS_NOTE",
            t.file,
            ["traits", i, "value"],
            `${t.data.id} states ${s.trait}: ${JSON.stringify(s.value)} (${means}), but ${where} says "${phrase}"`,
            { hint: `correct the value (see the meanings of ${s.trait} in vocabulary.yaml) or the text` },
          ),
        );
        break;
      }
    });
  }
  return issues;
}
