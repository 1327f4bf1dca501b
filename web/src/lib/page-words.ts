/**
 * @module web/lib/page-words — a page's own words in English and Chinese, kept in the page's chunk: the shell's
 * dictionary (web/lib/i18n, in the first paint) holds only what every page shares.
 */
import { type T, useLang } from "./i18n.js";

type Vars = Readonly<Record<string, string | number>>;

/**
 * The page's language, the shell's `t`, and `w` for the page's words (`{name}` filled in).
 * @example const { w } = usePageWords(EN, ZH); w("stepAfter", { n: 2 })
 */
export function usePageWords<K extends string>(
  en: Readonly<Record<K, string>>,
  zh: Readonly<Record<K, string>>,
): { lang: "en" | "zh"; t: T; w: (key: K, vars?: Vars) => string } {
  const { lang, t } = useLang();
  const words = lang === "zh" ? zh : en;
  const w = (key: K, vars: Vars = {}) =>
    words[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  return { lang, t, w };
}
