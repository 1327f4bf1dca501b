/** @module model/case — a dated reference stack: what was run for a scenario in a given year. */
import { z } from "zod";
import { EvidenceGrade, Id, Names, Text, Year } from "./_common.js";
import { StackComponents } from "./stack.js";

export const CaseOutcome = z.strictObject({
  statement: Text,
  source: Id,
  grade: EvidenceGrade,
});

export const Case = z.strictObject({
  id: Id,
  title: Names,
  scenario: Id,
  year: Year,
  /** Cases that belong together, e.g. the three points of the seed's case 2, share a series id. */
  series: Id.optional(),
  stack: z.strictObject({ label: z.string().min(1).max(200), components: StackComponents }),
  /** The coordinate as the source states it (seed tuple syntax), checked against the computed one. */
  statedCoordinate: z.string().max(200).optional(),
  /** The architecture view the case is expressed in (default A1). */
  view: z.string().regex(/^A\d$/).optional(),
  /** What changed from the previous case of its series, and why. */
  change: Text.optional(),
  outcomes: z.array(CaseOutcome).optional(),
  source: Id,
  grade: EvidenceGrade,
  note: Text.optional(),
});
export type Case = z.infer<typeof Case>;
