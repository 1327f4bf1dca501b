/** @module cli/compare-command — `stackatlas compare A B`: stacks or coordinates side by side, deltas in words. */
import { Command } from "@commander-js/extra-typings";
import { compareStacks } from "../coordinate/compare-stacks.js";
import { STACK, slotLabel } from "../i18n/stack-phrases.js";
import { figureUnits, scopeName } from "../i18n/vocabulary-phrases.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";

/** `compare "K8s + containerd + OPA" "K3s + WasmEdge + OPA + business rules"`, `compare gvisor runc`. */
export function compareCommand(context: () => CliContext) {
  return new Command("compare")
    .description(
      "two stacks, technologies, recorded stacks (case:ID) or coordinates side by side: what moves on each dimension,\n" +
        "the ordering answers (is gVisor more strongly isolated than runc?) and the figures of both with sources",
    )
    .argument("<a>", 'a stack ("K8s + containerd + OPA"), a technology (gvisor), case:ID or a coordinate')
    .argument("<b>", "the other side")
    .action((a, b) => {
      const ctx = context();
      const kb = ctx.kb();
      const c = compareStacks(kb, a, b, ctx.lang);
      emit(ctx.io, ctx.format, c, () => {
        const lines = [`A: ${c.a.label}  ${c.a.coordinate.text}`, `B: ${c.b.label}  ${c.b.coordinate.text}`, ""];
        lines.push(STACK.changesHeading(ctx.lang));
        if (c.deltas.length === 0) lines.push(STACK.sameCoordinate(ctx.lang));
        for (const d of c.deltas) lines.push(`  • ${d.text}`);
        if (c.orderings.length) {
          lines.push("", STACK.orderingsHeading(ctx.lang));
          for (const o of c.orderings) lines.push(`  • ${o.sentence}`);
        }
        if (c.figures.length) {
          const head = [...STACK.figureHead(ctx.lang)];
          const cell = (f: (typeof c.figures)[number]["a"]) =>
            f
              ? `${f.technology}: ${figureUnits(f.value, ctx.lang)}\n${kb.sources.get(f.source)?.title ?? f.source} [${f.grade}]`
              : "";
          lines.push(
            "",
            textTable(
              ctx.io,
              head,
              c.figures.map((f) => [
                slotLabel(f.slot, ctx.lang),
                kb.metrics.get(f.metric)?.names[ctx.lang] ?? f.metric,
                scopeName(f.scope, ctx.lang),
                cell(f.a),
                cell(f.b),
                f.measuredTogether ? "✔" : STACK.notMeasuredTogether(ctx.lang),
              ]),
            ),
          );
        }
        return lines.join("\n");
      });
    });
}
