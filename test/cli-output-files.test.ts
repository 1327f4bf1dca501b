// Files the CLI writes are written atomically, and `--format json` errors are JSON objects.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./_cli.js";

const temp: string[] = [];
afterEach(() => {
  for (const d of temp.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "sa-out-"));
  temp.push(d);
  return d;
};

describe("export -o", () => {
  it("replaces a file whole, keeps its permission bits and leaves no temporary file", async () => {
    const dir = tmp();
    const file = join(dir, "graph.json");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    const r = await runCli("export", "--as", "json", "-o", file);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("nodes");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["graph.json"]);
  });

  it("says clearly when it cannot write, and changes nothing", async () => {
    const dir = tmp();
    const r = await runCli("export", "--as", "json", "-o", join(dir, "missing", "graph.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("cannot write");
    expect(r.err).toContain("ENOENT");
    expect(r.err).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(readdirSync(dir)).toEqual([]);
    const zh = await runCli("export", "--as", "json", "-o", join(dir, "missing", "graph.json"), "--lang", "zh");
    expect(zh.err).toContain("无法写入");
  });
});

describe("--format json errors", () => {
  it("prints a JSON error object with a code, the message and suggestions", async () => {
    const r = await runCli("show", "kubernetis", "--format", "json");
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out) as { error: { code: string; message: string; suggestions: string[] } };
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.suggestions).toContain("kubernetes");
  });

  it("prints usage errors as JSON too (exit 2), in the language asked", async () => {
    const r = await runCli("-f", "json", "show", "--bogus");
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toBe("USAGE");
    const zh = await runCli("-f", "json", "--lang", "zh", "show", "--bogus");
    expect((JSON.parse(zh.out) as { error: { message: string } }).error.message).toContain("未知选项");
  });

  it("keeps plain-text errors for the table format", async () => {
    const r = await runCli("show", "kubernetis");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("kubernetis");
  });
});
