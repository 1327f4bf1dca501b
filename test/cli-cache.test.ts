// The bundled CLI's snapshot cache, as a user meets it: `validate` judges the files themselves, and a
// cache folder other users may write in is not used, with a warning in the user's language.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyValidKb } from "./fixtures/kb/copy-valid-kb.js";

const BIN = join(import.meta.dirname, "..", "bin", "stackatlas.mjs");
const temp: string[] = [];
afterEach(() => {
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cli(cache: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, STACKATLAS_CACHE_DIR: cache },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function setup() {
  const data = copyValidKb();
  const cache = mkdtempSync(join(tmpdir(), "sa-cli-cache-"));
  temp.push(data, cache);
  return { data, cache };
}

describe("the CLI's snapshot cache", () => {
  it("validate reads the files itself: a warning planted in a (re-signed) snapshot never shows", () => {
    const { data, cache } = setup();
    expect(cli(cache, "-d", data, "show", "opa", "-f", "json").code).toBe(0);
    const snap = readdirSync(cache).find((f) => /^[0-9a-f]{64}\.json$/.test(f))!;
    const text = readFileSync(join(cache, snap), "utf8");
    const nl = text.indexOf("\n");
    const header = text.slice(0, nl);
    const body = JSON.parse(text.slice(nl + 1)) as { warnings: unknown[] };
    body.warnings.push({ code: "UNKNOWN_FILE", severity: "warning", file: "PLANTED", path: [], message: "PLANTED" });
    const newBody = JSON.stringify(body);
    const sum = createHash("sha256").update(newBody).digest("hex");
    writeFileSync(join(cache, snap), `${header.slice(0, header.lastIndexOf(":") + 1)}${sum}\n${newBody}`);
    const v = cli(cache, "-d", data, "validate", "-f", "json");
    expect(v.code).toBe(0);
    expect(v.out).not.toContain("PLANTED");
    expect((JSON.parse(v.out) as { valid: boolean }).valid).toBe(true);
  });

  it("does not use a cache folder others may write in, and warns in English or Chinese", () => {
    const { data, cache } = setup();
    chmodSync(cache, 0o777);
    const en = cli(cache, "-d", data, "show", "opa", "-f", "json");
    expect(en.code).toBe(0);
    expect(en.err).toContain(`the cache folder ${cache} is not used`);
    expect(readdirSync(cache)).toEqual([]);
    const zh = cli(cache, "-d", data, "show", "opa", "-f", "json", "--lang", "zh");
    expect(zh.code).toBe(0);
    expect(zh.err).toContain(`未使用缓存目录 ${cache}`);
    chmodSync(cache, 0o700);
    const ok = cli(cache, "-d", data, "show", "opa", "-f", "json");
    expect(ok.err).toBe("");
    expect(readdirSync(cache).length).toBeGreaterThan(0);
  });
});
