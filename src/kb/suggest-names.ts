/** @module kb/suggest-names — the nearest valid names for a name that does not exist ("did you mean"). */
import { editDistance } from "./edit-distance.js";
import { normalizeName } from "./normalize-name.js";

/** A name to match against and the value to suggest for it (e.g. the alias "K8s" → id "kubernetes"). */
export interface NameCandidate {
  readonly label: string;
  readonly value: string;
}

/** Normalized labels of candidate objects: a knowledge base's candidates live as long as it does. */
const NORMALIZED = new WeakMap<NameCandidate, string>();

function normalizedLabel(c: NameCandidate): string {
  let l = NORMALIZED.get(c);
  if (l === undefined) {
    l = normalizeName(c.label);
    NORMALIZED.set(c, l);
  }
  return l;
}

/**
 * Up to `k` candidates nearest to `query` by edit distance (case-, space- and dash-insensitive),
 * best first; far-off names are left out, so the answer may be empty. A candidate is a plain name or
 * a `{label, value}` pair, so ids can be suggested for a misspelt name, alias or Chinese name.
 * @example suggestNames("k3", ["k3s", "k0s", "kubernetes"]) // ["k3s", "k0s"]
 */
export function suggestNames(query: string, candidates: Iterable<string | NameCandidate>, k = 3): string[] {
  const q = normalizeName(query);
  if (q === "" || k <= 0) return [];
  const qLen = Array.from(q).length;
  // Short names tolerate one edit, longer ones about a third of their length.
  const limit = Math.max(1, Math.min(4, Math.round(qLen / 3)));
  const best = new Map<string, number>();
  for (const c of candidates) {
    const value = typeof c === "string" ? c : c.value;
    const l = typeof c === "string" ? normalizeName(c) : normalizedLabel(c);
    if (l === "") continue;
    let score = editDistance(q, l, limit);
    if (score > limit) {
      // A prefix of a longer name ("kube" → "kubernetes") is still a good guess.
      if (qLen >= 3 && l.startsWith(q)) score = limit + 0.5;
      else continue;
    }
    const seen = best.get(value);
    if (seen === undefined || score < seen) best.set(value, score);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, k)
    .map(([value]) => value);
}

/**
 * The " — did you mean …?" tail of a message, or "" when there is nothing close.
 * @example didYouMean(["k3s"]) // ' — did you mean "k3s"?'
 */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return ` — did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?`;
}
