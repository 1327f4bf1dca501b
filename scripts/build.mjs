// Bundles the CLI and the library with esbuild: the bundled CLI starts several times faster than
// running the TypeScript through tsx.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

// The build's identity: a hash of the sources. The CLI keys its knowledge-base snapshots with it, so a
// snapshot made by other code is never reused.
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
  sourcemap: true,
  packages: "external",
  logLevel: "warning",
};
// One build with code splitting: commands load their heavy engines (the server, the graph library)
// only when they run, so a command's start-up pays for what it uses.
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { __STACKATLAS_BUILD__: JSON.stringify(buildId()) },
});
