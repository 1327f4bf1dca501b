/** @module test/_server — the HTTP API built in-process for `app.request()` tests, on the built-in knowledge base. */
import pino from "pino";
import { expect } from "vitest";
import { defaultDataDir } from "../src/kb/default-data-dir.js";
import type { AtlasApp } from "../src/server/app-env.js";
import { type CreateAppOptions, createApp } from "../src/server/create-app.js";
import { createKbSource, type KbSource } from "../src/server/kb-source.js";

let shared: KbSource | undefined;

/** The built-in knowledge base as a source, loaded once per test file. */
export function builtInSource(): KbSource {
  shared ??= createKbSource({ dir: defaultDataDir() });
  return shared;
}

/** A logger that writes nothing (tests read answers, not logs). */
export const silentLogger = pino({ level: "silent" });

/** The app over the built-in knowledge base, with any option replaced. */
export function testApp(options: Partial<CreateAppOptions> = {}): AtlasApp {
  return createApp({ kbSource: builtInSource(), logger: silentLogger, ...options });
}

/** A JSON POST. */
export function postJson(app: AtlasApp, path: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

export interface ErrorJson {
  error: {
    code: string;
    message: string;
    issues: { path: (string | number)[]; code: string; message: string }[];
    suggestions: string[];
  };
  requestId: string;
}

/** A response's status, JSON body and headers. */
export async function json<T = Record<string, unknown>>(
  res: Response | Promise<Response>,
): Promise<{ status: number; body: T; headers: Headers }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as T, headers: r.headers };
}

/** Asserts an error answer: its status, the error shape every route shares, never a stack trace. */
export function expectError(r: { status: number; body: unknown }, status: number, code?: string): ErrorJson {
  expect(r.status).toBe(status);
  const body = r.body as ErrorJson;
  expect(typeof body.error.message).toBe("string");
  expect(Array.isArray(body.error.issues)).toBe(true);
  expect(typeof body.requestId).toBe("string");
  if (code !== undefined) expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return body;
}
