import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;

// The app under test is the production build (`next build` first) on a real Postgres
// (E2E_DATABASE_URL), or on a fresh embedded database when none is given.
const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: path.join(os.tmpdir(), `linli-e2e-${Date.now()}`) };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The server itself, not an npx wrapper, so stopping it stops the server.
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...database,
      // The journeys run on the demo community, asked for explicitly.
      LINLI_SEED: "demo",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      // Text messages go at once whatever the hour the journeys run (quiet hours have their own tests).
      SMS_QUIET_HOURS: "off",
      // Every journey signs up from this one address.
      SMS_CODES_PER_ADDRESS_PER_DAY: "1000",
    },
  },
});
