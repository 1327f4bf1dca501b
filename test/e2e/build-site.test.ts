// `stackatlas build-site` end to end: the static atlas built into a temporary folder, served by a plain
// static file server (node:http, no stackatlas server) under a base path, every page opened in Debian's
// Chromium: no console error, no failed request, and the seed's case 1 stack found on the lookup page.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/_chromium.js";
import { ROOT } from "../../scripts/_serve.js";

const BIN = join(ROOT, "bin", "stackatlas.mjs");
const BASE = "/stackatlas/";
const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

const work = mkdtempSync(join(tmpdir(), "stackatlas-site-"));
const SITE = join(work, "site");
let server: Server;
let origin: string;
let browser: Browser;
let context: BrowserContext;

/** A static file server, as any web host is: files under the base path, a folder's index.html, else 404. */
function serveStatic(root: string): Promise<Server> {
  const s = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.startsWith(BASE) ? normalize(join(root, path.slice(BASE.length))) : undefined;
    if (file && !file.startsWith(root)) file = undefined;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file || !existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

/** `stackatlas build-site ...args` run as a user runs it. */
function buildSite(...args: string[]) {
  return spawnSync(process.execPath, [BIN, "build-site", ...args], { encoding: "utf8" });
}

/** Opens a page of the site and collects what went wrong on it: console errors, page errors, failed requests. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  await page.goto(origin + BASE + path);
  return { page, problems };
}

beforeAll(async () => {
  // The UI as `npm run build` builds it, then the site from it.
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "web", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  const r = buildSite("--out", SITE, "--base", BASE);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  server = await serveStatic(SITE);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe("build-site", () => {
  it("writes the UI under the base path, a page per route and the precomputed answers", () => {
    const index = readFileSync(join(SITE, "index.html"), "utf8");
    expect(index).toContain(`src="${BASE}assets/`);
    expect(index).not.toMatch(/(?:src|href)="\/assets\//);
    for (const page of ["atlas", "lookup", "recommend", "design", "evolution", "matrices", "technology/wasmedge"])
      expect(existsSync(join(SITE, page, "index.html"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(SITE, "api", "manifest.json"), "utf8")) as {
      keys: string[];
      coordinates: string[];
    };
    for (const key of [
      "/api/graph",
      "/api/technologies",
      "/api/timeline",
      "/api/path/serverless",
      "/api/diagnose/matrix",
    ])
      expect(manifest.keys).toContain(key);
    expect(manifest.coordinates).toContain("(4, 2, 3, 2025, 1, edge, OTLP+eBPF)");
    const i = manifest.keys.indexOf("/api/technologies/wasmedge");
    expect(JSON.parse(readFileSync(join(SITE, "api", "zh", `${i}.json`), "utf8")).names.zh).toBe("WasmEdge 运行时");
  });

  it("opens every page from the static files alone, with no console error and no failed request", async () => {
    const pages: [string, string][] = [
      ["", '[data-testid="atlas-graph"][data-ready="true"]'],
      ["atlas?lang=zh", '[data-testid="atlas-graph"][data-ready="true"]'],
      ["lookup", '[data-testid="lookup-page"] .recorded-coordinates'],
      ["recommend", "form"],
      ["design", '[data-testid="design-page"]'],
      ["evolution", '[data-testid="backtest-figures"]'],
      ["matrices", '[data-testid="matrices-page"] table'],
      ["technology/wasmedge", '[data-testid="technology-page"]'],
    ];
    for (const [path, ready] of pages) {
      const { page, problems } = await open(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.getByTestId("static-notice").isVisible()).toBe(true);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it("finds the seed's case 1 stack on the lookup page, in English and Chinese", async () => {
    const { page, problems } = await open("lookup");
    await page.getByRole("link", { name: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)" }).click();
    const result = page.getByTestId("lookup-result");
    await result.waitFor();
    await expect.poll(() => result.locator("tbody tr").first().textContent()).toContain("K3s + WasmEdge + Gatekeeper");
    await expect.poll(() => result.locator("h2").textContent()).toContain("exact match");
    expect(new URL(page.url()).pathname).toBe(`${BASE}lookup`);
    // The language switch reads the Chinese answer of the same lookup.
    await page.getByTestId("lang-toggle").click();
    await expect.poll(() => result.locator("h2").textContent()).toContain("完全匹配");
    await expect.poll(() => result.locator("tbody tr").first().textContent()).toContain("K3s + WasmEdge + Gatekeeper");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says that recommend needs a live server, without sending a request that must fail", async () => {
    const { page, problems } = await open("recommend?scenario=edge&go=1");
    const box = page.locator('[data-error-code="NEEDS_SERVER"]');
    await box.waitFor();
    await expect.poll(() => box.textContent()).toContain("live stackatlas server");
    expect(await box.locator("a").getAttribute("href")).toMatch(/^http:\/\/127\.0\.0\.1:4173\/recommend\?/);
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    await page.close();
    const zh = await open("lookup?coordinate=D%3D1&lang=zh");
    await expect
      .poll(() => zh.page.locator('[data-error-code="NEEDS_SERVER"]').textContent())
      .toContain("需要运行中的 stackatlas 服务器");
    expect(zh.problems).toEqual([]);
    await zh.page.close();
  });

  it("rebuilds over its own previous build, and refuses any other non-empty folder without touching it", () => {
    const again = buildSite("--out", join(work, "again"));
    expect(again.status).toBe(0);
    writeFileSync(join(work, "again", "stale.txt"), "left from before");
    expect(buildSite("--out", join(work, "again")).status).toBe(0);
    // The old build is replaced whole.
    expect(existsSync(join(work, "again", "stale.txt"))).toBe(false);
    expect(existsSync(join(work, "again", "api", "manifest.json"))).toBe(true);

    const mine = join(work, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.md"), "my notes");
    for (const lang of ["en", "zh"]) {
      const r = buildSite("--out", mine, "--lang", lang);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(lang === "en" ? /not a previous build/ : /不是此前构建的图谱/);
    }
    expect(readFileSync(join(mine, "notes.md"), "utf8")).toBe("my notes");
    expect(existsSync(join(mine, "index.html"))).toBe(false);

    const bad = buildSite("--out", join(work, "x"), "--base", "atlas");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--base "atlas" is not a path/);
    expect(existsSync(join(work, "x"))).toBe(false);
  }, 180_000);

  it("builds from the knowledge base --data names", () => {
    const out = join(work, "small");
    const r = buildSite("--out", out, "--data", join(ROOT, "test", "fixtures", "kb", "valid"));
    expect(r.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "api", "manifest.json"), "utf8")) as { keys: string[] };
    const full = JSON.parse(readFileSync(join(SITE, "api", "manifest.json"), "utf8")) as { keys: string[] };
    expect(manifest.keys.length).toBeGreaterThan(5);
    expect(manifest.keys.length).toBeLessThan(full.keys.length);
  }, 120_000);
});
