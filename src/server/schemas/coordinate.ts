/** @module server/schemas/coordinate — a coordinate as JSON, the shape the CLI's `--format json` prints. */
import { z } from "@hono/zod-openapi";
import { list } from "./_list.js";

/** A value on one dimension: a level number, a year, a scenario id, a set of signals; null = open (`*`). */
export const CoordinateValue = z.union([z.number(), z.string(), list(z.string())]).nullable();

/** `{ D, X, Z, T, A, S, O, text }`: one key per dimension (declared in the data) plus the seed's tuple text. */
export const Coordinate = z
  .object({ text: z.string() })
  .catchall(CoordinateValue)
  .openapi("Coordinate", {
    example: {
      D: 4,
      X: 2,
      Z: 3,
      T: 2025,
      A: 1,
      S: "edge",
      O: ["O1", "O2"],
      text: "(4, 2, 3, 2025, 1, edge, OTLP+eBPF)",
    },
  });

/** A coordinate written as the seed writes it, or keyed. */
export const CoordinateText = z
  .string()
  .min(1)
  .max(200)
  .openapi({ example: "(4, 2, 3, 2025, 1, 边缘计算, OTLP+eBPF)" });
