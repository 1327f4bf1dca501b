/** @module server/watch-kb — `serve --watch`: reload the knowledge base when its folder changes. */
import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "pino";
import { type FolderScan, sameStats, scanFolder } from "../kb/folder-scan.js";
import { formatIssue } from "../kb/issue.js";
import type { KbLoadAttempt, KbSource } from "./kb-source.js";

export interface WatchKbOptions {
  readonly dir: string;
  readonly logger: Logger;
  /** Quiet time after the last change before reloading: an editor's save is several events (default 200 ms). */
  readonly debounceMs?: number;
  /**
   * How often the folder is scanned (sizes, times and inodes, no file read) as a backstop to `fs.watch`,
   * which misses changes after a file is replaced by rename or the folder is moved (default 2000 ms; 0: never).
   */
  readonly pollMs?: number;
}

export interface KbWatcher {
  close(): void;
}

/** The default interval of the backstop scan. */
export const DEFAULT_WATCH_POLL_MS = 2000;

/**
 * Watches a knowledge-base folder and reloads `source` once changes settle. A reload that fails
 * validation, or cannot read the folder, is refused: its issues are logged (and kept for
 * `/api/kb/status`), the last good knowledge base keeps serving.
 *
 * Changes are seen two ways: `fs.watch` events (fast), and a periodic scan of the folder's entries
 * compared with the scan taken before the last reload (a backstop: Node 20's recursive watcher goes
 * blind to a file replaced by rename — `sed -i`, editors' atomic saves, `git checkout` — and to a folder
 * moved away and back). When the scan sees a change, the watcher is armed again.
 * @example const w = watchKb(source, { dir, logger }); … w.close();
 */
export function watchKb(source: KbSource, options: WatchKbOptions): KbWatcher {
  const { dir, logger } = options;
  const debounceMs = options.debounceMs ?? 200;
  const pollMs = options.pollMs ?? DEFAULT_WATCH_POLL_MS;
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  let closed = false;
  // The folder as it was just before the last reload read it: what the backstop scan compares with.
  let seen: FolderScan | undefined = scanFolder(dir);
  const report = (r: KbLoadAttempt, files: readonly string[]) => {
    if (r.ok) {
      logger.info(
        { event: "kb.reload", ok: true, generation: source.status().generation, ms: r.ms, files },
        "knowledge base reloaded",
      );
    } else {
      logger.error(
        {
          event: "kb.reload",
          ok: false,
          errors: r.errors.length,
          issues: r.errors.slice(0, 50).map(formatIssue),
          files,
        },
        "knowledge base reload refused: it does not validate or cannot be read; the last good one keeps serving",
      );
    }
  };
  const reload = () => {
    timer = undefined;
    if (closed) return;
    const files = [...changed].slice(0, 20);
    changed = new Set();
    seen = scanFolder(dir);
    // Read and validated off the event loop where the source has a loader for it; reloads never overlap.
    void source.refresh(`change: ${files.join(", ")}`).then((r) => {
      if (!closed) report(r, files);
    });
  };
  const schedule = (file: string) => {
    if (closed) return;
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
    timer.unref();
  };
  const onChange = (_event: string, file: string | Buffer | null) => schedule(file === null ? "?" : String(file));
  let watcher: FSWatcher | undefined;
  const arm = (): boolean => {
    watcher?.close();
    watcher = undefined;
    try {
      const w = watch(dir, { recursive: true, persistent: false }, onChange);
      w.on("error", (error) => {
        logger.warn({ event: "kb.watch", err: error }, "watching the knowledge base failed; the periodic scan goes on");
        if (watcher === w) watcher = undefined;
        w.close();
      });
      watcher = w;
      return true;
    } catch (error) {
      logger.warn(
        { event: "kb.watch", err: error },
        "cannot watch the knowledge-base folder; the periodic scan goes on",
      );
      return false;
    }
  };
  if (!arm() && pollMs <= 0) throw new Error(`cannot watch ${dir}`);
  const poll =
    pollMs > 0
      ? setInterval(() => {
          const now = scanFolder(dir);
          const same =
            now === undefined ? seen === undefined : seen !== undefined && sameStats(seen.entries, now.entries);
          if (same) return;
          seen = now;
          // fs.watch said nothing (else a reload would have taken a new scan): it may be blind, arm it again.
          if (timer === undefined && now !== undefined) arm();
          schedule("(scan)");
        }, pollMs)
      : undefined;
  poll?.unref();
  source.setWatching(true);
  logger.info({ event: "kb.watch", data: source.status().data, pollMs }, "watching the knowledge base for changes");
  return {
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      watcher?.close();
      source.setWatching(false);
    },
  };
}
