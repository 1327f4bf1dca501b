/** @module cli/_landscape — reads and merges the landscape a time command was pointed at (--landscape FILE). */
import { landscapePath } from "../kb/import/default-landscape-path.js";
import { importLandscape, type LandscapeImport } from "../kb/import/import-landscape.js";
import { loadLandscapeMapping } from "../kb/import/load-landscape-mapping.js";
import { type LandscapeItem, readLandscape } from "../kb/import/read-landscape.js";
import type { Kb } from "../kb/kb.js";

/** The landscape's items and their merge with the knowledge base, in memory. */
export function openLandscape(
  kb: Kb,
  given?: string,
): { file: string; items: LandscapeItem[]; merged: LandscapeImport } {
  const file = landscapePath(given);
  const items = readLandscape(file);
  return { file, items, merged: importLandscape(kb, items, loadLandscapeMapping(), { file }) };
}
