// A reload off the event loop (the loader thread, dist/kb-load-worker.js, as `serve --watch` runs it):
// requests and /healthz are answered while the folder is read and validated, the old knowledge base
// serves until the new one is compiled, a folder that cannot be read fails that reload only, and reloads
// never overlap.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeLoadKb } from "../src/kb/load-kb.js";
import { createKbLoader, type KbLoader } from "../src/server/kb-loader.js";
import { createKbSource, type KbSource } from "../src/server/kb-source.js";
import { json, testApp } from "./_server.js";
import { copyValidKb } from "./fixtures/kb/copy-valid-kb.js";

const loaderFile = join(import.meta.dirname, "..", "dist", "kb-load-worker.cjs");

describe("reload in the loader thread", () => {
  let dir: string;
  let loader: KbLoader;
  let source: KbSource;
  beforeAll(() => {
    dir = copyValidKb();
    loader = createKbLoader({ workerFile: loaderFile });
    source = createKbSource({ dir, loadAsync: (d) => loader.load(d) });
  });
  afterAll(async () => {
    await loader.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const nameOf = (id: string) => source.current().technologies.get(id)?.names.en;

  it("answers /healthz and reads from the old knowledge base while the folder is read, then serves the new one", async () => {
    const file = join(dir, "technologies", "opa.yaml");
    const name = nameOf("opa")!;
    writeFileSync(file, readFileSync(file, "utf8").replace(`en: ${name}`, `en: ${name} edited`));
    const app = testApp({ kbSource: source });
    let settled = false;
    const reload = source.refresh("edit").then((r) => {
      settled = true;
      return r;
    });
    // The event loop turns while the folder is read: this request is answered before the reload ends.
    expect((await app.request("/healthz")).status).toBe(200);
    const during = await json(app.request("/api/technologies/opa"));
    expect(settled).toBe(false);
    expect((during.body as { names: { en: string } }).names.en).toBe(name);
    const r = await reload;
    expect(r.ok).toBe(true);
    expect(source.status().generation).toBe(2);
    expect(nameOf("opa")).toBe(`${name} edited`);
    // Compiled from the validated data the thread sent: the same knowledge base as a load on this thread.
    const here = safeLoadKb(dir);
    expect(here.ok && here.kb.technologies.get("opa")?.names).toEqual(source.current().technologies.get("opa")?.names);
  });

  it("refuses an invalid folder with its located errors and keeps serving the last good one", async () => {
    const file = join(dir, "technologies", "opa.yaml");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, `${good}\nrole: [not, a, role\n`);
    const r = await source.refresh("broken");
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.file).toBe("technologies/opa.yaml");
    expect(r.errors[0]?.line).toBeGreaterThan(0);
    expect(source.status().current).toBe(false);
    expect(nameOf("opa")).toMatch(/edited$/);
    writeFileSync(file, good);
    expect((await source.refresh("fixed")).ok).toBe(true);
  });

  it("fails a reload of a folder that vanished as an issue, never a crash, and recovers when it is back", async () => {
    const away = `${dir}.away`;
    renameSync(dir, away);
    try {
      const r = await source.refresh("vanished");
      expect(r.ok).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
      expect(source.current().technologies.has("opa")).toBe(true);
    } finally {
      renameSync(away, dir);
    }
    expect((await source.refresh("back")).ok).toBe(true);
  });
});

describe("refresh", () => {
  it("never runs two loads at once: calls during a load are served by one more load after it", async () => {
    const dir = copyValidKb();
    try {
      let active = 0;
      let most = 0;
      let loads = 0;
      const source = createKbSource({
        dir,
        loadAsync: async (d) => {
          active++;
          loads++;
          most = Math.max(most, active);
          await new Promise((r) => setTimeout(r, 50));
          const r = safeLoadKb(d);
          active--;
          return r;
        },
      });
      const attempts = await Promise.all([source.refresh("a"), source.refresh("b"), source.refresh("c")]);
      expect(most).toBe(1);
      // The first, then one more for the two asked while it ran.
      expect(loads).toBe(2);
      expect(attempts.every((a) => a.ok)).toBe(true);
      expect(source.status().generation).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turns a loader that throws into a failed attempt (LOAD_FAILED), the last good knowledge base serving", async () => {
    const dir = copyValidKb();
    try {
      const source = createKbSource({
        dir,
        loadAsync: () => Promise.reject(Object.assign(new Error("gone"), { code: "ENOENT" })),
      });
      const r = await source.refresh("x");
      expect(r.ok).toBe(false);
      expect(r.errors[0]?.code).toBe("LOAD_FAILED");
      expect(r.errors[0]?.message).toContain("ENOENT");
      expect(source.status().generation).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
