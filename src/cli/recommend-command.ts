/** @module cli/recommend-command — `stackatlas recommend`: requirements in, ranked and explained stacks out. */
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError as CommanderInvalidArgument } from "@commander-js/extra-typings";
import { InvalidArgumentError } from "../errors.js";
import { slotName } from "../i18n/coordinate-phrases.js";
import { joinList, labelled, t } from "../i18n/messages.js";
import { citation, DEPLOYMENTS_EVAL, ORIGIN, RECOMMEND_CLI, WEIGHTS } from "../i18n/recommend-phrases.js";
import { requirementKey } from "../i18n/requirements-phrases.js";
import { readDerived, writeDerived } from "../kb/cache-file.js";
import type { Requirements } from "../model/requirements.js";
import { EVALUATION_DEPTH } from "../recommend/evaluate-deployments.js";
import {
  evaluateWeights,
  primeWeightEvaluation,
  readyWeightEvaluation,
  type WeightEvaluation,
} from "../recommend/learn-weights.js";
import { parseRequirements } from "../recommend/parse-requirements.js";
import { recommend } from "../recommend/recommend.js";
import { type RequirementFlags, requirementsFromFlags } from "../recommend/requirements-from-flags.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { collect, parsePositiveInt, parseYear } from "./_parse.js";

function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new CommanderInvalidArgument(`"${value}" is not a non-negative number`);
  return n;
}

/** The held-out deployments' part of `recommend --evaluate`: per family and slot, what is not in the knowledge base, each miss. */
function deploymentsReport(ctx: CliContext, ev: WeightEvaluation): string {
  const { lang } = ctx;
  const d = ev.deployments;
  const slots = ["runtime", "orchestrator", "policy"] as const;
  const cell = (s: { hit1: number; hit3: number; n: number; familyHit3: number }) =>
    DEPLOYMENTS_EVAL.cell(lang, { hit1: s.hit1, hit3: s.hit3, n: s.n, family3: s.familyHit3 });
  const row = (
    name: string,
    n: number,
    hand: WeightEvaluation["deployments"]["overall"]["hand"],
    learned: typeof hand,
  ) => [name, String(n), ...slots.flatMap((s) => [cell(hand[s]), cell(learned[s])])];
  const rows = d.perFamily.map((f) => row(DEPLOYMENTS_EVAL.family(f.family, lang), f.n, f.hand, f.learned));
  rows.push(row(t("all", lang), d.deployments, d.overall.hand, d.overall.learned));
  const head = [
    "",
    "n",
    ...slots.flatMap((s) => [
      `${slotName(s, lang)} ${t("handSet", lang)}`,
      `${slotName(s, lang)} ${t("learned", lang)}`,
    ]),
  ];
  const lines = [DEPLOYMENTS_EVAL.heading(lang, { n: d.deployments }), textTable(ctx.io, head, rows)];
  for (const s of ["runtime", "orchestrator"] as const)
    for (const which of ["hand", "learned"] as const) {
      const a = d.overall[which][s];
      lines.push(
        DEPLOYMENTS_EVAL.percent(lang, {
          slot: slotName(s, lang),
          which: t(which === "hand" ? "handSet" : "learned", lang),
          hit3: a.hit3,
          n: a.n,
          family3: a.familyHit3,
        }),
      );
    }
  const list = (ids: readonly string[]) => (ids.length === 0 ? DEPLOYMENTS_EVAL.none(lang) : joinList(ids, lang));
  for (const s of slots)
    if (d.notInKb[s].length > 0)
      lines.push(DEPLOYMENTS_EVAL.notInKb(lang, { slot: slotName(s, lang), list: list(d.notInKb[s]) }));
  for (const s of ["runtime", "orchestrator"] as const)
    if (d.unstated[s].length > 0)
      lines.push(DEPLOYMENTS_EVAL.unstated(lang, { slot: slotName(s, lang), list: list(d.unstated[s]) }));
  const misses: string[] = [];
  for (const r of d.results) {
    const which = d.perScenario.find((p) => p.scenario === r.scenario)?.uses ?? "hand";
    for (const s of slots) {
      const res = r.results[which][s];
      const exp = r.expected[s];
      if (res === undefined || (res.rank !== null && res.rank <= 3)) continue;
      misses.push(
        `  ✘ ${DEPLOYMENTS_EVAL.miss(lang, {
          id: r.id,
          slot: slotName(s, lang),
          want: exp.kind === "technology" ? exp.id : DEPLOYMENTS_EVAL.none(lang),
          top: joinList(
            res.top.map((v) => v ?? DEPLOYMENTS_EVAL.none(lang)),
            lang,
          ),
          blockedBy: joinList(res.blockedBy, lang),
          weights: t(which === "hand" ? "handSet" : "learned", lang),
        })}`,
      );
    }
  }
  lines.push(
    DEPLOYMENTS_EVAL.missesHeading(lang, { n: misses.length }),
    ...misses,
    DEPLOYMENTS_EVAL.method(lang, { depth: EVALUATION_DEPTH }),
  );
  return lines.join("\n");
}

