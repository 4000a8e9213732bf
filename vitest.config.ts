// Unit tests (pure domain, contracts, i18n) and API tests (real SQLite files, or PostgreSQL with
// EXTRANET_TEST_DB=postgres). Browser journeys have their own config: vitest.e2e.config.ts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/{domain,contracts,i18n}/**/*.test.ts", "src/web/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        test: {
          name: "api",
          include: ["src/server/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
