// Builds the bundled CLI once before the tests that spawn it as a user would.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "scripts", "build.mjs")], { stdio: "inherit" });
}
