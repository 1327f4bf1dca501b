/** @module recommend/parse-requirements — reads a requirements file (YAML or JSON) into the requirements vocabulary. */
import type { Lang } from "../i18n/lang.js";
import { REQ, yamlError } from "../i18n/requirements-phrases.js";
import type { Kb } from "../kb/kb.js";
import { locatePath } from "../kb/locate-path.js";
import { isBudgetProblem, parseYaml } from "../kb/parse-yaml.js";
import type { Requirements } from "../model/requirements.js";
import { validateRequirements } from "./_validate-requirements.js";
import { type RequirementProblem, RequirementsError } from "./requirements-error.js";

/**
 * Parses requirements text (YAML, or JSON, which YAML reads too) and checks it against the schema and
 * the knowledge base; throws a {@link RequirementsError} listing every problem at its line and column,
 * worded in `lang`.
 * @example parseRequirements(kb, "scenario: edge\nmust:\n  coldStartMs: { max: 10 }\n", "req.yaml").must?.coldStartMs // { max: 10 }
 */
export function parseRequirements(kb: Kb, text: string, file?: string, lang: Lang = "en"): Requirements {
  const { doc, lineCounter, errors } = parseYaml(text);
  if (errors.length > 0) {
    const problems: RequirementProblem[] = errors.map((e) => {
      const pos = lineCounter.linePos(e.offset);
      return {
        code: isBudgetProblem(e) ? "YAML_TOO_LARGE" : "YAML_SYNTAX",
        path: "",
        message: yamlError(e, lang),
        ...(file !== undefined ? { file } : {}),
        line: pos.line,
        column: pos.col,
      };
    });
    throw new RequirementsError(problems, lang);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new RequirementsError(
      [
        {
          code: "YAML_SYNTAX",
          path: "",
          message: REQ.yamlUnreadable(lang, { error: e instanceof Error ? e.message : String(e) }),
          ...(file !== undefined ? { file } : {}),
        },
      ],
      lang,
    );
  }
  const { value, problems } = validateRequirements(
    kb,
    raw,
    (path, atKey) => {
      const pos = locatePath(doc, lineCounter, path, atKey ? { atKey } : {});
      return { line: pos.line, column: pos.column };
    },
    file,
    lang,
  );
  if (!value) throw new RequirementsError(problems, lang);
  return value;
}
