/** @module cli/build-id — the bundled CLI's build identity (undefined when run from source). */

declare const __STACKATLAS_BUILD__: string | undefined;

/** Set by the bundler (scripts/build.mjs); run from source (tsx, tests) it is undefined and nothing is cached. */
export const BUILD_ID: string | undefined = typeof __STACKATLAS_BUILD__ === "string" ? __STACKATLAS_BUILD__ : undefined;
