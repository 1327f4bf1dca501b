/** @module coordinate/parse-stack — reads a stack as people write it: "K3s + WasmEdge + Gatekeeper". */
import { InvalidArgumentError, NotFoundError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { STACK } from "../i18n/stack-phrases.js";
import type { Kb } from "../kb/kb.js";
import type { StackComponents } from "../model/stack.js";
import { assignSlots } from "./assign-slots.js";

export interface ParsedStack {
  /** The stack as written, tidied: "K3s + WasmEdge + Gatekeeper". */
  readonly label: string;
  readonly components: StackComponents;
  /** Versions written beside a part ("K8s 1.30"), by technology id. */
  readonly versions: Readonly<Record<string, string>>;
}

// A `+` tight between a digit and more text is a version's build suffix ("v1.30.4+k3s2"), not a separator.
const SEPARATOR = /\s*(?:(?<!\d)\+|\+(?=\s|$)|＋|∘|,|，|、|\band\b|\bwith\b|和|与)\s*/iu;
const VERSION = /\s*v?\d+(?:\.\d+)*(?:[-+][\w.+-]+)?(?:\.x)?$/iu;

function stackError(message: string, suggestions: readonly string[] = []): InvalidArgumentError {
  return new InvalidArgumentError(message, { code: "INVALID_STACK", suggestions });
}

/** Resolves one part, allowing a trailing version ("K3s v1.30.4+k3s2", "WasmEdge 0.14.1"). */
function resolvePart(kb: Kb, text: string): { id: string; version?: string } | undefined {
  const direct = kb.resolveName(text);
  if (direct?.kind === "technology") return { id: direct.id };
  const m = VERSION.exec(text);
  if (m && m.index > 0) {
    const base = kb.resolveName(text.slice(0, m.index));
    const build = m[0].split("+").slice(1).join("+");
    // "1.30+containerd" is a version and a part, not a version with a build suffix.
    if (build !== "" && kb.resolveName(build) !== undefined) return undefined;
    if (base?.kind === "technology") return { id: base.id, version: m[0].trim() };
  }
  return undefined;
}

/**
 * Parses a stack written with `+` (or `∘`, commas, "and", 和) between parts, by id, name (en/zh) or
 * alias; a name that itself holds `+` ("OPA + business rules") is matched whole first. Parts are put
 * into slots by role. Throws naming each unknown part with the nearest names, worded in `lang`.
 * @example parseStack(kb, "K3s + WasmEdge + Gatekeeper").components.policy // "gatekeeper"
 */
export function parseStack(kb: Kb, text: string, lang: Lang = "en"): ParsedStack {
  if (typeof text !== "string" || text.trim() === "") {
    throw stackError(STACK.empty(lang));
  }
  if (text.length > 1000) throw stackError(STACK.tooLong(lang, { length: text.length }));
  const tokens = text
    .split(SEPARATOR)
    .map((t) => t.trim())
    .filter(Boolean);
  const ids: string[] = [];
  const versions: Record<string, string> = {};
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    // Longest run of tokens first, so that "OPA + business rules" wins over "OPA".
    for (let j = Math.min(tokens.length, i + 4); j > i; j--) {
      const part = resolvePart(kb, tokens.slice(i, j).join(" + "));
      if (part) {
        if (!ids.includes(part.id)) ids.push(part.id);
        if (part.version) versions[part.id] = part.version;
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched && tokens[i]!.includes("+")) {
      // The tight `+` was a separator after all ("K8s 1.30+containerd").
      tokens.splice(
        i,
        1,
        ...tokens[i]!.split("+")
          .map((t) => t.trim())
          .filter(Boolean),
      );
      continue;
    }
    if (!matched) {
      unknown.push(tokens[i]!);
      i++;
    }
  }
  if (unknown.length > 0) {
    const suggestions = [...new Set(unknown.flatMap((u) => kb.suggestNames(u, 3)))];
    throw new NotFoundError(STACK.unknownParts(lang, { parts: unknown, text }), { suggestions });
  }
  const components = assignSlots(kb, ids);
  return { label: stackLabel(kb, components, lang), components, versions };
}

/** A stack's label from its parts, slots first: "K3s + WasmEdge + Gatekeeper". */
export function stackLabel(kb: Kb, c: StackComponents, lang: Lang = "en"): string {
  const order = [c.orchestrator, c.runtime, c.policy, ...(c.observability ?? []), ...(c.addons ?? [])];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const id of order) {
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const t = kb.technologies.get(id);
    names.push(t ? t.names[lang] : id);
  }
  if (names.length === 0) {
    for (const id of c.supporting ?? []) names.push(kb.technologies.get(id)?.names[lang] ?? id);
  }
  return names.join(" + ");
}
