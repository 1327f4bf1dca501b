/** @module server/routes/all-routes — the registry: every resource of the HTTP API, one route file each. */
import type { ApiRoutes } from "../api-routes.js";
import { compareRoutes } from "./compare.js";
import { healthRoutes } from "./health.js";
import { kbRoutes } from "./kb.js";
import { locateRoutes } from "./locate.js";
import { lookupRoutes } from "./lookup.js";
import { pathRoutes } from "./path.js";
import { scenariosRoutes } from "./scenarios.js";
import { technologiesRoutes } from "./technologies.js";

/**
 * The resources, in the order the OpenAPI document and the landing page list them. A new operation
 * adds its file under routes/ (its schemas under schemas/) and one line here.
 */
export const ALL_ROUTES: readonly ApiRoutes[] = [
  technologiesRoutes,
  scenariosRoutes,
  lookupRoutes,
  locateRoutes,
  pathRoutes,
  compareRoutes,
  kbRoutes,
  healthRoutes,
];
