/** @module web/lib/text-in — knowledge-base free text (plain English, or both languages) in the page's language. */
import type { Lang } from "./i18n.js";

/**
 * The text in `lang`, else its English (a knowledge-base text may be English only); undefined when `text` is
 * no text (the API declares some texts loosely, as a string or `{ en, zh }`).
 */
export function textIn(text: unknown, lang: Lang): string | undefined {
  if (typeof text === "string") return text;
  if (text === null || typeof text !== "object") return undefined;
  const o = text as { en?: unknown; zh?: unknown };
  const pick = lang === "zh" && typeof o.zh === "string" ? o.zh : o.en;
  return typeof pick === "string" ? pick : undefined;
}
