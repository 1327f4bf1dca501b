/** @module cli/locate-command — `stackatlas locate <stack>`: the seed's find_coordinate, done for real. */

import { Command } from "@commander-js/extra-typings";
import { locate } from "../coordinate/locate.js";
import { resolveScenario } from "../coordinate/resolve-scenario.js";
import { InvalidArgumentError } from "../errors.js";
import { joinCommas } from "../i18n/messages.js";
import { STACK, slotLabel } from "../i18n/stack-phrases.js";
import type { CliContext } from "./_context.js";
import { emit } from "./_output.js";
import { parseYear } from "./_parse.js";

/** `locate "K3s + WasmEdge + Gatekeeper" [--year Y] [--scenario S] [--view A1]`. */
export function locateCommand(context: () => CliContext) {
  return new Command("locate")
    .description(
      "the coordinate of a stack, whether it is complete (dependencies) and consistent (conflicts, years, one part per slot); exits 1 when two parts compete for one slot",
    )
    .argument("<stack...>", 'e.g. "K3s + WasmEdge + Gatekeeper" (names, aliases, Chinese accepted)')
    .option("--year <year>", "read the stack as of this year", parseYear)
    .option("--scenario <scenario>", "the scenario it serves: edge, 边缘计算, serverless, …")
    .option("--view <view>", "the architecture view: A1 … A7 or a name")
    .action((parts, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const scenario =
        opts.scenario === undefined ? undefined : resolveScenario(kb, opts.scenario, "locate", ctx.lang).id;
      let view: number | undefined;
      if (opts.view !== undefined) {
        const dim = [...kb.dimensions.values()].find((d) => d.stackRule.from === "view");
        const level = dim?.resolveLevel(opts.view);
        if (!dim || !level) {
          throw new InvalidArgumentError(STACK.unknownView(ctx.lang, { view: opts.view }), {
            suggestions: (dim?.levels ?? []).map((l) => `${l.code} (${l.names.en} / ${l.names.zh})`),
          });
        }
        view = level.value;
      }
      const result = locate(kb, parts.join(" "), {
        lang: ctx.lang,
        ...(opts.year !== undefined ? { year: opts.year } : {}),
        ...(scenario !== undefined ? { scenario } : {}),
        ...(view !== undefined ? { view } : {}),
      });
      emit(ctx.io, ctx.format, result, () => {
        const name = (id: string) => kb.technologies.get(id)?.names[ctx.lang] ?? id;
        const lines = [`${result.stack.label}`, STACK.coordinateLine(ctx.lang, { text: result.coordinate.text })];
        for (const i of result.inferred) {
          lines.push(
            STACK.inferredFrom(ctx.lang, {
              dimension: i.dimension,
              label: i.label,
              source: kb.sources.get(i.source)?.title ?? i.source,
            }),
          );
        }
        for (const u of result.undetermined) lines.push(`  ${u.dimension} = * (${u.why})`);
        lines.push(
          STACK.verdicts(ctx.lang, {
            complete: result.complete ? "✔" : "✘",
            consistent: result.consistent ? "✔" : "✘",
          }),
        );
        for (const a of result.added)
          lines.push(STACK.addedFor(ctx.lang, { part: name(a.id), for: name(a.for), requirement: a.requirement }));
        for (const m of result.missing) lines.push(`  ✘ ${m.why}`);
        for (const c of result.conflicts) lines.push(`  ✘ ${name(c.a)} ⟂ ${name(c.b)}: ${c.reason}`);
        for (const r of result.notYetReleased)
          lines.push(STACK.releasedIn(ctx.lang, { part: name(r.id), year: r.released }));
        for (const r of result.rivals)
          lines.push(
            `  ✘ ${STACK.rival(ctx.lang, { ...r, kept: name(r.kept), other: name(r.other), ...(r.source ? { source: kb.sources.get(r.source)?.title ?? r.source } : {}) })}`,
          );
        if (result.rivals.length > 0)
          lines.push(
            `${STACK.parts(ctx.lang)}: ${joinCommas(
              result.parts.map((p) => `${name(p.id)} (${slotLabel(p.slot, ctx.lang)})`),
              ctx.lang,
            )}`,
          );
        return lines.join("\n");
      });
      // Two parts for one slot: the stack as written is not one stack.
      if (result.rivals.length > 0) ctx.setExitCode(1);
    });
}
