// The benchmark's measuring half: `scripts/bench.sh` builds everything, then runs this script,
// which measures the planner and its embed page against the Leptos baseline in the same run,
// like with like (first contentful paint with first contentful paint, ready with ready, the same
// Lighthouse mobile run on each page), prints one Markdown table with each budget and PASS/FAIL,
// and writes the same numbers to bench/out/latest.json. A number that could not be measured is
// reported as "n/a (why)", never invented, and fails the run: so does an edit that did not update
// the findings within the cut-off (a lost edit counts, as slower than any budget, in the p95), a
// cold load that never painted or never got ready, a page error, and a Lighthouse run that gave
// no score. The run then prints each failure and why, and exits 1.
//
// Inputs (built by scripts/bench.sh): dist/ (the app), bench/baseline/dist/ (the baseline), both
// precompressed (scripts/compress.mjs) and served with their .gz/.br siblings as a static host
// would; bench/out/engine-wasm/ (the engine bench in wasm, wasm-bindgen --target web);
// bench/out/engine-native.txt (output of `cargo bench --bench engine`); BENCH_LIGHTHOUSE (the
// Lighthouse CLI that scripts/bench.sh installs).
// Knobs: BENCH_APP_DIST (the app build to measure, default dist/), BENCH_LOADS (cold loads per
// page, default 15, at least 15 for a valid run), BENCH_EDITS (default 120), BENCH_ENGINE_RUNS
// (default 200), BENCH_LIGHTHOUSE_RUNS (per page, default 3, the median is reported),
// BENCH_PHONE_LOADS (cold loads per page on a throttled phone, default 3),
// BENCH_BUILD_INFO (a JSON object describing the builds, recorded as is), BENCH_STRICT=1 (exit 1
// when a budget fails).
import { chromium } from 'playwright-core';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const APP_DIST = resolve(process.env.BENCH_APP_DIST || join(ROOT, 'dist'));
const BASE_DIST = join(ROOT, 'bench/baseline/dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE || null;
const LOADS = Number(process.env.BENCH_LOADS || 15);
const EDITS = Number(process.env.BENCH_EDITS || 120);
const ENGINE_RUNS = Number(process.env.BENCH_ENGINE_RUNS || 200);
const LH_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);
const PHONE_LOADS = Number(process.env.BENCH_PHONE_LOADS || 3);
/**
 * A phone on a slow network, applied to the page itself (Chromium's devtools throttling): the
 * values of Lighthouse's mobile preset for its `devtools` throttling method (slow 4G: 562.5 ms
 * per request, 1.44 Mbit/s down, 675 kbit/s up; the CPU 4x slower). Lighthouse's own runs
 * simulate this instead (from an unthrottled load); these loads are what such a phone feels.
 */
const PHONE = {
  network: { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8, uploadThroughput: (750 * 0.9 * 1024) / 8 },
  cpuSlowdown: 4,
};
const FIRST_FINDINGS = 'eip:first-findings';
/** The page the embed script frames, with a question to answer. */
const EMBED_PATH = 'embed.html?type=ecs.g8y.large&region=cn-hangzhou';
/** An edit that has not updated the findings after this long is lost. */
const EDIT_CUTOFF_MS = 2000;
const LINK_BASE = 'http://127.0.0.1:8080/';

/** The budgets. `max` is inclusive ("at most"), `under` is exclusive, `min` inclusive. */
const BUDGETS = {
  totalTransfer: { max: 150_000, text: '<= 150 KB (150,000 B)' },
  embedTransfer: { max: 100_000, text: '<= 100 KB (100,000 B)' },
  fcpRatio: { max: 1.5, text: '<= 1.5x baseline FCP' },
  readyRatio: { max: 2.0, text: '<= 2.0x baseline ready' },
  editP95: { under: 16, text: '< 16 ms' },
  editP95Largest: { under: 50, text: '< 50 ms' },
  openLargest: { under: 2000, text: '< 2 s' },
  matrixWasm: { under: 16, text: '< 16 ms' },
  wasmNative: { max: 2.5, text: '<= 2.5x' },
  linkLength: { under: 1000, text: '< 1,000 chars' },
  lighthouseLcp: { max: 2500, text: '<= 2.5 s' },
  lighthouseScore: { min: 0.95, text: '>= 0.95' },
};

/** PASS/FAIL of `value` against `budget`, or "n/a" when there is no value. A lost sample
 * (Infinity) fails every budget. */
