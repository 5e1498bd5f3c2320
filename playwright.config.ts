import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./tests/support/e2e-admin";

const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores: one browser at a time keeps the server responsive.
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --conditions=react-server --import tsx tests/support/e2e-server.ts",
    url: `http://127.0.0.1:${PORT}/models`,
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", ADMIN_PASSWORD: E2E_ADMIN_PASSWORD },
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
  },
});
