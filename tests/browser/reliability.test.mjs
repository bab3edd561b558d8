// Reliability: no plan the page accepts is refused on reload, no link it offers fails to open,
// no saved plan is lost, hostile text cannot reorder the page, odd messages cannot break the
// embed, any crash shows the banner, and a plan at every documented limit stays fast.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSuite, openApp, fragmentOf } from './harness.mjs';

const PLAN_KEY = 'ecs-image-planner.plan.v1';
let suite;
before(async () => { suite = await startSuite(); });
after(async () => { await suite.close(); });

const PUBLIC = 'aliyun_3_x64_20G_alibase_20240819.vhd';
const launch = (extra = {}) => ({ region: 'cn-hangzhou', instance_type: 'ecs.g7.large', image: PUBLIC, ...extra });

/** A plan with `n` custom images in Hangzhou, each copied to Beijing. */
function limitPlan(n, { random = false } = {}) {
  let state = 7n;
  const word = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return state.toString(16).padStart(16, '0');
  };
  const id = (i) => (random ? `m-${word()}` : `m-bp1limit${String(i).padStart(7, '0')}`);
  const images = Array.from({ length: n }, (_, i) => ({ id: id(i), type: 'custom', regions: ['cn-hangzhou'] }));
  const copies = images.map((image, i) => ({
    image: image.id, to_region: 'cn-beijing',
    name: random ? `c${word()}${word()}${word()}${word()}${word()}${word()}` : `copy-${i}`,
  }));
  return { version: 1, name: `limit ${n}`, images, copies };
}

/** Opens a plan file through the page's file picker. */
async function openPlanFile(page, plan) {
  await page.setInputFiles('#plan-file', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForFunction(() => /Opened/.test(document.getElementById('import-status')?.textContent ?? ''));
}

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), PLAN_KEY);

/** Puts `text` in the saved-plan slot before the page's first load (as an older or newer
 * planner would have left it); later loads in the same tab leave it alone. */
async function seedSavedPlan(page, text) {
  await page.addInitScript(([key, text]) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, text);
    }
  }, [PLAN_KEY, text]);
}

test('the editor refuses, naming the limit, what the loader would refuse on reload', async () => {
  const page = await suite.page();
  await openApp(page, suite.url + '#' + fragmentOf({ version: 1, launches: [launch()] }));
  await page.fill('#launch-0-image-id', 'm-' + 'x'.repeat(2000));
  await page.press('#launch-0-image-id', 'Tab');
  await page.waitForSelector('#edit-refused');
  assert.match(await page.textContent('#edit-refused'), /2002 characters; texts are limited to 1024/);
  assert.equal(JSON.parse(await saved(page)).launches[0].image, PUBLIC, 'the saved plan is unchanged');
  await page.reload();
  await page.waitForSelector('#findings');
  assert.equal(await page.locator('#load-notice').count(), 0, 'the saved plan opens again');

  // "Add launch" on a plan at the 1000-launch limit.
  const full = { version: 1, launches: Array.from({ length: 1000 }, () => launch()) };
  await openPlanFile(page, full);
  await page.click('#add-launch');
  await page.waitForSelector('#edit-refused');
  assert.match(await page.textContent('#edit-refused'), /1001 items; a plan holds at most 1000 launches/);
  // The autosave waits for edits to pause: poll until the opened plan's save lands (a 1001-launch
  // save would never equal 1000 and fails here after the wait).
  let launches = 0;
  for (let tries = 0; tries < 100 && launches !== 1000; tries++) {
    launches = JSON.parse(await saved(page)).launches.length;
    if (launches !== 1000) await page.waitForTimeout(100);
  }
  assert.equal(launches, 1000);
  assert.deepEqual(page.problems, []);
});

