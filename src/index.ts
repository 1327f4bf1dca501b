/** @module stackatlas — the library API: load a knowledge base and ask it questions. */
export { AtlasError, InvalidArgumentError, NotFoundError, UsageError } from "./errors.js";
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
