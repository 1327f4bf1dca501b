import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    // The JSON report is what .ci/run counts its "N passed, N failed" line from.
    reporters: ["default", "json"],
    outputFile: { json: "artifacts/test-results.json" },
  },
});