test('a plan too large for a link is offered as a file, never as a link', async () => {
  const page = await suite.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
  await openApp(page, suite.url);
  const plan = limitPlan(1000, { random: true });
  await openPlanFile(page, plan);
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await page.click('#copy-link');
  await page.waitForFunction(() => /No link was made/.test(document.getElementById('io-status').textContent));
  assert.match(await page.textContent('#io-status'), /links are limited to 65536 bytes \(64 KiB\): share the plan as a JSON file instead/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'untouched');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-plan')]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.name, plan.name);
  assert.deepEqual(file.copies, plan.copies, 'the file holds the whole plan');
});

test('an unreadable saved plan is kept aside, and can be downloaded or repaired', async () => {
  const page = await suite.page();
  const raw = '{"version": 1, "name": "mine", "launches": [{"region": "cn-hangzhou", "amount": "two"}]}';
  await seedSavedPlan(page, raw);
  await openApp(page, suite.url);
  await page.waitForSelector('#load-notice');
  assert.match(await page.textContent('#load-notice'), /kept aside under "ecs-image-planner\.plan\.v1\.unreadable"/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-unreadable')]);
  assert.equal(readFileSync(await download.path(), 'utf8'), raw);
  await page.click('#load-notice summary');
  await page.click('#repair-open');
  assert.match(await page.textContent('#repair-error'), /Still not a valid plan: at \/launches\/0\/amount/);
  await page.fill('#repair-text', raw.replace('"two"', '2'));
  await page.click('#repair-open');
  await page.waitForFunction(() => !document.getElementById('load-notice'));
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"mine"'), PLAN_KEY);
  assert.equal(JSON.parse(await saved(page)).launches[0].amount, 2);
});

test('when storage cannot keep the unreadable plan aside, the page says so and saves nothing over it', async () => {
  const page = await suite.page();
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).endsWith('.unreadable')) throw new DOMException('quota', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const raw = '{"version": 1, "name": "mine", "unknown_field": 1}';
  await seedSavedPlan(page, raw);
  await openApp(page, suite.url);
  await page.waitForSelector('#load-notice');
  const text = await page.textContent('#load-notice');
  assert.doesNotMatch(text, /kept aside under/);
  assert.match(text, /refused to keep a copy aside/);
  await page.waitForTimeout(300);
  assert.equal(await saved(page), raw, 'the unreadable plan is not overwritten by the autosave');
  await page.click('#dismiss-notice');
  await page.waitForFunction((key) => localStorage.getItem(key) !== null && !localStorage.getItem(key).includes('unknown_field'), PLAN_KEY);
});

test('text typed into a field is kept across a reload, even before the field loses focus', async () => {
  const page = await suite.page();
  await openApp(page, suite.url + '#' + fragmentOf({ version: 1, copies: [{ image: 'm-x', to_region: 'cn-beijing' }] }));
  await page.click('#copy-0-name');
  await page.keyboard.type('typed-but-not-blurred-21');
  await page.reload();
  await page.waitForSelector('#copy-0-name');
  assert.equal(await page.inputValue('#copy-0-name'), 'typed-but-not-blurred-21');
});

test('a linked plan waiting for "which plan?" survives a reload until the user decides', async () => {
  const page = await suite.page();
  await openApp(page, suite.url + '#' + fragmentOf({ version: 1, name: 'saved one', launches: [launch()] }));
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('saved one'), PLAN_KEY);
  await page.goto('about:blank');
  await page.goto(suite.url + '#' + fragmentOf({ version: 1, name: 'linked one', launches: [launch({ amount: 3 })] }));
  await page.waitForSelector('#open-linked');
  await page.reload();
  await page.waitForSelector('#open-linked');
  assert.match(await page.textContent('#load-notice-text'), /linked one/);
  await page.click('#open-linked');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('linked one'), PLAN_KEY);
  await page.reload();
  await page.waitForSelector('#findings');
  assert.equal(await page.locator('#load-notice').count(), 0);
});

