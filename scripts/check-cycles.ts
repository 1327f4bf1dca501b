// Fails when the source has an import cycle among runtime imports (`import type` is erased, so it
// cannot form one), or when a lower layer imports a higher one (data → kb → network → engines →
// surfaces; docs/architecture.md, "Layers"). Prints every cycle and every upward import found.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "src");
const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".d.ts")) files.push(p);
  }
};
walk(root);

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?["'](\.[^"']+)["']/gm;
const graph = new Map<string, string[]>();
for (const f of files) {
  const text = readFileSync(f, "utf8");
  const deps: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    // A statement that imports only types (`import { type A, type B }`) is erased too.
    const statement = m[0];
    const names = /\{([^}]*)\}/.exec(statement)?.[1];
    if (names?.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    deps.push(resolve(dirname(f), m[1]!.replace(/\.js$/, ".ts")));
  }
  graph.set(
    f,
    deps.filter((d) => graph.has(d) || files.includes(d)),
  );
}

// Layers, lowest first; a module may import its own layer or lower ones.
const LAYERS: readonly (readonly string[])[] = [
  ["model", "errors.ts", "i18n", "seeded-random.ts"],
  ["kb"],
  ["network"],
  ["coordinate", "evolution", "recommend", "design", "observability", "analysis", "export"],
  ["cli", "server", "index.ts"],
];
const layerOf = (f: string) => {
  const top = relative(root, f).split("/")[0]!;
  return LAYERS.findIndex((l) => l.includes(top));
};

const cycles: string[][] = [];
const state = new Map<string, 0 | 1 | 2>();
const stack: string[] = [];
const visit = (f: string) => {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d]);
    else if (!state.get(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
};
for (const f of files) if (!state.get(f)) visit(f);

const upward: string[] = [];
for (const [f, deps] of graph) {
  for (const d of deps) {
    const lf = layerOf(f);
    const ld = layerOf(d);
    if (lf >= 0 && ld >= 0 && ld > lf) upward.push(`${relative(root, f)} → ${relative(root, d)}`);
  }
}

for (const c of cycles) console.error(`import cycle: ${c.map((f) => relative(root, f)).join(" → ")}`);
for (const u of upward) console.error(`lower layer imports a higher one: ${u}`);
console.log(`${files.length} modules: ${cycles.length} import cycles, ${upward.length} upward imports`);
process.exit(cycles.length + upward.length > 0 ? 1 : 0);
