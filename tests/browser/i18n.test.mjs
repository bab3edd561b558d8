// The page in Simplified Chinese (issue 14): it follows the browser's language, `?lang=` and a
// remembered switch; switching keeps the plan and its share link; the embed takes `data-lang`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSuite, openApp } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/screenshot-zh-CN.png');
const HAN = /[\u4e00-\u9fff]/;

let suite;
let host;
before(async () => {
  suite = await startSuite();
  const dir = mkdtempSync(join(tmpdir(), 'eip-host-zh-'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>文档</title></head>
<body><div id="zh" data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou" data-lang="zh-CN"></div>
<div id="en" data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou" data-lang="en"></div>
<script src="${suite.url}embed.js"></script></body></html>`);
  host = await serve(dir, 0);
});
after(async () => {
  await suite.close();
  await new Promise((ok) => host.server.close(ok));
});

test('a Chinese browser opens the planner in Chinese', async () => {
  const page = await suite.page({ locale: 'zh-CN' });
  await openApp(page, suite.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.inputValue('#lang'), 'zh-CN');
  assert.equal(await page.textContent('#findings-h'), '检查结果');
  assert.match(await page.textContent('#findings-summary'), HAN);
  assert.match(await page.textContent('#open-matrix'), /兼容性矩阵/);
  assert.deepEqual(page.problems, []);
});

test('an English browser opens in English, and ?lang=zh-CN overrides it', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await openApp(page, suite.url);
  assert.equal(await page.textContent('#findings-h'), 'Findings');
  assert.doesNotMatch(await page.textContent('#findings-summary'), HAN);
  await openApp(page, suite.url, '?lang=zh-CN');
  assert.equal(await page.textContent('#findings-h'), '检查结果');
  assert.deepEqual(page.problems, []);
});

test('switching language and back keeps the plan and its share link, and is remembered', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await openApp(page, suite.url);
  await page.fill('#launch-0-amount', '150');
  await page.locator('.eip-finding[data-code="amount-out-of-range"]').waitFor();
  const codes = await page.locator('.eip-finding').evaluateAll((els) => els.map((el) => el.dataset.code));
  const link = await page.evaluate(() => location.hash);
  await page.selectOption('#lang', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#findings-h').textContent === '检查结果');
  assert.match(await page.textContent('.eip-finding .eip-message'), HAN, 'findings in Chinese');
  assert.deepEqual(await page.locator('.eip-finding').evaluateAll((els) => els.map((el) => el.dataset.code)), codes);
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  assert.equal(await page.evaluate(() => location.hash), link, 'the link does not change with the language');
  await page.reload();
  await page.waitForSelector('.eip');
  assert.equal(await page.inputValue('#lang'), 'zh-CN', 'the choice is remembered');
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#findings-h').textContent === 'Findings');
  assert.doesNotMatch(await page.textContent('.eip-finding .eip-message'), HAN);
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  assert.deepEqual(page.problems, []);
});

test('embed.js passes data-lang to the embedded planner', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await page.goto(host.url);
  const title = async (id) => {
    const frame = await (await page.waitForSelector(`#${id} iframe`)).contentFrame();
    await frame.waitForSelector('#embed .eip-embed-title', { timeout: 15000 });
    return frame.textContent('.eip-embed-title');
  };
  assert.match(await title('zh'), /哪些镜像适用于 ecs\.g8y\.large/);
  assert.match(await title('en'), /Which images fit ecs\.g8y\.large/);
  assert.deepEqual(page.problems, []);
});

test('screenshot of the planner in Chinese (docs/screenshot-zh-CN.png, 1280x900, light)', async () => {
  const page = await suite.page({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, suite.url);
  await page.fill('#launch-0-amount', '150');
  await page.locator('.eip-finding[data-code="amount-out-of-range"]').waitFor();
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: SCREENSHOT });
  assert.deepEqual(page.problems, []);
});
