// `npm run screenshots`: every page of the web UI at 1440×900 and 390×844, in English and Chinese, as PNGs for
// review (artifacts/screenshots/pages/, git-ignored). Serves the built web/dist (`npm run build:web` first) with a
// real `stackatlas serve`, drives Debian's Chromium, and prints per shot the layout width against the viewport,
// console errors and failed requests — a page wider than the screen is listed as a problem (exit code 1).
// `npm run screenshots -- atlas recommend` takes only the pages named.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./_chromium.js";
import { ensureBuilt, ROOT, startChild } from "./_serve.js";
import { UI_LANGS, UI_PAGES, UI_SIZES, visitPage } from "./_ui-pages.js";

async function main(): Promise<void> {
  const out = join(ROOT, "artifacts", "screenshots", "pages");
  mkdirSync(out, { recursive: true });
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  ensureBuilt();
  const server = await startChild([join(ROOT, "bin", "stackatlas.mjs"), "serve", "--host", "127.0.0.1", "--port", "0"]);
  const browser = await launchChromium();
  let problems = 0;
  try {
    for (const size of UI_SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      for (const lang of UI_LANGS) {
        for (const p of UI_PAGES.filter((x) => only.length === 0 || only.includes(x.name))) {
          const v = await visitPage(context, server.url, p, lang);
          const file = `${p.name}-${lang}-${size.name}.png`;
          await v.page.screenshot({ path: join(out, file), fullPage: true });
          const bad = v.scroll > v.inner;
          if (bad) problems++;
          console.log(
            `${bad ? "✘" : "✔"} ${file.padEnd(38)} ${String(v.scroll).padStart(5)}/${v.inner} px  ${v.title}${v.problems.length ? `  problems: ${v.problems.join(" | ")}` : ""}`,
          );
          await v.page.close();
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(
    `${out}: ${problems === 0 ? "every page fits its viewport" : `${problems} shots wider than the viewport`}`,
  );
  process.exitCode = problems === 0 ? 0 : 1;
}

await main();
