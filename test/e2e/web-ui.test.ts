// The web UI end to end: a real `stackatlas serve` on a free port serving the built web/dist, driven in
// Debian's Chromium by playwright-core — one browser and one server for the whole file. Each page gets a
// user's path through it and a screenshot under artifacts/screenshots/ (git-ignored).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/_chromium.js";
import { type Child, ROOT, startChild } from "../../scripts/_serve.js";
import { UI_LANGS, UI_PAGES, UI_SIZES, visitPage } from "../../scripts/_ui-pages.js";

const SHOTS = join(ROOT, "artifacts", "screenshots");
const DIST = join(ROOT, "web", "dist");

/** What the checks read of a page (its globals; no DOM types here). */
interface PageMeasures {
  innerWidth: number;
  innerHeight: number;
  document: { title: string; documentElement: { scrollWidth: number } };
}

let server: Child;
let browser: Browser;
let context: BrowserContext;
/** Console errors of every page (CSP violations among them): none is expected. */
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(server.url + path);
  return page;
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Where the URL's query says the view is. */
function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Build the UI once, as `npm run build` does, then serve it as `npm start` does.
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "web", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  server = await startChild([join(ROOT, "bin", "stackatlas.mjs"), "serve", "--host", "127.0.0.1", "--port", "0"]);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("web UI", () => {
  it("serves the app shell with its CSP, and loads at most 300 kB of gzipped JavaScript before first paint", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    const eager = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(eager.length).toBeGreaterThan(0);
    const gz = eager.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f))).length, 0);
    expect(gz).toBeLessThanOrEqual(300 * 1024);
    // The graph and the charts are their own chunks, never in the entry.
    expect(eager.some((f) => /sigma|echarts/.test(f))).toBe(false);
    // A deep link is the app too (the UI routes in the browser).
    const deep = await fetch(`${server.url}/technology/wasmedge?lang=zh`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
  });

  it("atlas: colour and group by a dimension, filter a level, slide the year, search in Chinese, open a technology from the graph", async () => {
    const page = await open("/atlas");
    await page.locator('[data-testid="atlas-graph"][data-ready="true"]').waitFor();
    const stats = page.getByTestId("atlas-stats");
    const all = Number(/(\d+) of (\d+)/.exec((await stats.textContent()) ?? "")?.[1]);
    expect(all).toBeGreaterThan(50);

    await page.getByLabel("Colour by").selectOption("X");
    await page.getByLabel("Group by").selectOption("S");
    expect(query(page).get("color")).toBe("X");
    expect(query(page).get("group")).toBe("S");

    await page.getByLabel(/^L-4 /).check();
    expect(query(page).getAll("f")).toEqual(["D:L-4"]);
    const sandboxes = Number(/(\d+) of/.exec((await stats.textContent()) ?? "")?.[1]);
    expect(sandboxes).toBeGreaterThan(0);
    expect(sandboxes).toBeLessThan(all);

    // The slider reaches this year (the network as of now), not only the latest release.
    expect(await page.getByLabel(/^Year/).getAttribute("max")).toBe(String(new Date().getFullYear()));
    // The network as of 2015: fewer sandboxes existed.
    await page.getByLabel(/^Year/).fill("2015");
    expect(query(page).get("year")).toBe("2015");
    const in2015 = Number(/(\d+) of/.exec((await stats.textContent()) ?? "")?.[1]);
    expect(in2015).toBeLessThan(sandboxes);
    await shot(page, "atlas-filtered", false);

    // Back to the whole network (the URL carries the state: going to it restores it).
    await page.goto(`${server.url}/atlas`);
    await page.locator('[data-testid="atlas-graph"][data-ready="true"]').waitFor();
    await page.getByLabel(/Search/).fill("沙盒");
    await expect.poll(() => page.getByTestId("search-matches").locator("li").count()).toBeGreaterThan(3);
    await page.getByLabel(/Search/).fill("");

    // Click the WasmEdge node where sigma drew it.
    const box = (await page.getByTestId("atlas-graph").boundingBox())!;
    const pos = await page.evaluate(() =>
      (
        globalThis as unknown as {
          stackatlasAtlas?: { nodePosition(id: string): { x: number; y: number } | undefined };
        }
      ).stackatlasAtlas?.nodePosition("wasmedge"),
    );
    expect(pos).toBeDefined();
    await page.mouse.click(box.x + pos!.x, box.y + pos!.y);
    const detail = page.getByTestId("node-detail");
    await expect.poll(() => detail.locator("h2").textContent()).toBe("WasmEdge");
    expect(query(page).get("node")).toBe("wasmedge");
    await detail
      .getByText(/sandbox|runtime/)
      .first()
      .waitFor();
    await shot(page, "atlas", false);
    await detail.getByTestId("open-technology").click();
    await page.getByTestId("technology-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/technology/wasmedge");
    await page.close();
  });

  it("technology page: coordinate, facts with sources and grades, relations, timeline; switches to Chinese", async () => {
    const page = await open("/technology/wasmedge");
    await page.getByRole("heading", { level: 1, name: "WasmEdge" }).waitFor();
    await expect.poll(() => page.locator("#tech-coord + dl").textContent()).toContain("L-4 sandbox");
    const facts = page.locator('section[aria-labelledby="tech-facts"] tbody tr');
    expect(await facts.count()).toBeGreaterThan(2);
    expect(await facts.first().locator(".grade").count()).toBe(1);
    await page.locator('section[aria-labelledby="tech-timeline"] .timeline-list li').first().waitFor();
    // A relation leads to the other technology.
    await page
      .locator('section[aria-labelledby="tech-relations"]')
      .getByRole("link", { name: "crun", exact: true })
      .first()
      .waitFor();

    await page.getByTestId("lang-toggle").click();
    await page.getByRole("heading", { level: 1, name: "WasmEdge 运行时" }).waitFor();
    expect(query(page).get("lang")).toBe("zh");
    await expect.poll(() => page.locator("#tech-coord + dl").textContent()).toContain("沙盒");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await shot(page, "technology-zh");
    await page.getByTestId("lang-toggle").click();
    await page.getByRole("heading", { level: 1, name: "WasmEdge" }).waitFor();
    await shot(page, "technology");

    // An unknown technology: the API's 404 in words, with its suggestions.
    await page.goto(`${server.url}/technology/wasmedg`);
    const err = page.getByRole("alert");
    await err.waitFor();
    expect(await err.getAttribute("data-error-code")).toBe("NOT_FOUND");
    expect(await err.textContent()).toContain("wasmedge");
    await page.close();
  });

  it("evolution: timeline, a scenario's path as a chart, forecasts with intervals, backtest figures", async () => {
    const page = await open("/evolution?scenario=edge");
    await page.locator('[data-testid="timeline-chart"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="path-chart"][data-ready="true"]').waitFor();
    const rows = page.getByTestId("path-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await rows.first().textContent()).toContain("K3s");
    await page.getByTestId("forecast-charts").locator('[data-ready="true"]').first().waitFor();
    expect(await page.getByTestId("forecast-charts").locator(".chart").count()).toBe(3);
    // Anchored: the first forecast row is the latest record; drivers and leading indicators are named.
    expect(await page.getByTestId("forecast-anchor").textContent()).toMatch(/Starts from the \d{4} record/);
    expect(await page.getByTestId("forecast-table").locator("tbody tr").first().textContent()).toContain("(recorded)");
    expect(await page.getByTestId("forecast-table").textContent()).toMatch(/O\d \d+ %/);
    await expect.poll(() => page.getByTestId("drivers-table").locator("tbody tr").count()).toBeGreaterThan(0);
    // The backtest needs the server's CNCF landscape file: its figures, or the API's reason in words.
    await page
      .locator('[data-testid="backtest-figures"], section[aria-labelledby="evo-backtest"] [role="alert"]')
      .first()
      .waitFor();
    if ((await page.getByTestId("backtest-figures").count()) > 0) {
      expect(await page.getByTestId("backtest-figures").textContent()).toMatch(/AUC 0\.\d+/);
      expect(await page.getByTestId("backtest-learnable").textContent()).toMatch(
        /incubation \+ graduation .*AUC 0\.\d+/,
      );
      await page.locator('[data-testid="backtest-chart"][data-ready="true"]').waitFor();
      // The scenario forecasts' coverage per dimension and horizon, beside the nominal level.
      const coverage = page.getByTestId("coverage-table");
      expect(await coverage.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
      expect(await coverage.textContent()).toMatch(/\d+ % \(\d+\/\d+\)/);
      await page.locator('[data-testid="coverage-chart"][data-ready="true"]').waitFor();
    }
    await page.getByLabel("Events in").selectOption("2019");
    expect(query(page).get("year")).toBe("2019");
    await page.getByRole("list", { name: /2019/ }).locator("li").first().waitFor();
    await shot(page, "evolution");

    await page.getByLabel("Scenario", { exact: true }).selectOption("serverless");
    expect(query(page).get("scenario")).toBe("serverless");
    await expect.poll(() => rows.first().textContent()).not.toContain("K3s + containerd");
    await page.close();

    // In Chinese: the anchor, the recorded row and the drivers' roles.
    const zh = await open("/evolution?scenario=edge&lang=zh");
    await zh.getByTestId("forecast-anchor").waitFor();
    expect(await zh.getByTestId("forecast-anchor").textContent()).toMatch(/以 \d{4} 年的记录为起点/);
    expect(await zh.getByTestId("forecast-table").textContent()).toContain("记录值");
    expect(await zh.getByTestId("drivers-table").textContent()).toMatch(/驱动/);
    expect(await zh.getByTestId("forecast-table").textContent()).not.toMatch(/recorded|no signal/);
    await zh.close();
  });

  it("matrices: technology × isolation level, compatibility, and O1 × O2 with diagnose behind a cell", async () => {
    const page = await open("/matrices");
    const levels = page.getByTestId("level-matrix");
    await levels.locator("tbody tr").first().waitFor();
    expect(await levels.locator("thead th").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^L-4/), expect.stringMatching(/^L-0/)]),
    );
    await page.getByLabel("Filter technologies").fill("wasm");
    await expect.poll(() => levels.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await levels.locator("tbody tr").first().textContent()).toMatch(/wasm/i);
    await page.getByLabel("Filter technologies").fill("");
    expect(await page.getByTestId("compat-matrix").locator("td.cell-ok").count()).toBeGreaterThan(10);

    // Diagnose from the form…
    await page.getByLabel(/Vertical signal/).fill("OOMKilled");
    await page.getByLabel(/Horizontal signal/).fill("span duration 2s");
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    const diagnosis = page.getByTestId("diagnosis");
    await expect.poll(() => diagnosis.textContent()).toContain("L-3");
    expect(query(page).get("v")).toBe("OOMKilled");
    // …and from a cell of the matrix.
    await page.getByRole("button", { name: /trace normal, memory growing × L-3/ }).click();
    await expect.poll(() => page.locator("table.loc td.active").count()).toBe(1);
    await shot(page, "matrices");
    await page.close();
  });

  it("recommend: 边缘计算, start-up < 10 ms, memory < 5 MB → K3s + WasmEdge first, explained; scores by term, Pareto, why-not; in Chinese", async () => {
    const page = await open("/recommend");
    await page
      .getByLabel("Scenario", { exact: true })
      .locator("option", { hasText: "边缘计算" })
      .waitFor({ state: "attached" });
    const option = await page
      .getByLabel("Scenario", { exact: true })
      .locator("option", { hasText: "边缘计算" })
      .getAttribute("value");
    await page.getByLabel("Scenario", { exact: true }).selectOption(option!);
    await page.getByTestId("coldStartMs-max").fill("10");
    await page.getByTestId("memoryMiB-max").fill("5");
    await page.getByTestId("recommend-submit").click();
    expect(query(page).get("coldStartMs.max")).toBe("10");
    expect(query(page).get("go")).toBe("1");
    const first = page.getByTestId("stack-1");
    await first.waitFor();
    const label = (await first.locator("h3").textContent()) ?? "";
    expect(label).toContain("K3s");
    expect(label).toContain("WasmEdge");
    expect(await first.locator(".explanation li").count()).toBeGreaterThan(1);
    expect(await first.locator(".explanation").textContent()).toMatch(/coldStartMs/);
    // Start-up < 10 ms implies the sandbox level (4); the scenario bounds orchestration (X ≥ 2), which the
    // target leaves open; the first stack is a sandbox on lightweight orchestration, as in the seed's case 1.
    expect(await page.getByTestId("target-coordinate").textContent()).toMatch(/^\(4, /);
    expect(await first.textContent()).toContain("(4, 2, ");
    await page.locator('[data-testid="terms-chart"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="pareto-chart"][data-ready="true"]').waitFor();
    expect(await page.getByTestId("why-not").locator("li").count()).toBeGreaterThan(0);
    await shot(page, "recommend");

    await page.getByTestId("lang-toggle").click();
    await page.getByRole("heading", { level: 1, name: "推荐技术栈" }).waitFor();
    await expect.poll(() => page.getByTestId("stack-1").locator("h3").textContent()).toContain("WasmEdge");
    await shot(page, "recommend-zh");
    await page.close();
  });

  it("design: paste a system file and submit; the platform, its RuntimeClass manifests", async () => {
    const page = await open("/design");
    await page
      .getByLabel("System file")
      .fill(
        [
          "workloads:",
          "  - name: inference",
          "    scenario: ai-inference",
          "    must: { gpu: true }",
          "  - name: plugins",
          "    must: { untrustedCode: true, coldStartMs: { max: 10 } }",
        ].join("\n"),
      );
    await page.getByTestId("design-submit").click();
    const result = page.getByTestId("design-result");
    await result.waitFor();
    const text = (await result.textContent()) ?? "";
    // Both workloads are placed, and the runtimes come with RuntimeClass manifests to copy.
    expect(text).toContain("inference");
    expect(text).toContain("plugins");
    expect(text).toMatch(/kind: RuntimeClass/);
    // The platform's diagram is drawn: an SVG with a node for each placed runtime.
    const svg = result.locator('[data-testid="mermaid-diagram"][data-ready="true"] svg');
    await svg.waitFor();
    expect(await svg.locator("g.node").count()).toBeGreaterThan(1);
    await shot(page, "design");
    await page.close();
  });

  it("keeps every view in the URL: a shared link opens the same view, in the same language", async () => {
    const page = await open("/atlas?lang=zh&color=role&group=none&f=D%3AL-3&node=containerd");
    await page.locator('[data-testid="atlas-graph"][data-ready="true"]').waitFor();
    expect(await page.getByLabel("着色维度").inputValue()).toBe("role");
    expect(await page.getByLabel(/^L-3 /).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId("node-detail").locator("h2").textContent()).toBe("containerd 容器运行时");
    await shot(page, "atlas-zh", false);
    // Navigation keeps the language.
    await page.getByRole("link", { name: "矩阵" }).click();
    await page.getByTestId("matrices-page").waitFor();
    expect(query(page).get("lang")).toBe("zh");
    await page.goBack();
    await page.getByTestId("atlas-graph").waitFor();
    expect(query(page).get("node")).toBe("containerd");
    await page.close();
  });

  // Every page at a desktop's and a phone's size, in both languages: nothing wider than the screen, a title of
  // its own, no console error, no failed request (an unknown technology's 404 is expected, nothing else). The
  // pages and the visit are the screenshots' (scripts/_ui-pages.ts).
  const PAGES = UI_PAGES.filter((p) => !p.extra);
  for (const size of UI_SIZES) {
    for (const lang of UI_LANGS) {
      it(`every page fits ${size.width}×${size.height} in ${lang}, with its own title, no console error and no failed request`, async () => {
        const ctx = await browser.newContext({ viewport: { width: size.width, height: size.height } });
        const problems: string[] = [];
        const titles = new Set<string>();
        try {
          for (const p of PAGES) {
            const v = await visitPage(ctx, server.url, p, lang);
            problems.push(...v.problems.map((x) => `${p.path}: ${x}`));
            expect(v.scroll, `${p.path} at ${size.width} px in ${lang}`).toBeLessThanOrEqual(v.inner);
            titles.add(v.title);
            await v.page.close();
          }
        } finally {
          await ctx.close();
        }
        expect(problems).toEqual([]);
        expect(titles.size).toBe(PAGES.length);
      }, 300_000);
    }
  }

  it("phone: the header folds into a menu that opens and leads to a page", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/no-such-page?lang=zh`);
    await page.getByTestId("not-found").waitFor();
    const header = (await page.locator("header.top").boundingBox())!;
    expect(header.height).toBeLessThan(80);
    const nav = page.getByRole("navigation", { name: "main" });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole("button", { name: /菜单/ }).click();
    await nav.getByRole("link", { name: "对比", exact: true }).click();
    await page.getByTestId("compare-page").waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await page.title()).toContain("对比两项技术或技术栈");
    await ctx.close();
  });

  it("404: a page of its own with every page and a way home; an unknown technology's suggestions are links", async () => {
    const page = await open("/no-such-page");
    await page.getByTestId("not-found").waitFor();
    await page.getByRole("link", { name: "Go to the atlas" }).click();
    await page.getByTestId("atlas-graph").waitFor();
    await page.goto(`${server.url}/technology/wasmedg`);
    const err = page.getByRole("alert");
    await err.waitFor();
    expect(await err.getByRole("button", { name: "Try again" }).count()).toBe(0);
    await err.getByRole("link", { name: "wasmedge", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "WasmEdge" }).waitFor();
    await page.close();
  });

  it("lookup: the seed's case 1 coordinate gives K3s + WasmEdge + Gatekeeper, exactly; a partial one the nearest", async () => {
    const page = await open("/lookup");
    await page.getByLabel("Coordinate").fill("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    await page.getByRole("button", { name: "Look up" }).click();
    const result = page.getByTestId("lookup-result");
    await result.waitFor();
    expect(query(page).get("coordinate")).toBe("(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)");
    await expect.poll(() => result.locator("tbody tr").first().textContent()).toContain("K3s + WasmEdge + Gatekeeper");
    expect(await result.locator("h2").textContent()).toContain("exact match");
    // 2021 was recorded for no edge stack: the nearest ones.
    await page.getByLabel("Coordinate").fill("(4, 2, 3, 2021, 1, edge, *)");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect.poll(() => result.locator("h2").textContent()).toContain("nearest");
    await page.close();
  });

  it("locate, compare, scenario: a stack's coordinate and conflicts, two sides' figures, a scenario's stacks", async () => {
    const page = await open("/locate?stack=K3s%20%2B%20WasmEdge%20%2B%20Gatekeeper");
    expect(await page.getByTestId("locate-coordinate").textContent()).toBe("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    expect(await page.getByTestId("locate-consistent").textContent()).toContain("✔");
    // Three runtimes: two are set aside, and the stack is not consistent.
    await page.getByLabel("Stack").fill("gVisor + WasmEdge + Kata");
    await page.getByTestId("locate-submit").click();
    await expect.poll(() => page.getByTestId("locate-consistent").textContent()).toContain("✘");
    expect(await page.getByTestId("locate-conflicts").textContent()).toContain("wasmedge");

    await page.goto(`${server.url}/compare?a=gvisor&b=runc&lang=zh`);
    const figures = page.getByTestId("compare-figures");
    await figures.waitFor();
    expect(await figures.textContent()).toContain("33.4 ms");
    expect(await page.getByTestId("compare-deltas").textContent()).toContain("L-4");

    await page.goto(`${server.url}/scenario`);
    await page.getByLabel("Scenario").selectOption("edge");
    const stacks = page.getByTestId("scenario-stacks");
    await stacks.waitFor();
    expect(await stacks.textContent()).toContain("K3s + WasmEdge + Gatekeeper");
    expect(query(page).get("s")).toBe("edge");
    await page.close();
  });

  it("recommend: an input error shows beside the submit button, in view, each issue once; the example fills the form", async () => {
    const page = await open("/recommend?coordinate=(9,9,9)");
    await page.getByTestId("recommend-hint").waitFor();
    await page.getByTestId("recommend-submit").click();
    const err = page.locator("form.requirements [role=alert]");
    await err.waitFor();
    expect(await err.isVisible()).toBe(true);
    await expect
      .poll(() =>
        err.evaluate((e) => {
          const r = (
            e as unknown as { getBoundingClientRect(): { top: number; bottom: number } }
          ).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= (globalThis as unknown as PageMeasures).innerHeight;
        }),
      )
      .toBe(true);
    const items = await err.locator("li").allTextContents();
    expect(new Set(items).size).toBe(items.length);
    const text = (await err.textContent()) ?? "";
    expect(text.split("(9,9,9)").length).toBeLessThanOrEqual(2);

    await page.goto(`${server.url}/recommend`);
    await page.getByTestId("recommend-example").click();
    expect(query(page).get("scenario")).toBe("edge");
    const first = page.getByTestId("stack-1");
    await first.waitFor({ timeout: 120_000 });
    expect(await first.locator("h3").textContent()).toContain("WasmEdge");
    // The sliders show the weights the answer used.
    await expect.poll(() => page.getByTestId("weight-startup").textContent()).toMatch(/^\d+$/);
    await page.close();
  }, 180_000);

  it("evolution: the seed's case 2 is the serverless path — Kubernetes + runc in 2020, K3s + WasmEdge from 2023, eBPF in 2025", async () => {
    const page = await open("/evolution?scenario=serverless&pathFrom=2020&pathTo=2025");
    const rows = page.getByTestId("path-table").locator("tbody tr");
    await rows.first().waitFor({ timeout: 60_000 });
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const text = (await page.getByTestId("path-table").textContent()) ?? "";
    expect(text).toContain("(3, 1, 2, 2020, 1, serverless, Prometheus)");
    expect(text).toContain("Kubernetes + containerd/runc + OPA + Prometheus");
    expect(text).toContain("(4, 2, 3, 2023, 1, serverless, OTLP)");
    expect(text).toContain("K3s + WasmEdge + OPA-Wasm + OpenTelemetry");
    expect(text).toContain("(4, 2, 4, 2025, 1, serverless, OTLP+eBPF)");
    // The years are the user's: narrowing them narrows the path.
    await page.locator("#evo-path-to").selectOption("2022");
    expect(query(page).get("pathTo")).toBe("2022");
    await expect
      .poll(() => page.getByTestId("path-table").textContent(), { timeout: 60_000 })
      .not.toContain("2023, 1, serverless");
    await page.close();
  });

  it("migrate: the seed's case 2 as ordered steps with deltas and risks, and its plan drawn as SVG; an unknown part is a clear error", async () => {
    const page = await open("/migrate");
    await page.getByTestId("migrate-example").click();
    expect(query(page).get("from")).toBe("case:serverless-2020-seed-case-2");
    expect(query(page).getAll("via")).toEqual(["case:serverless-2023-seed-case-2"]);
    const result = page.getByTestId("migrate-result");
    await result.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("migrate-leg").count()).toBe(2);
    expect(await page.getByTestId("migrate-deltas").textContent()).toContain("L-3 container → L-4 sandbox");
    const first = page.getByTestId("migrate-steps").first();
    expect(await first.locator(":scope > li").count()).toBeGreaterThan(2);
    expect(await first.textContent()).toMatch(/kubernetes[\s\S]*k3s/);
    expect(await first.textContent()).toMatch(/runc[\s\S]*wasmedge/);
    const svg = result.locator('[data-testid="mermaid-diagram"][data-ready="true"] svg');
    await svg.waitFor({ timeout: 60_000 });
    expect(await svg.locator("g.node").count()).toBeGreaterThan(2);
    await shot(page, "migrate");

    await page.goto(`${server.url}/migrate?from=kubernetis%20%2B%20runc&to=k3s%20%2B%20wasmedge&lang=zh`);
    const err = page.getByRole("alert");
    await err.waitFor();
    expect(await err.textContent()).toContain("kubernetes");
    await page.close();
  }, 180_000);

  it("observe: K3s + WasmEdge + OpenTelemetry has traces but no kernel signal — not complete, with the tools that close the gap", async () => {
    const page = await open("/observe");
    await page.getByLabel("Stack").fill("K3s + WasmEdge + OpenTelemetry");
    await page.getByTestId("observe-submit").click();
    const verdict = page.getByTestId("observe-verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("Not complete");
    const coverage = page.getByTestId("observe-coverage");
    expect(await coverage.locator("tbody tr").first().textContent()).toMatch(/O1 traces.*full/);
    expect(await coverage.locator("tbody tr").nth(1).textContent()).toMatch(/O2 kernel.*none/);
    expect(await page.getByTestId("observe-gap").first().textContent()).toMatch(/O2 kernel is missing/);
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => verdict.textContent(), { timeout: 60_000 }).toContain("不完整");
    await page.close();
  });

  it("export: the stack K3s + WasmEdge + Gatekeeper downloads as CSV nodes and as Mermaid, the file what the API gives", async () => {
    const page = await open("/export");
    await page.getByLabel("What to export").selectOption("stack");
    await page.getByLabel("Format").selectOption("csv");
    await page.getByLabel("CSV table").selectOption("nodes");
    const input = page.getByLabel(/^Stack/);
    await input.fill("K3s + WasmEdge + Gatekeeper");
    await input.press("Enter");
    expect(query(page).get("stack")).toBe("K3s + WasmEdge + Gatekeeper");
    await page.getByTestId("export-preview").waitFor();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
    expect(csv.suggestedFilename()).toBe("stackatlas.csv");
    const csvText = readFileSync((await csv.path())!, "utf8");
    const header = csvText.split("\n")[0] ?? "";
    expect(header).toMatch(/^id,/);
    for (const id of ["k3s", "wasmedge", "gatekeeper"])
      expect(csvText.split("\n").some((l) => l.startsWith(`${id},`))).toBe(true);
    expect(await page.getByTestId("export-preview").textContent()).toContain(header);

    await page.getByLabel("Format").selectOption("mermaid");
    await expect
      .poll(() => page.getByTestId("export-preview").textContent(), { timeout: 60_000 })
      .toContain("flowchart");
    const [mmd] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
    expect(mmd.suggestedFilename()).toBe("stackatlas.mmd");
    const mmdText = readFileSync((await mmd.path())!, "utf8");
    expect(mmdText.startsWith("flowchart")).toBe(true);
    expect(mmdText).toContain('["WasmEdge"]');
    const api = await fetch(
      `${server.url}/api/export?as=mermaid&stack=${encodeURIComponent("K3s + WasmEdge + Gatekeeper")}`,
    );
    expect(await api.text()).toBe(mmdText);
    await shot(page, "export");
    await page.close();
  });

  it("no page logged an error or broke the Content-Security-Policy", () => {
    expect(existsSync(join(SHOTS, "atlas.png"))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
