/** @module cli/serve-action — what `stackatlas serve` does; loaded only when it runs (the server's packages are heavy). */
import { dirname, join } from "node:path";
import pino from "pino";
import { InvalidArgumentError } from "../errors.js";
import { KB } from "../i18n/kb-phrases.js";
import type { Lang } from "../i18n/lang.js";
import { SERVER } from "../i18n/server-phrases.js";
import { takeCacheDirRefusals } from "../kb/cache-file.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import { type ComputePool, createComputePool } from "../server/compute-pool.js";
import { createApp, DEFAULT_TIMEOUT_MS } from "../server/create-app.js";
import { createKbLoader } from "../server/kb-loader.js";
import { createKbSource, type KbSource } from "../server/kb-source.js";
import { LOOPBACK_HOSTS } from "../server/middleware/host-allowlist.js";
import { setupTracing } from "../server/setup-tracing.js";
import { type RunningServer, startServer } from "../server/start-server.js";
import { watchKb } from "../server/watch-kb.js";
import type { CliContext } from "./_context.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly watch?: true;
  readonly corsOrigin?: string[];
  readonly allowedHost?: string[];
}

/** The Host names `serve` answers to: loopback, the address it listens on (unless every one), and any added. */
function allowedHostsOf(opts: ServeOptions): string[] {
  const wildcard = opts.host === "0.0.0.0" || opts.host === "::";
  return [...LOOPBACK_HOSTS, ...(wildcard ? [] : [opts.host]), ...(opts.allowedHost ?? [])];
}

/**
 * The worker pool for the CPU-bound operations: `STACKATLAS_WORKERS` threads (default: the machine's
 * cores; 0 runs them on the event loop, as a library embedding the app does).
 */
function computePool(dir: string, source: KbSource, lang: Lang): ComputePool | undefined {
  const env = process.env.STACKATLAS_WORKERS;
  const n = env === undefined || env === "" ? undefined : Number(env);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
    throw new InvalidArgumentError(SERVER.badWorkers(lang, { value: String(env) }));
  }
  if (n === 0) return undefined;
  return createComputePool({
    dir,
    generation: () => source.status().generation,
    snapshotKey: () => source.snapshotKey(),
    ...(n !== undefined ? { threads: n } : {}),
    deadlineMs: DEFAULT_TIMEOUT_MS,
  });
}

/** Serves the API and the UI until SIGINT or SIGTERM, then drains in-flight requests. */
export async function serveAction(ctx: CliContext, opts: ServeOptions): Promise<void> {
  const loaded = ctx.loadResult();
  if (!loaded.ok) throw new InvalidKbError(ctx.dataDir, loaded.errors, loaded.warnings);
  // Said now: the command's own end, where the CLI says it otherwise, comes only when the server stops.
  for (const r of takeCacheDirRefusals()) ctx.io.err(KB.cacheRefused(ctx.lang, r));
  if (opts.host === "0.0.0.0" || opts.host === "::") {
    ctx.io.err(SERVER.everyInterface(ctx.lang, { host: opts.host }));
  }
  if (opts.corsOrigin?.includes("*")) ctx.io.err(SERVER.corsAnyOrigin(ctx.lang));
  if (opts.allowedHost?.includes("*")) ctx.io.err(SERVER.anyHost(ctx.lang));
  const envLevel = process.env.STACKATLAS_LOG_LEVEL ?? "info";
  const logger = pino({
    level: LOG_LEVELS.includes(envLevel) ? envLevel : "info",
    base: { service: "stackatlas" },
  });
  const tracing = await setupTracing(logger);
  // Under --watch a reload reads and validates the folder in a thread of its own: requests and /healthz
  // never wait behind it.
  const loader = opts.watch ? createKbLoader() : undefined;
  const kbSource = createKbSource({
    dir: ctx.dataDir,
    initial: loaded,
    ...(loader ? { loadAsync: (dir: string) => loader.load(dir) } : {}),
  });
  let draining = false;
  const pool = computePool(ctx.dataDir, kbSource, ctx.lang);
  const app = createApp({
    ...(pool ? { pool } : {}),
    kbSource,
    logger,
    webRoot: join(dirname(defaultDataDir()), "web", "dist"),
    isDraining: () => draining,
    allowedHosts: allowedHostsOf(opts),
    ...(opts.corsOrigin ? { corsOrigins: opts.corsOrigin } : {}),
    ...(tracing ? { middleware: [tracing.middleware] } : {}),
  });
  let running: RunningServer;
  try {
    running = await startServer({
      fetch: app.fetch,
      host: opts.host,
      port: opts.port,
      logger,
      onDrain: () => {
        draining = true;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidArgumentError(
      code === "EADDRINUSE"
        ? SERVER.portInUse(ctx.lang, { port: opts.port, host: opts.host })
        : SERVER.cannotListen(ctx.lang, { host: opts.host, port: opts.port, why: code ?? String(error) }),
      { cause: error },
    );
  }
  // Readiness fails until every worker holds the knowledge base and what it learns from it.
  const warming = performance.now();
  void pool
    ?.warm()
    .then(() => logger.info({ event: "pool.warm", threads: pool.threads, ms: Math.round(performance.now() - warming) }))
    .catch((error: unknown) => logger.error({ err: error, event: "pool.warm" }, "the worker pool did not start"));
  const watcher = opts.watch ? watchKb(kbSource, { dir: ctx.dataDir, logger }) : undefined;
  logger.info({ event: "listening", url: running.url, watch: Boolean(opts.watch) }, "listening");
  ctx.io.out(SERVER.serving(ctx.lang, { url: running.url, watching: watcher !== undefined }));
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      logger.info({ event: "signal", signal }, "signal received");
      watcher?.close();
      void running
        .close()
        .then(() => pool?.close())
        .then(() => loader?.close())
        .then(() => tracing?.shutdown())
        .catch((error: unknown) => logger.error({ err: error }, "shutdown failed"))
        .finally(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
