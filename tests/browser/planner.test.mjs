// The planner walked as a user would, in headless Chromium against the release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startSuite, openApp, choose } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/screenshot.png');
const finding = (code) => `#findings li[data-code="${code}"]`;

async function open(options) {
  const page = await suite.page(options);
  await openApp(page, suite.url);
  await page.waitForSelector('#findings', { state: 'attached' });
  return page;
}

/** Pastes a list into a field the way a user does: fill, then leave the field. */
async function paste(page, selector, text) {
  await page.fill(selector, text);
  await page.locator(selector).dispatchEvent('change');
}

test('the first visit shows a launchable example plan, its summary and the bench hooks', async () => {
  const page = await open();
  assert.match(await page.textContent('#findings-summary'), /This plan can launch: 2 instances in 1 region/);
  assert.equal(await page.getAttribute('#findings-summary', 'aria-live'), 'polite');
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g7.large');
  assert.ok(await page.locator('#operations li[data-api="RunInstances"]').count() >= 1);
  const marks = await page.evaluate(() => performance.getEntriesByName('eip:first-findings').length);
  assert.equal(marks, 1, 'performance.mark("eip:first-findings") once');
  const before = Number(await page.getAttribute('#findings', 'data-revision'));
  await choose(page, '#launch-0-type', 'ecs.g7.xlarge');
  await page.waitForFunction((n) => Number(document.querySelector('#findings').dataset.revision) > n, before);
  assert.deepEqual(page.problems, []);
});