function verdict(value, budget) {
  if (value == null || Number.isNaN(value)) return 'n/a';
  const ok = budget.min != null ? value >= budget.min : budget.max != null ? value <= budget.max : value < budget.under;
  return ok ? 'PASS' : 'FAIL';
}

/** Median and p95 (nearest rank) of a list of numbers, or null for an empty list. */
function stats(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length))) - 1];
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0], max: sorted.at(-1) };
}

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The machine the numbers were taken on. */
function machine() {
  const cpuinfo = (() => { try { return readFileSync('/proc/cpuinfo', 'utf8'); } catch { return ''; } })();
  return {
    date: new Date().toISOString(),
    nproc: Number(sh('nproc', [])) || cpus().length,
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    chromium: sh(CHROMIUM, ['--version']) ?? 'unknown',
    node: process.version,
    lighthouse: LIGHTHOUSE ? sh(LIGHTHOUSE, ['--version']) : null,
  };
}

/**
 * gzip -9 and brotli sizes of the files of `dir` that a page requested during its loads, by
 * kind (wasm, js, css, html), the service worker's sw.js included. The brotli size is that of
 * the precompressed `.br` sibling the server sends (the raw size when there is none: the file
 * then goes uncompressed). Requested files of other kinds (the favicon) and files of `dir` never
 * requested (the embed script, the docs example) are listed, not counted.
 */
function transfer(dir, requested) {
  const sizes = { wasm: 0, js: 0, css: 0, html: 0 };
  const raw = { wasm: 0, js: 0, css: 0, html: 0 };
  const br = { wasm: 0, js: 0, css: 0, html: 0 };
  const files = [];
  const other = [];
  for (const path of [...requested].sort()) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) continue;
    const kind = extname(file).slice(1);
    if (!(kind in sizes)) { other.push(basename(file)); continue; }
    const gzip = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length;
    const brotli = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
    raw[kind] += statSync(file).size;
    sizes[kind] += gzip;
    br[kind] += brotli;
    files.push({ file: basename(file), gzip, br: brotli });
  }
  const seen = new Set([...files.map((f) => f.file), ...other]);
  const notRequested = readdirSync(dir).filter((name) => !seen.has(name) && !/\.(br|gz)$/.test(name));
  const total = sizes.wasm + sizes.js + sizes.css + sizes.html;
  const brTotal = br.wasm + br.js + br.css + br.html;
  return { gzip: { ...sizes, total }, br: { ...br, total: brTotal }, raw, files, requested_not_counted: other, not_requested: notRequested };
}

/** Serves `dir` on loopback and records the paths the browser requests from it. */
async function serveRecording(dir) {
  const requested = new Set();
  const { server, url } = await serve(dir, 0, {
    onRequest: (req) => requested.add(decodeURIComponent(new URL(req.url, 'http://x').pathname)),
  });
  return { server, url, requested };
}

/** Waits for `fn(arg)` to return a number in the page; null after `timeout` ms. */
async function pageNumber(page, fn, arg, timeout) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 10 });
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

const fcpOf = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? false;
const markOf = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? false;

/**
 * Runs in the page before its own scripts: marks `bench:ready` (navigation start to the moment,
 * in a mutation callback, that `selector` first matches) so that pages without a mark of their
 * own (the baseline, the embed) get "ready" the same way.
 */
function readyMarker(selector) {
  const check = () => {
    if (performance.getEntriesByName('bench:ready', 'mark').length) return true;
    if (document.querySelector(selector)) { performance.mark('bench:ready'); return true; }
    return false;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
}

/** The three pages measured: what "ready" means on each. */
const PAGES = {
  baseline: { path: '', ready: { selector: '#count' }, what: 'the counter button is in the DOM' },
  planner: { path: '', ready: { mark: FIRST_FINDINGS }, what: 'first findings in the DOM (eip:first-findings)' },
  embed: { path: EMBED_PATH, ready: { selector: '#embed' }, what: 'the answer is in the DOM (#embed)' },
};

/** One cold load in a fresh context (empty cache): FCP and ready. With `worker`, it then waits
 * for the page's service worker to be installed (its sw.js is part of a first visit's transfer).
 * With `phone`, the page loads throttled as on a phone (PHONE). */
async function coldLoad(browser, url, ready, { worker = false, phone = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const patience = phone ? 60_000 : 15_000;
  try {
    if (ready.selector) await page.addInitScript(readyMarker, ready.selector);
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', PHONE.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    }
    await page.goto(url, { waitUntil: 'load', timeout: 2 * patience });
    const fcp = await pageNumber(page, fcpOf, null, patience);
    const at = await pageNumber(page, markOf, ready.mark ?? 'bench:ready', patience);
    // What the page itself asked for until it was ready (the worker's own fetches are not in it).
    const untilReady = at == null ? [] : await page.evaluate((t) => performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= t).map((e) => new URL(e.name).pathname), at);
    if (worker) {
      await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 15_000 })
        .catch(() => errors.push('the service worker never took control of the page'));
    }
    return { fcp, ready: at, errors, untilReady };
  } finally {
    await context.close();
  }
}

