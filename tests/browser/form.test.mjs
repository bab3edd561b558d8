// The plan editor as a new user meets it (issue 16): the form always shows the plan that is
// checked, findings follow typing, unknown attributes are asked for, fixes keep what the user
// chose, and focus lands somewhere sensible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp, fragmentOf, choose } from './harness.mjs';

let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const finding = (code) => `#findings li[data-code="${code}"]`;

async function open(options, path = '') {
  const page = await suite.page(options);
  await openApp(page, suite.url, path);
  await page.waitForSelector('#findings', { state: 'attached' });
  return page;
}

/** The value a RunInstances call of the operations column carries for `param`. */
async function runParam(page, param) {
  return page.evaluate((param) => {
    const ops = [...document.querySelectorAll('#operations li[data-api="RunInstances"]')];
    return ops.map((op) => {
      const dts = [...op.querySelectorAll('dt')];
      const at = dts.findIndex((dt) => dt.textContent === param);
      return at < 0 ? null : op.querySelectorAll('dd')[at].textContent;
    });
  }, param);
}

/** Waits until the select shows what the plan's RunInstances call carries, and returns both. */
async function shownAndPlanned(page) {
  await page.waitForTimeout(50);
  const shown = await page.inputValue('#launch-0-type');
  const [planned] = await runParam(page, 'InstanceType');
  return { shown, planned };
}

test('after undo and redo the instance-type select shows the type the plan checks', async () => {
  const page = await open();
  const picks = ['ecs.g7.xlarge', 'ecs.t5-lc2m1.nano', 'ecs.g7.2xlarge'];
  for (const type of picks) {
    await choose(page, '#launch-0-type', type);
    await page.waitForFunction((t) => document.querySelector('#operations').textContent.includes(t), type);
  }
  const expect = async (type, step) => {
    await page.waitForFunction((t) => [...document.querySelectorAll('#operations dd')].some((dd) => dd.textContent === t), type);
    const { shown, planned } = await shownAndPlanned(page);
    assert.equal(planned, type, `${step}: the plan holds ${type}`);
    assert.equal(shown, type, `${step}: the select shows what the plan holds`);
  };
  await page.click('#undo');
  await expect('ecs.t5-lc2m1.nano', 'undo 1');
  await page.click('#undo');
  await expect('ecs.g7.xlarge', 'undo 2');
  await page.click('#undo');
  await expect('ecs.g7.large', 'undo 3');
  await page.click('#redo');
  await expect('ecs.g7.xlarge', 'redo 1');
  await page.click('#redo');
  await expect('ecs.t5-lc2m1.nano', 'redo 2');
  // A pick, undone by the keyboard outside any field, then a new pick of the same option.
  await page.click('#redo');
  await expect('ecs.g7.2xlarge', 'redo 3');
  await page.locator('#plan-h').click();
  await page.keyboard.press('Control+z');
  await expect('ecs.t5-lc2m1.nano', 'Ctrl+Z');
  await choose(page, '#launch-0-type', 'ecs.g7.2xlarge');
  await expect('ecs.g7.2xlarge', 'picked again');
  assert.deepEqual(page.problems, []);
});

test('every select of the plan follows undo, not only the instance type', async () => {
  const page = await open();
  await choose(page, '#launch-0-region', 'ap-southeast-1');
  await choose(page, '#launch-0-image', 'ubuntu_24_04_x64_20G_alibase_20260810.vhd');
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#launch-0-image').value.startsWith('aliyun_3'));
  assert.equal(await page.inputValue('#launch-0-region'), 'ap-southeast-1');
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#launch-0-region').value === 'cn-hangzhou');
  const [region] = await runParam(page, 'RegionId');
  assert.equal(region, 'cn-hangzhou');
  assert.deepEqual(page.problems, []);
});

test('findings follow typing in number fields, the image-ID box and the accounts box; one undo per field', async () => {
  const page = await open();
  // No Enter, no leaving the field: the finding comes with the keys.
  await page.locator('#launch-0-amount').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('150');
  await page.locator(finding('amount-out-of-range')).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'launch-0-amount', 'focus stays in the field');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.locator(finding('amount-out-of-range')).waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#launch-0-amount'), '1', 'what is typed stays as typed');
  await page.keyboard.type('5');
  const [amount] = await runParam(page, 'Amount');
  assert.equal(amount, '15');
  // The typing of one field is one undo step.
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#launch-0-amount').value === '2');
  // The image-ID box.
  await page.locator('#launch-0-image-id').fill('');
  await page.locator('#launch-0-image-id').pressSequentially('s-bp1snap');
  await page.locator(finding('launch-from-snapshot')).waitFor();
  assert.equal(await page.inputValue('#launch-0-image-id'), 's-bp1snap');
  // The accounts box.
  await page.click('#add-share');
  await page.locator('#share-0-accounts').pressSequentially('2000000000000001, 20000000000000');
  await page.waitForFunction(() => /2 accounts/.test(document.querySelector('#share-0-accounts-count').textContent));
  assert.deepEqual(page.problems, []);
});