test('a right-to-left override in plan text cannot reorder the prompt, its buttons or a finding', async () => {
  const page = await suite.page();
  await openApp(page, suite.url + '#' + fragmentOf({ version: 1, name: 'saved', launches: [launch()] }));
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('saved'), PLAN_KEY);
  const name = 'evil\u202Egnp.exe';
  await page.goto('about:blank');
  await page.goto(suite.url + '#' + fragmentOf({ version: 1, name, launches: [launch({ image: 'm-x\u202Eabc' })] }));
  await page.waitForSelector('#open-linked');
  assert.equal(await page.textContent('#load-notice-text bdi'), name, 'the name is isolated in <bdi>');
  const open = await page.locator('#open-linked').boundingBox();
  const keep = await page.locator('#keep-saved').boundingBox();
  assert.ok(open.x < keep.x, 'the buttons keep their order');
  await page.click('#open-linked');
  await page.waitForFunction(() => /image-not-found/.test(document.getElementById('findings').textContent));
  const message = await page.textContent('#findings .eip-message');
  assert.ok(message.includes('m-x\\u{202e}abc'), message);
  assert.ok(!message.includes('\u202E'), 'no raw override in a finding');
});

test('the embed ignores undefined, null and huge messages without an exception', async () => {
  const page = await suite.page();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  await page.goto(suite.url + 'embed.html?type=ecs.g8y.large');
  await page.waitForSelector('#embed');
  await page.evaluate(() => {
    for (const message of [undefined, null, 0, true, '', [], {}, { type: 'ecs-image-planner:theme' },
      { type: 'ecs-image-planner:theme', theme: 'x'.repeat(1e6) }, 'x'.repeat(64 * 1024 * 1024)]) {
      window.postMessage(message, '*');
    }
  });
  await page.waitForTimeout(500);
  assert.deepEqual(page.problems, []);
  await page.evaluate(() => window.postMessage({ type: 'ecs-image-planner:theme', theme: 'dark' }, '*'));
  await page.waitForFunction(() => document.getElementById('embed').classList.contains('eip-dark'));
  const memory = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  assert.ok(memory < 32 * 1024 * 1024, `wasm memory ${memory} B after a 64 MiB message`);
});

test('a wasm trap (out of memory) shows the crash banner with the last saved plan', async () => {
  const page = await suite.page();
  await openApp(page, suite.url + '#' + fragmentOf({ version: 1, name: 'before the crash', launches: [launch()] }));
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('before the crash'), PLAN_KEY);
  // The abort traps without a panic: the trap is the one problem the page logs.
  page.expectProblems(/^pageerror: unreachable/);
  await page.goto(suite.url + '?crash-test=oom');
  await page.waitForSelector('#panic-banner', { timeout: 15000 });
  assert.match(await page.textContent('#panic-banner'), /internal error/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#panic-download')]);
  assert.match(readFileSync(await download.path(), 'utf8'), /before the crash/);
});

/** Median and 95th percentile of a list of numbers. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.ceil(sorted.length * 0.95) - 1] };
}

/** Times `count` edits of the input `selector` (typed: input and change events) until the
 * findings column shows the new report (its data-revision changes); an edit that changes
 * nothing within 2 s fails the test. */
async function editLatency(page, selector, count) {
  const times = await page.evaluate(async ([selector, count]) => {
    const input = document.querySelector(selector);
    const revision = () => document.getElementById('findings').getAttribute('data-revision');
    const times = [];
    for (let n = 0; n < count; n++) {
      const before = revision();
      const start = performance.now();
      input.value = String(60 + (n % 2) * 10);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (revision() === before && performance.now() - start < 2000) await new Promise((ok) => setTimeout(ok, 0));
      times.push(revision() === before ? null : performance.now() - start);
    }
    return times;
  }, [selector, count]);
  assert.ok(times.every((ms) => ms != null), `every edit updated the findings: ${times}`);
  return times;
}

