/** @module server/schemas/design — `design`: a system file or kubectl export (as text) in, one platform out. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";
import { Coordinate } from "./coordinate.js";

export const DesignBody = z
  .strictObject({
    system: z
      .string()
      .min(1)
      .max(1024 * 1024)
      .openapi({
        description:
          "a system file (YAML or JSON: workloads with requirements, platform constraints) or a `kubectl get pods,deployments,runtimeclasses -A -o json` export",
      }),
    solver: z
      .enum(["auto", "exact", "heuristic"])
      .optional()
      .openapi({ description: "auto (default): exact up to 8 workload classes, else the heuristic" }),
  })
  .openapi("DesignRequest", {
    example: {
      system:
        "platform: { mustStayOn: kubernetes }\nworkloads:\n  - name: tenant-code\n    must: { untrustedCode: true }\n  - name: api\n    must: { linuxCompatibility: full }\n",
    },
  });

const Ref = z.object({ id: z.string(), name: z.string() });
const Finding = z.object({
  requirement: z.string(),
  detail: z.string(),
  source: z.string().optional(),
  grade: z.string().optional(),
});
const Current = z.object({
  name: z.string(),
  namespace: z.string(),
  kind: z.string(),
  replicas: z.number().int(),
  runtimeClassName: z.string().nullable(),
  handler: z.string(),
  runtime: z.string().nullable(),
  gpus: z.number(),
  requests: z.object({ cpu: z.string().optional(), memory: z.string().optional() }),
  coordinate: Coordinate.nullable(),
  keeps: list(z.string()),
  notes: list(z.string()),
});
const Cost = z.object({
  unmet: z.number(),
  unverified: z.number(),
  parts: z.number(),
  overhead: z.number(),
  score: z.number(),
});

export const DesignResult = z
  .object({
    system: z.object({
      name: z.string().optional(),
      format: z.enum(["system", "kubectl"]),
      workloads: z.number().int(),
    }),
    platform: z.object({
      label: z.string(),
      components: z.object({
        orchestrator: Ref.nullable(),
        policy: Ref.nullable(),
        observability: list(Ref),
        runtimes: list(Ref),
        addons: list(Ref),
        supporting: list(Ref),
      }),
      parts: z.number().int(),
      overheadMiB: z.number(),
    }),
    workloads: list(
      z.object({
        name: z.string(),
        namespace: z.string().optional(),
        replicas: z.number().int(),
        class: z.number().int(),
        met: z.boolean(),
        runtime: Ref.nullable(),
        runtimeClass: z.string().nullable(),
        coordinate: Coordinate.nullable(),
        checks: list(Finding.extend({ status: z.enum(["met", "missed", "unknown"]) })),
        unmet: list(Finding),
        reason: z.string(),
        current: Current.optional(),
      }),
    ),
    runtimeClasses: list(
      z.object({
        name: z.string(),
        handler: z.string(),
        handlerFrom: z.string(),
        runtime: Ref,
        workloads: list(z.string()),
        pods: z.number().int(),
        overhead: z.object({
          basis: z.enum(["podFixed", "instance", "none"]),
          memoryMiB: z.number(),
          podFixed: z.object({ memory: z.string(), cpu: z.string().optional() }).optional(),
          source: z.string().optional(),
          grade: z.string().optional(),
          conditions: z.string().optional(),
          estimated: z.boolean().optional(),
        }),
        yaml: z.string(),
      }),
    ),
    manifest: z.string(),
    conflicts: list(Finding.extend({ workload: z.string(), text: z.string() })),
    diagram: z.object({ mermaid: z.string() }),
    solver: z.object({
      kind: z.enum(["exact", "heuristic"]),
      why: z.string(),
      classes: z.number().int(),
      sharedChoices: z.number().int(),
      sharedExplored: z.number().int(),
      sharedPruned: z.number().int(),
      nodes: z.number().int(),
      cost: Cost.nullable(),
    }),
  })
  .openapi("DesignResult");
