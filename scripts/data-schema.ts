// Writes the JSON Schema of every data-file kind into data/schema/, generated from the zod schemas.
// With --check, writes nothing and exits 1 when a committed schema is out of date.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DATA_FILE_KINDS } from "../src/kb/data-files.js";

const dir = join(import.meta.dirname, "..", "data", "schema");
const check = process.argv.includes("--check");
mkdirSync(dir, { recursive: true });
let stale = 0;
for (const kind of DATA_FILE_KINDS) {
  const schema = {
    ...z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }),
    title: kind.name,
    description: kind.description,
  };
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  const file = join(dir, `${kind.name}.schema.json`);
  let old = "";
  try {
    old = readFileSync(file, "utf8");
  } catch {}
  if (old === text) continue;
  if (check) {
    console.error(`data/schema/${kind.name}.schema.json is out of date: run npm run data:schema`);
    stale++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote data/schema/${kind.name}.schema.json`);
  }
}
process.exit(stale ? 1 : 0);
