// The compatibility matrix as a new user meets it (issue 16): it agrees with the findings on the
// plan's own copies, answers "which types can run this image?" in full, and shows cells on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSuite, openApp, fragmentOf } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** How many instance types the built-in catalog holds (it is generated: count, never hard-code). */
const CATALOG_TYPES = JSON.parse(
  readFileSync(new URL('../../src/core/catalog.json', import.meta.url), 'utf8'),
).instance_types.length;

/** A custom image of Hangzhou, copied to Singapore and launched there. */
const COPIED = {
  version: 1,
  name: 'Web image to Singapore',
  images: [{ id: 'm-bp1newuser0web00001', name: 'web', type: 'custom', os: 'Ubuntu 24.04', boot_mode: 'UEFI-Preferred', nvme: 'supported', size_gib: 40, regions: ['cn-hangzhou'] }],
  copies: [{ image: 'm-bp1newuser0web00001', to_region: 'ap-southeast-1' }],
  launches: [{ region: 'ap-southeast-1', instance_type: 'ecs.g7.large', image: 'm-bp1newuser0web00001' }],
};

async function open(plan, options) {
  const page = await suite.page(options);
  await openApp(page, suite.url, plan ? '#' + fragmentOf(plan) : '');
  await page.waitForSelector('#findings', { state: 'attached' });
  return page;
}

async function openMatrix(page, region) {
  await page.click('#open-matrix');
  await page.waitForSelector('#matrix-panel');
  if (region) await page.selectOption('#matrix-region', region);
}

