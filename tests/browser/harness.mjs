// Browser test harness: Debian's Chromium driven by playwright-core (no browser download), the
// release build in dist/ served on loopback. Every page records console errors, page errors and
// requests, so a test can prove the page ran clean and stayed on its own origin.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { serve } from '../../scripts/static-server.mjs';

const DIST = resolve(import.meta.dirname, '../../dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Starts the server and the browser once per test file. */
export async function startSuite() {
  const { server, url } = await serve(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    /** A fresh context (own storage) and page, with its errors and requests recorded. */
    async page(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, ...options });
      const page = await context.newPage();
      const problems = [];
      const requests = [];
      page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      page.on('request', (req) => requests.push(req));
      page.problems = problems;
      page.requests = requests;
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Opens the app and waits until it has mounted. */
export async function openApp(page, url, path = '') {
  await page.goto(url + path);
  await page.waitForSelector('.eip', { timeout: 15000 });
}

/** A share-link fragment for a plan object, made the way the README documents the format. */
export function fragmentOf(plan) {
  return 'p1.' + deflateRawSync(Buffer.from(JSON.stringify(plan))).toString('base64url');
}
