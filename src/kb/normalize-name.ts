/** @module kb/normalize-name — the form names are compared in: case-, width-, space- and dash-insensitive. */

/**
 * Folds a name for comparison: Unicode NFKC (full-width → ASCII), lower case, and no spaces,
 * dashes, underscores, dots or middle dots, so "Edge Computing", "edge-computing" and "EDGE_COMPUTING"
 * meet.
 * @example normalizeName(" Edge  Computing ") // "edgecomputing"
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.·・]+/gu, "");
}