/** `loads` cold loads of every page, interleaved so that all see the same noise; throttled as
 * on a phone with `phone`. */
async function startup(browser, urls, { loads = LOADS, phone = false } = {}) {
  const out = {};
  for (const name of Object.keys(PAGES)) out[name] = { fcp: [], ready: [], errors: [], lostFcp: 0, lostReady: 0 };
  // One untimed load of each first: the browser process and the servers warm up.
  for (const [name, spec] of Object.entries(PAGES)) await coldLoad(browser, urls[name] + spec.path, spec.ready);
  for (let i = 0; i < loads; i++) {
    for (const [name, spec] of Object.entries(PAGES)) {
      const load = await coldLoad(browser, urls[name] + spec.path, spec.ready, { phone });
      const o = out[name];
      if (load.fcp != null) o.fcp.push(load.fcp); else o.lostFcp++;
      if (load.ready != null) o.ready.push(load.ready); else o.lostReady++;
      o.errors.push(...load.errors);
    }
  }
  return { loads, phone, pages: out };
}

/**
 * Edit latency measured in the page at `url`: switch launch 0's instance type back and forth and
 * time, with performance.now(), from the change event to #findings' data-revision changing.
 */
async function editLatency(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // From the start of navigation to the first findings in the DOM (the page's own mark).
    const open = await pageNumber(page, markOf, FIRST_FINDINGS, 30_000);
    const measured = await page.evaluate(async ({ edits, warmup, cutoff }) => {
      const select = document.getElementById('launch-0-type');
      if (!select) return { missing: '#launch-0-type' };
      if (!document.getElementById('findings')) return { missing: '#findings' };
      const revision = () => document.getElementById('findings')?.getAttribute('data-revision');
      if (revision() == null) return { missing: '#findings[data-revision]' };
      const launches = document.querySelectorAll('[id^="launch-"][id$="-type"]').length;
      const settle = () => new Promise((ok) => setTimeout(ok, 5));
      // Resolves true once the revision differs from `before`, false after the cut-off.
      const changed = (before) => new Promise((ok) => {
        if (revision() !== before) return ok(true);
        const observer = new MutationObserver(() => {
          if (revision() !== before) { observer.disconnect(); clearTimeout(timer); ok(true); }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ['data-revision'], childList: true, subtree: true });
        const timer = setTimeout(() => { observer.disconnect(); ok(false); }, cutoff);
      });
      const edit = async (value) => {
        const el = document.getElementById('launch-0-type');
        const before = revision();
        const start = performance.now();
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        const ok = await changed(before);
        const ms = performance.now() - start;
        await settle();
        return ok ? ms : null;
      };
      // Find a second type whose selection re-renders the findings both ways.
      const first = select.value;
      // A long list is a text field offering a shared <datalist> (src/app/controls.rs).
      const options = select.options ?? document.getElementById(select.getAttribute('list') ?? '')?.options;
      if (!options) return { missing: '#launch-0-type options (a select, or an input with a datalist)' };
      const others = [...options].map((o) => o.value).filter((v) => v && v !== first);
      let second = null;
      for (const candidate of others.slice(0, 10)) {
        if ((await edit(candidate)) != null && (await edit(first)) != null) { second = candidate; break; }
      }
      if (second == null) return { missing: 'a findings update after switching the type' };
      // A lost edit stays in the samples as null: it counts, slower than any budget.
      const samples = [];
      for (let i = 0; i < warmup + edits; i++) {
        const ms = await edit(i % 2 === 0 ? second : first);
        if (i >= warmup) samples.push(ms);
      }
      return { launches, types: [first, second], samples, lost: samples.filter((ms) => ms == null).length };
    }, { edits: EDITS, warmup: 5, cutoff: EDIT_CUTOFF_MS });
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { ...measured, open, elements };
  } finally {
    await context.close();
  }
}

/** The engine bench in wasm (node's V8), the share link of the reference plan, and the
 * workload's 200-launch plan as a document (for the in-page edit latency). */
