/** @module cli/list-command — `stackatlas list`: technologies filtered by level, role, scenario, year or text. */
import { Command } from "@commander-js/extra-typings";
import { maturityWord } from "../i18n/kb-phrases.js";
import { localName } from "../i18n/lang.js";
import { t } from "../i18n/messages.js";
import { roleName } from "../i18n/vocabulary-phrases.js";
import { filterTechnologies } from "../network/filter-technologies.js";
import { technologySummary } from "../network/technology-view.js";
import type { CliContext } from "./_context.js";
import { technologyFilter } from "./_filter-options.js";
import { emit, textTable } from "./_output.js";
import { collect, parseYear } from "./_parse.js";

/** `list [--level L…] [--role R…] [--scenario S] [--since Y] [--until Y] [--cncf M] [--text T]`. */
export function listCommand(context: () => CliContext) {
  return new Command("list")
    .description("list technologies, filtered by any dimension level, role, scenario, year range or text (en/zh)")
    .option(
      "--level <level>",
      "a level the technology holds: L-4, X2, Z3, O2, A5, D=4, Y=sandbox, 沙盒 (repeatable)",
      collect,
    )
    .option("--role <role>", "runtime, orchestrator, policy, observability, interface, … (repeatable)", collect)
    .option("--scenario <scenario>", "a scenario it is a reference for: edge, 边缘计算, serverless, …")
    .option("--since <year>", "first released in or after this year", parseYear)
    .option("--until <year>", "first released in or before this year", parseYear)
    .option("--cncf <maturity>", "CNCF maturity: sandbox, incubating, graduated, archived, any, none")
    .option("--text <text>", "text in the id, names (en/zh), aliases or summary")
    .action((opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const found = filterTechnologies(kb, technologyFilter(opts), ctx.lang);
      const technologies = found.map((tech) => technologySummary(tech, ctx.lang));
      emit(ctx.io, ctx.format, { count: technologies.length, technologies }, () => {
        if (technologies.length === 0) return t("noMatches", ctx.lang);
        const dims = ["D", "X", "Z", "O"].filter((k) => kb.dimension(k));
        const rows = found.map((tech) => [
          tech.id,
          localName(tech.names, ctx.lang),
          roleName(tech.role, ctx.lang),
          ...dims.map((k) => (tech.position[k] ?? []).join(" ")),
          String(tech.releasedYear),
          tech.cncf === undefined ? "" : maturityWord(tech.cncf.maturity, ctx.lang),
        ]);
        const head = [t("id", ctx.lang), t("name", ctx.lang), t("role", ctx.lang), ...dims, "T", t("cncf", ctx.lang)];
        return `${textTable(ctx.io, head, rows)}\n${technologies.length} ${t("technologiesFound", ctx.lang)}`;
      });
    });
}
