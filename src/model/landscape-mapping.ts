/** @module model/landscape-mapping — how CNCF landscape categories and subcategories map onto roles and dimension levels. */
import { z } from "zod";
import { Id, Text } from "./_common.js";
import { Position, Role } from "./technology.js";

/**
 * One rule of the mapping table: the landscape items it matches (a category, optionally one of its
 * subcategories) and either the role and positions they get, or why they are skipped.
 */
export const LandscapeMappingRule = z
  .strictObject({
    /** The landscape category's name, exactly as landscape.yml writes it. */
    category: z.string().min(1).max(120),
    /** One subcategory of it; absent = every subcategory the table does not name. */
    subcategory: z.string().min(1).max(120).optional(),
    role: Role.optional(),
    /** Levels on the dimensions the items are placed on (as in a technology file). */
    position: Position.optional(),
    /** Why items here are not imported (member companies, training partners …). */
    skip: z.string().min(1).max(300).optional(),
    note: Text.optional(),
  })
  .refine((r) => (r.skip === undefined) !== (r.role === undefined), {
    message: "a rule either gives a role (and optionally a position) or says why it skips",
  });
export type LandscapeMappingRule = z.infer<typeof LandscapeMappingRule>;

/** The mapping table data/import/cncf-landscape-mapping.yaml. */
export const LandscapeMappingFile = z.strictObject({
  /** The source the imported facts cite (in the source registry). */
  source: Id,
  /** Rules, first match wins: list a subcategory's rule before its category's catch-all. */
  rules: z.array(LandscapeMappingRule).min(1),
});
export type LandscapeMappingFile = z.infer<typeof LandscapeMappingFile>;
