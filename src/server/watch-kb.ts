/** @module server/watch-kb — `serve --watch`: reload the knowledge base when its folder changes. */
import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "pino";
import { formatIssue } from "../kb/issue.js";
import type { KbSource } from "./kb-source.js";

export interface WatchKbOptions {
  readonly dir: string;
  readonly logger: Logger;
  /** Quiet time after the last change before reloading: an editor's save is several events (default 200 ms). */
  readonly debounceMs?: number;
}

export interface KbWatcher {
  close(): void;
}

/**
 * Watches a knowledge-base folder and reloads `source` once changes settle. A reload that fails
 * validation is refused: its issues are logged (and kept for `/api/kb/status`), the last good
 * knowledge base keeps serving.
 * @example const w = watchKb(source, { dir, logger }); … w.close();
 */
export function watchKb(source: KbSource, options: WatchKbOptions): KbWatcher {
  const { dir, logger } = options;
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const reload = () => {
    timer = undefined;
    const files = [...changed].slice(0, 20);
    changed = new Set();
    const r = source.reload(`change: ${files.join(", ")}`);
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
        "knowledge base reload refused: it does not validate; the last good one keeps serving",
      );
    }
  };
  const onChange = (_event: string, file: string | Buffer | null) => {
    changed.add(file === null ? "?" : String(file));
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
    timer.unref();
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, onChange);
  } catch (error) {
    logger.error({ event: "kb.watch", err: error }, "cannot watch the knowledge-base folder");
    throw error;
  }
  watcher.on("error", (error) => logger.error({ event: "kb.watch", err: error }, "watching the knowledge base failed"));
  source.setWatching(true);
  logger.info({ event: "kb.watch", data: source.status().data }, "watching the knowledge base for changes");
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
      source.setWatching(false);
    },
  };
}
