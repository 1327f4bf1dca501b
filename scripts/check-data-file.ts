// Quick per-file check while authoring data: YAML syntax and the file's schema, one line per issue.
// The full validator (`stackatlas validate`) adds cross-file checks (ids, sources, cycles, orderings).
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseDocument } from "yaml";
import { dataFileKind } from "../src/kb/data-files.js";

const root = resolve(import.meta.dirname, "..", "data");
let bad = 0;
for (const arg of process.argv.slice(2)) {
  const rel = relative(root, resolve(arg)).split("\\").join("/");
  const kind = dataFileKind(rel);
  if (!kind) {
    console.log(`${arg}: not a knowledge-base data file (path relative to data/: ${rel})`);
    bad++;
    continue;
  }
  const doc = parseDocument(readFileSync(arg, "utf8"));
  if (doc.errors.length) {
    for (const e of doc.errors) console.log(`${arg}: YAML ${e.message}`);
    bad++;
    continue;
  }
  const r = kind.schema.safeParse(doc.toJS());
  if (!r.success) {
    for (const i of r.error.issues) console.log(`${arg}: ${i.path.join(".")}: ${i.message}`);
    bad++;
  }
}
console.log(bad ? `${bad} file(s) with problems` : "all files pass their schema");
process.exit(bad ? 1 : 0);
