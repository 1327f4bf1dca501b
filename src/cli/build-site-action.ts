/** @module cli/build-site-action — what `stackatlas build-site` does; loaded only when it runs. */
import { dirname, join } from "node:path";
import { SITE } from "../i18n/site-phrases.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import { createKbSource } from "../server/kb-source.js";
import { packageVersion } from "../server/package-version.js";
import { buildSite } from "../site/build-site.js";
import type { CliContext } from "./_context.js";

/** Builds the static site from the knowledge base the command line names, and says where it is. */
export async function buildSiteAction(ctx: CliContext, opts: { out: string; base: string }): Promise<void> {
  const loaded = ctx.loadResult();
  if (!loaded.ok) throw new InvalidKbError(ctx.dataDir, loaded.errors, loaded.warnings);
  const r = await buildSite({
    kbSource: createKbSource({ dir: ctx.dataDir, initial: loaded }),
    webRoot: join(dirname(defaultDataDir()), "web", "dist"),
    out: opts.out,
    base: opts.base,
    version: packageVersion(),
    lang: ctx.lang,
  });
  ctx.io.out(
    SITE.built(ctx.lang, { dir: r.out, pages: r.pages, answers: r.answers, skipped: r.skipped.length, base: r.base }),
  );
}
