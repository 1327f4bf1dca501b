// The library as a user gets it: `npm pack`, install the tarball into an empty project, compile a small
// TypeScript program against the shipped declarations (strict, NodeNext) and run it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "..");
const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
const dir = mkdtempSync(join(tmpdir(), "stackatlas-consumer-"));

/** Runs a command; on failure the error carries what it printed (tsc reports on stdout). */
function sh(cmd: string, args: string[], cwd = dir): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const r = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  }
}

const PROGRAM = `import { type Kb, loadKb, locate, lookup, shippedLandscapePath, AtlasError } from "stackatlas";
import { readFileSync } from "node:fs";

const kb: Kb = loadKb();
const match = lookup(kb, "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)").matches[0];
const located: string = locate(kb, "K3s + WasmEdge + Gatekeeper").coordinate.text;
const landscape = readFileSync(shippedLandscapePath(), "utf8").length > 0;
let refused = false;
try {
  locate(kb, "");
} catch (e) {
  refused = e instanceof AtlasError;
}
console.log(JSON.stringify({ technologies: kb.counts.technologies, top: match?.stack.label, located, landscape, refused }));
`;

const WRONG = `import { lookup } from "stackatlas";
const n: number = lookup;
`;

beforeAll(() => {
  // The tests' global setup has built dist/ with its declarations; pack it as npm would publish it.
  const packed = JSON.parse(sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], repo)) as {
    filename: string;
  }[];
  const tarball = join(dir, packed[0]!.filename);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball]);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: false,
        types: ["node"],
        typeRoots: [join(repo, "node_modules", "@types")],
        outDir: "out",
      },
      files: ["main.ts"],
    }),
  );
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("stackatlas from its packed tarball", () => {
  it("ships its declarations, the knowledge base and the landscape snapshot, and no intermediate files", () => {
    const pkg = join(dir, "node_modules", "stackatlas");
    expect(readdirSync(join(pkg, "dist"))).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "cli.js"]));
    expect(readdirSync(join(pkg, "dist"))).not.toContain("types");
    expect(readdirSync(join(pkg, "data", "landscape"))).toEqual(["SOURCE.md", "landscape.yml"]);
  });

  it("a TypeScript program importing it compiles against the declarations and runs", () => {
    writeFileSync(join(dir, "main.ts"), PROGRAM);
    sh(process.execPath, [tsc, "-p", "tsconfig.json"]);
    const out = JSON.parse(sh(process.execPath, [join("out", "main.js")])) as Record<string, unknown>;
    expect(out).toMatchObject({
      top: "K3s + WasmEdge + Gatekeeper",
      located: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
      landscape: true,
      refused: true,
    });
    expect(out.technologies).toBeGreaterThan(100);
    // tsc checks zod's and Node's declarations too: a minute or more on a loaded machine (a ceiling).
  }, 300_000);

  it("a program that misuses the API does not compile", () => {
    writeFileSync(join(dir, "main.ts"), WRONG);
    let error = "";
    try {
      sh(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit"]);
    } catch (e) {
      error = String(e);
    }
    expect(error).toMatch(/main\.ts\(2,7\): error TS2322/);
  }, 300_000);
});
