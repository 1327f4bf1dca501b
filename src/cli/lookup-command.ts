/** @module cli/lookup-command — `stackatlas lookup <coordinate>`: the seed's get_technology, done for real. */

import { Command } from "@commander-js/extra-typings";
import { lookup } from "../coordinate/lookup.js";
import { COORD } from "../i18n/coordinate-phrases.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { parsePositiveInt } from "./_parse.js";

/** `lookup "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)" [--top K]`. */
export function lookupCommand(context: () => CliContext) {
  return new Command("lookup")
    .description(
      "stacks at a coordinate: exact, partial (* = any) or nearest, with the distance per dimension.\n" +
        'Coordinate: "(D, X, Z, T, A, S, O)" as the seed writes it, or "D=4 X=2 S=edge O=OTLP+eBPF"',
    )
    .argument("<coordinate...>", 'e.g. "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)" or D=4 X=2 S=edge')
    .option("-k, --top <k>", "how many nearest stacks when nothing matches exactly", parsePositiveInt, 5)
    .action((parts, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      const result = lookup(kb, parts.join(" "), { k: opts.top, lang: ctx.lang });
      emit(ctx.io, ctx.format, result, () => {
        const dims = Object.keys(result.matches[0]?.distance.perDimension ?? {});
        const head = COORD.lookupHead(ctx.lang, { dims });
        const rows = result.matches.map((m, i) => [
          String(i + 1),
          m.stack.label,
          m.coordinate.text,
          m.distance.total.toFixed(2),
          ...dims.map((d) => (m.distance.perDimension[d] ?? 0).toFixed(2)),
          m.why,
        ]);
        const title = COORD.lookupTitle(ctx.lang, {
          query: result.query.text,
          exact: result.exact,
          count: result.matches.length,
        });
        return `${title}\n${textTable(ctx.io, head, rows)}`;
      });
    });
}
