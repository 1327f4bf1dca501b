/** @module stackatlas — the library API: load a knowledge base and ask it questions. */

export type { Comparison, OrderingAnswer } from "./coordinate/compare-stacks.js";
export { compareOrderings, compareStacks } from "./coordinate/compare-stacks.js";
export type { Coordinate, CoordinateJson, CoordinateValue } from "./coordinate/coordinate.js";
export { coordinateJson, formatCoordinate, formatKeyedCoordinate } from "./coordinate/format-coordinate.js";
export type { LocateResult } from "./coordinate/locate.js";
export { locate } from "./coordinate/locate.js";
export type { LookupMatch, LookupResult } from "./coordinate/lookup.js";
export { lookup } from "./coordinate/lookup.js";
export { parseCoordinate } from "./coordinate/parse-coordinate.js";
export type { ParsedStack } from "./coordinate/parse-stack.js";
export { parseStack } from "./coordinate/parse-stack.js";
export { AtlasError, InvalidArgumentError, NotFoundError, UsageError } from "./errors.js";
export type { ScenarioAnalysis } from "./evolution/analyze-scenario.js";
export { analyzeScenario } from "./evolution/analyze-scenario.js";
export type { ScenarioPath } from "./evolution/scenario-path.js";
export { scenarioPath } from "./evolution/scenario-path.js";
export type { Lang } from "./i18n/lang.js";
export { defaultDataDir } from "./kb/default-data-dir.js";
export { InvalidKbError } from "./kb/invalid-kb-error.js";
export type { Issue, IssueCode } from "./kb/issue.js";
export type { CompiledTechnology, Kb, KbCounts } from "./kb/kb.js";
export { loadKb, safeLoadKb } from "./kb/load-kb.js";
export type { TechnologyFilter } from "./network/filter-technologies.js";
export { filterTechnologies } from "./network/filter-technologies.js";
export type { TechnologyDetail, TechnologySummary } from "./network/technology-view.js";
export { technologyDetail, technologySummary } from "./network/technology-view.js";
