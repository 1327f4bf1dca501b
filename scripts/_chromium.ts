/** @module scripts/_chromium — the headless Chromium the browser tests and the atlas bench drive (Debian's, through playwright-core). */
import { type Browser, chromium } from "playwright-core";

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Chromium headless, with no sandbox, GPU or background traffic; the caller closes it. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `${why}\nThe browser tests (test/e2e) and web/bench need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to its binary.`,
      { cause: e },
    );
  }
}
