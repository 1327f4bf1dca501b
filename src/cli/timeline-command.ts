/** @module cli/timeline-command — `stackatlas timeline`: milestones, dated events and lineages, filterable. */
import { Command } from "@commander-js/extra-typings";
import { UsageError } from "../errors.js";
import { timeline } from "../evolution/timeline.js";
import { eventKind, lineageKind, TIME } from "../i18n/time-phrases.js";
import type { CliContext } from "./_context.js";
import { openLandscape } from "./_landscape.js";
import { emit, textTable } from "./_output.js";
import { parseYear } from "./_parse.js";

/** `timeline [--dimension D=4 | --level L-4] [--scenario S] [--from Y] [--to Y] [--landscape FILE]`. */
export function timelineCommand(context: () => CliContext) {
  return new Command("timeline")
    .description(
      "the seed's milestones T1–T5 and every dated event — releases, CNCF acceptance/incubation/graduation/archival,\n" +
        "supersedes, cases — with lineages as chains; --landscape adds the CNCF history of every landscape project",
    )
    .option("--dimension <level>", "only what sits on a level, KEY=value (D=4, X=2, Y=sandbox)")
    .option("--level <level>", "only what sits on a level (L-4, X2, 沙盒)")
    .option("--scenario <scenario>", "only what a scenario's stacks use (serverless, 边缘计算 …)")
    .option("--from <year>", "first year", parseYear)
    .option("--to <year>", "last year", parseYear)
    .option(
      "--landscape [file]",
      "add the CNCF landscape: this landscape.yml, or with no file $STACKATLAS_LANDSCAPE, else the shipped snapshot",
    )
    .action((opts) => {
      const ctx = context();
      const kb = ctx.kb();
      if (opts.dimension !== undefined && opts.level !== undefined)
        throw new UsageError(TIME.dimensionOrLevel(ctx.lang));
      const level = opts.dimension ?? opts.level;
      const landscape =
        opts.landscape !== undefined
          ? openLandscape(kb, opts.landscape === true ? undefined : opts.landscape, ctx.lang).merged
          : undefined;
      const t = timeline(kb, {
        lang: ctx.lang,
        ...(level !== undefined ? { level } : {}),
        ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
        ...(opts.from !== undefined ? { from: opts.from } : {}),
        ...(opts.to !== undefined ? { to: opts.to } : {}),
        ...(landscape ? { landscape } : {}),
      });
      emit(ctx.io, ctx.format, t, () => {
        const lang = ctx.lang;
        const rows = t.events.map((e) => [
          e.date ?? String(e.year),
          eventKind(e.kind, lang),
          e.text,
          e.imported ? TIME.imported(lang, { source: e.source }) : e.source,
        ]);
        const head = [...TIME.timelineHead(lang)];
        const chains = t.lineages.map((l) => `  [${lineageKind(l.kind, lang)}] ${l.label}`).join("\n");
        return [
          TIME.timelineTitle(lang, { from: t.from, to: t.to, events: t.events.length }),
          textTable(ctx.io, head, rows),
          `${TIME.lineagesHeading(lang)}\n${chains || "  —"}`,
          ...t.notes.map((n) => TIME.note(lang, { note: n })),
        ].join("\n");
      });
    });
}
