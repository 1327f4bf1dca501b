// Every page of the web UI, the sizes and languages it is checked at, and one visit of a page that waits for its
// answers and measures it: shared by `npm run screenshots` and the browser test, so both see the same pages the
// same way.
import type { BrowserContext, Page } from "playwright-core";

export interface UiPage {
  /** A name for its screenshot's file. */
  readonly name: string;
  /** The path, with a query where the page shows an answer. */
  readonly path: string;
  /** A second view of a page listed already (an answer, an error): screenshotted, not counted as a page. */
  readonly extra?: boolean;
  /** The page shows an API's 404 on purpose (an unknown technology). */
  readonly notFound?: boolean;
}

export const UI_PAGES: readonly UiPage[] = [
  { name: "atlas", path: "/atlas" },
  { name: "technology-wasmedge", path: "/technology/wasmedge" },
  { name: "technology-bad", path: "/technology/wasmedg", extra: true, notFound: true },
  { name: "recommend", path: "/recommend" },
  {
    name: "recommend-edge",
    path: "/recommend?scenario=edge&isolation.atLeast=L-4&policy.atLeast=Z3&memoryMiB.max=64&go=1",
    extra: true,
  },
  { name: "design", path: "/design" },
  { name: "evolution", path: "/evolution?scenario=serverless" },
  { name: "matrices", path: "/matrices" },
  { name: "lookup", path: "/lookup?coordinate=(4,2,3,2025,1,edge,OTLP%2BeBPF)" },
  { name: "locate", path: "/locate?stack=K3s%20%2B%20WasmEdge%20%2B%20Gatekeeper" },
  { name: "compare", path: "/compare?a=gvisor&b=runc" },
  { name: "scenario", path: "/scenario?s=edge" },
  {
    name: "migrate",
    path: "/migrate?from=case%3Aserverless-2020-seed-case-2&via=case%3Aserverless-2023-seed-case-2&to=case%3Aserverless-2025-seed-case-2",
  },
  { name: "observe", path: "/observe?stack=K3s%20%2B%20WasmEdge%20%2B%20OpenTelemetry" },
  { name: "export", path: "/export?scope=stack&as=mermaid&stack=K3s%20%2B%20WasmEdge%20%2B%20Gatekeeper" },
  { name: "notfound", path: "/no-such-page" },
];

export const UI_SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

export const UI_LANGS = ["en", "zh"] as const;

/** What a visit reads of a page (its globals; no DOM types in the scripts' and tests' tsconfig). */
interface PageMeasures {
  innerWidth: number;
  document: { title: string; documentElement: { scrollWidth: number } };
}

export interface Visit {
  /** The page, still open (the caller screenshots and closes it). */
  readonly page: Page;
  /** The layout's width and the viewport's. */
  readonly scroll: number;
  readonly inner: number;
  readonly title: string;
  /** Console errors, page errors, failed requests and answers ≥ 400 (an expected 404 aside). */
  readonly problems: readonly string[];
}

/**
 * Opens `p` in `lang`, waits until no request is in flight and nothing is loading (a slow answer is waited
 * for, up to `timeoutMs`), and measures it.
 */
export async function visitPage(
  context: BrowserContext,
  base: string,
  p: UiPage,
  lang: (typeof UI_LANGS)[number],
  timeoutMs = 120_000,
): Promise<Visit> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !(p.notFound && /404/.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  let inFlight = 0;
  page.on("request", () => inFlight++);
  page.on("requestfinished", () => inFlight--);
  page.on("requestfailed", (r) => {
    inFlight--;
    // A request the page itself cancelled (a development build's double effect) did not fail.
    const why = r.failure()?.errorText ?? "";
    if (why !== "net::ERR_ABORTED") problems.push(`failed ${r.url()} ${why}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !(p.notFound && r.status() === 404)) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}${p.path}${p.path.includes("?") ? "&" : "?"}lang=${lang}`, {
    waitUntil: "networkidle",
    timeout: timeoutMs,
  });
  // A page is there when its title is, or (an unknown technology) its error.
  await page.locator("main h1, main [role=alert]").first().waitFor({ timeout: timeoutMs });
  const settled = async () => inFlight === 0 && (await page.locator("main .loading").count()) === 0;
  for (let waited = 0; !(await settled()); waited += 200) {
    if (waited >= timeoutMs) {
      problems.push(`still loading after ${timeoutMs / 1000} s`);
      break;
    }
    await page.waitForTimeout(200);
  }
  const m = await page.evaluate(() => {
    const g = globalThis as unknown as PageMeasures;
    return { scroll: g.document.documentElement.scrollWidth, inner: g.innerWidth, title: g.document.title };
  });
  return { page, ...m, problems };
}
