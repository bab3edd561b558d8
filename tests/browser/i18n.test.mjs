// The page in Simplified Chinese (issue 14): it follows the browser's language, `?lang=` and a
// remembered switch; switching keeps the plan and its share link; the embed takes `data-lang`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSuite, openApp, englishRuns, fragmentOf } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';

const SCREENSHOT = resolve(import.meta.dirname, '../../docs/screenshot-zh-CN.png');
const HAN = /[\u4e00-\u9fff]/;
const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const example = (name) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));

/**
 * A plan with every kind of item the editor shows: the copy-and-share example (images, copies,
 * attribute changes, shares, exports, launches, deletes) with the imports of
 * import-modify-launch, the pipeline of pipeline.json, an image update, a snapshot delete, a
 * launch of an image the planner does not know (its "describe" note) and one past the quota.
 */
function everyKindOfItem() {
  const plan = example('copy-and-share.json');
  plan.imports = example('import-modify-launch.json').imports;
  plan.pipelines = example('pipeline.json').pipelines;
  plan.updates = [{ image: 'm-bp1golden2025x0001', region: 'cn-hangzhou', name: 'golden-patched', instance_type: 'ecs.g7.large', commands: 'yum update -y' }];
  plan.deletes.push({ snapshot: 's-bp1golden2025sys01' });
  plan.launches.push({ region: 'cn-hangzhou', instance_type: 'ecs.g7.large', image: 'm-bp1unknown0000001', amount: 1 });
  plan.custom_image_usage['cn-beijing'] = 100;
  return plan;
}

let suite;
let host;
before(async () => {
  suite = await startSuite();
  const dir = mkdtempSync(join(tmpdir(), 'eip-host-zh-'));
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>文档</title></head>
<body><div id="zh" data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou" data-lang="zh-CN"></div>
<div id="en" data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou" data-lang="en"></div>
<script src="${suite.url}embed.js"></script></body></html>`);
  host = await serve(dir, 0);
});
after(async () => {
  await suite.close();
  await new Promise((ok) => host.server.close(ok));
});

test('a Chinese browser opens the planner in Chinese', async () => {
  const page = await suite.page({ locale: 'zh-CN' });
  await openApp(page, suite.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.inputValue('#lang'), 'zh-CN');
  assert.equal(await page.textContent('#findings-h'), '检查结果');
  assert.match(await page.textContent('#findings-summary'), HAN);
  assert.match(await page.textContent('#open-matrix'), /兼容性矩阵/);
  assert.deepEqual(page.problems, []);
});

test('an English browser opens in English, and ?lang=zh-CN overrides it', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await openApp(page, suite.url);
  assert.equal(await page.textContent('#findings-h'), 'Findings');
  assert.doesNotMatch(await page.textContent('#findings-summary'), HAN);
  await openApp(page, suite.url, '?lang=zh-CN');
  assert.equal(await page.textContent('#findings-h'), '检查结果');
  assert.deepEqual(page.problems, []);
});

test('switching language and back keeps the plan and its share link, and is remembered', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await openApp(page, suite.url);
  await page.fill('#launch-0-amount', '150');
  await page.locator('.eip-finding[data-code="amount-out-of-range"]').waitFor();
  const codes = await page.locator('.eip-finding').evaluateAll((els) => els.map((el) => el.dataset.code));
  const link = await page.evaluate(() => location.hash);
  await page.selectOption('#lang', 'zh-CN');
  await page.waitForFunction(() => document.querySelector('#findings-h').textContent === '检查结果');
  assert.match(await page.textContent('.eip-finding .eip-message'), HAN, 'findings in Chinese');
  assert.deepEqual(await page.locator('.eip-finding').evaluateAll((els) => els.map((el) => el.dataset.code)), codes);
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  assert.equal(await page.evaluate(() => location.hash), link, 'the link does not change with the language');
  await page.reload();
  await page.waitForSelector('.eip');
  assert.equal(await page.inputValue('#lang'), 'zh-CN', 'the choice is remembered');
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#findings-h').textContent === 'Findings');
  assert.doesNotMatch(await page.textContent('.eip-finding .eip-message'), HAN);
  assert.equal(await page.inputValue('#launch-0-amount'), '150');
  assert.deepEqual(page.problems, []);
});

test('embed.js passes data-lang to the embedded planner', async () => {
  const page = await suite.page({ locale: 'en-US' });
  await page.goto(host.url);
  const title = async (id) => {
    const frame = await (await page.waitForSelector(`#${id} iframe`)).contentFrame();
    await frame.waitForSelector('#embed .eip-embed-title', { timeout: 15000 });
    return frame.textContent('.eip-embed-title');
  };
  assert.match(await title('zh'), /哪些镜像适用于 ecs\.g8y\.large/);
  assert.match(await title('en'), /Which images fit ecs\.g8y\.large/);
  assert.deepEqual(page.problems, []);
});