test('ecs.g8y.large with an x86 image: arch-mismatch, shown on the item, fixed by its button', async () => {
  const page = await open();
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  const item = page.locator(finding('arch-mismatch'));
  await item.waitFor();
  assert.match(await item.textContent(), /error\[arch-mismatch\]/);
  assert.match(await item.textContent(), /help:/);
  assert.match(await item.locator('a').getAttribute('href'), /^https:\/\/www\.alibabacloud\.com\//);
  assert.match(await page.textContent('#counts'), /[1-9]\d* error/);
  assert.match(await page.textContent('#item-launches-0 .eip-badge'), /error/);
  // Clicking the finding focuses the launch it is about.
  await item.locator('.eip-finding-head').click();
  await page.waitForFunction(() => document.activeElement?.id === 'item-launches-0');
  // The fix sits on the help line and removes the finding.
  await item.locator('.eip-help .eip-fix').click();
  await page.locator(finding('arch-mismatch')).waitFor({ state: 'detached' });
  assert.match(await page.inputValue('#launch-0-image'), /arm64/);
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g8y.large');
  assert.deepEqual(page.problems, []);
});

test('a custom image launched in another region: image-region-mismatch, "add copy" plans CopyImage', async () => {
  const page = await open();
  await page.click('#add-launch');
  await choose(page, '#launch-1-image', 'm-bp1example0web0001');
  await choose(page, '#launch-1-region', 'cn-beijing');
  const item = page.locator(finding('image-region-mismatch'));
  await item.waitFor();
  assert.match(await item.textContent(), /m-bp1example0web0001/);
  assert.match(await item.textContent(), /cn-beijing/);
  const fix = item.locator('.eip-fix');
  assert.match(await fix.textContent(), /copy of m-bp1example0web0001 to cn-beijing/);
  assert.equal(await page.locator('#operations li[data-api="CopyImage"]').count(), 0);
  await fix.click();
  await page.locator(finding('image-region-mismatch')).waitFor({ state: 'detached' });
  const copy = page.locator('#operations li[data-api="CopyImage"]');
  await copy.waitFor();
  assert.match(await copy.textContent(), /cn-beijing/);
  assert.equal(await page.inputValue('#copy-0-region'), 'cn-beijing');
  assert.deepEqual(page.problems, []);
});

test('60 share accounts: share-quota-exceeded and a red gauge that names it', async () => {
  const page = await open();
  await page.click('#add-share');
  const accounts = Array.from({ length: 60 }, (_, n) => String(2000000000000000 + n));
  // A pasted list mixes commas, spaces and new lines.
  const text = accounts.map((a, n) => a + [', ', ' ', '\n'][n % 3]).join('');
  await paste(page, '#share-0-accounts', text);
  await page.locator(finding('share-quota-exceeded')).waitFor();
  assert.match(await page.textContent('#item-shares-0'), /60 accounts/);
  const gauge = page.locator('#gauge-share-m-bp1example0web0001');
  assert.match(await gauge.getAttribute('class'), /is-over/);
  assert.match(await gauge.textContent(), /over quota/);
  assert.match(await gauge.textContent(), /60 of 50/);
  assert.match(await gauge.textContent(), /share-quota-exceeded/);
  // Back under the quota, the gauge turns back and the finding goes.
  await paste(page, '#share-0-accounts', accounts.slice(0, 10).join('\n'));
  await page.locator(finding('share-quota-exceeded')).waitFor({ state: 'detached' });
  assert.doesNotMatch(await gauge.getAttribute('class'), /is-over/);
  assert.deepEqual(page.problems, []);
});

test('the matrix is walked by keyboard, reads each cell\'s reason, and Enter uses the cell', async () => {
  const page = await open();
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-panel');
  await page.waitForFunction(() => document.activeElement?.id === 'matrix-h', null, { timeout: 2000 });
  await choose(page, '#matrix-region', 'cn-hangzhou');
  await paste(page, '#filter-image-search', 'aliyun_3');
  await paste(page, '#filter-type-search', 'ecs.g7.');
  const rows = await page.locator('.eip-matrix tbody th').allTextContents();
  const armRow = rows.findIndex((r) => r.includes('aliyun_3_arm64'));
  assert.ok(armRow > 0, `an arm64 row below the first: ${rows}`);
  const cols = await page.locator('.eip-matrix thead th code').allTextContents();
  assert.ok(cols.length >= 2 && cols.every((c) => c.startsWith('g7.')), `g7 columns: ${cols}`);
  // Every cell carries text and an icon, not colour alone.
  assert.match(await page.textContent('#cell-0-0'), /(pass|warn|fail)/);
  await page.focus('#cell-0-0');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-0-1');
  for (let n = 0; n < armRow; n++) await page.keyboard.press('ArrowDown');
  const id = `cell-${armRow}-1`;
  assert.equal(await page.evaluate(() => document.activeElement.id), id);
  assert.equal(await page.getAttribute(`#${id}`, 'tabindex'), '0', 'roving tabindex follows focus');
  assert.equal(await page.getAttribute('#cell-0-0', 'tabindex'), '-1');
  const reason = await page.textContent('#matrix-reason');
  assert.match(reason, new RegExp(`aliyun_3_arm64.* on ecs\\.${cols[1].replace('.', '\\.')} in cn-hangzhou: fail`));
  assert.match(reason, /arch-mismatch/);
  assert.match(await page.getAttribute(`#${id}`, 'title'), /arch-mismatch/);
  assert.match(await page.textContent(`#${id}`), /fail/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#launch-0-image').value.includes('arm64'));
  assert.equal(await page.inputValue('#launch-0-type'), `ecs.${cols[1]}`);
  await page.locator(finding('arch-mismatch')).waitFor();
  // Escape closes the panel and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await page.locator('#matrix-panel').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'open-matrix');
  assert.deepEqual(page.problems, []);
});

test('the use-case helper recommends an image type and opens the guide', async () => {
  const page = await open();
  await page.check('#need-2');
  assert.match(await page.textContent('#usecase-answer'), /marketplace image/i);
  await page.click('#usecase-answer button');
  await page.waitForSelector('#guide');
  assert.match(await page.textContent('#guide'), /Community image/);
  assert.match(await page.textContent('#guide'), /snapshot/i);
  assert.deepEqual(page.problems, []);
});

test('on a 360 px phone the columns become tabs and the Findings tab keeps the counts', async () => {
  const page = await open({ viewport: { width: 360, height: 800 } });
  assert.equal(await page.isVisible('#tab-findings'), true);
  assert.equal(await page.isVisible('#findings'), false);
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.waitForFunction(() => /✕ [1-9]/.test(document.querySelector('#tab-counts').textContent));
  await page.click('#tab-findings');
  assert.equal(await page.isVisible('#findings'), true);
  assert.equal(await page.isVisible('#launch-0-type'), false);
  assert.equal(await page.getAttribute('#tab-findings', 'aria-selected'), 'true');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll on a phone (page is ${width} px wide)`);
  assert.deepEqual(page.problems, []);
});

test('screenshot of the planner with findings (docs/screenshot.png, 1280x900, light)', async () => {
  const page = await open({ viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ colorScheme: 'light' });
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.click('#add-launch');
  await choose(page, '#launch-1-image', 'm-bp1example0web0001');
  await choose(page, '#launch-1-region', 'cn-beijing');
  await page.click('#add-share');
  await paste(page, '#share-0-accounts', Array.from({ length: 60 }, (_, n) => String(3000000000000000 + n)).join(', '));
  await page.locator(finding('share-quota-exceeded')).waitFor();
  await page.evaluate(() => {
    document.activeElement?.blur();
    for (const el of document.querySelectorAll('.eip-col')) el.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: SCREENSHOT });
  assert.deepEqual(page.problems, []);
});

test('typing a snapshot ID as the image explains that a snapshot must become an image first', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await page.fill('#launch-0-image-id', 's-bp1snapshot000001');
  await page.press('#launch-0-image-id', 'Enter');
  await page.waitForFunction(() => /launch-from-snapshot/.test(document.getElementById('findings').textContent));
  assert.match(await page.textContent('#findings'), /s-bp1snapshot000001/);
  assert.equal(await page.inputValue('#launch-0-image-id'), 's-bp1snapshot000001', 'what was typed stays');
  await page.getByRole('button', { name: /Create an image from s-bp1snapshot000001/ }).click();
  await page.waitForFunction(() => !/launch-from-snapshot/.test(document.getElementById('findings').textContent));
  assert.equal(await page.inputValue('#launch-0-image-id'), 'from-s-bp1snapshot000001');
  assert.match(await page.textContent('#operations'), /CreateImage/);
  assert.deepEqual(page.problems, []);
});

test('a number that is not whole stays in its field with a message, and the plan keeps its value', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const before = await page.textContent('#findings');
  await page.fill('#launch-0-amount', '-5');
  await page.press('#launch-0-amount', 'Enter');
  await page.waitForSelector('#launch-0-amount-error');
  assert.match(await page.textContent('#launch-0-amount-error'), /"-5" is not a whole number/);
  assert.equal(await page.inputValue('#launch-0-amount'), '-5', 'what was typed stays');
  assert.equal(await page.getAttribute('#launch-0-amount', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('#findings'), before, 'the plan did not change');
  await page.fill('#launch-0-amount', '150');
  await page.press('#launch-0-amount', 'Enter');
  await page.waitForFunction(() => /amount-out-of-range/.test(document.getElementById('findings').textContent));
  assert.equal(await page.locator('#launch-0-amount-error').count(), 0);
  assert.deepEqual(page.problems, []);
});
