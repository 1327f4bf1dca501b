/** @module cli/validate-command — `stackatlas validate`: every problem of a knowledge base, and its counts. */
import { Command } from "@commander-js/extra-typings";
import { formatIssueIn, KB } from "../i18n/kb-phrases.js";
import { localName } from "../i18n/lang.js";
import { t } from "../i18n/messages.js";
import type { Issue } from "../kb/issue.js";
import type { Kb } from "../kb/kb.js";
import { staleFigureIssues } from "../kb/stale-figures.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { parseIsoDate, parsePositiveInt } from "./_parse.js";
import { BUILD_ID } from "./build-id.js";

/** The JSON answer of `validate` (the HTTP API answers the same). */
export interface ValidateReport {
  readonly valid: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly counts?: Kb["counts"];
}

/** `validate [--data DIR] [--as-of DATE] [--stale-after YEARS]`: exit 1 when the knowledge base has errors. */
export function validateCommand(context: () => CliContext) {
  return new Command("validate")
    .description(
      "check a knowledge base: every error and warning with file:line:column, and counts per level; figures of\n" +
        "fast-moving metrics (vocabulary.yaml `staleAfterYears`) older than their threshold are warned about (STALE_FIGURE)",
    )
    .option("--as-of <date>", "judge the figures' age at this day (YYYY-MM-DD; default today)", parseIsoDate)
    .option("--stale-after <years>", "one age threshold for every fast-moving metric, in years", parsePositiveInt)
    .action(async (opts) => {
      const ctx = context();
      // A verdict on the data comes from the data: never from a snapshot of an earlier load.
      const { safeLoadKb } = await import("../kb/load-kb.js");
      const r = safeLoadKb(
        ctx.dataDir,
        BUILD_ID === undefined ? { fresh: true } : { fresh: true, snapshotBuild: BUILD_ID },
      );
      // The age of a figure depends on the day: judged here, never cached with the knowledge base.
      const stale = r.ok
        ? staleFigureIssues(r.kb, ctx.dataDir, {
            today: opts.asOf ?? new Date().toISOString().slice(0, 10),
            ...(opts.staleAfter === undefined ? {} : { staleAfterYears: opts.staleAfter }),
          })
        : [];
      const report: ValidateReport = r.ok
        ? { valid: true, errors: [], warnings: [...r.warnings, ...stale], counts: r.kb.counts }
        : { valid: false, errors: r.errors, warnings: r.warnings };
      emit(ctx.io, ctx.format, report, () => renderValidate(ctx, report, r.ok ? r.kb : undefined));
      if (!report.valid) ctx.setExitCode(1);
    });
}

function renderValidate(ctx: CliContext, report: ValidateReport, kb: Kb | undefined): string {
  const { lang } = ctx;
  const parts: string[] = [];
  const metric = (id: string) => {
    const m = kb?.metrics.get(id);
    return m === undefined ? id : localName(m.names, lang);
  };
  const format = (issue: Issue) => formatIssueIn(issue, lang, { metric });
  if (kb && report.counts) {
    const c = report.counts;
    parts.push(KB.totals(lang, { label: t("totals", lang), ...c }));
    const rows: string[][] = [];
    for (const [key, perLevel] of Object.entries(c.perLevel)) {
      const dim = kb.dimension(key);
      for (const [code, n] of Object.entries(perLevel)) {
        const level = dim?.levelByCode.get(code);
        rows.push([
          dim ? `${key} ${localName(dim.names, lang)}` : key,
          code,
          level ? localName(level.names, lang) : "",
          String(n),
        ]);
      }
    }
    parts.push(t("perLevel", lang));
    parts.push(textTable(ctx.io, [t("dimension", lang), t("level", lang), t("name", lang), t("count", lang)], rows));
  }
  if (report.warnings.length > 0) {
    parts.push(KB.issuesHeading(lang, { label: t("warnings", lang), count: report.warnings.length }));
    parts.push(...report.warnings.map(format));
  }
  if (report.errors.length > 0) {
    parts.push(KB.issuesHeading(lang, { label: t("errors", lang), count: report.errors.length }));
    parts.push(...report.errors.map(format));
  }
  parts.push(
    KB.verdict(lang, {
      mark: report.valid ? "✔" : "✘",
      verdict: t(report.valid ? "kbValid" : "kbInvalid", lang),
      errors: report.errors.length,
      warnings: report.warnings.length,
    }),
  );
  return parts.join("\n");
}
