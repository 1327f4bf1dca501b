/** @module model/source — an entry of the source registry that facts, relations and claims cite. */
import { z } from "zod";
import { EvidenceGrade, Id, Text, Url, Year } from "./_common.js";

export const SourceKind = z.enum([
  "paper",
  "spec",
  "docs",
  "blog",
  "vendor",
  "issue",
  "benchmark",
  "landscape",
  "seed",
  "corpus",
  "book",
  "news",
]);

/** Where a statement comes from. Cited by id from facts, relations, claims and cases. */
export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1).max(400),
  kind: SourceKind,
  url: Url.optional(),
  publisher: z.string().max(200).optional(),
  year: Year.optional(),
  /** The grade a statement from this source gets unless it says otherwise. */
  grade: EvidenceGrade,
  note: Text.optional(),
});
export type Source = z.infer<typeof Source>;

export const SourcesFile = z.strictObject({ sources: z.array(Source) });
export type SourcesFile = z.infer<typeof SourcesFile>;
