// The HTTP layer's guarantees, through app.request(): headers, limits, timeouts, ETags, ids, logs, errors, static files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AtlasError, NotFoundError } from "../src/errors.js";
import type { ApiRoutes } from "../src/server/api-routes.js";
import type { AtlasApp } from "../src/server/app-env.js";
import { setupTracing } from "../src/server/setup-tracing.js";
import { type ErrorJson, postJson, testApp } from "./_server.js";

let app: AtlasApp;
beforeAll(() => {
  app = testApp();
});

describe("security headers", () => {
  it("sends a strict CSP and the usual hardening headers on pages and JSON", async () => {
    for (const path of ["/", "/api/scenarios", "/api/nothing"]) {
      const r = await app.request(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      // Inline styles only (Mermaid's SVG carries a <style>); never inline script.
      expect(csp).not.toMatch(/(?:script-src|default-src)[^;]*unsafe-inline/);
      expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
      expect(csp).not.toContain("unsafe-eval");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });
  it("sends no CORS headers unless origins are configured", async () => {
    const pre = {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    };
    const off = await app.request("/api/lookup", pre);
    expect(off.headers.get("access-control-allow-origin")).toBeNull();
    const get = await app.request("/api/scenarios", { headers: { Origin: "https://evil.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const on = testApp({ corsOrigins: ["https://portal.example"] });
    const ok = await on.request("/api/lookup", {
      ...pre,
      headers: { ...pre.headers, Origin: "https://portal.example" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://portal.example");
    const other = await on.request("/api/scenarios", { headers: { Origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("limits", () => {
  it("answers 413 for a body over 1 MiB, with or without Content-Length", async () => {
    const big = JSON.stringify({ coordinate: "x".repeat(1024 * 1024) });
    const r = await postJson(app, "/api/lookup", big);
    expect(r.status).toBe(413);
    expect(((await r.json()) as ErrorJson).error.code).toBe("PAYLOAD_TOO_LARGE");
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) controller.close();
        else {
          sent++;
          controller.enqueue(chunk);
        }
      },
    });
    const chunked = await app.request("/api/lookup", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
  it("answers 415 for a body that is not JSON", async () => {
    const r = await app.request("/api/lookup", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(r.status).toBe(415);
    const none = await app.request("/api/compare", { method: "POST", body: '{"a":"x","b":"y"}' });
    expect(none.status).toBe(415);
  });
  it("answers 503 with a message when a request takes too long (a body that never ends)", async () => {
    const slow = testApp({ timeoutMs: 150 });
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"coordinate": "D=4'));
      },
    });
    const started = Date.now();
    const r = await slow.request("/api/lookup", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: stalled,
      duplex: "half",
    } as RequestInit);
    expect(r.status).toBe(503);
    const body = (await r.json()) as ErrorJson;
    expect(body.error.code).toBe("TIMEOUT");
    expect(body.error.message).toMatch(/150 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("ETags", () => {
  it("gives GET answers an ETag and answers 304 when it matches", async () => {
    const first = await app.request("/api/technologies/k3s");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request("/api/technologies/k3s");
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(await first.text());
    const cond = await app.request("/api/technologies/k3s", { headers: { "If-None-Match": `W/"other", ${etag}` } });
    expect(cond.status).toBe(304);
    expect(await cond.text()).toBe("");
    const zh = await app.request("/api/technologies/k3s?lang=zh", { headers: { "If-None-Match": etag! } });
    expect(zh.status).toBe(200);
    expect(zh.headers.get("etag")).not.toBe(etag);
    const page = await app.request("/");
    const cond2 = await app.request("/", { headers: { "If-None-Match": page.headers.get("etag")! } });
    expect(cond2.status).toBe(304);
  });
  it("gives the same ETag with the cache off, and none to POST answers", async () => {
    const uncached = testApp({ cache: false });
    const a = await app.request("/api/scenarios/edge");
    const b = await uncached.request("/api/scenarios/edge");
    expect(b.headers.get("etag")).toBe(a.headers.get("etag"));
    const post = await postJson(app, "/api/lookup", { coordinate: "D=4" });
    expect(post.status).toBe(200);
    expect(post.headers.get("etag")).toBeNull();
  });
  it("answers HEAD like GET without a body", async () => {
    const r = await app.request("/api/scenarios", { method: "HEAD" });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("");
  });
});

describe("request ids and logs", () => {
  it("gives every answer an X-Request-Id, keeping a well-formed one sent by the client", async () => {
    const r = await app.request("/api/scenarios");
    expect(r.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    const kept = await app.request("/api/scenarios", { headers: { "X-Request-Id": "portal-123" } });
    expect(kept.headers.get("x-request-id")).toBe("portal-123");
    const bad = await app.request("/api/scenarios", { headers: { "X-Request-Id": "<script>" } });
    expect(bad.headers.get("x-request-id")).not.toBe("<script>");
    const err = (await (await app.request("/api/technologies/zzzzzz")).json()) as ErrorJson;
    expect(err.requestId).toMatch(/^[\w-]{8,}$/);
  });
  it("logs one JSON line per request with its id, method, path, status and duration", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = testApp({ logger: pino({ level: "info" }, sink) });
    const r = await logged.request("/api/scenarios", { headers: { "X-Request-Id": "trace-me" } });
    expect(r.status).toBe(200);
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === "request");
    expect(entry).toMatchObject({ reqId: "trace-me", method: "GET", path: "/api/scenarios", status: 200 });
    expect(typeof entry?.ms).toBe("number");
  });
});

describe("errors", () => {
  const boom = createRoute({ method: "get", path: "/api/boom", responses: { 200: { description: "never" } } });
  const domain = createRoute({
    method: "get",
    path: "/api/domain/{kind}",
    request: { params: z.object({ kind: z.string() }) },
    responses: { 200: { description: "never" } },
  });
  const failing: ApiRoutes = {
    name: "failing",
    register(a) {
      a.openapi(boom, () => {
        throw new Error("secret detail at /srv/app/src/x.ts:12:3");
      });
      a.openapi(domain, (c) => {
        const kind = c.req.valid("param").kind;
        if (kind === "kb") throw new AtlasError("knowledge base unusable", { code: "INVALID_KB" });
        throw new NotFoundError("no such thing", { suggestions: ["thing"] });
      });
    },
  };
  it("maps a bug to 500 without its message or stack, and logs it", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const a = testApp({ routes: [failing], logger: pino({ level: "info" }, sink) });
    const r = await a.request("/api/boom");
    expect(r.status).toBe(500);
    const text = await r.text();
    expect(text).not.toContain("secret");
    expect(text).not.toContain("x.ts");
    const body = JSON.parse(text) as ErrorJson;
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).toContain(body.requestId);
    expect(lines.join("")).toContain("secret detail");
  });
  it("maps domain errors by code: NOT_FOUND → 404 with suggestions, INVALID_KB → 503", async () => {
    const a = testApp({ routes: [failing] });
    const nf = (await (await a.request("/api/domain/x")).json()) as ErrorJson;
    expect(nf.error).toMatchObject({ code: "NOT_FOUND", suggestions: ["thing"] });
    expect((await a.request("/api/domain/kb")).status).toBe(503);
  });
});

describe("static files (web/dist)", () => {
  let base: string;
  let web: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), "atlas-web-"));
    web = join(base, "dist");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!doctype html><title>atlas ui</title>");
    writeFileSync(join(web, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(web, ".env"), "SECRET=1");
    writeFileSync(join(base, "secret.txt"), "outside the web root");
    symlinkSync(join(base, "secret.txt"), join(web, "link.txt"));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("serves the UI, its assets and index.html for client-side routes", async () => {
    const a = testApp({ webRoot: web });
    const index = await a.request("/");
    expect(await index.text()).toContain("atlas ui");
    const js = await a.request("/assets/app.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("cache-control")).toContain("immutable");
    const etag = js.headers.get("etag")!;
    expect((await a.request("/assets/app.js", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect(await (await a.request("/scenarios/edge")).text()).toContain("atlas ui");
    expect((await a.request("/api/not-a-route")).status).toBe(404);
  });
  it("never serves a file outside its folder, a symlink out of it, or a dotfile", async () => {
    const a = testApp({ webRoot: web });
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/..%5csecret.txt",
      "/link.txt",
      "/.env",
      "/%00index.html",
      "/%E0%A4%A.js",
    ]) {
      const r = await a.request(path);
      const text = await r.text();
      expect(text, path).not.toContain("outside the web root");
      expect(text, path).not.toContain("SECRET");
    }
  });
});

describe("tracing", () => {
  it("is off without OTEL_EXPORTER_OTLP_ENDPOINT, and says once that it is unavailable without the packages", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: "info" }, sink);
    expect(await setupTracing(logger, {})).toBeUndefined();
    expect(lines).toHaveLength(0);
    expect(await setupTracing(logger, { OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" })).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("tracing is unavailable");
  });
});
