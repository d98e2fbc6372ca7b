import { defineConfig } from '@playwright/test';

/**
 * The console in a real browser: Debian's Chromium (apt-get install chromium fonts-noto-cjk; Playwright downloads
 * nothing), against the built console served by the real API (server.ts). Specs are *.pw.ts so jest leaves them.
 */
const port = Number(process.env.BROWSER_PORT ?? 3300);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.pw.ts',
  outputDir: '../../test-artifacts/playwright',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Charts honour it (lib/charts.ts chartMotion): screenshots show them fully drawn, not mid-animation.
    reducedMotion: 'reduce',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
  webServer: {
    command: 'node -r @swc-node/register test/browser/server.ts',
    cwd: '../..',
    url: `http://127.0.0.1:${port}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { ...process.env, BROWSER_PORT: String(port) } as Record<string, string>,
  },
});