/**
 * `recommend [--requirements FILE] [--scenario S] [--cold-start-ms 10] … [--top K] [--pareto] [--evaluate]`.
 * @example stackatlas recommend --scenario edge --cold-start-ms 10 --memory-mib 5 --policy Z3 --observability O1,O2
 */
export function recommendCommand(context: () => CliContext) {
  return new Command("recommend")
    .description(
      "ranked, explained stacks for requirements: a YAML/JSON file (--requirements) or flags; flags override the file key by key.\n" +
        "Steps: dimension analysis → target coordinate → stacks, each with its terms, figures, trade-offs; `rejected` says why alternatives lost",
    )
    .option("-r, --requirements <file>", "a requirements file (YAML or JSON), see docs")
    .option("--scenario <scenario>", "scenario id or alias (en/zh): edge, 边缘计算, serverless, …")
    .option("--year <year>", "as of this year: only what was released by then", parseYear)
    .option(
      "--scenario-hard",
      "make the scenario's typical requirements hard (by default they only weigh on the ranking; yours are hard)",
    )
    .option(
      "--must <key=value>",
      "a must requirement in the file's vocabulary (repeatable): coldStartMs=10, isolation=>=L-1",
      collect,
    )
    .option("--cold-start-ms <ms>", "must: cold start per instance at most this", parseNumber)
    .option("--memory-mib <mib>", "must: memory per instance at most this", parseNumber)
    .option("--isolation <level>", "must: isolation at least this level (L-1), or >=L-1, =L-4, L-1..L-4")
    .option("--orchestration <level>", "must: orchestration level (X2), or >=X1, <=X2, X1..X2")
    .option("--policy <level>", "must: policy at least this level (Z3)")
    .option("--gpu", "must: GPU access")
    .option("--untrusted-code", "must: safe for hostile tenants' code")
    .option("--multi-tenant", "must: multi-tenant")
    .option("--offline", "must: keeps running without a link to the cloud")
    .option("--kubernetes-api", "must: the Kubernetes API")
    .option("--linux-compatibility <level>", "must: full or most")
    .option("--observability <signals>", "must: signals to cover, e.g. O1,O2 or OTLP,eBPF", collect)
    .option("--coordinate <coordinate>", 'must: a target coordinate, e.g. "(4, 2, 3, *, *, edge, *)"')
    .option("--include <ids>", "must include these technologies", collect)
    .option("--exclude <ids>", "must not include these technologies", collect)
    .option(
      "--capability <ids>",
      "must: capabilities some part provides, added where no slot part has them (repeatable):\n" +
        "model-serving, gang-scheduling, job-queueing, mtls, workload-identity, …",
      collect,
    )
    .option("--prefer <weights>", "soft weights: startup=3,isolation=2,footprint=1,overhead=1,maturity=1,fit=1")
    .option("-k, --top <k>", "how many stacks", parsePositiveInt, 5)
    .option("--pareto", "also list the non-dominated stacks over start-up, footprint, isolation and maturity")
    .option(
      "--raw",
      "the k best-scoring stacks however alike (default: each of the top k a different runtime, then orchestrator, each the best of its kind)",
    )
    .option("--explain", "print every explanation line and the dimension analysis (table format)")
    .option("--weights <mode>", "hand | learned | auto (learned only where leave-one-out says it wins)", "auto")
    .option(
      "--evaluate",
      "instead of recommending: hand-set vs learned weights, by leave-one-out over the recorded stacks and by hit@1/hit@3 per slot and family on the held-out real deployments (data/deployments)",
    )
    .action((opts) => {
      const ctx = context();
      const { lang } = ctx;
      const kb = ctx.kb();
      // The learned weights' evaluation takes seconds and depends only on the knowledge base and the
      // code: reuse the one a previous run saved beside the knowledge-base snapshot, and save a new one.
      const key = ctx.cacheKey();
      const saved = key === undefined ? undefined : readDerived<WeightEvaluation>(key, "weights");
      if (saved) primeWeightEvaluation(kb, saved);
      const saveEvaluation = () => {
        const ev = readyWeightEvaluation(kb);
        if (key !== undefined && !saved && ev) writeDerived(key, "weights", ev);
      };
      if (opts.evaluate) {
        const ev = evaluateWeights(kb);
        saveEvaluation();
        emit(ctx.io, ctx.format, ev, () => {
          const pct = (a: { n: number; top1: number; top3: number }) =>
            `${a.top1}/${a.n} (${((100 * a.top1) / Math.max(1, a.n)).toFixed(0)} %) · ${a.top3}/${a.n} (${((100 * a.top3) / Math.max(1, a.n)).toFixed(0)} %)`;
          const rows = ev.perScenario.map((s) => [s.scenario, pct(s.hand), pct(s.learned), s.uses]);
          rows.push([t("all", lang), pct(ev.overall.hand), pct(ev.overall.learned), ""]);
          return [
            WEIGHTS.evaluation(lang, { records: ev.records, skipped: ev.skipped }),
            textTable(ctx.io, [t("scenario", lang), t("handSet", lang), t("learned", lang), t("uses", lang)], rows),
            WEIGHTS.learnedList(lang, {
              list: Object.entries(ev.weights)
                .map(([k, v]) => `${k} ${v}`)
                .join(", "),
            }),
            ev.method,
            deploymentsReport(ctx, ev),
          ].join("\n");
        });
        return;
      }
      if (!["hand", "learned", "auto"].includes(opts.weights)) {
        throw new InvalidArgumentError(RECOMMEND_CLI.badWeights(lang, { value: opts.weights }));
      }
      let fromFile: Requirements = {};
      if (opts.requirements !== undefined) {
        let text: string;
        try {
          text = readFileSync(opts.requirements, "utf8");
        } catch (e) {
          throw new InvalidArgumentError(
            RECOMMEND_CLI.cannotRead(lang, {
              file: opts.requirements,
              error: e instanceof Error ? e.message : String(e),
            }),
          );
        }
        fromFile = parseRequirements(kb, text, opts.requirements, lang);
      }
      const flags: RequirementFlags = {
        ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
        ...(opts.year !== undefined ? { year: opts.year } : {}),
        ...(opts.scenarioHard ? { scenarioHard: true } : {}),
        ...(opts.raw ? { raw: true } : {}),
        ...(opts.must !== undefined ? { must: opts.must } : {}),
        ...(opts.coldStartMs !== undefined ? { coldStartMs: opts.coldStartMs } : {}),
        ...(opts.memoryMib !== undefined ? { memoryMiB: opts.memoryMib } : {}),
        ...(opts.isolation !== undefined ? { isolation: opts.isolation } : {}),
        ...(opts.orchestration !== undefined ? { orchestration: opts.orchestration } : {}),
        ...(opts.policy !== undefined ? { policy: opts.policy } : {}),
        ...(opts.gpu ? { gpu: true } : {}),
        ...(opts.untrustedCode ? { untrustedCode: true } : {}),
        ...(opts.multiTenant ? { multiTenant: true } : {}),
        ...(opts.offline ? { offline: true } : {}),
        ...(opts.kubernetesApi ? { kubernetesApi: true } : {}),
        ...(opts.linuxCompatibility !== undefined ? { linuxCompatibility: opts.linuxCompatibility } : {}),
        ...(opts.observability !== undefined ? { observability: opts.observability } : {}),
        ...(opts.coordinate !== undefined ? { coordinate: opts.coordinate } : {}),
        ...(opts.include !== undefined ? { include: opts.include } : {}),
        ...(opts.exclude !== undefined ? { exclude: opts.exclude } : {}),
        ...(opts.capability !== undefined ? { capabilities: opts.capability } : {}),
        ...(opts.prefer !== undefined ? { prefer: opts.prefer } : {}),
      };
      const fromFlags = Object.keys(flags).length > 0 ? requirementsFromFlags(kb, flags, lang) : {};
      const requirements: Requirements = {
        ...fromFile,
        ...fromFlags,
        ...(fromFile.must || fromFlags.must ? { must: { ...fromFile.must, ...fromFlags.must } } : {}),
        ...(fromFile.prefer || fromFlags.prefer ? { prefer: { ...fromFile.prefer, ...fromFlags.prefer } } : {}),
      };
      const result = recommend(kb, requirements, {
        top: opts.top,
        lang,
        pareto: opts.pareto === true,
        weights: opts.weights as "hand" | "learned" | "auto",
      });
      saveEvaluation();
      emit(ctx.io, ctx.format, result, () => {
        const lines: string[] = [];
        const source = t(result.weights.source === "learned" ? "weightsLearned" : "weightsHand", lang);
        lines.push(
          `${t("targetCoordinate", lang)}: ${result.analysis.coordinate.text}   ${t("weights", lang)}: ${source}`,
        );
        if (result.requirements.inForce.length > 0) {
          lines.push(ORIGIN.heading(lang, undefined));
          for (const r of result.requirements.inForce)
            lines.push(ORIGIN.line(lang, { key: r.key, value: JSON.stringify(r.value), origin: r.text }));
        }
        if (opts.explain) {
          for (const d of result.analysis.dimensions) {
            for (const b of d.because)
              lines.push(`  ${d.dimension} ← ${labelled(requirementKey(b.requirement, lang), b.why, lang)}`);
          }
        }
        if (result.stacks.length === 0) {
          lines.push(t("noStack", lang));
        } else {
          const rows = result.stacks.map((s) => [
            String(s.rank),
            s.label,
            s.score.toFixed(3),
            s.coordinate.text,
            (opts.explain ? s.explanation : s.explanation.slice(1, 4)).join("\n"),
          ]);
          lines.push(
            RECOMMEND_CLI.ranking(lang, { raw: result.ranking === "raw" }),
            textTable(ctx.io, ["#", t("stack", lang), t("score", lang), t("coordinate", lang), t("why", lang)], rows),
          );
          const first = result.stacks[0]!;
          for (const t of first.tradeoffs) lines.push(`  #1 ${t}`);
        }
        if (result.rejected.length > 0) {
          lines.push(t("rejectedHeading", lang));
          for (const r of result.rejected) lines.push(`  ✘ ${r.reason}${citation(r.source, r.grade)}`);
        }
        for (const r of result.relaxations ?? []) lines.push(`  ↻ ${t("relax", lang)} ${r.relax} → ${r.admits}`);
        if (result.pareto) {
          lines.push(t("paretoHeading", lang));
          for (const p of result.pareto) {
            lines.push(
              `  ${p.label}  ${Object.entries(p.values)
                .map(([k, v]) => `${k} ${v.toFixed(2)}`)
                .join(", ")}`,
            );
          }
        }
        return lines.join("\n");
      });
    });
}
