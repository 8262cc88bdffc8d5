import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Tests run the server's source; its package exports point at the compiled files.
  "@selfcare/server": path.resolve(import.meta.dirname, "server"),
  // Outside React's server environment the package throws by design; tests load server modules directly.
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "server/**/*.test.ts",
            "prisma/**/*.test.ts",
            "app/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/unit/**/*.test.ts",
          ],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/helpers/global-setup.ts"],
          setupFiles: ["tests/integration/helpers/setup.ts"],
          // Suites open many requests for one demo subscriber; tests/integration/rate-limits.test.ts
          // checks the real hourly defaults by clearing these.
          env: {
            RATE_LIMIT_REQUESTS_PER_HOUR: "1000",
            RATE_LIMIT_MESSAGES_PER_HOUR: "1000",
            RATE_LIMIT_PUSH_SUBSCRIPTIONS_PER_HOUR: "1000",
          },
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Two cores on CI; each worker gets its own database.
          maxWorkers: 2,
        },
      },
    ],
  },
});
