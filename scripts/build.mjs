// Bundles the CLI and the library with esbuild: the bundled CLI starts several times faster than
// running the TypeScript through tsx.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { build } from "esbuild";

// The build's identity: a hash of the sources. The CLI keys its knowledge-base snapshots with it, so a
// snapshot made by other code is never reused. (package.json pins every dependency's exact version.)
function buildId() {
  const h = createHash("sha256");
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) h.update(`${p}\0${readFileSync(p)}\0`);
    }
  };
  walk("src");
  h.update(readFileSync("package.json"));
  return h.digest("hex").slice(0, 16);
}

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Stack traces map back to src/ with `node --enable-source-maps`, or STACKATLAS_DEBUG=1 (bin/stackatlas.mjs).
  sourcemap: true,
  logLevel: "warning",
  metafile: true,
  define: { __STACKATLAS_BUILD__: JSON.stringify(buildId()) },
};

// The CLI: its dependencies are bundled in. Opening and resolving the packages' files one by one
// (hundreds of them) was most of its start-up. Code splitting keeps what each command needs apart:
// register-commands.ts imports only the command that runs, and the knowledge-base loader (YAML parser,
// schemas, checks) is imported only when its snapshot misses (cli/_context.ts), so a command's start-up
// pays for what it uses.

// The commands print YAML only for `--format yaml`, yet cli/_output.ts imports the YAML library's
// `stringify` statically: for them (src/cli/*), `yaml` is a small module that loads the package on the
// first call (the package's own files, as installed). Other importers — the knowledge-base loader — bundle it.
// A command that imports more than `stringify` from yaml fails this build ("No matching export"): add it here.
const lazyYaml = {
  name: "lazy-yaml",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]/.test(args.importer) ? { path: "yaml", namespace: "lazy-yaml" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-yaml" }, () => ({
      contents: [
        'import { createRequire } from "node:module";',
        "let yaml;",
        "export function stringify(...args) {",
        '  yaml ??= createRequire(import.meta.url)("yaml");',
        "  return yaml.stringify(...args);",
        "}",
      ].join("\n"),
      loader: "js",
    }));
  },
};

const cli = await build({
  ...common,
  plugins: [lazyYaml],
  // The compute pool's worker and the reload's loader are entries of their own: piscina starts each by file name.
  entryPoints: {
    cli: "src/cli/main.ts",
    "compute-worker": "src/server/compute-worker.ts",
    "kb-load-worker": "src/server/kb-load-worker.ts",
  },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // pino and piscina stay packages: they run worker threads from their own files.
  external: ["pino", "piscina"],
  // Bundled CommonJS packages call require() for Node's built-in modules: this gives them one.
  banner: {
    js: 'import { createRequire as __stackatlasRequire } from "node:module"; const require = __stackatlasRequire(import.meta.url);',
  },
});

// The library (`main`): its dependencies stay packages the application installs once and shares.
const lib = await build({
  ...common,
  entryPoints: { index: "src/index.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/lib-[name]-[hash]",
  packages: "external",
});

// Chunks of earlier builds pile up (names carry a hash of their content): remove those not written now,
// once they are old enough that no CLI started before this build can still be loading them.
const written = new Set(
  [...Object.keys(cli.metafile.outputs), ...Object.keys(lib.metafile.outputs)].map((p) => relative("dist", p)),
);
const STALE_MS = 10 * 60 * 1000;
for (const name of existsSync(join("dist", "chunks")) ? readdirSync(join("dist", "chunks")) : []) {
  const p = join("dist", "chunks", name);
  if (written.has(join("chunks", name))) continue;
  try {
    if (Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { force: true });
  } catch {
    // Another build removed it first.
  }
}

// The library's type declarations (`types`): tsc writes one .d.ts per module reachable from src/index.ts
// into dist/types/, and API Extractor rolls them into dist/index.d.ts. `--no-types` skips them (the
// tests' global setup, which runs the CLI only). The API report (api/stackatlas.api.md) is checked by
// `npm run check:api` and updated by `npm run api:update`, never here: a build does not change it.
if (!process.argv.includes("--no-types")) {
  rmSync(join("dist", "types"), { recursive: true, force: true });
  execFileSync(process.execPath, [join("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.types.json"], {
    stdio: "inherit",
  });
  const file = ExtractorConfig.loadFile("api-extractor.json");
  const config = ExtractorConfig.prepare({
    configObject: { ...file, apiReport: { ...file.apiReport, enabled: false } },
    configObjectFullPath: join(process.cwd(), "api-extractor.json"),
    packageJsonFullPath: join(process.cwd(), "package.json"),
  });
  const result = Extractor.invoke(config, { localBuild: true, showVerboseMessages: false });
  if (!result.succeeded) {
    console.error(`build: the type declarations did not roll up (${result.errorCount} errors)`);
    process.exit(1);
  }
}
