/** @module test/_server — the HTTP API built in-process for `app.request()` tests, on the built-in knowledge base. */
import pino from "pino";
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
