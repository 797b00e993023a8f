import { defineConfig, devices } from "@playwright/test";

const port = 3100;
// Set to test a server that is already running (while developing); otherwise a fresh one is started.
const externalUrl = process.env.EDGES_E2E_URL;
// The map's performance measurement needs a large network and takes minutes: only on request
// (EDGES_MAP_PERF=1, see tests/map-performance.spec.ts), never in the default run.
const performance = /map-performance\.spec\.ts/;
const measuring = !!process.env.EDGES_MAP_PERF;
const chromium = {
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: externalUrl ?? `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: measuring ? [/.*\.nojs\.spec\.ts/, /decisions\.spec\.ts/] : [/.*\.nojs\.spec\.ts/, /decisions\.spec\.ts/, performance],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "no-javascript",
      testMatch: /.*\.nojs\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions: chromium },
    },
    {
      // Moves the server's clock to reach a closing time, so it runs once the others are done.
      name: "decisions",
      testMatch: /decisions\.spec\.ts/,
      dependencies: ["chromium", "no-javascript"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
  webServer: externalUrl ? undefined : {
    // A fresh demo network for every run, served by the release build from the repository root.
    // --test-clock lets the decisions story move the server's time (never used in production).
    // Emails are written as .eml files to target/e2e-mail, where stories read them.
    command: `rm -rf target/e2e.db target/e2e.db-* target/e2e-mail && EDGES_MAIL_DIR=target/e2e-mail EDGES_PUBLIC_URL=http://127.0.0.1:${port} target/release/edges serve --addr 127.0.0.1:${port} --database-url sqlite://target/e2e.db --seed-if-empty --test-clock`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
