/** @module server/schemas/_list — a read-only array schema: the engines answer `readonly T[]`, and the types must agree. */
import { z } from "@hono/zod-openapi";

/** `z.array(item).readonly()`, so a route's answer type-checks against its documented schema. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
