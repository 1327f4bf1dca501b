/** @module cli/diagnose-command — `stackatlas diagnose`: horizontal × vertical signal → layer, cause, fix; or the O1 × O2 matrix. */
import { Command } from "@commander-js/extra-typings";
import { UsageError } from "../errors.js";
import { aspectWord, DIAGNOSE } from "../i18n/observe-phrases.js";
import { diagnose } from "../observability/diagnose.js";
import { localisationMatrix } from "../observability/localisation-matrix.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";

/** `diagnose --vertical OOMKilled --horizontal "span duration 2s" [--service checkout] [--stack STACK]`, `diagnose --matrix`. */
export function diagnoseCommand(context: () => CliContext) {
  return new Command("diagnose")
    .description(
      "localise a fault: a vertical signal (log line or kernel event: OOMKilled, EPT violation, Sentry syscall denied)\n" +
        "and a horizontal one (what the trace shows: span duration, trace break, 5xx) → the layer L-0…L-4, the cell of\n" +
        "the O1 × O2 matrix, likely causes and fixes with sources. --matrix prints the matrix itself",
    )
    .option("--vertical <text>", "a log line or kernel event")
    .option("--horizontal <text>", "what the trace shows about the failing span")
    .option("--service <name>", "the failing span's service")
    .option("--stack <stack>", "the stack it runs on (parts or case:ID)")
    .option("--matrix", "print the localisation matrix (O1 × O2)")
    .action((opts) => {
      const ctx = context();
      const kb = ctx.kb();
      if (opts.matrix) {
        const m = localisationMatrix(kb, ctx.lang);
        emit(ctx.io, ctx.format, m, () => {
          const cell = (row: string, col: string) =>
            m.cells
              .find((c) => c.row === row && c.column === col)
              ?.symptoms.map((s) => `${s.name}: ${s.fix}`)
              .join("\n") ?? "";
          return `${m.rule.text} [${m.rule.source}]\n${textTable(
            ctx.io,
            [DIAGNOSE.matrixCorner(ctx.lang), ...m.columns.map((c) => `${c.code} ${c.name}`)],
            [
              [DIAGNOSE.logKeywords(ctx.lang), ...m.columns.map((c) => c.signals.map((s) => s.example).join("\n"))],
              ...m.rows.map((r) => [r.name, ...m.columns.map((c) => cell(r.id, c.code))]),
            ],
          )}`;
        });
        return;
      }
      if (opts.vertical === undefined) throw new UsageError(DIAGNOSE.usage(ctx.lang));
      const d = diagnose(
        kb,
        {
          vertical: opts.vertical,
          ...(opts.horizontal === undefined ? {} : { horizontal: opts.horizontal }),
          ...(opts.service === undefined ? {} : { service: opts.service }),
          ...(opts.stack === undefined ? {} : { stack: opts.stack }),
        },
        ctx.lang,
      );
      emit(ctx.io, ctx.format, d, () => {
        const lines = [
          DIAGNOSE.layerLine(ctx.lang, { layer: d.layer.name, cell: d.cell.text }),
          `${DIAGNOSE.verticalLabel(ctx.lang)}: "${d.vertical.pattern}" — ${d.vertical.text} [${d.vertical.source}${d.vertical.where ? ` ${d.vertical.where}` : ""}]`,
        ];
        if (d.horizontal)
          lines.push(
            `${DIAGNOSE.horizontalLabel(ctx.lang)}: ${d.horizontal.name} — ${d.horizontal.text} [${d.horizontal.source}]`,
          );
        lines.push(DIAGNOSE.likelyCauses(ctx.lang), ...d.causes.map((c) => `  • ${c.text} [${c.source}]`));
        lines.push(DIAGNOSE.fixes(ctx.lang), ...d.fixes.map((f) => `  • ${f.text} [${f.source}]`));
        if (d.symptoms.length)
          lines.push(
            DIAGNOSE.symptomTable(ctx.lang),
            ...d.symptoms.map((s) => `  ${s.exact ? "★" : "·"} ${s.name}: ${s.fix.text} [${s.fix.source}]`),
          );
        if (d.failureModes.length)
          lines.push(
            DIAGNOSE.failureModes(ctx.lang),
            ...d.failureModes.map(
              (m) => `  ${aspectWord(m.aspect, ctx.lang)}: ${m.mechanism} → ${m.failure} → ${m.fix} [${m.source}]`,
            ),
          );
        if (d.tools.length)
          lines.push(
            DIAGNOSE.drillDown(ctx.lang),
            ...d.tools.map(
              (t) =>
                `  ${t.name}: ${t.use}${t.reach ? DIAGNOSE.toolReach(ctx.lang, { reach: t.reach.reach, ...(t.reach.runtime === undefined ? {} : { runtime: t.reach.runtime }) }) : ""} [${t.source}]`,
            ),
          );
        if (d.stack) lines.push(`${d.stack.label}: ${d.stack.note}`);
        return lines.join("\n");
      });
    });
}