test('a plan at every documented limit opens in under 2 s with a bounded DOM and edits fast', async () => {
  const page = await suite.page();
  const plan = limitPlan(1000);
  plan.launches = [launch()];
  const fragment = fragmentOf(plan);
  await page.goto(suite.url + '#' + fragment);
  await page.waitForSelector('#launch-0-disk', { timeout: 60000 });
  await page.waitForFunction(() => document.querySelectorAll('#findings .eip-finding').length > 0);
  // From the start of navigation to the first findings on screen (the page's own mark).
  const openMs = await page.evaluate(() => performance.getEntriesByName('eip:first-findings')[0].startTime);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const times = await editLatency(page, '#launch-0-disk', 20);
  const { p95 } = stats(times);
  console.log(`limit plan: link ${fragment.length} B, open ${openMs.toFixed(0)} ms, ${nodes} elements, edit p95 ${p95.toFixed(1)} ms`);
  // What is on the page is bounded by what is shown, not by the plan (it was 7.26 million
  // elements). Times are logged for the record; on a loaded shared machine they are asserted
  // only against a hang (the benchmark measures speed): the targets are 2 s and 50 ms.
  assert.ok(nodes < 15000, `${nodes} elements`);
  assert.ok(openMs < 10000, `opened in ${openMs} ms`);
  assert.ok(p95 < 500, `edit p95 ${p95} ms`);
  // Long lists fold with a count, and a finding's row is shown when asked for.
  assert.match(await page.textContent('[data-section="copies"]'), /Show 50 more \(950 not shown\)/);
  assert.deepEqual(page.problems, []);
});

/** The DOM writes one edit of the input `selector` causes, as `tag#id.class` of each written
 * node outside the edited item's row `row` (a CSS selector), once the page has settled. */
async function writesOutside(page, selector, row) {
  return page.evaluate(async ([selector, row]) => {
    const records = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.body, { attributes: true, childList: true, characterData: true, subtree: true });
    const input = document.querySelector(selector);
    input.value = String(Number(input.value || 40) + 10);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((ok) => setTimeout(ok, 300));
    observer.disconnect();
    const name = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`;
    };
    return records.filter((r) => !(r.target.nodeType === 1 ? r.target : r.target.parentElement).closest(row))
      .map((r) => `${r.type} ${name(r.target)}${r.attributeName ? ' @' + r.attributeName : ''}`);
  }, [selector, row]);
}

test('the 200-launch plan shows 50 rows and edits without re-rendering the others', async () => {
  const page = await suite.page();
  // Every other launch breaks a rule (an Arm type for an x86 image), so that the findings
  // column lists a hundred items, and every launch is an API call.
  const plan = { version: 1, launches: Array.from({ length: 200 }, (_, i) => launch(i % 2 ? { instance_type: 'ecs.g8y.large' } : {})) };
  await openApp(page, suite.url + '#' + fragmentOf(plan));
  await page.waitForSelector('#launch-0-disk');
  const times = await editLatency(page, '#launch-0-disk', 30);
  const { p50, p95 } = stats(times);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  console.log(`200 launches: ${nodes} elements, edit p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
  // One edit of launch 0 writes launch 0's row, its API call and the findings' revision, not
  // the other 49 rows, the other findings or the other calls (it rewrote thousands of nodes).
  assert.ok(await page.locator('#findings > section').count() >= 50, 'the findings column lists many items');
  const writes = await writesOutside(page, '#launch-0-disk', '#item-launches-0');
  const ops = writes.filter((w) => / li\.eip-op|#operations/.test(w));
  assert.ok(ops.length <= 2, `API calls written: ${ops.join('; ')}`);
  assert.ok(writes.length <= 8, `${writes.length} DOM writes outside launch 0:\n${writes.join('\n')}`);
  // 50 of the 200 rows are on the page; the target is 16 ms (logged), asserted against a hang.
  assert.ok(nodes < 12000, `${nodes} elements`);
  assert.ok(p50 < 100, `edit p50 ${p50} ms`);
});
