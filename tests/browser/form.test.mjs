// The plan editor as a new user meets it (issue 16): the form always shows the plan that is
// checked, findings follow typing, unknown attributes are asked for, fixes keep what the user
// chose, and focus lands somewhere sensible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSuite, openApp } from './harness.mjs';

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
    await page.selectOption('#launch-0-type', type);
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
  await page.selectOption('#launch-0-type', 'ecs.g7.2xlarge');
  await expect('ecs.g7.2xlarge', 'picked again');
  assert.deepEqual(page.problems, []);
});

test('every select of the plan follows undo, not only the instance type', async () => {
  const page = await open();
  await page.selectOption('#launch-0-region', 'ap-southeast-1');
  await page.selectOption('#launch-0-image', 'ubuntu_24_04_x64_20G_alibase_20260810.vhd');
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#launch-0-image').value.startsWith('aliyun_3'));
  assert.equal(await page.inputValue('#launch-0-region'), 'ap-southeast-1');
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelector('#launch-0-region').value === 'cn-hangzhou');
  const [region] = await runParam(page, 'RegionId');
  assert.equal(region, 'cn-hangzhou');
  assert.deepEqual(page.problems, []);
});
