/** @module server/start-server — the app on a socket, and a shutdown that lets in-flight requests finish. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "pino";

export interface StartServerOptions {
  readonly fetch: (request: Request) => Response | Promise<Response>;
  /** Default 127.0.0.1: reachable from this machine only. */
  readonly host?: string;
  /** Default 4173; 0 picks a free port. */
  readonly port?: number;
  readonly logger: Logger;
  /** How long shutdown waits for in-flight requests before closing their connections (default 10 s). */
  readonly graceMs?: number;
  /** Called when shutdown starts, before the socket stops accepting (readiness fails from then on). */
  readonly onDrain?: () => void;
}

export interface RunningServer {
  /** `http://host:port`, the port the server really got. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting connections, waits for in-flight requests (up to the grace period), then resolves. */
  close(): Promise<void>;
}

/** A URL host: IPv6 addresses in brackets. */
function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Listens on `host:port` and resolves once the socket is open. Slow clients are cut off by the socket's
 * own timeouts (headers 15 s, whole request 30 s); idle keep-alive connections close after 5 s.
 * @example const s = await startServer({ fetch: app.fetch, logger }); console.log(s.url); await s.close();
 */
export function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const graceMs = options.graceMs ?? 10_000;
  const { logger } = options;
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      {
        fetch: options.fetch,
        hostname: host,
        port: options.port ?? 4173,
        serverOptions: { requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
      },
      (info: AddressInfo) => {
        server.off("error", reject);
        const url = `http://${urlHost(host)}:${info.port}`;
        let closing: Promise<void> | undefined;
        const close = () => {
          closing ??= new Promise<void>((done) => {
            options.onDrain?.();
            logger.info({ event: "shutdown", graceMs }, "shutting down: finishing in-flight requests");
            const http = server as Server;
            // Idle keep-alive connections go now; busy ones as soon as their answer is sent.
            const sweep = setInterval(() => http.closeIdleConnections(), 50);
            const force = setTimeout(() => {
              logger.warn({ event: "shutdown" }, "grace period over: closing the remaining connections");
              http.closeAllConnections();
            }, graceMs);
            force.unref();
            http.close(() => {
              clearInterval(sweep);
              clearTimeout(force);
              logger.info({ event: "shutdown" }, "stopped");
              done();
            });
            http.closeIdleConnections();
          });
          return closing;
        };
        resolvePromise({ url, port: info.port, server: server as Server, close });
      },
    );
    server.once("error", reject);
  });
}
