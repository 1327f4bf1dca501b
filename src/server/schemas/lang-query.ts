/** @module server/schemas/lang-query — `?lang=en|zh`, which every operation takes. */
import { z } from "@hono/zod-openapi";
import { LANGS } from "../../i18n/lang.js";

/** The language of names and sentences in the answer (default English). */
export const Lang = z
  .enum(LANGS as unknown as readonly ["en", "zh"])
  .default("en")
  .openapi({ param: { name: "lang", in: "query" }, description: "answer language / 输出语言", example: "zh" });

export const LangQuery = z.object({ lang: Lang });
