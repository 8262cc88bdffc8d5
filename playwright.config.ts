import { defineConfig, devices } from "@playwright/test";

// Overridable so several checkouts can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SECOND_PORT = E2E_PORT + 1;
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 55491);
/** The network's token for POST /api/usage on the e2e server. */
export const E2E_USAGE_TOKEN = "e2e-usage-token-0123456789";
/** The network monitoring's token for POST /api/incidents on the e2e server. */
export const E2E_INCIDENTS_TOKEN = "e2e-incidents-token-0123456789";
const e2eDataDir = `.data/e2e-${E2E_PORT}`;
const databaseUrl = `postgresql://selfcare:selfcare@127.0.0.1:${E2E_PG_PORT}/selfcare`;
const isCI = !!process.env.CI;
/** What `npm start` runs (the servers start one after the other, so only the first may build). */
const START_COMMAND = "npx tsx scripts/build.ts --if-needed && node dist/start.js";

const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: isCI ? 2 : 2,
  retries: 0,
  forbidOnly: isCI,
  reporter: [["list"]],
  timeout: 120_000,
  // Generous: CI has two cores for two browsers, two app instances and PostgreSQL.
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "ru-RU",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunch,
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch } }],
  webServer: [
    {
      // `npm start`: a fresh demo database (scripts/test.ts empties the e2e data directory and builds first).
      command: START_COMMAND,
      url: `http://127.0.0.1:${E2E_PORT}/api/health`,
      env: {
        PORT: String(E2E_PORT),
        DATA_DIR: e2eDataDir,
        EMBEDDED_PG_PORT: String(E2E_PG_PORT),
        USAGE_API_TOKEN: E2E_USAGE_TOKEN,
        INCIDENTS_API_TOKEN: E2E_INCIDENTS_TOKEN,
      },
      timeout: 600_000,
      reuseExistingServer: !isCI,
      stdout: "pipe",
    },
    {
      // A second instance on the same database: sessions and throttling must hold across both.
      command: START_COMMAND,
      url: `http://127.0.0.1:${E2E_SECOND_PORT}/api/health`,
      env: { PORT: String(E2E_SECOND_PORT), DATABASE_URL: databaseUrl, DATA_DIR: e2eDataDir, JOBS: "off" },
      timeout: 300_000,
      reuseExistingServer: !isCI,
      stdout: "pipe",
    },
  ],
});