test('a planned copy counts: the matrix cell agrees with the findings for that launch', async () => {
  const page = await open(COPIED);
  assert.match(await page.textContent('#counts'), /✕ 0 error/);
  await openMatrix(page, 'ap-southeast-1');
  await page.fill('#filter-image-search', 'm-bp1newuser');
  await page.fill('#filter-type-search', 'ecs.g7.');
  await page.waitForFunction(() => document.querySelectorAll('.eip-matrix tbody tr').length === 1);
  const row = await page.textContent('.eip-matrix tbody th');
  assert.match(row, /m-bp1newuser0web00001/);
  assert.match(row, /via copy #0/);
  const cols = await page.locator('.eip-matrix thead th code').allTextContents();
  const g7large = cols.indexOf('g7.large');
  assert.ok(g7large >= 0, `a g7.large column: ${cols}`);
  assert.match(await page.textContent(`#cell-0-${g7large}`), /pass/);
  const cells = await page.locator('.eip-matrix tbody td').allTextContents();
  assert.ok(cells.every((c) => !/image-region-mismatch/.test(c)), `no cell says the image is not there: ${cells}`);
  // Without the copy, the findings and the matrix both say it is not there.
  await page.click('#close-matrix');
  await page.click('#item-copies-0 .eip-icon-button');
  await page.locator('#findings li[data-code="image-region-mismatch"]').waitFor();
  await openMatrix(page, 'ap-southeast-1');
  await page.fill('#filter-image-search', 'm-bp1newuser');
  await page.fill('#filter-type-search', 'ecs.g7.');
  await page.waitForFunction(() => /fail/.test(document.querySelector('#cell-0-0')?.textContent ?? ''));
  assert.match(await page.textContent('#cell-0-0'), /image-region-mismatch/);
  assert.deepEqual(page.problems, []);
});

test('which types can run this image: every type, grouped pass / warn / fail, reasons written out', async () => {
  const page = await open();
  await openMatrix(page, 'cn-hangzhou');
  await page.uncheck('#filter-offered');
  await page.check('#matrix-mode-image');
  // A build whose every value a source confirms: nothing it passes on rests on unconfirmed values.
  await page.selectOption('#answer-image', 'ubuntu_24_04_x64_20G_alibase_20260810.vhd');
  await page.waitForSelector('#matrix-answer li');
  const groups = await page.locator('#matrix-answer section').evaluateAll((sections) =>
    sections.map((s) => ({ verdict: s.dataset.verdict, n: s.querySelectorAll('li').length })));
  assert.deepEqual(groups.map((g) => g.verdict), ['pass', 'warn', 'fail']);
  assert.equal(groups.reduce((sum, g) => sum + g.n, 0), CATALOG_TYPES, 'every catalog type is answered');
  assert.ok(groups[0].n > 0 && groups[2].n > 0, JSON.stringify(groups));
  const arm = page.locator('#matrix-answer li[data-id="ecs.g8y.large"]');
  assert.match(await arm.textContent(), /arch-mismatch: image ubuntu_24_04_x64_20G_alibase_20260810\.vhd is built for x86_64/);
  assert.equal(await arm.evaluate((li) => li.closest('section').dataset.verdict), 'fail');
  // Only what passes.
  await page.check('#answer-passing-only');
  const verdicts = await page.locator('#matrix-answer section').evaluateAll((s) => s.map((x) => x.dataset.verdict));
  assert.deepEqual(verdicts, ['pass']);
  assert.equal(await page.locator('#matrix-answer li[data-id="ecs.g8y.large"]').count(), 0);
  // The same view answers the reverse question, for one type.
  await page.check('#matrix-mode-type');
  await page.selectOption('#answer-type', 'ecs.g6r.large');
  await page.uncheck('#answer-passing-only');
  await page.waitForSelector('#matrix-answer li[data-id="ubuntu_24_04_arm64_20G_alibase_20251126.vhd"]');
  const armImage = page.locator('#matrix-answer li[data-id="ubuntu_24_04_arm64_20G_alibase_20251126.vhd"]');
  assert.equal(await armImage.evaluate((li) => li.closest('section').dataset.verdict), 'pass');
  // A line is used in launch #0.
  await armImage.getByRole('button', { name: 'Use in launch #0' }).click();
  await page.waitForFunction(() => document.querySelector('#launch-0-type').value === 'ecs.g6r.large');
  assert.equal(await page.inputValue('#launch-0-image'), 'ubuntu_24_04_arm64_20G_alibase_20251126.vhd');
  assert.deepEqual(page.problems, []);
});

test('the grid shows the reason in the cell, and a heading opens the list for its image', async () => {
  const page = await open();
  await openMatrix(page, 'cn-hangzhou');
  await page.fill('#filter-image-search', 'aliyun_3_arm64');
  await page.fill('#filter-type-search', 'ecs.g7.large');
  await page.waitForFunction(() => document.querySelectorAll('.eip-matrix tbody tr').length === 1);
  assert.match(await page.textContent('#cell-0-0'), /fail\s*arch-mismatch/);
  await page.click('.eip-matrix tbody th button');
  await page.waitForSelector('#matrix-answer li');
  assert.equal(await page.inputValue('#answer-image'), 'aliyun_3_arm64_20G_alibase_20240819.vhd');
  assert.deepEqual(page.problems, []);
});

test('on a 360 px phone the matrix shows cells beside the image column', async () => {
  const page = await open(null, { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
  await openMatrix(page, 'cn-hangzhou');
  await page.locator('#cell-0-0').scrollIntoViewIfNeeded();
  const head = await page.locator('.eip-matrix tbody th').first().boundingBox();
  const cell = await page.locator('#cell-0-0').boundingBox();
  assert.ok(head.width < 180, `the image column leaves room (${head.width} px wide)`);
  assert.ok(cell.x >= head.x + head.width - 1 && cell.x + cell.width <= 360, `cell 0,0 is on screen: ${JSON.stringify(cell)}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal page scroll (${width} px)`);
  // The one-image answer reads as a list on a phone.
  await page.check('#matrix-mode-image');
  await page.waitForSelector('#matrix-answer li');
  const line = await page.locator('#matrix-answer li').first().boundingBox();
  assert.ok(line.x >= 0 && line.x + line.width <= 360, `answer lines fit: ${JSON.stringify(line)}`);
  assert.deepEqual(page.problems, []);
});

test('the page leads to the embed snippet for the current question', async () => {
  const page = await open();
  await page.click('#embed-answer');
  await page.waitForSelector('#embed-snippet-text');
  await page.waitForFunction(() => document.activeElement?.id === 'embed-snippet-text');
  const snippet = await page.inputValue('#embed-snippet-text');
  assert.match(snippet, /^<div data-ecs-image-planner data-region="cn-hangzhou" data-image="aliyun_3_x64_20G_alibase_20240819\.vhd"><\/div>/);
  assert.ok(snippet.endsWith(`<script src="${suite.url}embed.js" defer></script>`), snippet);
  // The snippet follows the question.
  await page.check('#matrix-mode-type');
  await page.selectOption('#answer-type', 'ecs.g8y.large');
  await page.waitForFunction(() => /data-type="ecs\.g8y\.large"/.test(document.querySelector('#embed-snippet-text')?.value ?? ''));
  // And it works: the embed page answers the same question.
  const frame = await suite.page();
  await frame.goto(`${suite.url}embed.html?embed=1&region=cn-hangzhou&type=ecs.g8y.large`);
  await frame.waitForSelector('#embed .eip-embed-title', { timeout: 15000 });
  assert.deepEqual(page.problems, []);
  assert.deepEqual(frame.problems, []);
});
