/** @module observability/stack-input — a stack as a user names it: parts joined by `+`, or a recorded stack id. */

import type { Coordinate } from "../coordinate/coordinate.js";
import { parseStack } from "../coordinate/parse-stack.js";
import { recordedStacks } from "../coordinate/recorded-stacks.js";
import { NotFoundError } from "../errors.js";
import type { Lang } from "../i18n/lang.js";
import { STACK } from "../i18n/stack-phrases.js";
import type { Kb } from "../kb/kb.js";
import { suggestNames } from "../kb/suggest-names.js";
import type { StackComponents } from "../model/stack.js";

/** A stack resolved from text, with what a recorded stack adds (its year, scenario, coordinate, record). */
export interface StackInput {
  readonly input: string;
  readonly label: string;
  readonly components: StackComponents;
  /** The recorded stack's id (`case:…`, `scenario:…#n`) when the input named one. */
  readonly record?: string;
  readonly year?: number;
  readonly scenario?: string;
  /** The record's coordinate (stated where its source states one). */
  readonly coordinate?: Coordinate;
  readonly source?: string;
}

const RECORD = /^(case|scenario):/;

/**
 * Resolves a stack written as parts ("K3s + WasmEdge + Gatekeeper") or as a recorded stack's id
 * (`case:serverless-2020-seed-case-2`, `scenario:edge#1`). Unknown parts or ids throw NotFoundError
 * with the nearest names, worded in `lang`.
 * @example stackInput(kb, "case:serverless-2025-seed-case-2").components.runtime // "wasmedge"
 */
export function stackInput(kb: Kb, text: string, lang: Lang = "en"): StackInput {
  const input = text.trim();
  if (RECORD.test(input)) {
    const records = recordedStacks(kb);
    const r = records.find((x) => x.id === input);
    if (!r) {
      throw new NotFoundError(STACK.noRecord(lang, { id: input }), {
        suggestions: suggestNames(
          input,
          records.map((x) => x.id),
          5,
        ),
      });
    }
    return {
      input,
      label: r.label,
      components: r.components,
      record: r.id,
      ...(r.year === undefined ? {} : { year: r.year }),
      scenario: r.scenario,
      coordinate: r.coordinate,
      source: r.source,
    };
  }
  const parsed = parseStack(kb, input, lang);
  return { input, label: parsed.label, components: parsed.components };
}
