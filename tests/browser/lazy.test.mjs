// What the first screen does not need (the compatibility matrix, the image guide, the exports'
// renderer) is in wasm chunks of their own (src/main.rs's split points, scripts/wasm-split.mjs):
// the first load does not fetch them, the first use fetches a chunk once, with a loading state
// meanwhile, and a chunk that cannot be fetched says so and can be tried again, with nothing
// typed lost. The offline test (offline.test.mjs) uses them with no network after a first visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSuite, openApp, choose } from './harness.mjs';

const DIST = resolve(import.meta.dirname, '../../dist');
let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** The wasm chunks in dist/ (content-hashed names, see scripts/wasm-split.mjs). */
const CHUNKS = readdirSync(DIST).filter((n) => /^(split_\w+|chunk)-[0-9a-f]{16}\.wasm$/.test(n));
const MATRIX = /\/split_matrix-[0-9a-f]{16}\.wasm$/;
const GUIDE = /\/split_guide-[0-9a-f]{16}\.wasm$/;
const EXPORT = /\/split_export-[0-9a-f]{16}\.wasm$/;

/** The chunk requests `page` has made so far, as file names. */
const chunkRequests = (page) => page.requests
  .map((r) => new URL(r.url()).pathname.slice(1))
  .filter((path) => CHUNKS.includes(path));

/**
 * The planner without its service worker, so that every chunk request reaches the network (and
 * a route can hold or fail it): the worker would precache them after the first load.
 */
async function open() {
  const page = await suite.page({ serviceWorkers: 'block' });
  await openApp(page, suite.url);
  await page.waitForSelector('#findings[data-revision]');
  return page;
}

test('the build split the matrix, the guide and the exports into chunks of their own', () => {
  for (const [what, re] of [['matrix', MATRIX], ['guide', GUIDE], ['export', EXPORT]]) {
    assert.ok(CHUNKS.some((n) => re.test(`/${n}`)), `a ${what} chunk in dist/: ${CHUNKS}`);
  }
});

test('the first load fetches no chunk; opening the matrix shows a loading state, then the matrix, and keeps what was typed', async () => {
  const page = await open();
  assert.deepEqual(chunkRequests(page), [], 'no chunk on the first load');

  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(MATRIX, async (route) => { await held; await route.continue(); });
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-loading[aria-busy="true"]');
  assert.match(await page.textContent('#matrix-loading'), /Compatibility matrix[\s\S]*Loading the compatibility matrix…/);
  // The plan stays editable while the chunk loads, and the edit stays.
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.locator('#findings li[data-code="arch-mismatch"]').waitFor();
  release();
  await page.waitForSelector('#matrix-panel .eip-matrix');
  await page.locator('#matrix-loading').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g8y.large', 'what was typed is still there');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'matrix-h', 'focus moves to the matrix when it is in');
  assert.ok(chunkRequests(page).some((n) => MATRIX.test(`/${n}`)), `the matrix chunk was fetched: ${chunkRequests(page)}`);
  assert.ok(!chunkRequests(page).some((n) => GUIDE.test(`/${n}`)), 'not the guide chunk');

  // Closed and opened again, it comes at once from the chunk already loaded.
  const fetched = chunkRequests(page).length;
  await page.click('#close-matrix');
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-panel .eip-matrix');
  assert.equal(chunkRequests(page).length, fetched, 'no second fetch');

  await page.click('#open-guide');
  await page.waitForSelector('#guide #guide-types-h');
  assert.ok(chunkRequests(page).some((n) => GUIDE.test(`/${n}`)), 'opening the guide fetched its chunk');
});

test('a chunk that cannot be fetched says so, loses nothing, and "Try again" loads it', async () => {
  const page = await open();
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.locator('#findings li[data-code="arch-mismatch"]').waitFor();
  page.expectProblems(/Failed to load resource/, /Failed to fetch/);
  await page.route(GUIDE, (route) => route.abort('internetdisconnected'));
  await page.click('#open-guide');
  await page.waitForSelector('#guide-load-failed[role="alert"]');
  assert.match(await page.textContent('#guide-load-failed'), /The image guide could not be loaded: the connection failed\. Your plan is not affected\./);
  // Escape closes it as it closes the guide, and the guide can be opened again.
  await page.focus('#guide-retry');
  await page.keyboard.press('Escape');
  await page.locator('#guide-load-failed').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'open-guide');
  await page.click('#open-guide');
  await page.waitForSelector('#guide-load-failed');
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g8y.large');
  assert.equal(await page.locator('.eip').count(), 1, 'the app is still running');

  await page.unroute(GUIDE);
  await page.click('#guide-retry');
  await page.waitForSelector('#guide #guide-types-h');
  await page.locator('#guide-load-failed').waitFor({ state: 'detached' });
  // The app still answers edits.
  await choose(page, '#launch-0-type', 'ecs.g7.large');
  await page.locator('#findings li[data-code="arch-mismatch"]').waitFor({ state: 'detached' });
});

test('zh-CN: the loading state speaks Chinese', async () => {
  const page = await suite.page({ serviceWorkers: 'block', locale: 'zh-CN' });
  await openApp(page, suite.url);
  await page.waitForSelector('#findings[data-revision]');
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(MATRIX, async (route) => { await held; await route.continue(); });
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-loading');
  assert.match(await page.textContent('#matrix-loading'), /兼容性矩阵[\s\S]*正在加载兼容性矩阵…/);
  release();
  await page.waitForSelector('#matrix-panel');
});

test('the first Download fetches the exports\' renderer once; when it cannot be fetched the status says so and the next press works', async () => {
  const page = await open();
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  assert.deepEqual(chunkRequests(page), [], 'no chunk on the first load or on an edit');
  page.expectProblems(/Failed to load resource/, /Failed to fetch/);
  await page.route(EXPORT, (route) => route.abort('internetdisconnected'));
  await page.click('#download-aliyun');
  await page.waitForFunction(() => /Could not load the .+ export: the connection failed\. Your plan is not affected/.test(document.querySelector('#io-status').textContent));
  await page.unroute(EXPORT);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-aliyun')]);
  const script = readFileSync(await download.path(), 'utf8');
  assert.match(script, /ecs\.g8y\.large/, 'the script has the edited plan');
  assert.match(await page.textContent('#io-status'), /Downloaded /);
  const fetched = chunkRequests(page).filter((n) => EXPORT.test(`/${n}`)).length;
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.match(readFileSync(await json.path(), 'utf8'), /ecs\.g8y\.large/);
  assert.equal(chunkRequests(page).filter((n) => EXPORT.test(`/${n}`)).length, fetched, 'no second fetch');
});
