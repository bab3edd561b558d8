import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp, fragmentOf } from './harness.mjs';

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

test('a finding shows on demand the catalog facts it rests on, with source and date', async () => {
  const page = await suite.page();
  const plan = {
    version: 1,
    as_of: '2026-11-29',
    launches: [{
      region: 'ap-southeast-1',
      instance_type: 'ecs.u1-c1m2.large',
      image: 'win2025_24H2_x64_dtc_en-us_40G_uefi_alibase_20251112.vhd',
    }],
  };
  await openApp(page, suite.url, '#' + fragmentOf(plan));
  if (await page.locator('#open-linked').count()) await page.click('#open-linked');
  const finding = page.locator('#findings li[data-code="boot-mode-mismatch"]');
  await finding.first().waitFor();
  const why = finding.locator('details.eip-evidence');
  assert.equal(await why.count(), 1);
  assert.equal(await why.getAttribute('open'), null, 'closed until asked for');
  await why.locator('summary').click();
  const text = await why.textContent();
  assert.match(text, /ecs\.u1-c1m2\.large boots BIOS only: Alibaba Cloud boot-mode table/);
  assert.match(text, /seen 2023-12-05/);
  assert.equal(
    await why.locator('a[href="https://www.alibabacloud.com/help/doc-detail/324257.htm"]').count(),
    1,
    'the source links to the document',
  );
  assert.deepEqual(page.problems, [], 'no console errors, CSP violations or page errors');
});
