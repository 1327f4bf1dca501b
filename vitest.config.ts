import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    // The tests read the CNCF landscape snapshot that ships in data/landscape/, whatever the environment
    // running them names (an empty STACKATLAS_LANDSCAPE counts as unset).
    env: { STACKATLAS_LANDSCAPE: "" },
    // The JSON report is what .ci/run counts its "N passed, N failed" line from.
    reporters: ["default", "json"],
    outputFile: { json: "artifacts/test-results.json" },
  },
});
