// Every shell example in the README runs as written, against the built CLI (bin/stackatlas.mjs), read
// from the README when the test runs: `npx stackatlas …` lines run the CLI, `curl …` lines are sent to a
// server started with `stackatlas serve`, `npm …` lines are the commands that run this very test and
// are not run again. A line fails on an exit code other than 0 (or the one its comment notes as
// `# exit N`), and on output that does not contain what its comment shows after `→`. The CLI's --help
// examples (`$ stackatlas …` lines) run the same way.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Child, startChild } from "../scripts/_serve.js";

const repo = resolve(import.meta.dirname, "..");
const BIN = join(repo, "bin", "stackatlas.mjs");

/** Splits a shell line into words (quotes, backslashes) and its trailing `# comment`. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      while (j < line.length && line[j] !== '"') {
        if (line[j] === "\\" && j + 1 < line.length) j++;
        s += line[j];
        j++;
      }
      if (j >= line.length) throw new Error(`unclosed " in: ${line}`);
      word = (word ?? "") + s;
      i = j + 1;
    } else if (c === "\\" && i + 1 < line.length) {
      word = (word ?? "") + line[i + 1];
      i += 2;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "#" && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else {
      word = (word ?? "") + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, comment: "" };
}

interface Example {
  readonly line: string;
  readonly where: string;
  readonly words: string[];
  /** The exit code the comment notes (`# exit 1`), else 0. */
  readonly code: number;
  /** What the output must contain: the comment's text after `→`, a parenthesised value or up to a comma. */
  readonly shows?: string;
}

function example(line: string, where: string): Example | undefined {
  const { words, comment } = shellWords(line);
  if (words.length === 0) return undefined;
  const code = Number(/\bexit (\d+)\b/.exec(comment)?.[1] ?? 0);
  const after = /→\s*(.+)$/.exec(comment)?.[1]?.trim();
  const shows =
    after === undefined ? undefined : after.startsWith("(") ? /^\([^)]*\)/.exec(after)?.[0] : after.split(/,\s/)[0];
  return { line, where, words, code, ...(shows ? { shows } : {}) };
}

/** The README's shell examples: every line of its ```sh blocks, with the line number. */
function readmeExamples(): Example[] {
  const text = readFileSync(join(repo, "README.md"), "utf8");
  const out: Example[] = [];
  const lines = text.split("\n");
  let inSh = false;
  lines.forEach((l, n) => {
    if (/^```(sh|bash|shell|console)\s*$/.test(l)) inSh = true;
    else if (l.startsWith("```")) inSh = false;
    else if (inSh) {
      const e = example(l.replace(/^\$\s+/, ""), `README.md:${n + 1}`);
      if (e) out.push(e);
    }
  });
  return out;
}

/** `$ stackatlas …` lines in the --help of the CLI and of each command. */
function helpExamples(): Example[] {
  const top = execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
  const commands = [...top.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== "help");
  const out: Example[] = [];
  for (const c of ["", ...commands]) {
    const help = c === "" ? top : execFileSync(process.execPath, [BIN, c, "--help"], { encoding: "utf8" });
    for (const l of help.split("\n")) {
      const m = /^\s*\$\s+((?:npx )?stackatlas\s.*)$/.exec(l);
      const e = m ? example(m[1]!, `stackatlas ${c} --help`) : undefined;
      if (e) out.push(e);
    }
  }
  return out;
}

// Relative paths in the examples (examples/, test/fixtures/) resolve as in a clone; files they write
// (--out) land in a temporary folder.
const cwd = mkdtempSync(join(tmpdir(), "stackatlas-readme-"));
for (const d of ["examples", "test", "data"]) symlinkSync(join(repo, d), join(cwd, d));

const readme = readmeExamples();
const help = helpExamples();
let server: Child | undefined;

beforeAll(async () => {
  if (readme.some((e) => e.words[0] === "curl")) server = await startChild([BIN, "serve", "--port", "0"]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

/** Runs an example; returns its exit code and what it printed. */
async function run(e: Example): Promise<{ code: number; out: string }> {
  const [head, ...args] = e.words;
  if (head === "npx" && args[0] === "stackatlas") {
    const r = spawnSync(process.execPath, [BIN, ...args.slice(1)], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }
  if (head === "stackatlas") return run({ ...e, words: ["npx", ...e.words] });
  if (head === "curl") {
    let method = "GET";
    let body: string | undefined;
    const headers: Record<string, string> = {};
    let url = "";
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-X") method = args[++i]!;
      else if (a === "-H") {
        const [k, ...v] = args[++i]!.split(":");
        headers[k!.trim()] = v.join(":").trim();
      } else if (a === "-d") {
        body = args[++i]!;
        if (method === "GET") method = "POST";
      } else if (a.startsWith("-")) throw new Error(`${e.where}: curl option ${a} is not understood by this test`);
      else url = a;
    }
    const r = await fetch(url.replace(/^http:\/\/127\.0\.0\.1:4173/, server!.url), {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    // curl exits 0 whatever the status; the README shows requests that succeed, so ask for a 2xx.
    return { code: r.ok ? 0 : 22, out: await r.text() };
  }
  throw new Error(`${e.where}: this test does not know how to run "${head}"; teach it, or mark the line`);
}

describe("README examples", () => {
  it("are found: the README has shell examples of the CLI and of the HTTP API", () => {
    expect(readme.filter((e) => e.words[0] === "npx").length).toBeGreaterThan(10);
    expect(readme.filter((e) => e.words[0] === "curl").length).toBeGreaterThan(0);
  });

  // `npm install`, `npm start` and `npm test` are what runs this test (docs/fresh-machine.md shows them run).
  const runnable = readme.filter((e) => e.words[0] !== "npm");
  it.each(runnable.map((e) => [e.where, e] as const))("%s runs as written", async (_where, e) => {
    const r = await run(e);
    expect(r.code, `${e.line}\n${r.out.slice(0, 2000)}`).toBe(e.code);
    if (e.shows !== undefined) expect(r.out).toContain(e.shows);
  });
});

describe("--help examples", () => {
  it("every `$ stackatlas …` example in the help runs as written", async () => {
    for (const e of help) {
      const r = await run(e);
      expect(r.code, `${e.where}: ${e.line}\n${r.out.slice(0, 2000)}`).toBe(e.code);
      if (e.shows !== undefined) expect(r.out).toContain(e.shows);
    }
  });
});

describe("the README test's own parser", () => {
  it("splits words and comments as a shell does, and reads the expected output after →", () => {
    expect(shellWords(`npx stackatlas lookup "(4, 2, 3)" 'a b' c\\ d   # → K3s, x`)).toEqual({
      words: ["npx", "stackatlas", "lookup", "(4, 2, 3)", "a b", "c d"],
      comment: "→ K3s, x",
    });
    expect(example("npx stackatlas locate x  # → (4, 2, 3, edge), completed", "t")?.shows).toBe("(4, 2, 3, edge)");
    expect(example("npx stackatlas show nosuch  # exit 1", "t")?.code).toBe(1);
    expect(shellWords("curl 'http://x/?a=1#b'").words).toEqual(["curl", "http://x/?a=1#b"]);
  });

  it("fails a line whose output differs from what the README shows", async () => {
    const wrong = example('npx stackatlas lookup "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)"  # → runc + Docker', "t")!;
    const r = await run(wrong);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain(wrong.shows);
    expect((await run(example("npx stackatlas show no-such-technology", "t")!)).code).toBe(1);
  });
});
