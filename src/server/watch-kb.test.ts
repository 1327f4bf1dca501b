// serve --watch on real files in a temporary folder: atomic saves, renames and folder moves are seen,
// and a reload that cannot read the folder is refused without ending the process.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { copyValidKb } from "../../test/fixtures/kb/copy-valid-kb.js";
import { safeLoadKb } from "../kb/load-kb.js";
import { createKbSource, type KbSource } from "./kb-source.js";
import { type KbWatcher, watchKb } from "./watch-kb.js";

const logger = pino({ level: "silent" });
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

/** Polls `what` until `ok` holds; throws (failing the test) if it never does within `ms`. */
async function until<T>(what: () => T, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(v).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function watched(): { dir: string; source: KbSource; watcher: KbWatcher } {
  const dir = copyValidKb();
  const source = createKbSource({ dir });
  const watcher = watchKb(source, { dir, logger, debounceMs: 30, pollMs: 100 });
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => watcher.close());
  return { dir, source, watcher };
}

const nameOf = (source: KbSource, id: string) => source.current().technologies.get(id)?.names.en;

/** Saves as editors and `sed -i` do: a new file written beside, renamed over the old one. */
function atomicSave(file: string, text: string): void {
  const tmp = `${file}.swp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

describe("watchKb", () => {
  it("sees every later edit of a file replaced by rename (atomic save), not only the first", async () => {
    const { dir, source } = watched();
    const file = join(dir, "technologies", "opa.yaml");
    const original = readFileSync(file, "utf8");
    const name = nameOf(source, "opa")!;
    atomicSave(file, original.replace(`en: ${name}`, `en: ${name} one`));
    await until(
      () => nameOf(source, "opa"),
      (n) => n === `${name} one`,
    );
    atomicSave(file, original.replace(`en: ${name}`, `en: ${name} two`));
    await until(
      () => nameOf(source, "opa"),
      (n) => n === `${name} two`,
    );
    // A plain write after two renames over the file.
    writeFileSync(file, original.replace(`en: ${name}`, `en: ${name} three`));
    await until(
      () => nameOf(source, "opa"),
      (n) => n === `${name} three`,
    );
    expect(source.status().current).toBe(true);
  });

  it("sees a file renamed away (the reload is refused, the last good one serves) and renamed back", async () => {
    const { dir, source } = watched();
    const file = join(dir, "technologies", "wasmedge.yaml");
    renameSync(file, `${file}.off`);
    const refused = await until(
      () => source.status(),
      (s) => s.revision >= 2,
    );
    expect(refused.current).toBe(false);
    expect(source.current().technologies.has("wasmedge")).toBe(true);
    renameSync(`${file}.off`, file);
    const back = await until(
      () => source.status(),
      (s) => s.current && s.generation >= 2,
    );
    expect(back.lastAttempt.errors).toEqual([]);
  });

  it("sees the folder moved away (reported missing, the last good one serves), moved back and then edited", async () => {
    const { dir, source } = watched();
    const away = `${dir}-away`;
    cleanup.push(() => rmSync(away, { recursive: true, force: true }));
    renameSync(dir, away);
    const gone = await until(
      () => source.status(),
      (s) => !s.lastAttempt.ok,
    );
    expect(gone.lastAttempt.errors.map((e) => e.code)).toContain("MISSING_FILE");
    expect(source.current().technologies.size).toBe(10);
    renameSync(away, dir);
    await until(
      () => source.status(),
      (s) => s.current && s.generation >= 2,
    );
    const file = join(dir, "technologies", "opa.yaml");
    const name = nameOf(source, "opa")!;
    writeFileSync(file, readFileSync(file, "utf8").replace(`en: ${name}`, `en: ${name} moved`));
    await until(
      () => nameOf(source, "opa"),
      (n) => n === `${name} moved`,
    );
  });

  it("stops reloading once closed", async () => {
    const { dir, source, watcher } = watched();
    watcher.close();
    expect(source.status().watching).toBe(false);
    const file = join(dir, "technologies", "opa.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("en: ", "en: closed "));
    // A second, still-open watcher on the same folder sees the change; the closed one must not have.
    const other = createKbSource({ dir });
    const w2 = watchKb(other, { dir, logger, debounceMs: 30, pollMs: 100 });
    cleanup.push(() => w2.close());
    writeFileSync(file, readFileSync(file, "utf8").replace("en: closed ", "en: closed again "));
    await until(
      () => other.status().generation,
      (g) => g >= 2,
    );
    expect(source.status().revision).toBe(1);
  });
});

describe("createKbSource().reload", () => {
  it("turns an I/O error thrown while loading into a refused attempt; the last good knowledge base serves", () => {
    const dir = copyValidKb();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    let calls = 0;
    const source = createKbSource({
      dir,
      load: (d) => {
        calls++;
        // From the second call on, the loader meets a file that vanished (a real ENOENT from the file system).
        if (calls > 1) readFileSync(join(d, "technologies", "vanished.yaml"));
        return safeLoadKb(d);
      },
    });
    const attempt = source.reload("test");
    expect(attempt.ok).toBe(false);
    expect(attempt.errors.map((e) => e.code)).toEqual(["LOAD_FAILED"]);
    expect(attempt.errors[0]!.message).toContain("ENOENT");
    expect(source.status().generation).toBe(1);
    expect(source.current().technologies.size).toBe(10);
  });
});