test('screenshot of the planner in Chinese (docs/screenshot-zh-CN.png, 1280x900, light)', async () => {
  const page = await suite.page({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, suite.url);
  await page.fill('#launch-0-amount', '150');
  await page.locator('.eip-finding[data-code="amount-out-of-range"]').waitFor();
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: SCREENSHOT });
  assert.deepEqual(page.problems, []);
});

test('the plan editor and the matrix in Chinese: every row, form and answer, no English sentence', async () => {
  const page = await suite.page({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  await openApp(page, suite.url, '#' + fragmentOf(everyKindOfItem()));
  const plan = '#tab-plan-panel';
  for (const id of ['#item-launches-0', '#item-copies-0', '#item-shares-0', '#item-exports-0', '#item-deletes-1',
    '#item-imports-0', '#item-modifies-0', '#item-pipelines-0', '#item-updates-0', '#launch-1-unknown-image']) {
    await page.locator(id).waitFor();
  }
  // Every form open: the image editor, the form that adds one (with its question), a bad number.
  await page.click('#edit-image-0');
  await page.locator('#image-0-id').waitFor();
  await page.click('#add-image-summary');
  await page.click('#add-image');
  await page.locator('#new-image-error').filter({ hasText: HAN }).waitFor();
  await page.fill('#launch-0-amount', '-5');
  await page.locator('#launch-0-amount-error').waitFor();
  assert.match(await page.textContent('#item-launches-0 strong'), /^启动实例 #0$/);
  assert.match(await page.textContent('#item-copies-0 strong'), /^复制镜像 #0$/);
  assert.match(await page.textContent('#share-0-accounts-count'), /12 个账号/);
  assert.match(await page.textContent('#launch-0-amount-error'), /不是整数/);
  const planRuns = await englishRuns(page, plan);
  assert.deepEqual(planRuns, [], 'English left in the plan column');
  // Regions by the names of the Chinese console, in every region list (a name is no English
  // sentence to englishRuns, so the lists are checked by name).
  const chosen = (select) => page.locator(`${select} option:checked`).textContent();
  assert.equal(await chosen('#launch-0-region'), 'cn-beijing · 华北2（北京）');
  assert.match(await page.textContent('#add-region'), /cn-hangzhou · 华东1（杭州）/);
  assert.doesNotMatch(await page.textContent('#add-region'), /China \(/);
  // The gauges read the ledger in Chinese too.
  assert.match(await page.textContent('#gauge-region-cn-beijing'), /已有 100/);
  assert.deepEqual(await englishRuns(page, '#gauges'), [], 'English left in the quota gauges');
  // The API calls: names and literals as sent, what to supply and earlier results in Chinese.
  assert.match(await page.textContent('#operations'), /需由您提供：.*交换机/);
  assert.match(await page.textContent('#operations'), /返回的 ImageId/);
  assert.deepEqual(await englishRuns(page, 'section[aria-labelledby="ops-h"]'), [], 'English left in the API calls');

  // The matrix: the grid, both one-question answers and the embed snippet.
  await page.click('#open-matrix');
  await page.locator('#matrix-panel td.eip-cell').first().waitFor();
  assert.match(await page.textContent('#matrix-count'), /个镜像 × .* 个实例规格/);
  assert.match(await page.textContent('#matrix-region'), /cn-hangzhou · 华东1（杭州）/);
  await page.locator('#cell-0-0').focus();
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('#matrix-reason').textContent));
  assert.deepEqual(await englishRuns(page, '#matrix-panel'), [], 'English left in the matrix grid');
  for (const mode of ['#matrix-mode-image', '#matrix-mode-type']) {
    await page.check(mode);
    await page.locator('#matrix-answer .eip-answer').first().waitFor();
    await page.click('#embed-snippet summary');
    assert.deepEqual(await englishRuns(page, '#matrix-panel'), [], `English left in the matrix answer (${mode})`);
  }
  // Back to English: the same page, every text in English again.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.querySelector('#item-launches-0 strong').textContent === 'Launch #0');
  assert.doesNotMatch(await page.textContent(plan), HAN);
  assert.doesNotMatch(await page.textContent('#matrix-panel'), HAN);
  assert.equal(await chosen('#launch-0-region'), 'cn-beijing · China (Beijing)');
  assert.deepEqual(page.problems, []);
});

test('zh-CN: the guide, every topic it opens on, and its doc links are Chinese', async () => {
  const page = await suite.page({ locale: 'zh-CN' });
  await openApp(page, suite.url);
  await page.click('#open-guide');
  await page.waitForSelector('#guide');
  assert.deepEqual(await englishRuns(page, '#guide'), []);
  assert.equal(await page.textContent('#guide-h'), '镜像指南');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'guide-types-h');
  const overview = await page.locator('#guide a[href*="image-overview"]').getAttribute('href');
  assert.match(overview, /^https:\/\/help\.aliyun\.com\/zh\//, 'the overview links the Chinese page');
  // Each topic opens the guide on its own section, from the buttons that name it.
  for (const [button, heading] of [['#pipelines-guide', 'guide-builder-h'], ['#open-import-guide', 'guide-import-h']]) {
    await page.click('#close-guide');
    assert.deepEqual(await englishRuns(page, button), []);
    await page.click(button);
    await page.waitForFunction((id) => document.activeElement?.id === id, heading);
    assert.deepEqual(await englishRuns(page, '#guide'), []);
  }
  // A finding's guide link: a launch from a snapshot (the Snapshots topic).
  const plan = { version: 1, launches: [{ region: 'cn-hangzhou', instance_type: 'ecs.g7.large', image: 's-123' }] };
  await page.goto(suite.url + '#' + fragmentOf(plan));
  await page.reload();
  // The app must have mounted before the notice is looked for (it races the wasm otherwise).
  await page.waitForSelector('#findings[data-revision]');
  const open = page.locator('#open-linked');
  if (await open.count()) await open.click();
  const topic = page.locator('.eip-finding[data-code="launch-from-snapshot"] .eip-doc button.eip-link');
  await topic.waitFor();
  assert.match(await topic.textContent(), HAN);
  await topic.click();
  await page.waitForFunction(() => document.activeElement?.id === 'guide-snapshots-h');
  assert.deepEqual(await englishRuns(page, '#guide'), []);
  assert.deepEqual(page.problems, []);
});

test('zh-CN: the share, export and import panel and what it reports are Chinese', async () => {
  const page = await suite.page({ locale: 'zh-CN' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(suite.url).origin });
  await openApp(page, suite.url);
  assert.deepEqual(await englishRuns(page, '.eip-io'), []);
  await page.click('#copy-link');
  await page.waitForFunction(() => /已将分享链接复制到剪贴板/.test(document.getElementById('io-status').textContent));
  await page.click('#copy-aliyun');
  await page.waitForFunction(() => /aliyun CLI 脚本/.test(document.getElementById('io-status').textContent));
  const script = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(script, /^#.*[\u4e00-\u9fff]/m, 'the copied script has its comments in Chinese');
  // A bad paste and a bad file: the errors say where and why, in Chinese.
  await page.fill('#describe-output', '{"Images": {"Image": [{"ImageName": "no id"}]}}');
  await page.click('#import-describe');
  await page.waitForFunction(() => document.getElementById('import-error').textContent.length > 0);
  assert.match(await page.textContent('#import-error'), /\/Images\/Image\/0\/ImageId/);
  assert.deepEqual(await englishRuns(page, '.eip-io'), []);
  await page.setInputFiles('#plan-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "launches": [{"region": 5}]}') });
  await page.waitForFunction(() => /bad\.json 不是有效的计划/.test(document.getElementById('import-error').textContent));
  assert.match(await page.textContent('#import-error'), /\/launches\/0\/region/);
  assert.deepEqual(await englishRuns(page, '.eip-io'), []);
  // A good paste reports what it added.
  await page.fill('#describe-output', JSON.stringify({ RegionId: 'cn-hangzhou', Images: { Image: [{ ImageId: 'm-zh', ImageOwnerAlias: 'self' }] } }));
  await page.click('#import-describe');
  await page.waitForFunction(() => /已从 DescribeImages 添加 1 个镜像/.test(document.getElementById('import-status').textContent));
  assert.deepEqual(await englishRuns(page, '.eip-io'), []);
  assert.deepEqual(page.problems, []);
});

test('zh-CN: a refused link and an unreadable saved plan are explained in Chinese', async () => {
  const page = await suite.page({ locale: 'zh-CN' });
  await openApp(page, suite.url);
  for (const fragment of ['p1.!!!not-base64!!!', 'p9.AAAA', fragmentOf({ version: 1, launches: [{ region: 'cn-hangzhou', amount: -1 }] })]) {
    await page.goto(suite.url + '#' + fragment);
    await page.reload();
    await page.waitForSelector('#load-notice');
    assert.match(await page.textContent('#load-notice'), /无法打开此链接/);
    assert.deepEqual(await englishRuns(page, '#load-notice'), [], fragment);
  }
  await page.evaluate(() => localStorage.setItem('ecs-image-planner.plan.v1', '{"version": 7, "from": "the future"}'));
  await page.goto(suite.url);
  await page.waitForSelector('#load-notice');
  assert.match(await page.textContent('#load-notice'), /无法读取此浏览器中保存的计划/);
  await page.click('#load-notice summary');
  assert.deepEqual(await englishRuns(page, '#load-notice'), []);
  // The notice follows the switch, and back.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => /could not be read/.test(document.getElementById('load-notice').textContent));
  await page.selectOption('#lang', 'zh-CN');
  await page.waitForFunction(() => /无法读取/.test(document.getElementById('load-notice').textContent));
  assert.deepEqual(page.problems, []);
});

test('zh-CN: the crash banner is Chinese, from the panic hook and from crash.js', async () => {
  for (const [flag, problems] of [
    ['crash-test=1', [/^console: panicked at .*crash test requested by the URL/s, /^pageerror: unreachable/]],
    ['crash-test=oom', [/^pageerror: unreachable/]],
  ]) {
    const page = await suite.page({ locale: 'zh-CN' });
    await openApp(page, suite.url);
    page.expectProblems(...problems);
    await page.goto(suite.url + '?' + flag);
    await page.waitForSelector('#panic-banner', { timeout: 15000 });
    // The details are the browser's own words for the trap: only the planner's texts count.
    assert.equal(await page.textContent('#panic-banner strong'), '规划器因内部错误而停止。', flag);
    assert.deepEqual(await englishRuns(page, '#panic-banner strong, #panic-download'), [], flag);
    assert.match(await page.textContent('#panic-banner span'), /^请重新加载页面以继续/, flag);
  }
});

test('zh-CN: the save, other-tab and which-plan notices are Chinese', async () => {
  // A browser that allows no storage: the save notice.
  const blocked = await suite.page({ locale: 'zh-CN' });
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  await openApp(blocked, suite.url);
  await blocked.waitForSelector('#save-notice');
  assert.match(await blocked.textContent('#save-notice'), /不允许页面保存任何内容/);
  assert.deepEqual(await englishRuns(blocked, '#save-notice'), []);
  // Another tab opens a linked plan, which it saves: this tab is told.
  const a = await suite.page({ locale: 'zh-CN' });
  await openApp(a, suite.url);
  const b = await suite.tab(a);
  await openApp(b, suite.url);
  await a.goto(suite.url + '#' + fragmentOf({ version: 1, name: '杭州的 Web 服务器', launches: [{ region: 'cn-hangzhou' }] }));
  await a.reload();
  await a.click('#open-linked');
  await b.waitForSelector('#tab-notice');
  assert.match(await b.textContent('#tab-notice'), /另一个标签页或窗口保存了不同的计划/);
  assert.deepEqual(await englishRuns(b, '#tab-notice'), []);
  // A link to another plan asks which one to keep.
  await b.click('#keep-mine');
  await b.goto(suite.url + '#' + fragmentOf({ version: 1, launches: [{ region: 'cn-beijing' }] }));
  await b.reload();
  await b.waitForSelector('#open-linked');
  assert.match(await b.textContent('#load-notice'), /一个未命名的计划/);
  assert.deepEqual(await englishRuns(b, '#load-notice'), []);
  assert.deepEqual([...a.problems, ...b.problems, ...blocked.problems], []);
});

test('zh-CN: the shell painted before the wasm is already Chinese, in the planner and the embed', async () => {
  for (const path of ['', 'embed.html?type=ecs.g8y.large']) {
    const page = await suite.page({ locale: 'zh-CN' });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(suite.url + path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('#eip-shell');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', path);
    assert.match(await page.textContent('#eip-shell'), HAN, path);
    assert.deepEqual(await englishRuns(page, '#eip-shell'), [], path);
    release();
    await page.waitForSelector('#eip-shell', { state: 'detached', timeout: 15000 });
  }
  // An English browser keeps the English shell.
  const page = await suite.page({ locale: 'en-US' });
  await page.route(/\.wasm$/, (route) => route.abort());
  page.expectProblems(/./);
  await page.goto(suite.url, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.textContent('#eip-shell h2'), 'Plan');
});

test('every example plan: the whole page in zh-CN holds no English sentence', async () => {
  const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json')).sort();
  assert.ok(examples.length >= 5, `${examples.length} examples`);
  for (const file of examples) {
    const plan = JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
    const page = await suite.page({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
    await openApp(page, suite.url, '#' + fragmentOf(plan));
    await page.locator('#findings[data-revision]').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', file);
    assert.deepEqual(await englishRuns(page, 'body'), [], `English left on the page with ${file}`);
  }
});
