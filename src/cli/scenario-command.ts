/** @module cli/scenario-command — `stackatlas scenario <name>`: the seed's analyze_scenario, done for real. */
import { Command } from "@commander-js/extra-typings";
import { analyzeScenario } from "../evolution/analyze-scenario.js";
import { localText } from "../i18n/lang.js";
import { joinList, labelled } from "../i18n/messages.js";
import { citation, yearsText } from "../i18n/recommend-phrases.js";
import { requirementKey, requirementText } from "../i18n/requirements-phrases.js";
import { stackKind, TIME } from "../i18n/time-phrases.js";
import { inYears } from "../kb/scenario-requirements-at.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { parseYear } from "./_parse.js";

/** `scenario edge` / `scenario 边缘计算`. */
export function scenarioCommand(context: () => CliContext) {
  return new Command("scenario")
    .description(
      "every known stack for a scenario, its coordinate, the scenario's requirements it meets and misses, and sources",
    )
    .argument("<scenario>", "edge, 边缘计算, ai-inference, AI推理, serverless, microservices, 微服务, …")
    .option(
      "--year <year>",
      "judge reference stacks against the requirements typical in this year (cases: their own year)",
      parseYear,
    )
    .action((name, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const a = analyzeScenario(kb, name, ctx.lang, opts.year);
      emit(ctx.io, ctx.format, a, () => {
        const lines = [`${a.scenario.names[ctx.lang]} (${a.scenario.id}) — ${localText(a.scenario.summary, ctx.lang)}`];
        lines.push(TIME.typicalHeading(ctx.lang, { year: a.year }));
        for (const r of a.scenario.requirements)
          lines.push(
            `  ${inYears(r.years, a.year) ? "▶" : "·"} ${requirementText(r.requirement, r.value, ctx.lang)} ${yearsText(r.years, ctx.lang)}${citation(r.source, kb.sources.get(r.source)?.grade)}: ${localText(r.why, ctx.lang)}`,
          );
        const head = [...TIME.scenarioHead(ctx.lang)];
        const rows = a.stacks.map((s) => [
          s.stack.label,
          stackKind(s.kind, ctx.lang),
          s.year === undefined ? "" : String(s.year),
          s.coordinate.text + (s.disagreements.length ? TIME.statedDiffers(ctx.lang, { dims: s.disagreements }) : ""),
          joinList(
            s.meets.map((c) => requirementKey(c.requirement, ctx.lang)),
            ctx.lang,
          ),
          s.misses.map((c) => labelled(requirementKey(c.requirement, ctx.lang), c.detail, ctx.lang)).join("\n"),
          joinList(
            s.unknown.map((c) => requirementKey(c.requirement, ctx.lang)),
            ctx.lang,
          ),
          `${s.source.title} [${s.grade}]`,
        ]);
        lines.push(textTable(ctx.io, head, rows));
        return lines.join("\n");
      });
    });
}
