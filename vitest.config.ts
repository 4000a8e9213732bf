// Unit tests (pure domain, contracts, i18n) and API tests (real SQLite files, or PostgreSQL with
// EXTRANET_TEST_DB=postgres). Browser journeys have their own config: vitest.e2e.config.ts.
import { defineConfig } from "vitest/config";

// The CLI tests start their own processes on the databases they name (SQLite files, and PostgreSQL
// in the *-postgres ones); none reads EXTRANET_TEST_DB, so the PostgreSQL run would only repeat them.
const onPostgres = process.env.EXTRANET_TEST_DB === "postgres";

export default defineConfig({
  test: {
    // Two files at a time even on two cores (Vitest's default there is one): most API and CLI tests wait on
    // fsync, argon2, PostgreSQL or a child process rather than compute, and the suite takes half the time.
    // On PostgreSQL too: each file owns a schema, and the app's introspection (the migrator's table checks)
    // never looks outside its own (src/server/db/postgres-introspector.ts).
    maxWorkers: 2,
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
          // One module graph per worker, not per file: importing the app cost 1.5 s a file (a third of
          // the suite's time). Files share no state through modules: each builds its own app on its own
          // database, and the few that fake timers or globals restore them.
          isolate: false,
          include: ["src/server/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["test/e2e/**", ...(onPostgres ? ["test/cli/**"] : [])],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
