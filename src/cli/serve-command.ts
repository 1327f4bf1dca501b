/** @module cli/serve-command — `stackatlas serve`: the HTTP API (and the UI) on 127.0.0.1:4173 unless told otherwise. */
import { Command, InvalidArgumentError as CommanderInvalidArgument } from "@commander-js/extra-typings";
import type { CliContext } from "./_context.js";
import { collect } from "./_parse.js";

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) > 65535) {
    throw new CommanderInvalidArgument(`"${value}" is not a port (0–65535; 0 picks a free one)`);
  }
  return Number(value);
}

/** `serve [--host 127.0.0.1] [--port 4173] [--watch] [--cors-origin URL…] [--allowed-host NAME…]`; `--data DIR` serves another knowledge base. */
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
      "allow browsers on this origin to call the API (repeatable; CORS is off by default; '*' allows any, with a warning)\n" +
        "允许该来源的浏览器调用 API（可重复；默认关闭 CORS；'*' 允许任意来源，并给出警告）",
      collect,
    )
    .option(
      "--allowed-host <name>",
      "also answer requests whose Host header is this name (repeatable; `.example.com` allows its subdomains, '*' any).\n" +
        "Only localhost, 127.0.0.1, ::1 and --host are answered otherwise (DNS-rebinding defence); /healthz and /readyz answer any\n" +
        "额外响应 Host 头为该名称的请求（可重复；`.example.com` 允许其子域名，'*' 允许任意）。否则只响应 localhost、127.0.0.1、\n" +
        "::1 与 --host（防御 DNS 重绑定）；/healthz 与 /readyz 对任意 Host 响应",
      collect,
    )
    .action(async (opts) => {
      const { serveAction } = await import("./serve-action.js");
      await serveAction(context(), opts);
    });
}
