// The autosave loses nothing and hides nothing: a save the browser refuses is shown with the plan
// offered as a file, and two tabs editing the saved plan each notice the other's save and choose.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSuite, openApp } from './harness.mjs';

const PLAN_KEY = 'ecs-image-planner.plan.v1';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

/** The plan this page holds, as its launch-plan download carries it. */
async function planOf(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')).plan;
}

/** The plan saved in the browser's storage. */
const savedPlan = async (page) => JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY));

test('a full storage: the failed save is shown, the plan is offered as a file, and saving resumes', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const launches = (await savedPlan(page)).launches.length;
  // Fill this site's storage to the last character, the way other data of a site can.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let n = 0;
    while (chunk.length > 0) {
      try { localStorage.setItem(`filler-${n}`, chunk); n++; } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
    return n;
  });
  assert.ok(filled > 0);
  // Adding a launch makes the plan longer: its save no longer fits.
  await page.click('#add-launch');
  await page.waitForSelector('#save-notice');
  assert.match(await page.textContent('#save-notice'), /not saved in this browser: its storage for this site is full/);
  assert.equal((await savedPlan(page)).launches.length, launches, 'the old save is still there');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-download')]);
  assert.equal(download.suggestedFilename(), 'ecs-image-plan.json');
  const offered = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(offered.launches.length, launches + 1, 'the file holds the unsaved change');
  // Room again: the next change is saved and the notice goes away.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await page.click('#add-launch');
  await page.waitForSelector('#save-notice', { state: 'detached' });
  assert.equal((await savedPlan(page)).launches.length, launches + 2);
});

test('a browser that allows no storage says the plan is not saved, and the planner still works', async () => {
  const page = await suite.page();
  // What Chromium does when the user blocks site data: reading localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  await openApp(page, suite.url);
  await page.waitForSelector('#save-notice');
  assert.match(await page.textContent('#save-notice'), /lets the page save nothing .* your changes are not saved/);
  const launches = (await planOf(page)).launches.length;
  await page.click('#add-launch');
  assert.equal((await planOf(page)).launches.length, launches + 1, 'editing works without storage');
  assert.match(await page.textContent('#save-notice'), /your changes are not saved/, 'and the notice stays');
});

test('two tabs: each notices the other one\'s save and offers to load it or keep its own', async () => {
  const a = await suite.page();
  await openApp(a, suite.url);
  const b = await suite.tab(a);
  await openApp(b, suite.url);
  const start = await planOf(b);
  assert.deepEqual(await planOf(a), start, 'both tabs open the same saved plan');

  // A changes the plan: B is told and chooses; nothing changes in B before that.
  await a.click('#add-launch');
  await b.waitForSelector('#tab-notice');
  assert.match(await b.textContent('#tab-notice'), /Another tab or window of the planner saved a different plan/);
  assert.deepEqual(await planOf(b), start, 'B keeps its plan until it chooses');
  await b.click('#load-other');
  await b.waitForSelector('#tab-notice', { state: 'detached' });
  const fromA = await planOf(a);
  assert.deepEqual(await planOf(b), fromA, 'B loaded the plan A saved');
  assert.equal(await b.isDisabled('#undo'), false, 'loading it can be undone');

  // A changes it again; this time B keeps its own, which is saved over A's, and A is told.
  await a.click('#add-launch');
  await b.waitForSelector('#tab-notice');
  await b.click('#keep-mine');
  await b.waitForSelector('#tab-notice', { state: 'detached' });
  assert.deepEqual(await savedPlan(b), fromA, 'the saved plan is B\'s again');
  await a.waitForSelector('#tab-notice');
  assert.equal((await planOf(a)).launches.length, fromA.launches.length + 1, 'A still has its own change');
  assert.equal(await a.isVisible('#save-notice'), false);
});
