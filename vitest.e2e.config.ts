// Browser journeys against the built app (`npm run test:e2e` builds first): one server, Debian's Chromium.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["test/e2e/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server and one browser at a time: journeys share the demo data and stay readable in order.
    fileParallelism: false,
  },
});
