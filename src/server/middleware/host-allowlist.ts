/**
 * @module server/middleware/host-allowlist — answer only requests addressed to this server by a name it
 * knows: the defence against DNS rebinding, where a web page re-points its own name at 127.0.0.1 and
 * reads a local server through the visitor's browser.
 */
import type { MiddlewareHandler } from "hono";
import { SERVER } from "../../i18n/server-phrases.js";
import { errorResponse } from "../error-response.js";

/** The names a server bound to this machine always answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** Paths answered whatever the Host: probes (a kubelet sends the pod's IP) that reveal nothing. */
const ANY_HOST_PATHS = new Set(["/healthz", "/readyz"]);

/**
 * The host name of a Host header, lower-case, without the port or IPv6 brackets; undefined if malformed.
 * @example hostName("[::1]:4173") // "::1"
 */
export function hostName(header: string): string | undefined {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    const rest = h.slice(end + 1);
    return end > 0 && (rest === "" || /^:\d{1,5}$/.test(rest)) ? h.slice(1, end) : undefined;
  }
  const m = /^([a-z0-9.-]+|[0-9a-f:]+)(?::(\d{1,5}))?$/.exec(h);
  return m ? m[1]!.replace(/\.$/, "") : undefined;
}

/**
 * Whether `name` is allowed by `allowed`: an exact name, a `.suffix` (any name ending with it), or `*`.
 * @example hostAllowed("api.example.com", [".example.com"]) // true
 */
export function hostAllowed(name: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const rule = a
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, "$1");
    if (rule === "*") return true;
    if (rule.startsWith(".")) return name.endsWith(rule) || name === rule.slice(1);
    return name === rule;
  });
}

/**
 * Refuses (403 HOST_NOT_ALLOWED) a request whose Host header names no allowed host.
 * @example app.use(hostAllowlist([...LOOPBACK_HOSTS, "atlas.example.com"]))
 */
export function hostAllowlist(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!ANY_HOST_PATHS.has(c.req.path)) {
      const header = c.req.header("host") ?? new URL(c.req.url).host;
      const name = hostName(header);
      if (name === undefined || !hostAllowed(name, allowed)) {
        const lang = c.req.query("lang") === "zh" ? "zh" : "en";
        return errorResponse(c, 403, "HOST_NOT_ALLOWED", SERVER.hostNotAllowed(lang, { host: header.slice(0, 100) }));
      }
    }
    await next();
  };
}
