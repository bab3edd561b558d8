// Offline and loading: the service worker (public/sw.js, stamped by scripts/sw-stamp.mjs) makes a
// second visit start from cache and the planner work with no network at all; the static app
// shell paints before the wasm and leaves when the app mounts; dist/ is served precompressed
// with the headers the README documents. Each test that needs its own server starts one, so
// that it can stop it: "offline" here means the server is gone too, not only the browser's flag.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSuite, openApp, choose } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const DIST = resolve(import.meta.dirname, '../../dist');
let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** A server of dist/ of this test's own, recording the paths it is asked for. */
async function ownServer() {
  const requested = [];
  const { server, url } = await serve(DIST, 0, {
    onRequest: (req) => requested.push(new URL(req.url, 'http://x').pathname),
  });
  const stop = () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
  return { url, requested, stop };
}

/** Waits until a service worker controls `page`. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15000 });
}

/**
 * A first visit, on a server of this test's own, until the service worker controls the page;
 * then the server stops, the browser goes offline, and the page reloads. Returns the page.
 */
async function reloadedOffline() {
  const host = await ownServer();
  const page = await suite.page();
  await openApp(page, host.url);
  await page.waitForSelector('#findings[data-revision]');
  await controlled(page);

  await host.stop();
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('#findings[data-revision]', { timeout: 15000 });
  return page;
}

test('offline: load once, lose the network and the server, reload, edit, and the findings update', async () => {
  const page = await reloadedOffline();
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
  assert.match(await page.textContent('#findings-summary'), /This plan can launch/);

  const before = Number(await page.getAttribute('#findings', 'data-revision'));
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.waitForFunction((n) => Number(document.querySelector('#findings').dataset.revision) > n, before);
  await page.locator('#findings li[data-code="arch-mismatch"]').waitFor();
  assert.match(await page.textContent('#counts'), /[1-9]\d* error/);
  await page.context().setOffline(false);
});

test('offline: the matrix, the guide and the exports (wasm chunks) work with no network after a first visit that never used them', async () => {
  const page = await reloadedOffline();
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-panel .eip-matrix', { timeout: 15000 });
  await page.click('#open-guide');
  await page.waitForSelector('#guide #guide-types-h', { timeout: 15000 });
  // Both panels cover the output column: close them.
  await page.click('#close-guide');
  await page.click('#close-matrix');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-terraform')]);
  assert.match(readFileSync(await download.path(), 'utf8'), /ecs\.g8y\.large/, 'the exports render offline too');
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g8y.large');
  await page.context().setOffline(false);
});

test('a second visit starts from cache: the wasm, js and css are not fetched again', async () => {
  const host = await ownServer();
  const page = await suite.page();
  await openApp(page, host.url);
  await page.waitForSelector('#findings[data-revision]');
  await controlled(page);
  const firstVisit = host.requested.length;
  assert.ok(host.requested.some((p) => p.endsWith('.wasm')), `the first visit fetched the wasm: ${host.requested}`);

  const again = await suite.tab(page);
  await openApp(again, host.url);
  await again.waitForSelector('#findings[data-revision]');
  const secondVisit = host.requested.slice(firstVisit);
  assert.deepEqual(secondVisit.filter((p) => /\.(wasm|js|css)$/.test(p) && p !== '/sw.js'), [],
    `the second visit asked the server only for: ${secondVisit.join(', ') || 'nothing'}`);
  assert.ok(!secondVisit.includes('/') && !secondVisit.includes('/index.html'), 'the page itself came from the cache');
  await host.stop();
});

