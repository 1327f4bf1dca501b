/** @module cli/import-command — `stackatlas import cncf-landscape [FILE]`: merge the CNCF landscape with the curated knowledge base. */
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { Command } from "@commander-js/extra-typings";
import cliProgress from "cli-progress";
import { InvalidArgumentError } from "../errors.js";
import { LANDSCAPE } from "../i18n/time-phrases.js";
import { landscapePath } from "../kb/import/default-landscape-path.js";
import { importLandscape, type LandscapeImport } from "../kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../kb/import/load-landscape-mapping.js";
import { readLandscape } from "../kb/import/read-landscape.js";
import type { CliContext } from "./_context.js";
import { emit, textTable } from "./_output.js";
import { writeFileAtomic } from "./_write-file-atomic.js";

/** The summary printed (and given as JSON): counts and reasons, not the 1,000+ added items, which `--out` holds. */
export function importSummary(r: LandscapeImport) {
  const addedByRole: Record<string, number> = {};
  for (const a of r.added) addedByRole[a.role] = (addedByRole[a.role] ?? 0) + 1;
  return {
    file: r.file,
    mapping: r.mapping,
    valid: r.valid,
    counts: r.counts,
    addedByRole,
    addedCncf: r.added.filter((a) => a.cncf !== undefined).length,
    skippedBy: r.skippedBy,
    merged: r.merged.map((m) => ({
      name: m.name,
      technology: m.technology,
      by: m.by,
      maturity: m.cncf?.maturity ?? null,
    })),
    disagreements: r.disagreements,
    errors: r.errors,
    warnings: r.warnings,
  };
}

/** `import cncf-landscape [file] [--mapping FILE] [--out FILE] [--dry-run]`. */
export function importCommand(context: () => CliContext) {
  const cmd = new Command("import").description(
    "import outside data into a view of the knowledge base (data/ stays curated: nothing is written there)",
  );
  // A subcommand added with addCommand inherits nothing: give it the exit and output behaviour main set on `import`.
  cmd.hook("preSubcommand", (self, sub) => {
    sub.copyInheritedSettings(self);
  });
  cmd.addCommand(
    new Command("cncf-landscape")
      .description(
        "read a CNCF landscape.yml (default: the snapshot that ships in data/landscape/), place its items with the mapping table (data/import/cncf-landscape-mapping.yaml)\n" +
          "and merge them with the curated knowledge base: curated wins, every disagreement is reported.\n" +
          "The result lives in memory (timeline/predict take --landscape FILE) or in the file --out names.",
      )
      .argument(
        "[file]",
        "path to a landscape.yml (default: $STACKATLAS_LANDSCAPE, else the snapshot in data/landscape/)",
      )
      .option("--mapping <file>", "another mapping table")
      .option("--out <file>", "write the full import (added, merged, skipped, disagreements) as JSON to this file")
      .option("--dry-run", "read, map and merge, but write nothing (not even --out)")
      .action((given, opts) => {
        const ctx = context();
        const kb = ctx.kb();
        const lang = ctx.lang;
        const file = given ?? landscapePath(undefined, lang);
        const mapping = loadLandscapeMapping(opts.mapping, lang);
        const bar = ctx.io.isTty
          ? new cliProgress.SingleBar(
              { format: LANDSCAPE.progress(lang), stream: process.stderr, clearOnComplete: true },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
        const items = readLandscape(file, lang);
        bar?.start(items.length, 0);
        const result = importLandscape(kb, items, mapping, {
          file,
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        let wrote: string | null = null;
        if (opts.out !== undefined && !opts.dryRun) {
          const out = resolve(opts.out);
          const data = realpathSync(ctx.dataDir);
          const parent = existsSync(dirname(out)) ? realpathSync(dirname(out)) : dirname(out);
          const rel = relative(data, parent);
          if (rel === "" || (!rel.startsWith("..") && !rel.startsWith("/")))
            throw new InvalidArgumentError(LANDSCAPE.outInsideKb(lang, { out: opts.out, dir: ctx.dataDir }));
          mkdirSync(dirname(out), { recursive: true });
          writeFileAtomic(out, `${JSON.stringify(result, null, 2)}\n`, lang);
          wrote = out;
        }
        const summary = { ...importSummary(result), dryRun: Boolean(opts.dryRun), wrote };
        if (!result.valid) ctx.setExitCode(1);
        emit(ctx.io, ctx.format, summary, () => {
          const c = result.counts;
          const head = LANDSCAPE.summary(lang, {
            file,
            items: c.items,
            withMaturity: c.withMaturity,
            added: c.added,
            addedCncf: summary.addedCncf,
            merged: c.merged,
            mergedCncf: c.mergedCncf,
            skipped: c.skipped,
          });
          // The reasons counted in the language asked for (a listing kept elsewhere is worded by the catalogue).
          const byReason = new Map<string, number>();
          for (const s of result.skipped) {
            const reason =
              s.takenFrom === undefined ? s.reason : LANDSCAPE.listedAgain(lang, { takenFrom: s.takenFrom });
            byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
          }
          const skipRows = [...byReason].sort((a, b) => b[1] - a[1]).map(([reason, n]) => [String(n), reason]);
          const dis = result.disagreements.map((d) => [d.code, d.message]);
          return [
            head,
            textTable(ctx.io, LANDSCAPE.skippedHead(lang), skipRows),
            dis.length > 0
              ? `${LANDSCAPE.disagreements(lang, { count: dis.length })}\n${textTable(ctx.io, LANDSCAPE.disagreementHead(lang), dis)}`
              : LANDSCAPE.noDisagreements(lang),
            result.errors.length > 0
              ? `${LANDSCAPE.errors(lang, { count: result.errors.length })}\n${result.errors.map((e) => LANDSCAPE.errorLine(lang, e)).join("\n")}`
              : LANDSCAPE.valid(lang),
            wrote
              ? LANDSCAPE.wrote(lang, { file: wrote })
              : opts.dryRun
                ? LANDSCAPE.dryRun(lang)
                : LANDSCAPE.nothingWritten(lang),
          ].join("\n");
        });
      }),
  );
  return cmd;
}
