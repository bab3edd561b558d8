// Plans in and out: share links, autosave, damaged links, exports checked by the CLI, imports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSuite, openApp, fragmentOf, choose } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'target/debug/ecs-image-planner');
const BROKEN = readFileSync(resolve(ROOT, 'examples/broken.json'), 'utf8');
const LAUNCHABLE = readFileSync(resolve(ROOT, 'examples/launchable.json'), 'utf8');

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** Opens a plan file through the page's file picker. */
async function openPlanFile(page, name, text) {
  await page.setInputFiles('#plan-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => /Opened/.test(document.getElementById('import-status')?.textContent ?? ''));
}

/** Downloads the launch-plan JSON through the page and parses it. */
async function downloadLaunchPlan(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  assert.equal(download.suggestedFilename(), 'ecs-launch-plan.json');
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

const findingsText = (page) => page.textContent('#findings');

test('a copied link opens the same plan and findings in a fresh browser', async () => {
  const page = await suite.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
  await openApp(page, suite.url);
  await openPlanFile(page, 'broken.json', BROKEN);
  await page.click('#copy-link');
  await page.waitForFunction(() => /Copied the share link/.test(document.getElementById('io-status').textContent));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#p1\.[A-Za-z0-9_-]+$/);
  const original = await downloadLaunchPlan(page);
  const before = await findingsText(page);

  const fresh = await suite.page();
  await fresh.goto(link);
  await fresh.waitForSelector('#findings');
  const reopened = await downloadLaunchPlan(fresh);
  assert.deepEqual(reopened.plan, original.plan);
  assert.deepEqual(reopened.findings, original.findings);
  assert.equal(await findingsText(fresh), before);
  assert.equal(new URL(fresh.url()).hash, '', 'the fragment is cleared once read');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(fresh.problems, []);
});

test('the plan survives a reload, and undo brings back the previous one', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const first = await downloadLaunchPlan(page);
  await openPlanFile(page, 'launchable.json', LAUNCHABLE);
  const opened = await downloadLaunchPlan(page);
  assert.equal(opened.plan.name, JSON.parse(LAUNCHABLE).name);
  await page.reload();
  await page.waitForSelector('#findings');
  const reloaded = await downloadLaunchPlan(page);
  assert.deepEqual(reloaded.plan, opened.plan);
  // Undo history lives with the page; after a reload a new edit starts it again.
  await openPlanFile(page, 'broken.json', BROKEN);
  await page.click('#undo');
  assert.deepEqual((await downloadLaunchPlan(page)).plan, opened.plan);
  await page.click('#redo');
  assert.equal((await downloadLaunchPlan(page)).plan.name, JSON.parse(BROKEN).name);
  await page.click('#undo');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal((await downloadLaunchPlan(page)).plan.name, JSON.parse(BROKEN).name, 'Ctrl+Shift+Z redoes');
  await page.keyboard.press('Control+Z');
  assert.deepEqual((await downloadLaunchPlan(page)).plan, opened.plan, 'Ctrl+Z undoes');
  assert.notDeepEqual(first.plan, opened.plan);
});

test('a mangled link shows what is wrong and keeps the saved plan', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await openPlanFile(page, 'launchable.json', LAUNCHABLE);
  const saved = (await downloadLaunchPlan(page)).plan;
  const good = fragmentOf(JSON.parse(LAUNCHABLE));
  for (const [fragment, expected] of [
    [good.slice(0, good.length - 40), /cut off or altered/],
    ['p1.!!!not-base64!!!', /not valid URL-safe base64/],
    ['p9.AAAA', /newer version/],
    [fragmentOf({ version: 1, launches: [{ region: 'cn-hangzhou', amount: -1 }] }), /\/launches\/0/],
  ]) {
    await page.goto(suite.url + '#' + fragment);
    await page.reload();
    await page.waitForSelector('#load-notice');
    assert.match(await page.textContent('#load-notice'), expected);
    assert.match(await page.textContent('#load-notice'), /saved plan was not changed/);
    assert.deepEqual((await downloadLaunchPlan(page)).plan, saved);
  }
});

