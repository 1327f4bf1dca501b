#!/usr/bin/env node
// The installed command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write("stackatlas: the CLI is not built yet. Run `npm run build` (or `npm install`) first.\n");
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
