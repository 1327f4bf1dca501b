/** @module server/body-limits — the largest body each route reads: sized to what the route takes, 64 KiB unless it needs more. */

/** The body limit of a route that names no other: a stack, two stacks, a coordinate or a few signals. */
export const DEFAULT_BODY_BYTES = 64 * 1024;

/**
 * Routes that take more: requirements may list up to 100 names per list (and a longer list is answered
 * with which names are unknown, so it must be read); a system file or a kubectl export may be large.
 */
const ROUTE_BODY_BYTES: Readonly<Record<string, number>> = {
  "/api/recommend": 512 * 1024,
  "/api/design": 1024 * 1024,
};

/**
 * The body limit for a path, never above `max` (the server's overall limit).
 * @example bodyLimitFor("/api/design", 1 << 20) // 1048576
 */
export function bodyLimitFor(path: string, max: number): number {
  return Math.min(ROUTE_BODY_BYTES[path] ?? DEFAULT_BODY_BYTES, max);
}
