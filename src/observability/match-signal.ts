/** @module observability/match-signal — which declared rule a signal's text matches (case-insensitive, longest pattern wins). */
import { NotFoundError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { DIAGNOSE } from "../i18n/observe-phrases.js";
import { suggestNames } from "../kb/suggest-names.js";

export interface SignalMatch<R> {
  readonly rule: R;
  /** The pattern that matched. */
  readonly pattern: string;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The rules whose patterns occur in `text` (or that `text` names by id), best (longest pattern) first.
 * @example matchSignal(rules, "Warning: OOMKilled")[0]?.rule.id // "oom-killed"
 */
export function matchSignal<R extends { readonly id: string; readonly patterns: readonly string[] }>(
  rules: readonly R[],
  text: string,
): SignalMatch<R>[] {
  const t = fold(text);
  const out: SignalMatch<R>[] = [];
  for (const rule of rules) {
    if (t === rule.id) {
      out.push({ rule, pattern: rule.id });
      continue;
    }
    const hits = rule.patterns.filter((p) => t.includes(fold(p))).sort((a, b) => b.length - a.length);
    if (hits[0] !== undefined) out.push({ rule, pattern: hits[0] });
  }
  return out.sort((a, b) => b.pattern.length - a.pattern.length);
}

/**
 * Like {@link matchSignal}, but throws NotFoundError (with the nearest patterns, worded in `lang`) when
 * nothing matches; `what` says which kind of signal was asked for.
 * @example requireSignal(rules, "EPT violation", "vertical").rule.level // "L-0"
 */
export function requireSignal<R extends { readonly id: string; readonly patterns: readonly string[] }>(
  rules: readonly R[],
  text: string,
  what: "vertical" | "horizontal",
  lang: Lang = "en",
): SignalMatch<R> & { readonly alternatives: readonly SignalMatch<R>[] } {
  const [best, ...rest] = matchSignal(rules, text);
  if (best === undefined) {
    throw new NotFoundError(DIAGNOSE.noMatch(lang, { what, text }), {
      suggestions: suggestNames(
        text,
        rules.flatMap((r) => r.patterns),
        5,
      ),
    });
  }
  return { ...best, alternatives: rest };
}
