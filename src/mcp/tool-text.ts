/** @module mcp/tool-text — a tool answer's short text: its summary lines, then the sources it cites with grade and URL. */
import type { Lang } from "../i18n/lang.js";
import { MCP } from "../i18n/mcp-phrases.js";
import type { Kb } from "../kb/kb.js";

/** How many sources the text lists (the structured content has every one). */
const MAX_SOURCES = 12;

/**
 * Every source an answer cites, first citation first: a `source` that is an id (or an object with an
 * id), with the grade beside it when the answer gives one.
 * @example citedSources({ facts: [{ source: "k3s-docs", grade: "A" }] }) // [{ id: "k3s-docs", grade: "A" }]
 */
export function citedSources(answer: unknown): { id: string; grade?: string }[] {
  const found = new Map<string, { id: string; grade?: string }>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    const s = o.source;
    const id =
      typeof s === "string"
        ? s
        : typeof (s as { id?: unknown })?.id === "string"
          ? (s as { id: string }).id
          : undefined;
    const grade =
      typeof o.grade === "string"
        ? o.grade
        : typeof (s as { grade?: unknown })?.grade === "string"
          ? (s as { grade: string }).grade
          : undefined;
    if (id !== undefined && !found.has(id)) found.set(id, grade === undefined ? { id } : { id, grade });
    for (const x of Object.values(o)) walk(x);
  };
  walk(answer);
  return [...found.values()];
}

/** The text of a successful answer: its lines, then its sources (id, grade, URL from the knowledge base). */
export function toolText(lines: readonly string[], answer: unknown, kb: Kb, lang: Lang): string {
  const sources = citedSources(answer);
  const listed = sources.slice(0, MAX_SOURCES).map((s) => {
    const known = kb.sources.get(s.id);
    const grade = s.grade ?? known?.grade;
    return `- ${s.id}${grade ? ` [${grade}]` : ""}${known?.url ? ` ${known.url}` : ""}`;
  });
  const more = sources.length > MAX_SOURCES ? [MCP.more(lang, { n: sources.length - MAX_SOURCES })] : [];
  return [
    ...lines.filter((l) => l !== ""),
    ...(listed.length > 0 ? ["", `${MCP.sources(lang)}:`, ...listed, ...more] : []),
    "",
    MCP.structured(lang),
  ].join("\n");
}
