/** @module cli/design-command — `stackatlas design FILE`: a system file or kubectl export in, one platform with its RuntimeClasses out. */

import { readFileSync } from "node:fs";
import { Command, Option } from "@commander-js/extra-typings";
import { designPlatform } from "../design/design-platform.js";
import { parseDesignInput } from "../design/parse-system.js";
import { InvalidArgumentError } from "../errors.js";
import { DESIGN_CLI, SYSTEM } from "../i18n/design-phrases.js";
import { joinClauses, labelled } from "../i18n/messages.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";

/** `design examples/multi-tenant-saas.yaml`, `design cluster.json --manifests`. */
export function designCommand(context: () => CliContext) {
  return new Command("design")
    .description(
      "one platform for a system: a system file (workloads with requirements, platform constraints) or a\n" +
        "`kubectl get pods,deployments,runtimeclasses -A -o json` export → the shared orchestrator, policy and\n" +
        "observability, a runtime per workload class as Kubernetes RuntimeClasses (with manifests), chosen to meet\n" +
        "every workload's must with the fewest parts and least overhead; unmet requirements named per workload",
    )
    .argument("<file>", "a system file (YAML or JSON) or a kubectl export")
    .addOption(
      new Option("--solver <solver>", "exact, heuristic, or auto (exact for small systems)")
        .choices(["auto", "exact", "heuristic"] as const)
        .default("auto" as const),
    )
    .option("--manifests", "print only the RuntimeClass manifests (YAML)")
    .action((file, opts) => {
      const ctx = context();
      const kb = ctx.kb();
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        const code = (e as NodeJS.ErrnoException | undefined)?.code;
        throw new InvalidArgumentError(
          SYSTEM.cannotRead(ctx.lang, {
            file,
            error: e instanceof Error ? e.message : String(e),
            ...(code === undefined ? {} : { code }),
          }),
        );
      }
      const lang = ctx.lang;
      const r = designPlatform(kb, parseDesignInput(kb, text, file, lang), { solver: opts.solver, lang });
      if (opts.manifests) {
        ctx.io.out(r.manifest);
        return;
      }
      emit(ctx.io, ctx.format, r, () => {
        const lines = [
          `${r.platform.label}`,
          DESIGN_CLI.summary(lang, {
            parts: r.platform.parts,
            overhead: r.platform.overheadMiB,
            addons: r.platform.components.addons.map((s) => s.name),
            supporting: r.platform.components.supporting.map((s) => s.name),
          }),
          textTable(
            ctx.io,
            DESIGN_CLI.head(lang),
            r.workloads.map((w) => [
              w.name,
              String(w.replicas),
              w.runtime?.name ?? DESIGN_CLI.unmetCell(lang),
              w.runtimeClass ?? "",
              w.met
                ? (w.coordinate?.text ?? "")
                : joinClauses(
                    w.unmet.map((u) => labelled(u.requirement, u.detail, lang)),
                    lang,
                  ),
            ]),
          ),
        ];
        const imported = r.workloads.filter((w) => w.current);
        if (imported.length > 0) {
          lines.push(DESIGN_CLI.today(lang));
          for (const w of imported) {
            const c = w.current!;
            lines.push(
              `  ${w.name}: ${c.handler} → ${c.runtime ?? "?"} ${c.coordinate?.text ?? ""}${c.keeps.length ? DESIGN_CLI.keeps(lang, { keeps: c.keeps }) : ""}`,
            );
          }
        }
        if (r.conflicts.length > 0) {
          lines.push(DESIGN_CLI.unmetHeading(lang));
          for (const c of r.conflicts) lines.push(`  ✘ ${c.text}${c.source ? ` [${c.source}]` : ""}`);
        }
        lines.push("", r.manifest);
        lines.push(
          DESIGN_CLI.solver(lang, {
            why: r.solver.why,
            explored: r.solver.sharedExplored,
            choices: r.solver.sharedChoices,
            pruned: r.solver.sharedPruned,
            nodes: r.solver.nodes,
          }),
        );
        return lines.join("\n");
      });
    });
}
