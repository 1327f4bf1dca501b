/** @module cli/_filter-options — the `list` filter flags (--level, --role, …) as a TechnologyFilter. */
export { technologyFilter } from "../network/filter-technologies.js";
