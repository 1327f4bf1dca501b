/** @module server/schemas/year — a year in a query string (`?since=2019`), read as the model's Year. */
import { z } from "@hono/zod-openapi";

/** A four-digit year, 1960–2100. */
export const YearParam = z
  .string()
  .regex(/^\d{4}$/, "a year is four digits, e.g. 2025")
  .transform(Number)
  .pipe(z.number().int().min(1960).max(2100))
  .openapi({ type: "string", pattern: "^\\d{4}$", example: "2025" });
