/** @module cli/serve-command — `stackatlas serve`: the HTTP API (and the UI) on 127.0.0.1:4173 unless told otherwise. */
import { dirname, join } from "node:path";
import { Command, InvalidArgumentError as CommanderInvalidArgument } from "@commander-js/extra-typings";
import pino from "pino";
import { InvalidArgumentError } from "../errors.js";
import { defaultDataDir } from "../kb/default-data-dir.js";
import { InvalidKbError } from "../kb/invalid-kb-error.js";
import { createApp } from "../server/create-app.js";
import { createKbSource } from "../server/kb-source.js";
import { setupTracing } from "../server/setup-tracing.js";
import { type RunningServer, startServer } from "../server/start-server.js";
import { watchKb } from "../server/watch-kb.js";
import type { CliContext } from "./_context.js";
import { collect } from "./_parse.js";

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) > 65535) {
    throw new CommanderInvalidArgument(`"${value}" is not a port (0–65535; 0 picks a free one)`);
  }
  return Number(value);
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** `serve [--host 127.0.0.1] [--port 4173] [--watch] [--cors-origin URL…]`; `--data DIR` serves another knowledge base. */
export function serveCommand(context: () => CliContext) {
  return new Command("serve")
    .description(
      "serve the HTTP API (JSON under /api/, OpenAPI at /api/openapi.json) and the web UI at /.\n" +
        "Logs are JSON lines (pino) on stdout; STACKATLAS_LOG_LEVEL sets their level (default info).\n" +
        "OTEL_EXPORTER_OTLP_ENDPOINT turns on tracing if the OpenTelemetry packages are installed.",
    )
    .option("--host <host>", "address to listen on (0.0.0.0 exposes it to the network)", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", parsePort, 4173)
    .option("--watch", "reload the knowledge base when its files change; a reload that does not validate is refused")
    .option(
      "--cors-origin <origin>",
      "allow browsers on this origin to call the API (repeatable; CORS is off by default)",
      collect,
    )
    .action(async (opts) => {
      const ctx = context();
      const loaded = ctx.loadResult();
      if (!loaded.ok) throw new InvalidKbError(ctx.dataDir, loaded.errors, loaded.warnings);
      if (opts.host === "0.0.0.0" || opts.host === "::") {
        ctx.io.err(
          `stackatlas: warning: --host ${opts.host} listens on every network interface: anyone who can reach this machine can query the server`,
        );
      }
      const envLevel = process.env.STACKATLAS_LOG_LEVEL ?? "info";
      const logger = pino({
        level: LOG_LEVELS.includes(envLevel) ? envLevel : "info",
        base: { service: "stackatlas" },
      });
      const tracing = await setupTracing(logger);
      const kbSource = createKbSource({ dir: ctx.dataDir, initial: loaded });
      let draining = false;
      const app = createApp({
        kbSource,
        logger,
        webRoot: join(dirname(defaultDataDir()), "web", "dist"),
        isDraining: () => draining,
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
            ? `serve: port ${opts.port} on ${opts.host} is in use; pass --port with another (0 picks a free one)`
            : `serve: cannot listen on ${opts.host}:${opts.port} (${code ?? String(error)})`,
          { cause: error },
        );
      }
      const watcher = opts.watch ? watchKb(kbSource, { dir: ctx.dataDir, logger }) : undefined;
      logger.info({ event: "listening", url: running.url, watch: Boolean(opts.watch) }, "listening");
      ctx.io.out(
        `stackatlas: serving ${running.url}/ — JSON API under ${running.url}/api/, OpenAPI at ${running.url}/api/openapi.json` +
          `${watcher ? " (watching the knowledge base)" : ""}; Ctrl-C stops`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          logger.info({ event: "signal", signal }, "signal received");
          watcher?.close();
          void running
            .close()
            .then(() => tracing?.shutdown())
            .catch((error: unknown) => logger.error({ err: error }, "shutdown failed"))
            .finally(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
