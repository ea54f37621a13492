// End-to-end tests: Playwright drives Debian's Chromium against the release build in dist/.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM } from "./scripts/chromium.mjs";

// Another port can be chosen when two suites run at once on one machine.
const port = Number(process.env.STORYLINE_E2E_PORT ?? 8081);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    launchOptions: CHROMIUM,
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 720 } } },
    {
      name: "phone",
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices["Pixel 7"].userAgent,
      },
    },
  ],
  webServer: {
    command: `node scripts/serve.mjs ${port} /=dist /fixtures=tests/e2e/fixtures`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
