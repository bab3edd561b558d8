// Embed mode: embed.js on a documentation page of ANOTHER origin mounts two planner iframes that
// answer their question, size themselves to their content, and follow the host's theme; messages
// in any other shape are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSuite } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

let suite;
let host;
before(async () => {
  suite = await startSuite();
  const dir = mkdtempSync(join(tmpdir(), 'eip-host-'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host docs</title></head>
<body><h1>Host documentation page</h1>
<div id="a" data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou"></div>
<div id="b" data-ecs-image-planner data-image="aliyun_3_x64_20G_alibase_20240819.vhd" data-region="ap-southeast-1" data-mode="interactive"></div>
<script src="${suite.url}embed.js"></script></body></html>`);
  host = await serve(dir, 0);
});
after(async () => {
  await suite.close();
  await new Promise((ok) => host.server.close(ok));
});

async function frameOf(page, placeholder) {
  const handle = await page.waitForSelector(`${placeholder} iframe`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('#embed .eip-embed-title', { timeout: 15000 });
  return { handle, frame };
}

// Chromium pauses rendering of cross-origin frames that are off screen, so a frame reports its
// height once it scrolls into view, as it would for a reader.
async function settledHeight(page, handle) {
  await handle.scrollIntoViewIfNeeded();
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const height = await handle.evaluate((el) => el.getBoundingClientRect().height);
    if (height === last && height !== 160) return height;
    last = height;
    await page.waitForTimeout(100);
  }
  return last;
}

test('a page of another origin embeds two planners that size themselves', async () => {
  assert.notEqual(new URL(host.url).origin, new URL(suite.url).origin);
  const page = await suite.page();
  await page.goto(host.url);
  const a = await frameOf(page, '#a');
  const b = await frameOf(page, '#b');
  assert.match(await a.frame.textContent('.eip-embed-title'), /Which images fit ecs\.g8y\.large in cn-hangzhou\?/);
  assert.match(await b.frame.textContent('.eip-embed-title'), /Which instance types can launch .* in ap-southeast-1\?/);
  // The arm64 type: the first row fits (a warning at most: no source confirms an arm64 image's
  // NVMe driver yet, so it may carry catalog-unconfirmed), and an x86 image fails with the rule
  // code shown.
  assert.match(await a.frame.textContent('.eip-embed-row:first-child .eip-verdict'), /pass|warning/);
  assert.match(await a.frame.textContent('#embed'), /arch-mismatch/);
  assert.match(await a.frame.textContent('.eip-embed-failing summary'), /^\d+ that do not fit, and why$/);
  for (const { handle, frame } of [a, b]) {
    const frameHeight = await settledHeight(page, handle);
    const contentHeight = await frame.evaluate(() => Math.ceil(document.getElementById('embed').getBoundingClientRect().height));
    assert.ok(Math.abs(frameHeight - contentHeight) <= 2, `${await handle.evaluate((el) => el.src)}: iframe ${frameHeight}px vs content ${contentHeight}px`);
    assert.ok(frameHeight > 160, `grew from the 160px placeholder to ${frameHeight}px`);
  }
  assert.deepEqual(page.problems, []);
});

test('the interactive embed changes its answer when a control changes', async () => {
  const page = await suite.page();
  await page.goto(host.url);
  const b = await frameOf(page, '#b');
  await b.frame.selectOption('#embed-type', 'ecs.g8y.large');
  await b.frame.waitForSelector('.eip-embed-verdict');
  assert.match(await b.frame.textContent('.eip-embed-verdict'), /^No: /);
  assert.match(await b.frame.textContent('#embed'), /error\[arch-mismatch\]/);
});

test('embeds follow the host page theme, and ignore messages of any other shape', async () => {
  const page = await suite.page({ colorScheme: 'dark' });
  await page.goto(host.url);
  const a = await frameOf(page, '#a');
  const rootClass = () => a.frame.getAttribute('#embed', 'class');
  assert.match(await rootClass(), /eip-dark/);
  await page.emulateMedia({ colorScheme: 'light' });
  await a.frame.waitForFunction(() => document.getElementById('embed').classList.contains('eip-light'));
  // Hostile or malformed messages from the host change nothing.
  await page.evaluate(() => {
    const win = document.querySelector('#a iframe').contentWindow;
    for (const message of [
      'ecs-image-planner:theme',
      { type: 'ecs-image-planner:theme', theme: 'dark', plan: { version: 1 } },
      { type: 'ecs-image-planner:theme', theme: '<img src=x onerror=alert(1)>' },
      { type: 'other', theme: 'dark' },
      ['ecs-image-planner:theme', 'dark'],
    ]) win.postMessage(message, '*');
  });
  await page.waitForTimeout(300);
  assert.match(await rootClass(), /eip-light/);
  await page.evaluate(() => document.querySelector('#a iframe').contentWindow
    .postMessage({ type: 'ecs-image-planner:theme', theme: 'dark' }, '*'));
  await a.frame.waitForFunction(() => document.getElementById('embed').classList.contains('eip-dark'));
});

test('the example docs page embeds the planner twice', async () => {
  const page = await suite.page();
  await page.goto(suite.url + 'docs-example.html');
  await frameOf(page, '#embed-type');
  await frameOf(page, '#embed-image');
  assert.equal(await page.locator('iframe').count(), 2);
  assert.deepEqual(page.problems, []);
});

test('bad embed parameters say which one and what is expected', async () => {
  for (const path of ['embed.html?type=ecs.g8y.large&mode=full', '?embed=1&type=ecs.g8y.large&mode=full']) {
    const page = await suite.page();
    await page.goto(suite.url + path);
    await page.waitForSelector('.eip-embed-error');
    assert.match(await page.textContent('.eip-embed-error'), /"mode" is "full"; expected compact or interactive/, path);
  }
});

test('embed.html loads a much smaller wasm than the full planner', async () => {
  const wasmBytes = async (path) => {
    const page = await suite.page();
    const sizes = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('.wasm')) sizes.push((await response.body()).length);
    });
    await page.goto(suite.url + path);
    await page.waitForSelector('.eip');
    await page.waitForTimeout(200);
    assert.equal(sizes.length, 1, `${path} loads one wasm`);
    return sizes[0];
  };
  const embed = await wasmBytes('embed.html?type=ecs.g8y.large');
  const planner = await wasmBytes('');
  assert.ok(embed < planner * 0.6, `embed wasm ${embed} B vs planner wasm ${planner} B`);
});
