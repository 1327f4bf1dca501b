/** @module cli/migrate-command — `stackatlas migrate --from A --to B [--via C]`: ordered, dependency-respecting steps. */

import { Command } from "@commander-js/extra-typings";
import { planMigration } from "../design/migrate.js";
import { MIGRATE, riskKind } from "../i18n/design-phrases.js";
import { labelled } from "../i18n/messages.js";
import { figureUnits, scopeName } from "../i18n/vocabulary-phrases.js";
import type { CliContext } from "./_context.js";
import { emit } from "./_output.js";
import { collect } from "./_parse.js";

/** `migrate --from case:serverless-2020-seed-case-2 --via case:serverless-2023-seed-case-2 --to case:serverless-2025-seed-case-2`. */
export function migrateCommand(context: () => CliContext) {
  return new Command("migrate")
    .description(
      "a migration plan between two stacks (parts joined by +, or a recorded stack case:ID): ordered steps that\n" +
        "respect dependencies, each with its coordinate delta, the figures of what comes and goes, and its risks",
    )
    .requiredOption("--from <stack>", 'the stack today: "K8s + containerd + OPA" or case:ID')
    .requiredOption("--to <stack>", "the stack to reach")
    .option("--via <stack>", "a stack to pass through on the way (repeatable, in order)", collect)
    .action((opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const plan = planMigration(kb, [opts.from, ...(opts.via ?? []), opts.to], ctx.lang);
      emit(ctx.io, ctx.format, plan, () => {
        const lines: string[] = [];
        for (const leg of plan.legs) {
          lines.push(
            `${leg.from.label}  ${leg.from.coordinate.text}`,
            `  → ${leg.to.label}  ${leg.to.coordinate.text}`,
          );
          for (const d of leg.deltas) lines.push(`    • ${d.text}`);
          for (const s of leg.steps) {
            lines.push(`  ${s.n}. ${s.text}`);
            for (const a of s.after)
              lines.push(`     ${MIGRATE.afterStep(ctx.lang, { step: a.step, because: a.because, source: a.source })}`);
            for (const d of s.deltas) lines.push(`     Δ ${d.text}`);
            for (const f of s.facts)
              lines.push(
                `     ${f.change === "in" ? "+" : "−"} ${f.technology} ${f.concern} ${labelled(f.metric, figureUnits(f.value, ctx.lang), ctx.lang)} (${scopeName(f.scope, ctx.lang)}) [${f.source}, ${f.grade}]`,
              );
            for (const r of s.risks)
              lines.push(
                `     ! ${labelled(riskKind(r.kind, ctx.lang), r.text, ctx.lang)}${r.source ? ` [${r.source}]` : ""}`,
              );
          }
          if (leg.stated.length) {
            lines.push(MIGRATE.sourcesState(ctx.lang));
            for (const st of leg.stated) lines.push(`    “${st.text}” [${st.source}, ${st.grade}]`);
          }
          lines.push("");
        }
        return lines.join("\n");
      });
    });
}