test('a plain custom image is asked about, not defaulted to "no NVMe driver", and edits in place', async () => {
  const page = await open();
  await page.click('#add-image-summary');
  await page.fill('#new-image-id', 'm-bp1newuser0plain001');
  await choose(page, '#new-image-region', 'cn-hangzhou');
  await page.click('#add-image');
  // Nothing is guessed: the form asks for the architecture first, and focuses it.
  assert.match(await page.textContent('#new-image-error'), /architecture/i);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-image-arch');
  assert.equal(await page.inputValue('#new-image-nvme'), '', 'no NVMe answer is preselected');
  await choose(page, '#new-image-arch', 'x86_64');
  await choose(page, '#new-image-boot', 'UEFI-Preferred');
  await page.click('#add-image');
  assert.match(await page.textContent('#new-image-error'), /NVMe driver/);
  await choose(page, '#new-image-nvme', 'supported');
  await page.click('#add-image');
  await page.waitForSelector('#item-images-1');
  assert.match(await page.textContent('#item-images-1'), /m-bp1newuser0plain001 .*NVMe driver/);
  // Launched on a type that attaches disks over NVMe only, it passes.
  await choose(page, '#launch-0-type', 'ecs.g8i.large');
  await choose(page, '#launch-0-image', 'm-bp1newuser0plain001');
  await page.waitForFunction(() => /can launch/.test(document.querySelector('#findings-summary').textContent));
  // Edited in place: the row's values change, nothing is removed and re-added.
  await page.click('#edit-image-1');
  assert.equal(await page.inputValue('#image-1-id'), 'm-bp1newuser0plain001');
  assert.equal(await page.inputValue('#image-1-nvme'), 'supported');
  await choose(page, '#image-1-nvme', 'unsupported');
  await page.click('#image-1-save');
  await page.locator(finding('nvme-unsupported')).waitFor();
  assert.match(await page.textContent('#item-images-1'), /no NVMe driver/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'edit-image-1');
  // The fix keeps the user's image: it marks it NVMe-capable rather than launching another.
  const fix = page.locator(`${finding('nvme-unsupported')} .eip-fix`);
  assert.match(await fix.textContent(), /m-bp1newuser0plain001 has the NVMe driver: mark it NVMe-capable/);
  await fix.click();
  await page.locator(finding('nvme-unsupported')).waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#launch-0-image'), 'm-bp1newuser0plain001');
  assert.match(await page.textContent('#item-images-1'), /· NVMe driver/);
  await page.waitForFunction(() => document.activeElement?.id === 'item-images-1');
  assert.deepEqual(page.problems, []);
});

