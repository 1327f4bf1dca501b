// `npm run screenshots`: every page of the web UI at 1440×900 and 390×844, in English and Chinese, as PNGs for
// review (artifacts/screenshots/pages/, git-ignored). Serves the built web/dist (`npm run build:web` first) with a
// real `stackatlas serve`, drives Debian's Chromium, and prints per shot the layout width against the viewport,
// console errors and failed requests — a page wider than the screen is listed as a problem (exit code 1).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./_chromium.js";
import { ensureBuilt, ROOT, startChild } from "./_serve.js";

/** Each page of the UI, by a name for its file and the path (with a query where a page shows an answer). */
const PAGES: readonly { name: string; path: string }[] = [
  { name: "atlas", path: "/atlas" },
  { name: "technology-wasmedge", path: "/technology/wasmedge" },
  { name: "technology-bad", path: "/technology/wasmedg" },
  { name: "recommend", path: "/recommend" },
  {
    name: "recommend-edge",
    path: "/recommend?scenario=edge&isolation.atLeast=L-4&policy.atLeast=Z3&memoryMiB.max=64&go=1",
  },
  { name: "design", path: "/design" },
  { name: "evolution", path: "/evolution" },
  { name: "matrices", path: "/matrices" },
  { name: "lookup", path: "/lookup?coordinate=(4,2,3,2025,1,边缘计算,OTLP%2BeBPF)" },
  { name: "locate", path: "/locate?stack=K3s%20%2B%20WasmEdge%20%2B%20Gatekeeper" },
  { name: "compare", path: "/compare?a=gvisor&b=runc" },
  { name: "scenario", path: "/scenario?s=edge" },
  {
    name: "migrate",
    path: "/migrate?from=case:serverless-2020-seed-case-2&via=case:serverless-2023-seed-case-2&to=case:serverless-2025-seed-case-2",
  },
  { name: "observe", path: "/observe?stack=K3s%20%2B%20WasmEdge%20%2B%20OpenTelemetry" },
  { name: "export", path: "/export?scope=stack&as=mermaid&stack=K3s%20%2B%20WasmEdge%20%2B%20Gatekeeper" },
  { name: "notfound", path: "/no-such-page" },
];

/** What the checks read of a page (its globals; no DOM types here). */
interface PageMeasures {
  innerWidth: number;
  innerHeight: number;
  document: { title: string; documentElement: { scrollWidth: number } };
}

const SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function main(): Promise<void> {
  const out = join(ROOT, "artifacts", "screenshots", "pages");
  mkdirSync(out, { recursive: true });
  const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  ensureBuilt();
  const server = await startChild([join(ROOT, "bin", "stackatlas.mjs"), "serve", "--host", "127.0.0.1", "--port", "0"]);
  const browser = await launchChromium();
  let problems = 0;
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      for (const lang of ["en", "zh"] as const) {
        for (const p of PAGES) {
          if (only.length > 0 && !only.includes(p.name)) continue;
          const page = await context.newPage();
          const errors: string[] = [];
          page.on("console", (m) => {
            if (m.type() === "error") errors.push(m.text());
          });
          page.on("pageerror", (e) => errors.push(e.message));
          let inFlight = 0;
          page.on("request", () => inFlight++);
          page.on("requestfinished", () => inFlight--);
          page.on("requestfailed", (r) => {
            inFlight--;
            // A request the page itself cancelled (a development build's double effect) did not fail.
            if (r.failure()?.errorText !== "net::ERR_ABORTED") errors.push(`failed ${r.url()}`);
          });
          const url = `${server.url}${p.path}${lang === "zh" ? `${p.path.includes("?") ? "&" : "?"}lang=zh` : ""}`;
          await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
          // The page has its answers: no request in flight, nothing loading (a slow answer is waited for).
          for (let i = 0; i < 600; i++) {
            if (inFlight === 0 && (await page.locator("main .loading").count()) === 0) break;
            await page.waitForTimeout(200);
          }
          const { width, inner, title } = await page.evaluate(() => {
            // This script's tsconfig has no DOM types: the page's globals, as far as they are read.
            const g = globalThis as unknown as PageMeasures;
            return { width: g.document.documentElement.scrollWidth, inner: g.innerWidth, title: g.document.title };
          });
          const file = `${p.name}-${lang}-${size.name}.png`;
          await page.screenshot({ path: join(out, file), fullPage: true });
          const bad = width > inner;
          if (bad) problems++;
          console.log(
            `${bad ? "✘" : "✔"} ${file.padEnd(38)} ${String(width).padStart(5)}/${inner} px  ${title}${errors.length ? `  errors: ${errors.join(" | ")}` : ""}`,
          );
          await page.close();
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
