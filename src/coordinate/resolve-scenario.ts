/** @module coordinate/resolve-scenario — a scenario by id, name or alias (en/zh), or an error naming the nearest. */
import { NotFoundError } from "../errors.js";
import { COORD } from "../i18n/coordinate-phrases.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledScenario, Kb } from "../kb/kb.js";

/**
 * Resolves a scenario written as its id, English or Chinese name, or an alias; the error is worded in `lang`.
 * @example resolveScenario(kb, "边缘计算").id // "edge"
 */
export function resolveScenario(kb: Kb, text: string, where = "scenario", lang: Lang = "en"): CompiledScenario {
  const m = kb.resolveName(text);
  if (m?.kind === "scenario") return m.scenario;
  const near = kb.suggestNames(text, 10).filter((id) => kb.scenarios.has(id));
  const options = (near.length > 0 ? near : [...kb.scenarios.keys()]).map(
    (id) => `${id} (${kb.scenarios.get(id)!.names.zh})`,
  );
  throw new NotFoundError(COORD.unknownScenarioName(lang, { where, text, isTechnology: m?.kind === "technology" }), {
    suggestions: options,
  });
}
