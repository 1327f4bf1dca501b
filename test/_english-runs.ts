/**
 * @module test/_english-runs — finds English words left in output meant to be Chinese, after taking out
 * what may stay English: the knowledge base's own English-only text and names, URLs, paths, codes and
 * units. Used by the zh scan test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";

/** Data files whose strings are the atlas's vocabulary (both languages are required there, so never allowed in English). */
const VOCABULARY_FILES = new Set(["vocabulary.yaml", "dimensions.yaml"]);
/** Keys whose single-word values are names, not vocabulary (ids, aliases, English names, handlers). */
const NAME_KEYS = new Set([
  "id",
  "aliases",
  "en",
  "name",
  "title",
  "handler",
  "repo",
  "subject",
  "from",
  "to",
  "anyOf",
  "of",
]);

function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walkFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

/**
 * The English text of the knowledge base that has no Chinese beside it (source titles, figure
 * conditions, claims, notes), and its names and ids. Free text counts only when it has a space: a
 * single word outside a name key is vocabulary (a role, a trait value, a scope) and must be translated.
 */
export function dataEnglish(dataDir: string): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | undefined): void => {
    if (typeof value === "string") {
      if (!/[A-Za-z]/.test(value)) return;
      if (/\s/.test(value.trim()) || (key !== undefined && NAME_KEYS.has(key))) found.add(value.trim());
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) visit(v, key);
      return;
    }
    if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      // English with a Chinese translation beside it: Chinese output must use the translation, except
      // for names, whose English (and the Latin words in the Chinese name) are proper names.
      if (typeof record.zh === "string" && typeof record.en === "string") {
        if (key === "names") found.add(record.en);
        // The Latin words Chinese text keeps are proper names its writers chose not to translate.
        for (const m of record.zh.matchAll(/[A-Za-z][\w.+-]*(?: [A-Za-z][\w.+-]*)*/g)) found.add(m[0]);
        return;
      }
      for (const [k, v] of Object.entries(record)) visit(v, k);
    }
  };
  for (const file of walkFiles(dataDir)) {
    const rel = relative(dataDir, file);
    if (VOCABULARY_FILES.has(rel) || rel.startsWith("schema") || rel.startsWith("landscape")) continue;
    visit(parse(readFileSync(file, "utf8")), undefined);
  }
  return [...found];
}

/**
 * Words that stay English in Chinese output wherever they appear, each for a reason: product and
 * standard names the knowledge base writes inside other text, the file formats and protocols the
 * commands read and write, and units.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // Units (SI and binary prefixes, time, and the atlas's counted units).
  "ms",
  "ns",
  "µs",
  "min",
  "KiB",
  "MiB",
  "GiB",
  "TiB",
  "KB",
  "MB",
  "GB",
  "vCPU",
  // Names of formats, protocols and tools the output refers to by their own name.
  "kubectl",
  "Mermaid",
  "Graphviz",
  "Cypher",
  "Neo4j",
  "RuntimeClass",
  "RuntimeClasses",
  "Pod",
  "Pods",
  "eBPF",
  "Wasm",
  "WebAssembly",
  "stackatlas",
  "landscape",
  // Named methods: the Brier score, PageRank.
  "Brier",
  "PageRank",
]);

const patterns = new WeakMap<readonly string[], RegExp>();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The allowed strings as one pattern, longest first, each matched as whole words only. */
function allowedPattern(allowed: readonly string[]): RegExp {
  let re = patterns.get(allowed);
  if (re === undefined) {
    const alternatives = longestFirst(allowed.map(firstOut).filter((a) => /[A-Za-z]/.test(a)))
      .map(escapeRegExp)
      .join("|");
    re = new RegExp(`(?<![\\w/-]|\\w\\.)(?:${alternatives || "(?!)"})(?![\\w/-]|\\.\\w)`, "g");
    patterns.set(allowed, re);
  }
  return re;
}

/**
 * Taken out first, of the output and of the allowed text alike (which may contain them): URLs, recorded
 * stacks by id, and anything with a digit (L-4, O2, v1.30, 2025-01-01, seed-case-2).
 */
const FIRST = [/https?:\/\/\S+/g, /\b(?:case|scenario):[\w.#-]+/g, /(?<![\w.+/:-])[\w.+/:-]*\d[\w.+/:-]*/g];

const firstOut = (s: string): string => {
  let out = s;
  for (const re of FIRST) out = out.replace(re, " ");
  return out.replace(/[ \t]+/g, " ").trim();
};

/** Text that is never checked: file paths, code in backticks, flags, ids with digits, upper-case codes. */
const NEVER_CHECKED = [
  /(?:\.{0,2}\/)?(?:[\w.@-]+\/)+[\w.-]+/g,
  /`[^`\n]*`/g,
  /--?[a-z][\w-]*/g, // flags and options
  /\b[A-Z][A-Z0-9_]+\b/g, // codes and acronyms: STALE_FIGURE, CNCF, GPU, OTLP
  /\b\w+_\w+\b/g, // identifiers with underscores: metric and log names (container_cpu_cfs_throttled_seconds_total)
  /\b[A-Z]\w*[a-z]\w*[A-Z]\w*\b|\b[A-Z]{2,}[a-z]\w*\b/g, // PascalCase identifiers: Kubernetes kinds and reasons (DaemonSet, OOMKilled)
  /^[a-z-]+：/gm, // the command or operation an error comes from (design：…), as it is typed
  /\b[a-z]+(?:\.[A-Za-z]+)+\b/g, // key paths in a file: must.coldStartMs
  /是否要找[ ：][^？]*？/g, // suggestions: names to type
];

/** One English word or a run of them (joined by spaces, hyphens or apostrophes). */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*)*/g;

/**
 * The English runs left in `text` once the allowed strings (longest first), the never-checked patterns
 * and the allowed words are taken out.
 */
export function englishRuns(text: string, allowed: readonly string[]): string[] {
  let rest = text
    .split("\n")
    .map((l) => firstOut(l))
    .join("\n");
  rest = rest.replace(allowedPattern(allowed), " ");
  for (const re of NEVER_CHECKED) rest = rest.replace(re, " ");
  const runs: string[] = [];
  for (const m of rest.matchAll(ENGLISH_RUN)) {
    const words = m[0]
      .split(/[ ,]+/)
      .filter((w) => w.length >= 2 && !ALLOWED_WORDS.has(w) && !ALLOWED_WORDS.has(w.replace(/s$/, "")));
    if (words.length > 0) runs.push(words.join(" "));
  }
  return runs;
}

/** Sorts strings longest first, so a longer allowed text is taken out before a shorter one inside it. */
export const longestFirst = (xs: readonly string[]): string[] => [...new Set(xs)].sort((a, b) => b.length - a.length);

/**
 * The names the CNCF landscape gives its categories, subcategories and items (its own English names,
 * reported as the landscape writes them).
 */
export function landscapeNames(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(/^\s*name: (.+)$/gm)].map((m) =>
    m[1]!.trim().replace(/^["']|["']$/g, ""),
  );
}