test('a typed unknown image ID offers to describe that image, and the launch is checked against it', async () => {
  const page = await open();
  await page.locator('#launch-0-image-id').fill('m-t4nnewuser0own0001');
  await page.locator(finding('image-not-found')).waitFor();
  await page.click('#launch-0-describe-image');
  await page.waitForSelector('#new-image-id');
  assert.equal(await page.inputValue('#new-image-id'), 'm-t4nnewuser0own0001');
  assert.equal(await page.inputValue('#new-image-region'), 'cn-hangzhou');
  await page.waitForFunction(() => document.activeElement?.id === 'new-image-arch');
  await choose(page, '#new-image-arch', 'x86_64');
  await choose(page, '#new-image-boot', 'BIOS');
  await choose(page, '#new-image-nvme', 'supported');
  await page.click('#add-image');
  await page.locator(finding('image-not-found')).waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#launch-0-image'), 'm-t4nnewuser0own0001');
  assert.equal(await page.locator('#launch-0-describe-image').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('share accounts: duplicates are shared once and said so; the image\'s existing shares count', async () => {
  const page = await open();
  await page.click('#add-share');
  await page.locator('#share-0-accounts').fill('2000000000000001, 2000000000000002\n2000000000000001');
  await page.waitForFunction(() => /2 accounts/.test(document.querySelector('#share-0-accounts-count').textContent));
  assert.match(await page.textContent('#share-0-accounts-notes'), /Listed twice, counted and shared once: 2000000000000001/);
  const adds = await page.locator('#operations li[data-api="ModifyImageSharePermission"] dt').allTextContents();
  assert.deepEqual(adds.filter((d) => d.startsWith('AddAccount')), ['AddAccount.1', 'AddAccount.2']);
  // What is typed stays in the box while typing.
  assert.match(await page.inputValue('#share-0-accounts'), /\n2000000000000001$/);
  // The image is already shared with two accounts: say so on the image, and the share counts them.
  await page.click('#edit-image-0');
  await page.fill('#image-0-shared-with', '3000000000000001, 3000000000000002');
  await page.click('#image-0-save');
  await page.waitForFunction(() => /already shared with 2 more/.test(document.querySelector('#share-0-accounts-count').textContent));
  assert.match(await page.textContent('#gauge-share-m-bp1example0web0001'), /4 of 50/);
  assert.deepEqual(page.problems, []);
});

test('focus: after a remove it lands on the next row, after a fix on the changed item; a used region explains itself', async () => {
  const page = await open();
  await page.click('#add-launch');
  await page.click('#add-launch');
  await page.click('[aria-label="Remove launch #1"]');
  await page.waitForFunction(() => document.activeElement?.id === 'item-launches-1');
  await page.click('[aria-label="Remove launch #1"]');
  await page.waitForFunction(() => document.activeElement?.id === 'item-launches-0');
  await page.click('[aria-label="Remove launch #0"]');
  await page.waitForFunction(() => document.activeElement?.id === 'add-launch');
  await page.click('#undo');
  await page.waitForSelector('#item-launches-0');
  // Two findings with fixes; applying the first by keyboard must not leave focus on the next fix.
  await choose(page, '#launch-0-type', 'ecs.g8y.large');
  await page.fill('#launch-0-amount', '150');
  await page.locator(finding('amount-out-of-range')).waitFor();
  const fix = page.locator(`${finding('amount-out-of-range')} .eip-fix`);
  await fix.focus();
  await page.keyboard.press('Enter');
  await page.locator(finding('amount-out-of-range')).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'item-launches-0');
  assert.match(await page.textContent('#fix-status'), /Done: Launch 100 instances in launch #0/);
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#launch-0-type'), 'ecs.g8y.large', 'a second Enter changed nothing');
  // The x on a region the plan uses says why it stays.
  await page.click('#remove-region-cn-hangzhou');
  assert.match(await page.textContent('#region-blocked'), /cn-hangzhou stays a target region while the plan uses it: Launch #0/);
  await page.click('#region-blocked button');
  await page.waitForFunction(() => document.activeElement?.id === 'item-launches-0');
  // A region nothing uses goes.
  await choose(page, '#add-region', 'eu-central-1');
  await page.click('#add-region-button');
  await page.click('#remove-region-eu-central-1');
  await page.waitForFunction(() => !document.querySelector('#remove-region-eu-central-1'));
  assert.deepEqual(page.problems, []);
});

test('the lead text knows whether it shows the example, an empty plan or the user\'s own', async () => {
  const page = await open();
  assert.match(await page.textContent('#plan-lead'), /This is an example plan/);
  await choose(page, '#launch-0-type', 'ecs.g7.xlarge');
  await page.waitForFunction(() => !/example plan/.test(document.querySelector('#plan-lead').textContent));
  assert.match(await page.textContent('#plan-lead'), /Your plan/);
  await page.click('#clear-plan');
  await page.waitForFunction(() => /Your plan is empty/.test(document.querySelector('#plan-lead').textContent));
  await page.click('#show-example');
  await page.waitForFunction(() => /This is an example plan/.test(document.querySelector('#plan-lead').textContent));
  // A colleague's link is not "an example".
  const linked = await open(undefined, '#' + fragmentOf({ version: 1, launches: [{ region: 'cn-beijing', instance_type: 'ecs.g7.large', image: 'aliyun_3_x64_20G_alibase_20240819.vhd' }] }));
  assert.match(await linked.textContent('#plan-lead'), /Your plan/);
  assert.doesNotMatch(await linked.textContent('#plan-lead'), /example/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(linked.problems, []);
});
