import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

test('"catalog as of" opens the page of what the catalog holds and how sure it is', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  const asOf = (await page.textContent('#catalog-as-of')).trim();
  await page.click('#catalog-link');
  await page.waitForSelector('#tallies');
  assert.match(await page.textContent('h1'), new RegExp(`as of ${asOf}`));
  const rows = await page.$$eval('#tallies tbody tr', (trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(rows.map((r) => r[0]), ['Regions', 'Instance types', 'Images']);
  for (const [area, entries, confirmed, unconfirmed] of rows) {
    assert.ok(Number(entries) > 0, `${area}: entries`);
    assert.ok(Number(confirmed) > 0, `${area}: confirmed values`);
    assert.ok(Number(unconfirmed) >= 0, `${area}: unconfirmed values`);
  }
  // Every source an entry cites is listed, with the date it was seen.
  const boot = await page.textContent('#src-boot-table');
  assert.match(boot, /boot-mode table/);
  assert.match(boot, /2023-12-05/);
  assert.deepEqual(page.problems, [], 'no console errors, CSP violations or page errors');
});
