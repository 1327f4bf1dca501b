/** @module model/_common — small schema pieces shared by the model's concepts. */
import { z } from "zod";

/** An identifier: lower-case kebab-case, as used for file names and references. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "an id is lower-case kebab-case, e.g. `wasmedge` or `k3s`");

/** A name in both languages the atlas speaks. */
export const Names = z.strictObject({
  en: z.string().min(1).max(120),
  zh: z.string().min(1).max(120),
});
export type Names = z.infer<typeof Names>;

/** Free text: plain English, or both languages. */
export const Text = z.union([
  z.string().min(1).max(2000),
  z.strictObject({ en: z.string().min(1).max(2000), zh: z.string().min(1).max(2000).optional() }),
]);
export type Text = z.infer<typeof Text>;

/** Evidence grade, as in the reference facts: A official/peer-reviewed … U unverified. */
export const EvidenceGrade = z.enum(["A", "B", "C", "U"]);
export type EvidenceGrade = z.infer<typeof EvidenceGrade>;

/** A calendar date `YYYY-MM-DD` (YAML may hand it over as a string only: dates are quoted). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a date is written 'YYYY-MM-DD' (quoted)");

export const Year = z.number().int().min(1960).max(2100);

/**
 * The date a figure or a version pin was true ("as of"): a day `'YYYY-MM-DD'` where known, else a year.
 * A figure without one is dated by its source's year.
 */
export const AsOf = z.union([IsoDate, Year]);
export type AsOf = z.infer<typeof AsOf>;

/** One value or a list of them; normalised to a list by the compiler. */
export const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** A URL written out in full. */
export const Url = z.string().regex(/^https?:\/\/\S+$/, "a link starts with http:// or https://");
