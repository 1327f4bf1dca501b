/** @module server/schemas/observe — `observe`: a stack in, its O1–O5 coverage, verdict, gaps and tools out. */
import { z } from "@hono/zod-openapi";
import { StackComponents } from "../../model/stack.js";
import { list } from "./_list.js";
import { StackText } from "./stack.js";

export const ObserveBody = z
  .strictObject({
    stack: StackText.openapi({ description: 'the stack: "K3s + WasmEdge + OpenTelemetry" or case:ID' }),
    /** Candidate tools per gap (default 5). */
    top: z.number().int().min(1).max(50).optional(),
    /** Only tools released by this year (default: the recorded stack's year, else any). */
    year: z.number().int().min(1960).max(2100).optional(),
  })
  .openapi("ObserveRequest", { example: { stack: "K3s + WasmEdge + OpenTelemetry", top: 3 } });

const Reach = z.enum(["full", "partial", "none"]);

export const ReachVerdict = z
  .object({
    reach: Reach,
    basis: z.enum(["trait", "layer", "host"]),
    runtime: z.string().optional(),
    layer: z.string().optional(),
    trait: z.string().optional(),
    value: z.string().optional(),
    note: z.string(),
    source: z.string().optional(),
    grade: z.string().optional(),
  })
  .openapi("ReachVerdict");

export const ObserveResult = z
  .object({
    stack: z.object({ label: z.string(), components: StackComponents, record: z.string().optional() }),
    runtime: z.object({ id: z.string(), name: z.string(), layer: z.string().optional() }).optional(),
    coverage: list(
      z.object({
        signal: z.string(),
        name: z.string(),
        direction: z.string().optional(),
        coverage: Reach,
        by: list(z.object({ id: z.string(), name: z.string(), reach: ReachVerdict })),
      }),
    ),
    rules: list(
      z.object({
        id: z.string(),
        name: z.string(),
        statement: z.string(),
        source: z.string(),
        met: z.boolean(),
        missing: list(z.string()),
        limited: list(z.string()),
      }),
    ),
    complete: z.boolean(),
    visibility: list(ReachVerdict.extend({ signal: z.string(), via: z.string() })),
    gaps: list(
      z.object({
        signal: z.string(),
        name: z.string(),
        kind: z.enum(["missing", "limited"]),
        closable: z.boolean(),
        tools: list(
          z.object({
            id: z.string(),
            name: z.string(),
            covers: list(z.string()),
            works: z.boolean(),
            reach: ReachVerdict,
            adds: list(z.string()),
            problems: list(z.string()),
            released: z.number().int(),
          }),
        ),
      }),
    ),
    criteria: list(z.object({ id: z.string(), name: z.string(), statement: z.string(), source: z.string() })),
  })
  .openapi("ObserveResult");
