/** @module cli/observe-command — `stackatlas observe STACK`: O1–O5 coverage, the completeness verdict, gaps and tools that close them. */

import { Command } from "@commander-js/extra-typings";
import { joinClauses, joinList } from "../i18n/messages.js";
import { directionWord, OBSERVE, reachWord } from "../i18n/observe-phrases.js";
import { observeStack } from "../observability/observe-stack.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { parsePositiveInt, parseYear } from "./_parse.js";

/** `observe "K3s + WasmEdge + OpenTelemetry"`, `observe case:serverless-2020-seed-case-2`. */
export function observeCommand(context: () => CliContext) {
  return new Command("observe")
    .description(
      "a stack's observability: which signals (O1–O5) its parts collect and how far into its runtime they see,\n" +
        'the verdict on "complete = O1 + O2", the gaps and the tools that would close them and work with this stack',
    )
    .argument("<stack...>", 'the stack: "K3s + WasmEdge + OpenTelemetry" or case:ID')
    .option("-k, --top <k>", "candidate tools per gap", parsePositiveInt, 5)
    .option("--year <year>", "only tools released by this year", parseYear)
    .action((parts, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const r = observeStack(kb, parts.join(" "), {
        lang: ctx.lang,
        top: opts.top,
        ...(opts.year === undefined ? {} : { year: opts.year }),
      });
      emit(ctx.io, ctx.format, r, () => {
        const lang = ctx.lang;
        const lines = [`${r.stack.label}${r.runtime ? `  (${r.runtime.name} ${r.runtime.layer ?? ""})` : ""}`];
        lines.push(
          textTable(
            ctx.io,
            [...OBSERVE.coverageHead(lang)],
            r.coverage.map((c) => [
              `${c.signal} ${c.name}`,
              c.direction === undefined ? "" : directionWord(c.direction, lang),
              reachWord(c.coverage, lang),
              joinList(
                c.by.map((b) => `${b.name} (${reachWord(b.reach.reach, lang)})`),
                lang,
              ),
            ]),
          ),
        );
        for (const rule of r.rules) {
          const verdict = OBSERVE.ruleVerdict(lang, rule);
          lines.push(`${rule.statement} → ${verdict} [${rule.source}]`);
        }
        for (const v of r.visibility)
          lines.push(
            `${OBSERVE.visibility(lang, { signal: v.signal, via: v.via, ...(v.runtime === undefined ? {} : { runtime: v.runtime }), reach: v.reach, note: v.note })}${v.source ? ` [${v.source}, ${v.grade}]` : ""}`,
          );
        for (const g of r.gaps) {
          lines.push("", OBSERVE.gap(lang, { signal: g.signal, name: g.name, kind: g.kind, closable: g.closable }));
          for (const t of g.tools)
            lines.push(
              `  ${t.works ? "✔" : "✘"} ${t.name} (${reachWord(t.reach.reach, lang)})${t.adds.length ? ` + ${joinList(t.adds, lang)}` : ""}${t.problems.length ? ` — ${joinClauses(t.problems, lang)}` : ""}`,
            );
        }
        if (r.criteria.length) {
          lines.push("", OBSERVE.criteriaHeading(lang));
          for (const c of r.criteria) lines.push(`  □ ${c.name}: ${c.statement} [${c.source}]`);
        }
        return lines.join("\n");
      });
    });
}
