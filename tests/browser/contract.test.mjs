// CONTRACT §4.1 in the page: a half-written item is a plan with findings, never a refused one.
// Values the item leaves out show `value-missing` at the field; a share without region shares
// where its image lives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp, fragmentOf, choose } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const HALF_WRITTEN = {
  version: 1,
  images: [{ id: 'm-bp1halfwritten0001', type: 'custom', os: 'Alibaba Cloud Linux 3', regions: ['cn-hangzhou'], size_gib: 20 }],
  shares: [{ image: 'm-bp1halfwritten0001', accounts: ['1111222233334444'] }],
  launches: [{ region: 'cn-hangzhou', image: 'aliyun_3_x64_20G_alibase_20240819.vhd' }],
};

async function openLinked(page, plan) {
  await openApp(page, suite.url, '#' + fragmentOf(plan));
  if (await page.locator('#open-linked').count()) await page.click('#open-linked');
  await page.waitForSelector('#launch-0-type');
}

test('a launch without an instance type says so at the field, with no error banner', async () => {
  const page = await suite.page();
  await openLinked(page, HALF_WRITTEN);
  const missing = page.locator('#findings li[data-code="value-missing"]');
  await missing.first().waitFor();
  assert.equal(await missing.count(), 1, 'only the instance type is missing: the share has its region');
  assert.match(await missing.textContent(), /instance type: RunInstances needs InstanceType/);
  assert.equal(await page.getAttribute('#launch-0-type', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#launch-0-type-missing'), /RunInstances needs InstanceType/);
  assert.equal(await page.locator('.eip-notice-error').count(), 0, 'no error banner');
  // The share without region shares in the image's one region.
  const share = page.locator('#operations li[data-api="ModifyImageSharePermission"]');
  assert.match(await share.textContent(), /RegionIdcn-hangzhou/);
  // Choosing a type clears the finding and the field's message.
  await choose(page, '#launch-0-type', 'ecs.g7.large');
  await missing.first().waitFor({ state: 'detached' });
  assert.equal(await page.getAttribute('#launch-0-type', 'aria-invalid'), 'false');
  assert.equal(await page.locator('#launch-0-type-missing').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('clearing a copy\'s destination leaves the plan in place and points at the field', async () => {
  const page = await suite.page();
  await openLinked(page, {
    ...HALF_WRITTEN,
    launches: [{ region: 'cn-hangzhou', instance_type: 'ecs.g7.large', image: 'aliyun_3_x64_20G_alibase_20240819.vhd' }],
    copies: [{ image: 'm-bp1halfwritten0001' }],
  });
  await page.locator('#findings li[data-code="value-missing"]').first().waitFor();
  assert.equal(await page.getAttribute('#copy-0-region', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#copy-0-region-missing'), /CopyImage needs DestinationRegionId/);
  assert.equal(await page.locator('.eip-notice-error').count(), 0);
  assert.deepEqual(page.problems, []);
});
