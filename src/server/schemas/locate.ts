/** @module server/schemas/locate — `locate`: a stack in; its coordinate, completeness and consistency out. */
import { z } from "@hono/zod-openapi";
import { Year } from "../../model/_common.js";
import { list } from "./_list.js";
import { Coordinate, CoordinateValue } from "./coordinate.js";
import { StackOut, StackText } from "./stack.js";

export const LocateBody = z
  .strictObject({
    stack: StackText,
    /** Read the stack as of this year. */
    year: Year.optional(),
    /** The scenario it serves: id, name (en/zh) or alias. */
    scenario: z.string().min(1).max(80).optional(),
    /** The architecture view: A1 … A7 or a name. */
    view: z.string().min(1).max(80).optional(),
  })
  .openapi("LocateRequest", { example: { stack: "K3s + WasmEdge + Gatekeeper", scenario: "edge" } });

export const LocateResult = z
  .object({
    stack: StackOut,
    coordinate: Coordinate,
    complete: z.boolean(),
    consistent: z.boolean(),
    added: list(z.object({ id: z.string(), for: z.string(), requirement: z.string(), source: z.string() })),
    missing: list(z.object({ from: z.string(), requires: list(z.string()), source: z.string(), why: z.string() })),
    conflicts: list(z.object({ a: z.string(), b: z.string(), reason: z.string(), source: z.string() })),
    notYetReleased: list(z.object({ id: z.string(), released: z.number() })),
    /** Every part the stack names, with the slot it fills (`supporting` for none). */
    parts: list(z.object({ id: z.string(), slot: z.string() })),
    /** Parts competing for a slot another part holds (the stack is then not consistent). */
    rivals: list(
      z.object({
        slot: z.enum(["runtime", "orchestrator", "policy"]),
        kept: z.string(),
        other: z.string(),
        kind: z.enum(["alternative", "unrelated"]),
        source: z.string().optional(),
      }),
    ),
    inferred: list(
      z.object({
        dimension: z.string(),
        value: CoordinateValue,
        from: z.string(),
        label: z.string(),
        source: z.string(),
      }),
    ),
    undetermined: list(z.object({ dimension: z.string(), why: z.string() })),
  })
  .openapi("LocateResult");
