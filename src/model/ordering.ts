/** @module model/ordering — a partial order with ties over a dimension's levels, written as chains. */
import { z } from "zod";
import { Id, Names, Text } from "./_common.js";

/**
 * One chain, as the seed writes it: `L-0 = L-4 > L-1 > L-2 > L-3` or `L-3 < L-4 < L-2`.
 * `>` means "has more of the property", `=` a tie. Several chains together form the partial order.
 */
export const OrderingChain = z
  .string()
  .regex(
    /^\s*[A-Z]-?\d{1,2}(\s*[=<>]\s*[A-Z]-?\d{1,2})+\s*$/,
    "a chain is level codes joined by `>`, `<` or `=`, e.g. `L-0 = L-4 > L-1`",
  );

export const Ordering = z.strictObject({
  id: Id,
  names: Names,
  /** What "more" means, e.g. "stronger isolation" or "more performance overhead". */
  meaning: Text,
  chains: z.array(OrderingChain).min(1),
  /** Words for a move up or down the order, e.g. "stronger" / "weaker", used when comparing stacks. */
  more: Names,
  less: Names,
  /**
   * A metric whose figures should agree with the order, and whether more of the property means a
   * larger figure (`same`) or a smaller one (`opposite`). Disagreements are reported as warnings.
   */
  checkAgainst: z
    .strictObject({
      metric: Id,
      direction: z.enum(["same", "opposite"]),
    })
    .optional(),
  source: Id,
  note: Text.optional(),
});
export type Ordering = z.infer<typeof Ordering>;
