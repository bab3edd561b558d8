// Image Builder pipelines and image updates in the page (issue 13): a pipeline built from an
// empty page, the quota gauges of each distribution region moving as regions are added, the
// live BuildContent counter, and an update of the pipeline's own image.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp, choose } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const BASE = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const gauge = (region) => `#gauge-region-${region}`;
const finding = (code) => `#findings li[data-code="${code}"]`;

async function emptyPage() {
  const page = await suite.page();
  await openApp(page, suite.url);
  await page.click('#clear-plan');
  await page.waitForFunction(() => !document.querySelector('#item-launches-0'));
  return page;
}

/** Waits until the findings have been recomputed after an edit. */
async function settled(page, revision) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('#findings').dataset.revision) > n,
    revision,
  );
}

const revision = async (page) => Number(await page.getAttribute('#findings', 'data-revision'));

async function distributeTo(page, region) {
  const before = await revision(page);
  await choose(page, '#pipeline-0-add-region', region);
  await page.click('#pipeline-0-add-region-button');
  await settled(page, before);
}

test('a pipeline built from an empty page moves the gauge of every region it lands in', async () => {
  const page = await emptyPage();
  assert.equal(await page.locator(gauge('cn-shanghai')).count(), 0, 'no gauge before the pipeline');
  await page.click('#add-pipeline');
  await page.locator('#item-pipelines-0').waitFor();
  await choose(page, '#pipeline-0-region', 'cn-hangzhou');
  await choose(page, '#pipeline-0-base', BASE);
  await choose(page, '#pipeline-0-type', 'ecs.g7.large');
  await page.locator(gauge('cn-hangzhou')).waitFor();
  assert.match(await page.textContent(gauge('cn-hangzhou')), /1 of 100 · 0 existing \+ 1 built by a pipeline/);

  await distributeTo(page, 'cn-shanghai');
  assert.match(await page.textContent(gauge('cn-shanghai')), /1 of 100 · 0 existing \+ 1 built by a pipeline/);
  assert.match(await page.textContent('#pipeline-0-regions'), /cn-shanghai/);

  await distributeTo(page, 'ap-southeast-1');
  assert.match(await page.textContent(gauge('ap-southeast-1')), /1 of 100/);
  assert.match(await page.textContent('#item-pipelines-0'), /2 of 20/);

  // Its accounts count against the share quota of its image in every region it lands in.
  await page.fill('#pipeline-0-accounts', '2000000000000001, 2000000000000002');
  for (const region of ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']) {
    const share = page.locator(`#gauge-share-built-image-0-in-${region}`);
    await share.waitFor();
    assert.match(await share.textContent(), /2 of 50 · in .*0 already shared \+ 2 new account/);
  }

  // Existing images in a distribution region: the gauge fills, and the pipeline is over there.
  let before = await revision(page);
  await page.fill('#usage-ap-southeast-1', '100');
  await page.locator('#usage-ap-southeast-1').dispatchEvent('change');
  await settled(page, before);
  assert.match(await page.textContent(gauge('ap-southeast-1')), /101 of 100 · 100 existing \+ 1 built by a pipeline/);
  assert.match(await page.textContent(gauge('ap-southeast-1')), /over quota/);
  const over = page.locator(finding('custom-image-quota'));
  await over.waitFor();
  assert.match(await over.textContent(), /ap-southeast-1/);
  assert.match(await page.textContent('#item-pipelines-0 .eip-badge'), /error/);

  // Removing the region takes its image off the gauge.
  before = await revision(page);
  await page.click('button[aria-label="Stop distributing pipeline #0 to ap-southeast-1"]');
  await settled(page, before);
  assert.match(await page.textContent(gauge('ap-southeast-1')), /100 of 100 · 100 existing/);
  await page.locator(finding('custom-image-quota')).waitFor({ state: 'detached' });

  // The calls: the pipeline, then its one execution.
  const apis = await page.locator('#operations li').evaluateAll((items) => items.map((li) => li.dataset.api));
  assert.deepEqual(apis.slice(0, 2), ['CreateImagePipeline', 'StartImagePipelineExecution']);
  assert.match(await page.textContent('#operations'), /ToRegionId\.1/);
});

test('the build content counter follows every key and says when it is over 16 KB', async () => {
  const page = await emptyPage();
  await page.click('#add-pipeline');
  const counter = page.locator('#pipeline-0-content-size');
  assert.match(await counter.textContent(), /^0 of 16,384 bytes \(16 KB\) · 0 of 127 commands$/);
  await page.locator('#pipeline-0-content').pressSequentially('RUN yum -y update\n');
  assert.match(await counter.textContent(), /^18 of 16,384 bytes \(16 KB\) · 1 of 127 commands$/, 'counted before the field is left');
  await page.fill('#pipeline-0-content', 'x'.repeat(16 * 1024 + 1));
  assert.match(await counter.textContent(), /16,385 of 16,384 bytes .* over the limit/);
  // The plan follows the typing: the finding comes without leaving the field.
  await page.locator(finding('pipeline-limit')).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pipeline-0-content');
  // The text typed is kept, and the guide explains Image Builder.
  assert.equal((await page.inputValue('#pipeline-0-content')).length, 16 * 1024 + 1);
  await page.click('#pipelines-guide');
  await page.locator('#guide-builder-h').waitFor();
  assert.match(await page.textContent('#guide'), /pay-as-you-go/);
});

test('an update of the pipeline\'s image counts in its region and calls OOS', async () => {
  const page = await emptyPage();
  await page.click('#add-pipeline');
  await choose(page, '#pipeline-0-region', 'cn-hangzhou');
  await choose(page, '#pipeline-0-base', BASE);
  await page.click('#add-update');
  await page.locator('#item-updates-0').waitFor();
  await choose(page, '#update-0-image', 'built-image-0');
  const before = await revision(page);
  await page.fill('#update-0-name', 'built-image-0-patched');
  await page.locator('#update-0-name').dispatchEvent('change');
  await settled(page, before);
  assert.match(await page.textContent(gauge('cn-hangzhou')), /2 of 100 · 0 existing \+ 1 built by a pipeline \+ 1 updated/);
  const apis = await page.locator('#operations li').evaluateAll((items) => items.map((li) => li.dataset.api));
  assert.ok(apis.includes('StartExecution'), apis.join(', '));
  assert.match(await page.textContent('#operations'), /ACS-ECS-UpdateImage/);
});
