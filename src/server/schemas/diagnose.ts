/** @module server/schemas/diagnose — `diagnose`: a vertical and a horizontal signal in, the layer, causes and fixes out; the O1 × O2 matrix. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { ReachVerdict } from "./observe.js";
import { StackText } from "./stack.js";

const Signal = z.string().min(1).max(1000);

export const DiagnoseBody = z
  .strictObject({
    vertical: Signal.openapi({ description: "a log line or kernel event: OOMKilled, EPT violation, …" }),
    horizontal: Signal.optional().openapi({
      description: "what the trace shows about the failing span: span duration 2s, trace break, 5xx",
    }),
    service: z.string().min(1).max(200).optional().openapi({ description: "the failing span's service" }),
    stack: StackText.optional().openapi({ description: "the stack it runs on (parts or case:ID)" }),
  })
  .openapi("DiagnoseRequest", {
    example: { vertical: "OOMKilled", horizontal: "span duration 2s", service: "checkout" },
  });

const Sourced = z.object({ text: z.string(), source: z.string(), grade: z.string(), where: z.string().optional() });

export const Diagnosis = z
  .object({
    vertical: Sourced.extend({ input: z.string(), rule: z.string(), kind: z.string(), pattern: z.string() }),
    horizontal: Sourced.extend({
      input: z.string(),
      rule: z.string(),
      name: z.string(),
      pattern: z.string(),
    }).optional(),
    service: z.string().optional(),
    layer: z.object({ code: z.string(), name: z.string() }),
    cell: z.object({ row: z.string().nullable(), column: z.string(), text: z.string(), rule: Sourced }),
    causes: list(Sourced),
    fixes: list(Sourced),
    symptoms: list(z.object({ id: z.string(), name: z.string(), exact: z.boolean(), fix: Sourced })),
    failureModes: list(
      z.object({
        aspect: z.string(),
        mechanism: z.string(),
        failure: z.string(),
        fix: z.string(),
        source: z.string(),
      }),
    ),
    tools: list(
      z.object({
        id: z.string(),
        name: z.string(),
        use: z.string(),
        source: z.string(),
        reach: ReachVerdict.optional(),
      }),
    ),
    stack: z
      .object({ label: z.string(), runtimeLayer: z.string().optional(), onPath: z.boolean(), note: z.string() })
      .optional(),
    alternatives: list(z.object({ rule: z.string(), level: z.string(), pattern: z.string() })),
  })
  .openapi("Diagnosis");

export const LocalisationMatrix = z
  .object({
    rule: Sourced.extend({ levels: list(z.string()) }),
    rows: list(z.object({ id: z.string(), name: z.string() })),
    columns: list(
      z.object({
        code: z.string(),
        name: z.string(),
        signals: list(z.object({ id: z.string(), example: z.string(), source: z.string() })),
      }),
    ),
    cells: list(
      z.object({
        row: z.string(),
        column: z.string(),
        symptoms: list(
          z.object({
            id: z.string(),
            name: z.string(),
            vertical: z.string(),
            fix: z.string(),
            source: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi("LocalisationMatrix");
