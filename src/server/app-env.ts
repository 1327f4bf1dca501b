/** @module server/app-env — what every request of the HTTP API carries: its knowledge base, logger and id. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Logger } from "pino";
import type { Kb } from "../kb/kb.js";

/** The variables a request carries through the middleware into its route. */
export interface AppEnv {
  Variables: {
    /** The knowledge base this request is answered from: one snapshot, even if a reload lands meanwhile. */
    kb: Kb;
    /** The request's logger, bound to its request id. */
    log: Logger;
    requestId: string;
  };
}

/** The application the routes are registered on. */
export type AtlasApp = OpenAPIHono<AppEnv>;