test('the embed page registers no service worker (a documentation page frames it)', async () => {
  const page = await suite.page();
  await page.goto(`${suite.url}embed.html?type=ecs.g8y.large&region=cn-hangzhou`);
  await page.waitForSelector('#embed .eip-embed-title');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  await page.waitForSelector('#eip-shell', { state: 'detached', timeout: 5000 });
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 412, height: 823 }]]) {
  test(`the app shell paints the header and the columns before the wasm, and leaves when the app mounts (${label})`, async () => {
    const page = await suite.page({ viewport });
    // Hold the wasm back: the page shows what it has without it.
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(suite.url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#eip-shell .eip-header h1');
    assert.equal(await page.textContent('#eip-shell h1'), 'ECS Image Planner');
    const columns = await page.locator('#eip-shell .eip-columns > .eip-col').count();
    assert.equal(columns, 3, 'plan, findings and output columns');
    const fcp = await page.evaluate(() => new Promise((ok) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) ok(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    assert.ok(fcp > 0, 'painted before the wasm arrived');
    assert.equal(await page.locator('.eip').count(), 0, 'the app has not mounted yet');
    const box = (selector) => page.locator(selector).boundingBox();
    const shell = { header: await box('#eip-shell .eip-header'), plan: await box('#eip-shell .eip-col.is-active h2') };
    release();
    await page.waitForSelector('#findings[data-revision]', { state: 'attached', timeout: 15000 });
    assert.ok(!(await page.locator('#eip-shell').isVisible()), 'the shell is hidden as soon as the app is there');
    await page.waitForSelector('#eip-shell', { state: 'detached', timeout: 5000 });
    const app = { header: await box('.eip .eip-header'), plan: await box('#plan-h') };
    assert.deepEqual(app.header, shell.header, 'the header neither moves nor changes size when the app replaces the shell');
    assert.deepEqual([app.plan.x, app.plan.y], [shell.plan.x, shell.plan.y], 'the Plan heading stays where the shell put it');
  });
}

test('the planner starts downloading its wasm only after the shell has painted (scripts/paint-first.mjs)', async () => {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<link rel="preload"[^>]*\.wasm/, 'index.html does not preload the wasm from its head');
  const wasmFile = html.match(/module_or_path: '\/([^']+_bg\.wasm)'/)?.[1];
  assert.ok(wasmFile, 'trunk\'s loader names the wasm');
  for (const page of ['index.html', 'embed.html']) {
    // The first paint needs the page alone: its CSS is in it (scripts/inline-css.mjs), and no
    // script holds the parser back.
    const text = readFileSync(resolve(DIST, page), 'utf8');
    assert.doesNotMatch(text, /<link[^>]*rel="stylesheet"/, `${page} links no stylesheet`);
    assert.match(text, /<style>[^<]*\.eip-shell[^<]*<\/style>/, `${page} carries the shell's CSS`);
    const blocking = [...text.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)].map((m) => m[0])
      .filter((tag) => !/\b(defer|async)\b|type="module"/.test(tag));
    assert.deepEqual(blocking, [], `${page} has no parser-blocking script`);
  }
  assert.match(readFileSync(resolve(DIST, 'embed.html'), 'utf8'), /<link rel="preload"[^>]*\.wasm/,
    'the embed page still preloads its wasm (its largest paint is the answer the wasm renders)');
  const host = await ownServer();
  for (let load = 0; load < 3; load++) {
    const page = await suite.page();
    const before = host.requested.length;
    await openApp(page, host.url);
    await page.waitForSelector('#findings[data-revision]');
    const { fcp, wasm } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
    }));
    assert.ok(fcp > 0 && wasm > 0, `both were measured: first contentful paint ${fcp} ms, wasm request ${wasm} ms`);
    assert.ok(wasm >= fcp, `the wasm request (${wasm.toFixed(1)} ms) started after the first contentful paint (${fcp.toFixed(1)} ms)`);
    // The preload made after the paint is the download wasm-bindgen's own fetch uses: one.
    const downloads = host.requested.slice(before).filter((path) => path === `/${wasmFile}`).length;
    assert.equal(downloads, 1, `the planner's wasm was downloaded once, not ${downloads} times`);
    assert.deepEqual(page.problems, [], 'no console errors, CSP violations or page errors');
    await page.context().close();
  }
  await host.stop();
});

test('a planner opened in a background tab loads without waiting for a paint', async () => {
  const page = await suite.page();
  // The document says it is hidden before any script runs, as a background tab's does; such a
  // tab does not paint, so no paint is ever reported (the observer here never calls back): the
  // loader must not wait for one.
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden' });
    PerformanceObserver.prototype.observe = () => {};
  });
  await openApp(page, suite.url);
  await page.waitForSelector('#findings[data-revision]');
});

test('a planner whose paint is never reported (a frame not displayed) still loads, a few seconds late', async () => {
  const page = await suite.page();
  await page.addInitScript(() => { PerformanceObserver.prototype.observe = () => {}; });
  await openApp(page, suite.url);
  await page.waitForSelector('#findings[data-revision]');
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime);
  assert.ok(wasm >= 3000, `the wasm started at ${wasm} ms: after the 3 s the loader waits for a paint report`);
});

test('dist/ is ready for a static host: .br and .gz beside each file, served with the right headers', async () => {
  const files = readdirSync(DIST);
  for (const name of files.filter((n) => /\.(html|js|css|wasm|svg)$/.test(n))) {
    assert.ok(files.includes(`${name}.br`), `${name}.br`);
    assert.ok(files.includes(`${name}.gz`), `${name}.gz`);
  }
  const wasm = files.find((n) => n.endsWith('_bg.wasm') && readFileSync(resolve(DIST, 'index.html'), 'utf8').includes(n));
  const res = await fetch(suite.url + wasm, { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), readFileSync(resolve(DIST, wasm)), 'fetch decodes br to the same bytes');
  const gz = await fetch(suite.url + wasm, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  await gz.arrayBuffer();
  for (const path of ['', 'index.html', 'sw.js', 'embed.js']) {
    const plain = await fetch(suite.url + path);
    assert.equal(plain.headers.get('cache-control'), 'no-cache', `${path || '/'} is revalidated`);
    await plain.arrayBuffer();
  }
  const sw = readFileSync(resolve(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /const BUILD = \{"version":"[0-9a-f]{16}","files":\["\.\/",/, 'sw.js is stamped with the build');
  assert.ok(sw.includes(wasm), 'sw.js caches the planner wasm');
});
