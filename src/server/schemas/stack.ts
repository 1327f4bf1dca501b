/** @module server/schemas/stack — a stack as the API answers it (the model's StackComponents) and as people write it. */
// The model's schemas are built before @hono/zod-openapi extends zod, so they are used as they are:
// calling .openapi() on them would depend on which module happened to load first.
import { z } from "@hono/zod-openapi";
import { StackComponents } from "../../model/stack.js";

export const StackOut = z.object({ label: z.string(), components: StackComponents }).openapi("Stack", {
  example: {
    label: "K3s + WasmEdge + Gatekeeper",
    components: { runtime: "wasmedge", orchestrator: "k3s", policy: "gatekeeper", observability: ["opentelemetry"] },
  },
});

/** A stack as people write it: parts by id, name (en/zh) or alias, joined with `+`. */
export const StackText = z.string().min(1).max(1000).openapi({ example: "K3s + WasmEdge + Gatekeeper" });
