/** @module model/stack — a set of technologies filling the slots of a stack. */
import { z } from "zod";
import { Id } from "./_common.js";

/**
 * The slots: the runtime is the workload's isolation boundary (gives D), the orchestrator gives X,
 * the policy Z, the observability parts O; add-ons are parts the stack has for what they do (a mesh,
 * a model server, a batch scheduler) and count on the dimensions whose `stackRule.raisedBy` names their
 * role; supporting pieces are what the dependencies require.
 */
export const StackComponents = z
  .strictObject({
    runtime: Id.optional(),
    orchestrator: Id.optional(),
    policy: Id.optional(),
    observability: z.array(Id).optional(),
    addons: z.array(Id).optional(),
    supporting: z.array(Id).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: "a stack names at least one component",
  });
export type StackComponents = z.infer<typeof StackComponents>;

export const Stack = z.strictObject({
  /** How people write it, e.g. "K3s + WasmEdge + Gatekeeper". */
  label: z.string().min(1).max(200),
  components: StackComponents,
});
export type Stack = z.infer<typeof Stack>;
