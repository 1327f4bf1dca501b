/** @module cli/validate-command — `stackatlas validate`: every problem of a knowledge base, and its counts. */
import { Command } from "@commander-js/extra-typings";
import { localName } from "../i18n/lang.js";
import { t } from "../i18n/messages.js";
import type { Issue } from "../kb/issue.js";
import { formatIssue } from "../kb/issue.js";
import type { Kb } from "../kb/kb.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";

/** The JSON answer of `validate` (the HTTP API answers the same). */
export interface ValidateReport {
  readonly valid: boolean;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly counts?: Kb["counts"];
}

/** `validate [--data DIR]`: exit 1 when the knowledge base has errors. */
export function validateCommand(context: () => CliContext) {
  return new Command("validate")
    .description("check a knowledge base: every error and warning with file:line:column, and counts per level")
    .action(() => {
      const ctx = context();
      const r = ctx.loadResult();
      const report: ValidateReport = r.ok
        ? { valid: true, errors: [], warnings: r.warnings, counts: r.kb.counts }
        : { valid: false, errors: r.errors, warnings: r.warnings };
      emit(ctx.io, ctx.format, report, () => renderValidate(ctx, report, r.ok ? r.kb : undefined));
      if (!report.valid) ctx.setExitCode(1);
    });
}

function renderValidate(ctx: CliContext, report: ValidateReport, kb: Kb | undefined): string {
  const { lang } = ctx;
  const parts: string[] = [];
  if (kb && report.counts) {
    const c = report.counts;
    parts.push(
      `${t("totals", lang)}: ${c.technologies} technologies, ${c.facts} facts (+${c.levelFacts} per level), ` +
        `${c.relations} relations, ${c.scenarios} scenarios, ${c.cases} cases, ${c.claims} claims, ${c.sources} sources`,
    );
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
    parts.push(`${t("warnings", lang)} (${report.warnings.length}):`);
    parts.push(...report.warnings.map(formatIssue));
  }
  if (report.errors.length > 0) {
    parts.push(`${t("errors", lang)} (${report.errors.length}):`);
    parts.push(...report.errors.map(formatIssue));
  }
  parts.push(
    report.valid
      ? `✔ ${t("kbValid", lang)}: 0 ${t("errors", lang)}, ${report.warnings.length} ${t("warnings", lang)}`
      : `✘ ${t("kbInvalid", lang)}: ${report.errors.length} ${t("errors", lang)}, ${report.warnings.length} ${t("warnings", lang)}`,
  );
  return parts.join("\n");
}
