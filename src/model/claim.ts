/** @module model/claim — a statement that sources dispute, kept with every side's provenance. */
import { z } from "zod";
import { EvidenceGrade, Id, Text } from "./_common.js";

export const ClaimPosition = z.strictObject({
  /** What this side says. */
  says: Text,
  source: Id,
  grade: EvidenceGrade,
  /** Where in the source, e.g. "§30.14.1" or a table name. */
  where: z.string().max(200).optional(),
});

export const Claim = z.strictObject({
  id: Id,
  /** Technologies, dimensions (`dimension:D`) or scenarios (`scenario:edge`) the claim is about. */
  about: z.array(z.string().min(1).max(80)).min(1),
  topic: z.string().min(1).max(80),
  statement: Text,
  positions: z.array(ClaimPosition).min(2, "a claim records at least two positions (otherwise it is a fact)"),
  /** What the knowledge base does about it, and why. Absent: both positions are kept, undecided. */
  resolution: z
    .strictObject({
      choice: Text,
      reason: Text,
    })
    .optional(),
});
export type Claim = z.infer<typeof Claim>;

export const ClaimsFile = z.strictObject({ claims: z.array(Claim) });
export type ClaimsFile = z.infer<typeof ClaimsFile>;
