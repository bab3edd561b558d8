import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test('the release build renders the app shell with version and catalog date', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  assert.equal(await page.textContent('h1'), 'ECS Image Planner');
  assert.match(await page.textContent('#app-version'), /^v\d+\.\d+\.\d+$/);
  assert.match(await page.textContent('#catalog-as-of'), /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(page.problems, [], 'no console errors, CSP violations or page errors');
});

test('"Start from an empty plan" empties the example plan', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await page.click('#clear-plan');
  await page.waitForSelector('#add-launch');
  assert.equal(await page.locator('#launch-0-type').count(), 0);
  assert.match(await page.textContent('#findings-summary'), /Nothing planned yet: add a launch, copy or share/);
  assert.doesNotMatch(await page.textContent('#findings-summary'), /0 instances/);
});