async function engineWasm() {
  const dir = join(OUT, 'engine-wasm');
  const mod = await import(pathToFileURL(join(dir, 'engine-bench-wasm.js')).href);
  mod.initSync({ module: readFileSync(join(dir, 'engine-bench-wasm_bg.wasm')) });
  const result = JSON.parse(mod.run(ENGINE_RUNS));
  const plan = readFileSync(join(ROOT, 'tests/golden/reference-plan.json'), 'utf8');
  const link = mod.share_link(plan, LINK_BASE);
  const bigPlan = mod.big_plan_json(200);
  const mostPlan = mod.big_plan_json(1000);
  const limitPlan = mod.limit_plan_json();
  return { result, link, share: (json, base) => mod.share_link(json, base), bigPlan, mostPlan, limitPlan };
}

/** The native bench's numbers: the `BENCH_JSON` line of `cargo bench --bench engine`. */
function engineNative() {
  const text = readFileSync(join(OUT, 'engine-native.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`no BENCH_JSON line in ${join(OUT, 'engine-native.txt')}: rerun \`cargo bench --bench engine\``);
  return JSON.parse(line.slice('BENCH_JSON '.length));
}

/** One Lighthouse run (its default mobile preset: simulated slow 4G, 4x CPU slowdown) of `url`
 * in Debian's Chromium; resolves to the numbers the table reports, or { error }. */
function lighthouseOnce(url) {
  const dir = mkdtempSync(join(tmpdir(), 'eip-lh-'));
  const output = join(dir, 'report.json');
  const flags = ['--headless=new', ...CHROMIUM_ARGS, `--user-data-dir=${join(dir, 'profile')}`].join(' ');
  const args = [url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${output}`,
    `--chrome-flags=${flags}`, '--max-wait-for-load=60000'];
  return new Promise((ok) => {
    execFile(LIGHTHOUSE, args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 26, timeout: 180_000 }, (err, _out, stderr) => {
      try {
        if (err) return ok({ error: `lighthouse failed: ${(stderr || err.message).trim().split('\n').at(-1)}` });
        const report = JSON.parse(readFileSync(output, 'utf8'));
        if (report.runtimeError) return ok({ error: `lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}` });
        const audit = (id) => report.audits[id]?.numericValue ?? null;
        const score = report.categories.performance.score;
        if (score == null) return ok({ error: 'lighthouse gave no performance score' });
        const lcpElement = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null;
        ok({
          score, lcp: audit('largest-contentful-paint'), fcp: audit('first-contentful-paint'),
          tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'), si: audit('speed-index'),
          bytes: audit('total-byte-weight'), lcp_element: lcpElement,
          form_factor: report.configSettings.formFactor, throttling: report.configSettings.throttlingMethod,
        });
      } catch (e) {
        ok({ error: `lighthouse report unreadable: ${e.message}` });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** `LH_RUNS` Lighthouse runs of each page, interleaved; the median of each number. */
async function lighthouse(urls) {
  const out = {};
  for (const name of Object.keys(urls)) out[name] = { runs: [], errors: [] };
  if (!LIGHTHOUSE) {
    for (const name of Object.keys(urls)) out[name].errors.push('BENCH_LIGHTHOUSE is not set (scripts/bench.sh installs Lighthouse)');
    return out;
  }
  for (let i = 0; i < LH_RUNS; i++) {
    for (const [name, url] of Object.entries(urls)) {
      const run = await lighthouseOnce(url);
      if (run.error) out[name].errors.push(run.error); else out[name].runs.push(run);
    }
  }
  for (const entry of Object.values(out)) {
    const median = (key) => stats(entry.runs.map((r) => r[key]).filter((v) => v != null))?.median ?? null;
    entry.median = entry.runs.length
      ? { score: median('score'), lcp: median('lcp'), fcp: median('fcp'), tbt: median('tbt'), cls: median('cls'), si: median('si'), bytes: median('bytes') }
      : null;
  }
  return out;
}

const ms = (v) => (v == null ? null : v === Infinity ? `> ${EDIT_CUTOFF_MS} ms (lost)` : `${v.toFixed(1)} ms`);
const secs = (v) => (v == null ? null : `${(v / 1000).toFixed(2)} s`);
const us = (v) => (v == null ? null : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
const bytes = (v) => `${v.toLocaleString('en-US')} B`;
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (v) => (v == null ? null : `${v.toFixed(2)}x`);

/**
 * One load of the embed page, for its transfer size; the server records requests.
 * Returns null, or why the page did not show its answer.
 */
async function embedLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url + EMBED_PATH);
    await page.waitForSelector('#embed .eip-embed-title', { timeout: 30000 });
    return null;
  } catch (err) {
    return `the embed page did not show its answer: ${err.message.split('\n')[0]}`;
  } finally {
    await context.close();
  }
}

async function main() {
  const info = machine();
  const build = process.env.BENCH_BUILD_INFO ? JSON.parse(process.env.BENCH_BUILD_INFO) : {};
  const native = engineNative();
  const wasm = await engineWasm();
  const appServer = await serveRecording(APP_DIST);
  const baseServer = await serveRecording(BASE_DIST);
  const embedServer = await serveRecording(APP_DIST);
  const timedServer = await serveRecording(APP_DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let first, start, phone, edit, editBig, editMost, editLimit, lh, embedError;
  try {
    // Transfer first, on servers that see nothing else: one cold load of each page.
    // A build whose page registers the service worker: its first visit includes the worker.
    const worker = readFileSync(join(APP_DIST, 'index.html'), 'utf8').includes('serviceWorker.register(');
    first = await coldLoad(browser, appServer.url, PAGES.planner.ready, { worker });
    if (first.errors.length) throw new Error(`the planner's first load failed: ${first.errors.join('; ')}`);
    await coldLoad(browser, baseServer.url, PAGES.baseline.ready);
    embedError = await embedLoad(browser, embedServer.url);
    const pages = { baseline: baseServer.url, planner: timedServer.url, embed: timedServer.url };
    start = await startup(browser, pages);
    phone = await startup(browser, pages, { loads: PHONE_LOADS, phone: true });
    edit = await editLatency(browser, timedServer.url);
    editBig = await editLatency(browser, wasm.share(wasm.bigPlan, timedServer.url));
    editMost = await editLatency(browser, wasm.share(wasm.mostPlan, timedServer.url));
    editLimit = await editLatency(browser, wasm.share(wasm.limitPlan, timedServer.url));
    lh = await lighthouse({
      planner: timedServer.url,
      embed: timedServer.url + EMBED_PATH,
      baseline: baseServer.url,
    });
  } finally {
    await browser.close();
    for (const s of [appServer, baseServer, embedServer, timedServer]) s.server.close();
  }
  // The planner's first load: the page and what it asked for until its first findings, and the
  // service worker's script; then, apart, what the worker fetched in the background to work
  // offline (the wasm chunks of the panels the first screen does not show).
  const firstLoad = new Set(['/', ...first.untilReady, '/sw.js'].filter((path) => appServer.requested.has(path)));
  const size = {
    app: transfer(APP_DIST, firstLoad),
    app_background: transfer(APP_DIST, new Set([...appServer.requested].filter((path) => !firstLoad.has(path)))),
    baseline: transfer(BASE_DIST, baseServer.requested),
    embed: transfer(APP_DIST, embedServer.requested),
  };

  const st = (name, key) => stats(start.pages[name][key]);
  const fcp = { planner: st('planner', 'fcp'), embed: st('embed', 'fcp'), baseline: st('baseline', 'fcp') };
  const ready = { planner: st('planner', 'ready'), embed: st('embed', 'ready'), baseline: st('baseline', 'ready') };
  const onPhone = (key) => Object.fromEntries(Object.keys(PAGES).map((name) => [name, stats(phone.pages[name][key])]));
  const phoneFcp = onPhone('fcp');
  const phoneReady = onPhone('ready');
  // Lost edits count as slower than the cut-off: they are in the median and p95, as Infinity.
  const editStats = (e) => (e.samples ? stats(e.samples.map((v) => v ?? Infinity)) : null);
  const small = editStats(edit);
  const big = editStats(editBig);
  const most = editStats(editMost);
  const limit = editStats(editLimit);
  const fcpRatio = ratio(fcp.planner?.median, fcp.baseline?.median);
  const readyRatio = ratio(ready.planner?.median, ready.baseline?.median);
  const checkRatio = ratio(wasm.result.check_us.median, native.check_us.median);
  const matrixRatio = ratio(wasm.result.matrix_us.median, native.matrix_us.median);
  const sizeRatio = ratio(size.app.gzip.total, size.baseline.gzip.total);
  const missing = (e) => (e.missing ? `n/a (hook missing: ${e.missing})` : null);
  const lhNote = (name) => (lh[name].median ? null : `n/a (${lh[name].errors[0] ?? 'no run'})`);

  // Rows: measure, planner, baseline, ratio, budget, result.
  const rows = [];
  const row = (measure, value, base = '', r = '', budget = '', result = '') =>
    rows.push([measure, value ?? 'n/a', base ?? 'n/a', r ?? 'n/a', budget, result]);
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    row(`transfer ${kind} (gzip -9)`, bytes(size.app.gzip[kind]), bytes(size.baseline.gzip[kind]));
  }
  row('transfer total (gzip -9)', bytes(size.app.gzip.total), bytes(size.baseline.gzip.total), x(sizeRatio),
    BUDGETS.totalTransfer.text, verdict(size.app.gzip.total, BUDGETS.totalTransfer));
  row('transfer total (brotli 11, as served)', bytes(size.app.br.total), bytes(size.baseline.br.total),
    x(ratio(size.app.br.total, size.baseline.br.total)));
  row(`then in the background: the service worker's precache (${size.app_background.files.length} files, gzip -9)`,
    bytes(size.app_background.gzip.total), '—', '—');
  row('embed page: transfer total (gzip -9)', embedError ? `n/a (${embedError})` : bytes(size.embed.gzip.total),
    bytes(size.baseline.gzip.total), embedError ? 'n/a' : x(ratio(size.embed.gzip.total, size.baseline.gzip.total)),
    BUDGETS.embedTransfer.text, embedError ? 'n/a' : verdict(size.embed.gzip.total, BUDGETS.embedTransfer));
  row(`first contentful paint median (${start.loads} cold loads each)`, ms(fcp.planner?.median), ms(fcp.baseline?.median),
    x(fcpRatio), BUDGETS.fcpRatio.text, verdict(fcpRatio, BUDGETS.fcpRatio));
  row('first contentful paint p95', ms(fcp.planner?.p95), ms(fcp.baseline?.p95), x(ratio(fcp.planner?.p95, fcp.baseline?.p95)));
  row('ready median: first findings vs the counter mounted', ms(ready.planner?.median), ms(ready.baseline?.median),
    x(readyRatio), BUDGETS.readyRatio.text, verdict(readyRatio, BUDGETS.readyRatio));
  row('ready p95', ms(ready.planner?.p95), ms(ready.baseline?.p95), x(ratio(ready.planner?.p95, ready.baseline?.p95)));
  row('embed page: first contentful paint median', ms(fcp.embed?.median), ms(fcp.baseline?.median),
    x(ratio(fcp.embed?.median, fcp.baseline?.median)), BUDGETS.fcpRatio.text, verdict(ratio(fcp.embed?.median, fcp.baseline?.median), BUDGETS.fcpRatio));
  row('embed page: ready median (answer in the DOM)', ms(ready.embed?.median), ms(ready.baseline?.median),
    x(ratio(ready.embed?.median, ready.baseline?.median)));
  const phoneLabel = `phone (slow 4G and 4x CPU applied to the page, ${phone.loads} cold loads each)`;
  row(`${phoneLabel}: first contentful paint median`, ms(phoneFcp.planner?.median), ms(phoneFcp.baseline?.median),
    x(ratio(phoneFcp.planner?.median, phoneFcp.baseline?.median)));
  row(`${phoneLabel}: ready median (first findings)`, ms(phoneReady.planner?.median), ms(phoneReady.baseline?.median),
    x(ratio(phoneReady.planner?.median, phoneReady.baseline?.median)));
  row('phone, embed page: first contentful paint median', ms(phoneFcp.embed?.median), ms(phoneFcp.baseline?.median),
    x(ratio(phoneFcp.embed?.median, phoneFcp.baseline?.median)));
  row('phone, embed page: ready median (answer in the DOM)', ms(phoneReady.embed?.median), ms(phoneReady.baseline?.median),
    x(ratio(phoneReady.embed?.median, phoneReady.baseline?.median)));
  row(`edit latency median, example plan (${small?.n ?? 0} edits)`, missing(edit) ?? ms(small?.median), '—', '—');
  row('edit latency p95, example plan', missing(edit) ?? ms(small?.p95), '—', '—');
  // The plan's size is the workload's; the page may render fewer launch editors than that.
  row(`edit latency median, ${native.launches}-launch plan, ${editBig.launches ?? '?'} launch editors rendered (${big?.n ?? 0} edits)`, missing(editBig) ?? ms(big?.median), '—', '—');
  row(`edit latency p95, ${native.launches}-launch plan`, missing(editBig) ?? ms(big?.p95), '—', '—', BUDGETS.editP95.text,
    editBig.missing ? 'n/a' : verdict(big?.p95, BUDGETS.editP95));
  row(`open time, ${native.launches}-launch plan (navigation to first findings; ${editBig.elements ?? '?'} elements)`,
    missing(editBig) ?? ms(editBig.open), '—', '—');
  // The largest plans a plan may be: 1000 launches, and 1000 images with 1000 copies (one launch).
  const largest = [[`1000-launch plan`, editMost, most], ['plan at the image limits (1000 images, 1000 copies)', editLimit, limit]];
  for (const [label, e, s] of largest) {
    row(`open time, ${label} (${e.elements ?? '?'} elements)`, missing(e) ?? ms(e.open), '—', '—',
      BUDGETS.openLargest.text, e.missing ? 'n/a' : verdict(e.open, BUDGETS.openLargest));
    row(`edit latency p95, ${label} (median ${ms(s?.median)}, ${s?.n ?? 0} edits)`, missing(e) ?? ms(s?.p95), '—', '—',
      BUDGETS.editP95Largest.text, e.missing ? 'n/a' : verdict(s?.p95, BUDGETS.editP95Largest));
  }
  const lhm = (name, key) => lh[name].median?.[key] ?? null;
  row(`Lighthouse mobile: performance score (median of ${LH_RUNS})`, lhNote('planner') ?? lhm('planner', 'score')?.toFixed(2),
    lhNote('baseline') ?? lhm('baseline', 'score')?.toFixed(2), '', BUDGETS.lighthouseScore.text,
    verdict(lhm('planner', 'score'), BUDGETS.lighthouseScore));
  row('Lighthouse mobile: largest contentful paint', lhNote('planner') ?? secs(lhm('planner', 'lcp')),
    lhNote('baseline') ?? secs(lhm('baseline', 'lcp')), x(ratio(lhm('planner', 'lcp'), lhm('baseline', 'lcp'))),
    BUDGETS.lighthouseLcp.text, verdict(lhm('planner', 'lcp'), BUDGETS.lighthouseLcp));
  row('Lighthouse mobile: first contentful paint', lhNote('planner') ?? secs(lhm('planner', 'fcp')),
    lhNote('baseline') ?? secs(lhm('baseline', 'fcp')), x(ratio(lhm('planner', 'fcp'), lhm('baseline', 'fcp'))));
  row('Lighthouse mobile: total blocking time', lhNote('planner') ?? ms(lhm('planner', 'tbt')),
    lhNote('baseline') ?? ms(lhm('baseline', 'tbt')));
  row('embed page, Lighthouse mobile: score', lhNote('embed') ?? lhm('embed', 'score')?.toFixed(2),
    lhNote('baseline') ?? lhm('baseline', 'score')?.toFixed(2), '', BUDGETS.lighthouseScore.text,
    verdict(lhm('embed', 'score'), BUDGETS.lighthouseScore));
  row('embed page, Lighthouse mobile: largest contentful paint', lhNote('embed') ?? secs(lhm('embed', 'lcp')),
    lhNote('baseline') ?? secs(lhm('baseline', 'lcp')), x(ratio(lhm('embed', 'lcp'), lhm('baseline', 'lcp'))),
    BUDGETS.lighthouseLcp.text, verdict(lhm('embed', 'lcp'), BUDGETS.lighthouseLcp));
  row(`engine: check ${native.launches}-launch plan, median, wasm vs native`, us(wasm.result.check_us.median),
    us(native.check_us.median), x(checkRatio), BUDGETS.wasmNative.text, verdict(checkRatio, BUDGETS.wasmNative));
  row(`engine: full matrix, ${native.matrix_cells} cells, median, wasm vs native`, us(wasm.result.matrix_us.median),
    us(native.matrix_us.median), x(matrixRatio), BUDGETS.wasmNative.text, verdict(matrixRatio, BUDGETS.wasmNative));
  row('engine: full matrix in wasm, median', us(wasm.result.matrix_us.median), '—', '—',
    BUDGETS.matrixWasm.text, verdict(wasm.result.matrix_us.median / 1000, BUDGETS.matrixWasm));
  row('share link length, reference plan', `${wasm.link.length} chars`, '—', '—',
    BUDGETS.linkLength.text, verdict(wasm.link.length, BUDGETS.linkLength));

  const header = ['measure', 'planner', 'baseline / native', 'ratio', 'budget', 'result'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const verdicts = rows.map((r) => r[5]).filter(Boolean);
  const count = (v) => verdicts.filter((r) => r === v).length;
  const machineLine = `${info.date} · ${info.nproc} CPUs · ${info.cpu} · ${info.chromium} · node ${info.node} · Lighthouse ${info.lighthouse ?? 'n/a'}`;
  const engineLine = `engine: wasm ${build.engine_wasm ?? '(build info not given)'}; native ${build.engine_native ?? '(build info not given)'}; ${ENGINE_RUNS} runs each`;
  console.log(`\n${machineLine}\n${engineLine}\n\n${table}\n`);
  console.log(`budgets: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('n/a')} n/a`);
  for (const name of ['planner', 'embed']) {
    const el = lh[name].runs[0]?.lcp_element;
    if (el) console.log(`Lighthouse LCP element, ${name}: ${el}`);
  }
  if (LOADS < 15) console.log(`note: BENCH_LOADS=${LOADS} is below the 15 cold loads a valid run needs`);

  // What makes this run invalid: each with why. Any of them fails the run.
  const failures = [];
  for (const [measure, value, base, r, , result] of rows) {
    const cells = [value, base, r, result];
    if (!cells.some((cell) => /^n\/a\b/.test(cell))) continue;
    const why = cells.find((cell) => /^n\/a \(/.test(cell)) ?? 'n/a: a number it needs was not measured (see below)';
    failures.push(`row "${measure}" is ${why}`);
  }
  for (const [label, e] of [['example plan', edit], ['big plan', editBig], ['1000-launch plan', editMost], ['limit plan', editLimit]]) {
    if (e.lost) failures.push(`edit latency, ${label}: ${e.lost} of ${e.samples.length} edits did not update the findings within ${EDIT_CUTOFF_MS} ms (lost; counted as slower than any budget)`);
  }
  for (const [label, run] of [['startup', start], ['phone startup', phone]]) {
    for (const [name, o] of Object.entries(run.pages)) {
      if (o.lostFcp) failures.push(`${label}: ${o.lostFcp} of ${run.loads} cold loads of the ${name} never painted (no first-contentful-paint)`);
      if (o.lostReady) failures.push(`${label}: ${o.lostReady} of ${run.loads} cold loads of the ${name} never got ready (${PAGES[name].what})`);
      if (o.errors.length) failures.push(`${label}: the ${name} threw ${o.errors.length} page error(s), first: ${o.errors[0]}`);
    }
  }
  for (const [name, entry] of Object.entries(lh)) {
    for (const error of entry.errors) failures.push(`Lighthouse, ${name}: ${error}`);
  }

  const json = {
    machine: info,
    build,
    budgets: BUDGETS,
    transfer: { ...size, total_ratio: sizeRatio },
    startup: {
      loads: start.loads,
      ready_means: Object.fromEntries(Object.entries(PAGES).map(([n, p]) => [n, p.what])),
      fcp_ms: fcp,
      ready_ms: ready,
      ratio_median: { fcp: fcpRatio, ready: readyRatio },
      samples: start.pages,
    },
    phone_startup: { loads: phone.loads, throttling: PHONE, fcp_ms: phoneFcp, ready_ms: phoneReady, samples: phone.pages },
    edit_latency: Object.fromEntries([['example_plan', edit, small], ['big_plan', editBig, big], ['most_launches_plan', editMost, most], ['limit_plan', editLimit, limit]].map(([k, e, s]) => [k,
      e.missing ? { missing: e.missing } : { launches: e.launches, types: e.types, cutoff_ms: EDIT_CUTOFF_MS, lost: e.lost, ms: s, open_ms: e.open, elements: e.elements, samples: e.samples }])),
    lighthouse: lh,
    engine: {
      runs: ENGINE_RUNS,
      native,
      wasm: wasm.result,
      ratio_median: { check: checkRatio, matrix: matrixRatio },
    },
    share_link: { base: LINK_BASE, length: wasm.link.length, link: wasm.link },
    table: rows.map(([measure, planner, baseline, r, budget, result]) => ({ measure, planner, baseline, ratio: r, budget, result })),
    failures,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  console.log(`wrote ${join(OUT, 'latest.json')}`);
  if (failures.length) {
    console.log(`\nTHE RUN FAILED (${failures.length}): its numbers are not a valid measurement.`);
    for (const failure of failures) console.log(`- ${failure}`);
    process.exitCode = 1;
  }
  if (process.env.BENCH_STRICT === '1' && count('FAIL') > 0) process.exitCode = 1;
}

await main();
