/** @module server/routes/all-routes — the registry: every resource of the HTTP API, one route file each. */
import type { ApiRoutes } from "../api-routes.js";
import { analyzeRoutes } from "./analyze.js";
import { compareRoutes } from "./compare.js";
import { designRoutes } from "./design.js";
import { diagnoseRoutes } from "./diagnose.js";
import { dimensionsRoutes } from "./dimensions.js";
import { exportRoutes } from "./export.js";
import { graphRoutes } from "./graph.js";
import { healthRoutes } from "./health.js";
import { kbRoutes } from "./kb.js";
import { locateRoutes } from "./locate.js";
import { lookupRoutes } from "./lookup.js";
import { migrateRoutes } from "./migrate.js";
import { observeRoutes } from "./observe.js";
import { pathRoutes } from "./path.js";
import { predictRoutes } from "./predict.js";
import { recommendRoutes } from "./recommend.js";
import { scenariosRoutes } from "./scenarios.js";
import { sourcesRoutes } from "./sources.js";
import { technologiesRoutes } from "./technologies.js";
import { timelineRoutes } from "./timeline.js";

/**
 * The resources, in the order the OpenAPI document and the landing page list them. A new operation
 * adds its file under routes/ (its schemas under schemas/) and one line here.
 */
export const ALL_ROUTES: readonly ApiRoutes[] = [
  technologiesRoutes,
  dimensionsRoutes,
  graphRoutes,
  scenariosRoutes,
  lookupRoutes,
  locateRoutes,
  pathRoutes,
  compareRoutes,
  recommendRoutes,
  timelineRoutes,
  predictRoutes,
  designRoutes,
  migrateRoutes,
  observeRoutes,
  diagnoseRoutes,
  analyzeRoutes,
  exportRoutes,
  sourcesRoutes,
  kbRoutes,
  healthRoutes,
];
