#!/usr/bin/env node
// The installed command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
import { existsSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write("stackatlas: the CLI is not built yet. Run `npm run build` (or `npm install`) first.\n");
  process.exit(2);
}
// Node ≥ 22.1 keeps the compiled code of the modules loaded from here on in a disk cache (its own folder
// in the system's temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Older Node has no such
// API: nothing happens.
module.enableCompileCache?.();
// An internal error's stack (STACKATLAS_DEBUG=1) points into src/ through the bundle's source maps. They
// are read only then: parsing them on every start would cost more than the rest of the start-up.
if (process.env.STACKATLAS_DEBUG) process.setSourceMapsEnabled(true);
// A reader that stops early (`stackatlas list | head -1`) closes the pipe: stop quietly, as Unix tools do,
// instead of failing on the next write.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