test('a link to a different plan asks which one to keep', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await openPlanFile(page, 'launchable.json', LAUNCHABLE);
  const saved = (await downloadLaunchPlan(page)).plan;
  const other = { version: 1, name: 'Linked plan', launches: [{ region: 'cn-beijing', instance_type: 'ecs.g7.large', image: 'aliyun_3_x64_20G_alibase_20240819.vhd' }] };
  await page.goto(suite.url + '#' + fragmentOf(other));
  await page.reload();
  await page.waitForSelector('#load-notice');
  assert.deepEqual((await downloadLaunchPlan(page)).plan, saved, 'nothing replaced before the choice');
  await page.click('#open-linked');
  assert.deepEqual((await downloadLaunchPlan(page)).plan, other);
  await page.click('#undo');
  assert.deepEqual((await downloadLaunchPlan(page)).plan, saved);
});

test('the downloaded launch plan passes the CLI with the same findings', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await openPlanFile(page, 'broken.json', BROKEN);
  const exported = await downloadLaunchPlan(page);
  assert.equal(exported.generator.app, 'ecs-image-planner');
  let out;
  try {
    out = execFileSync(CLI, ['check', '-', '--format', 'json'], { input: JSON.stringify(exported.plan) });
    assert.fail('broken.json must exit 1');
  } catch (err) {
    assert.equal(err.status, 1);
    out = err.stdout;
  }
  const cli = JSON.parse(out);
  assert.deepEqual(cli.findings, exported.findings);
  assert.deepEqual(cli.operations, exported.operations);
});

test('pasted DescribeImages output adds its images to the plan', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const output = readFileSync(resolve(ROOT, 'tests/fixtures/describe-images-hangzhou.json'), 'utf8');
  await page.fill('#describe-output', output);
  await choose(page, '#describe-region', 'cn-hangzhou');
  await page.click('#import-describe');
  await page.waitForFunction(() => /Added \d+ image/.test(document.getElementById('import-status').textContent));
  // Images still being created (or failed) cannot launch, so the importer leaves them out.
  const ids = JSON.parse(output).Images.Image
    .filter((i) => ['Available', 'Deprecated'].includes(i.Status)).map((i) => i.ImageId);
  assert.ok(ids.length >= 3);
  const plan = (await downloadLaunchPlan(page)).plan;
  for (const id of ids) assert.ok(plan.images.some((i) => i.id === id), `${id} imported`);
});

test('bad pasted output and bad files say where, and lose nothing typed', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const typed = '{"Images": {"Image": [{"ImageName": "no id"}]}}';
  await page.fill('#describe-output', typed);
  await page.click('#import-describe');
  await page.waitForFunction(() => document.getElementById('import-error').textContent.length > 0);
  assert.match(await page.textContent('#import-error'), /\/Images\/Image\/0/);
  assert.equal(await page.inputValue('#describe-output'), typed);
  await page.setInputFiles('#plan-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "launches": [{"region": 5}]}') });
  await page.waitForFunction(() => /bad\.json is not a valid plan/.test(document.getElementById('import-error').textContent));
  assert.match(await page.textContent('#import-error'), /\/launches\/0\/region/);
});

test('a saved plan this version cannot read is kept aside, not overwritten', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const unreadable = '{"version": 7, "from": "the future"}';
  await page.evaluate((text) => localStorage.setItem('ecs-image-planner.plan.v1', text), unreadable);
  await page.reload();
  await page.waitForSelector('#load-notice');
  assert.match(await page.textContent('#load-notice'), /could not be read .*kept aside/);
  assert.equal(await page.evaluate(() => localStorage.getItem('ecs-image-planner.plan.v1.unreadable')), unreadable);
  assert.deepEqual(page.problems, []);
});
