// Imports, attribute changes and image families, walked as a user would in headless Chromium
// against the release build: import an image, fix the NVMe flag its copy loses in one click,
// and launch by family.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const finding = (code) => `#findings li[data-code="${code}"]`;

/** Types into a field the way a user does: fill, then leave the field. */
async function type(page, selector, text) {
  await page.fill(selector, text);
  await page.locator(selector).dispatchEvent('change');
}

/** The text of the operations the page lists for one API. */
async function calls(page, api) {
  return page.locator(`#operations li[data-api="${api}"]`).allTextContents();
}

test('import an image, fix the NVMe flag its copy loses in one click, and launch by family', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await page.waitForSelector('#findings', { state: 'attached' });
  await page.click('#clear-plan');

  // Import: an Ubuntu QCOW2 file with the NVMe driver, into cn-hangzhou, in family web-golden.
  await page.click('#add-import');
  await page.selectOption('#import-0-region', 'cn-hangzhou');
  await type(page, '#import-0-id', 'web-golden-2611');
  await type(page, '#import-0-name', 'web-golden-2611');
  await type(page, '#import-0-bucket', 'golden-images');
  await type(page, '#import-0-object', 'web/ubuntu-24.04.qcow2');
  await page.selectOption('#import-0-oss-region', 'cn-hangzhou');
  await page.selectOption('#import-0-distribution', 'Ubuntu');
  await page.selectOption('#import-0-boot', 'UEFI');
  await type(page, '#import-0-disk', '40');
  await type(page, '#import-0-family', 'web-golden');
  await page.check('#import-0-nvme');
  await page.waitForFunction(() => document.querySelector('#operations li[data-api="ImportImage"]'));
  const [importCall] = await calls(page, 'ImportImage');
  assert.match(importCall, /DiskDeviceMapping\.1\.OSSBucket\s*golden-images/);
  assert.match(importCall, /Features\.NvmeSupport\s*supported/);
  assert.match(importCall, /BootMode\s*UEFI/);
  // The import counts against the custom-image quota of its region.
  assert.match(await page.textContent('#region-gauges'), /1 imported/);

  // Copy it to Singapore: CopyImage drops the NVMe flag, and the planner says so with a fix.
  await page.click('#add-copy');
  await page.selectOption('#copy-0-image', 'web-golden-2611');
  await page.selectOption('#copy-0-region', 'ap-southeast-1');
  const lost = page.locator(finding('copy-features-not-carried'));
  await lost.waitFor();
  assert.match(await lost.textContent(), /does not carry the NVMe attribute/);
  await lost.locator('.eip-help .eip-fix').click();
  await page.locator(finding('copy-features-not-carried')).waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#modify-0-nvme'), 'supported');
  assert.equal(await page.inputValue('#modify-0-region'), 'ap-southeast-1');
  // The import's family is set by its own ModifyImageAttribute (import-0-family); the fix adds modify-0.
  const modifyCall = (await calls(page, 'ModifyImageAttribute')).find((c) => /modify-0/.test(c));
  assert.ok(modifyCall, 'a ModifyImageAttribute call modify-0');
  assert.match(modifyCall, /ImageId\s*\$\{copy-0\.ImageId\}|ImageId\s*‹ImageId of copy-0›/);
  assert.match(modifyCall, /Features\.NvmeSupport\s*supported/);

  // Launch by family on an NVMe-only type: the family means the import, which has the driver.
  await page.click('#add-launch');
  await page.selectOption('#launch-0-region', 'cn-hangzhou');
  await page.selectOption('#launch-0-type', 'ecs.g8i.large');
  await page.selectOption('#launch-0-family', 'web-golden');
  await page.waitForFunction(() =>
    /ImageFamily/.test(document.querySelector('#operations li[data-api="RunInstances"]')?.textContent ?? ''));
  const [launchCall] = await calls(page, 'RunInstances');
  assert.match(launchCall, /ImageFamily\s*web-golden/);
  assert.doesNotMatch(launchCall, /ImageId/);
  assert.equal(await page.inputValue('#launch-0-image-id'), '', 'a family launch names no image');
  assert.equal(await page.locator('#findings li.sev-error').count(), 0,
    await page.textContent('#findings'));
  assert.match(await page.textContent('#findings-summary'), /This plan can launch: 1 instance in 1 region/);
  assert.deepEqual(page.problems, []);
});

test('a launch of an older build of a family says a newer one exists, and launches by family in one click', async () => {
  const page = await suite.page();
  await openApp(page, suite.url);
  await page.waitForSelector('#findings', { state: 'attached' });
  await page.click('#clear-plan');
  await page.click('#add-import');
  await page.selectOption('#import-0-region', 'cn-hangzhou');
  await type(page, '#import-0-family', 'web-golden');
  await type(page, '#import-0-bucket', 'golden-images');
  await type(page, '#import-0-object', 'web.qcow2');
  await page.click('#add-import');
  await page.selectOption('#import-1-region', 'cn-hangzhou');
  await type(page, '#import-1-family', 'web-golden');
  await type(page, '#import-1-bucket', 'golden-images');
  await type(page, '#import-1-object', 'web-2.qcow2');
  await page.click('#add-launch');
  await page.selectOption('#launch-0-region', 'cn-hangzhou');
  await type(page, '#launch-0-image-id', 'imported-0');
  const superseded = page.locator(finding('image-superseded'));
  await superseded.waitFor();
  assert.match(await superseded.textContent(), /imported-1/);
  await superseded.locator('.eip-help .eip-fix').click();
  await page.locator(finding('image-superseded')).waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#launch-0-family'), 'web-golden');
  assert.deepEqual(page.problems, []);
});
