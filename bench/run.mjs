// The benchmark's measuring half: `scripts/bench.sh` builds everything, then runs this script,
// which measures the planner against the Leptos baseline in the same run and prints one
// Markdown table with each budget and PASS/FAIL, and writes the same numbers to
// bench/out/latest.json. A number that could not be measured is reported as "n/a (why)", never
// invented, and fails the run: so does an edit that did not update the findings within the
// cut-off (a lost edit counts, as slower than any budget, in the p95), a cold load that never
// showed its first findings or first paint, and a page error. The run then prints each failure
// and why, and exits 1.
//
// Inputs (built by scripts/bench.sh): dist/ (the app), bench/baseline/dist/ (the baseline),
// bench/out/engine-wasm/ (the engine bench in wasm, wasm-bindgen --target web),
// bench/out/engine-native.txt (output of `cargo bench --bench engine`).
// Knobs: BENCH_APP_DIST (the app build to measure, default dist/), BENCH_LOADS (cold loads per app, default 15, at least 15 for a valid run),
// BENCH_EDITS (default 120), BENCH_ENGINE_RUNS (default 200), BENCH_BUILD_INFO (a JSON object
// describing the builds, recorded as is), BENCH_STRICT=1 (exit 1 when a budget fails).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const APP_DIST = resolve(process.env.BENCH_APP_DIST || join(ROOT, 'dist'));
const BASE_DIST = join(ROOT, 'bench/baseline/dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LOADS = Number(process.env.BENCH_LOADS || 15);
const EDITS = Number(process.env.BENCH_EDITS || 120);
const ENGINE_RUNS = Number(process.env.BENCH_ENGINE_RUNS || 200);
const FIRST_FINDINGS = 'eip:first-findings';
/** An edit that has not updated the findings after this long is lost. */
const EDIT_CUTOFF_MS = 2000;
const LINK_BASE = 'http://127.0.0.1:8080/';

/** The budgets. `max` is inclusive ("at most"), `under` is exclusive. */
const BUDGETS = {
  totalTransfer: { max: 150_000, text: '<= 150 KB (150,000 B)' },
  startupRatio: { max: 2.0, text: '<= 2.0x baseline FCP' },
  editP95: { under: 16, text: '< 16 ms' },
  matrixWasm: { under: 16, text: '< 16 ms' },
  wasmNative: { max: 2.5, text: '<= 2.5x' },
  linkLength: { under: 1000, text: '< 1,000 chars' },
};

/** PASS/FAIL of `value` against `budget`, or "n/a" when there is no value. A lost sample
 * (Infinity) fails every budget. */
function verdict(value, budget) {
  if (value == null || Number.isNaN(value)) return 'n/a';
  const ok = budget.max != null ? value <= budget.max : value < budget.under;
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
  };
}

/**
 * gzip -9 sizes of the files of `dir` that the page requested during its loads, by kind (wasm,
 * js, css, html). Requested files of other kinds (the favicon) and files of `dir` never
 * requested (the embed script, the docs example) are listed, not counted.
 */
function transfer(dir, requested) {
  const sizes = { wasm: 0, js: 0, css: 0, html: 0 };
  const raw = { wasm: 0, js: 0, css: 0, html: 0 };
  const files = [];
  const other = [];
  for (const path of [...requested].sort()) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) continue;
    const kind = extname(file).slice(1);
    if (!(kind in sizes)) { other.push(basename(file)); continue; }
    const gzip = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 28 }).length;
    raw[kind] += statSync(file).size;
    sizes[kind] += gzip;
    files.push({ file: basename(file), gzip });
  }
  const seen = new Set([...files.map((f) => f.file), ...other]);
  const notRequested = readdirSync(dir).filter((name) => !seen.has(name));
  const total = sizes.wasm + sizes.js + sizes.css + sizes.html;
  return { gzip: { ...sizes, total }, raw, files, requested_not_counted: other, not_requested: notRequested };
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

/** One cold load in a fresh context (empty cache): FCP, and the first-findings mark if asked. */
async function coldLoad(browser, url, { mark, markTimeout }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const fcp = await pageNumber(page, fcpOf, null, 15_000);
    const findings = mark ? await pageNumber(page, markOf, mark, markTimeout) : null;
    return { fcp, findings, errors };
  } finally {
    await context.close();
  }
}

/** Cold loads of the app and the baseline, interleaved so that both see the same noise. */
async function startup(browser, appUrl, baseUrl) {
  const app = { fcp: [], findings: [], errors: [], lost: 0 };
  const base = { fcp: [], errors: [], lost: 0 };
  let hook = 'present';
  // One untimed load of each first: the browser process and the server warm up.
  await coldLoad(browser, baseUrl, {});
  const probe = await coldLoad(browser, appUrl, { mark: FIRST_FINDINGS, markTimeout: 15_000 });
  if (probe.findings == null) hook = probe.errors.length ? `page error: ${probe.errors[0]}` : 'missing';
  for (let i = 0; i < LOADS; i++) {
    const b = await coldLoad(browser, baseUrl, {});
    if (b.fcp != null) base.fcp.push(b.fcp); else base.lost++;
    base.errors.push(...b.errors);
    const a = await coldLoad(browser, appUrl, hook === 'present' ? { mark: FIRST_FINDINGS, markTimeout: 15_000 } : {});
    if (a.fcp != null) app.fcp.push(a.fcp);
    if (hook === 'present') {
      if (a.findings != null) app.findings.push(a.findings); else app.lost++;
    }
    app.errors.push(...a.errors);
  }
  return { loads: LOADS, hook, app, base };
}

/**
 * Edit latency measured in the page: switch launch 0's instance type back and forth and time,
 * with performance.now(), from the change event to #findings' data-revision changing.
 */
async function editLatency(browser, appUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(appUrl, { waitUntil: 'load' });
    await pageNumber(page, markOf, FIRST_FINDINGS, 15_000);
    return await page.evaluate(async ({ edits, warmup, cutoff }) => {
      const select = document.getElementById('launch-0-type');
      if (!select) return { missing: '#launch-0-type' };
      if (!document.getElementById('findings')) return { missing: '#findings' };
      const revision = () => document.getElementById('findings')?.getAttribute('data-revision');
      if (revision() == null) return { missing: '#findings[data-revision]' };
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
      const others = [...select.options].map((o) => o.value).filter((v) => v && v !== first);
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
      return { types: [first, second], samples, lost: samples.filter((ms) => ms == null).length };
    }, { edits: EDITS, warmup: 5, cutoff: EDIT_CUTOFF_MS });
  } finally {
    await context.close();
  }
}

/** The engine bench in wasm (node's V8) and the share link of the reference plan. */
async function engineWasm() {
  const dir = join(OUT, 'engine-wasm');
  const mod = await import(pathToFileURL(join(dir, 'engine-bench-wasm.js')).href);
  mod.initSync({ module: readFileSync(join(dir, 'engine-bench-wasm_bg.wasm')) });
  const result = JSON.parse(mod.run(ENGINE_RUNS));
  const plan = readFileSync(join(ROOT, 'tests/golden/reference-plan.json'), 'utf8');
  const link = mod.share_link(plan, LINK_BASE);
  return { result, link };
}

/** The native bench's numbers: the `BENCH_JSON` line of `cargo bench --bench engine`. */
function engineNative() {
  const text = readFileSync(join(OUT, 'engine-native.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`no BENCH_JSON line in ${join(OUT, 'engine-native.txt')}: rerun \`cargo bench --bench engine\``);
  return JSON.parse(line.slice('BENCH_JSON '.length));
}

const ms = (v) => (v == null ? null : v === Infinity ? `> ${EDIT_CUTOFF_MS} ms (lost)` : `${v.toFixed(1)} ms`);
const us = (v) => (v == null ? null : v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);
const bytes = (v) => `${v.toLocaleString('en-US')} B`;
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (v) => (v == null ? null : `${v.toFixed(2)}x`);

/**
 * One load of the embed page (embed.html), for its transfer size; the server records requests.
 * Returns null, or why the page did not show its answer.
 */
async function embedLoad(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url + 'embed.html?type=ecs.g8y.large&region=cn-hangzhou');
    await page.waitForSelector('.eip-embed-title', { timeout: 30000 });
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
  const appServer = await serveRecording(APP_DIST);
  const baseServer = await serveRecording(BASE_DIST);
  const embedServer = await serveRecording(APP_DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let start, edit, embedError;
  try {
    start = await startup(browser, appServer.url, baseServer.url);
    edit = await editLatency(browser, appServer.url);
    embedError = await embedLoad(browser, embedServer.url);
  } finally {
    await browser.close();
    appServer.server.close();
    baseServer.server.close();
    embedServer.server.close();
  }
  const size = {
    app: transfer(APP_DIST, appServer.requested),
    baseline: transfer(BASE_DIST, baseServer.requested),
    embed: transfer(APP_DIST, embedServer.requested),
  };
  const native = engineNative();
  const wasm = await engineWasm();

  const startApp = stats(start.app.findings);
  const startBase = stats(start.base.fcp);
  const fcpApp = stats(start.app.fcp);
  // Lost edits count as slower than the cut-off: they are in the median and p95, as Infinity.
  const editStats = edit.samples ? stats(edit.samples.map((v) => v ?? Infinity)) : null;
  const startRatio = ratio(startApp?.median, startBase?.median);
  const checkRatio = ratio(wasm.result.check_us.median, native.check_us.median);
  const matrixRatio = ratio(wasm.result.matrix_us.median, native.matrix_us.median);
  const sizeRatio = ratio(size.app.gzip.total, size.baseline.gzip.total);
  const hookNote = start.hook === 'present' ? null : `n/a (hook ${start.hook})`;
  const editNote = edit.missing ? `n/a (hook missing: ${edit.missing})` : null;

  // Rows: measure, planner, baseline, ratio, budget, result.
  const rows = [];
  const row = (measure, value, base = '', r = '', budget = '', result = '') =>
    rows.push([measure, value ?? 'n/a', base ?? 'n/a', r ?? 'n/a', budget, result]);
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    row(`transfer ${kind} (gzip -9)`, bytes(size.app.gzip[kind]), bytes(size.baseline.gzip[kind]));
  }
  row('transfer total (gzip -9)', bytes(size.app.gzip.total), bytes(size.baseline.gzip.total), x(sizeRatio),
    BUDGETS.totalTransfer.text, verdict(size.app.gzip.total, BUDGETS.totalTransfer));
  row('transfer total of the embed page, embed.html (reference)',
    embedError ? `n/a (${embedError})` : bytes(size.embed.gzip.total),
    bytes(size.baseline.gzip.total), embedError ? 'n/a' : x(ratio(size.embed.gzip.total, size.baseline.gzip.total)));
  row(`startup median: nav to first findings vs baseline FCP (${start.loads} cold loads)`,
    hookNote ?? ms(startApp?.median), ms(startBase?.median), hookNote ? 'n/a' : x(startRatio),
    BUDGETS.startupRatio.text, hookNote ? 'n/a' : verdict(startRatio, BUDGETS.startupRatio));
  row('startup p95', hookNote ?? ms(startApp?.p95), ms(startBase?.p95), hookNote ? 'n/a' : x(ratio(startApp?.p95, startBase?.p95)));
  row('first contentful paint median (reference)', ms(fcpApp?.median), ms(startBase?.median), x(ratio(fcpApp?.median, startBase?.median)));
  row(`edit latency median (${editStats?.n ?? 0} edits, type switch to findings updated)`, editNote ?? ms(editStats?.median), '—', '—');
  row('edit latency p95', editNote ?? ms(editStats?.p95), '—', '—', BUDGETS.editP95.text,
    editNote ? 'n/a' : verdict(editStats?.p95, BUDGETS.editP95));
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
  const machineLine = `${info.date} · ${info.nproc} CPUs · ${info.cpu} · ${info.chromium} · node ${info.node}`;
  const engineLine = `engine: wasm ${build.engine_wasm ?? '(build info not given)'}; native ${build.engine_native ?? '(build info not given)'}; ${ENGINE_RUNS} runs each`;
  console.log(`\n${machineLine}\n${engineLine}\n\n${table}\n`);
  console.log(`budgets: ${count('PASS')} PASS, ${count('FAIL')} FAIL, ${count('n/a')} n/a`);
  if (LOADS < 15) console.log(`note: BENCH_LOADS=${LOADS} is below the 15 cold loads a valid run needs`);

  // What makes this run invalid: each with why. Any of them fails the run.
  const failures = [];
  for (const [measure, value, base, r, , result] of rows) {
    const cells = [value, base, r, result];
    if (!cells.some((cell) => /^n\/a\b/.test(cell))) continue;
    const why = cells.find((cell) => /^n\/a \(/.test(cell)) ?? 'n/a: a number it needs was not measured (see below)';
    failures.push(`row "${measure}" is ${why}`);
  }
  if (edit.lost) failures.push(`edit latency: ${edit.lost} of ${edit.samples.length} edits did not update the findings within ${EDIT_CUTOFF_MS} ms (lost; counted as slower than any budget)`);
  if (start.app.lost) failures.push(`startup: ${start.app.lost} of ${start.loads} cold loads of the planner never reached the ${FIRST_FINDINGS} mark`);
  if (start.base.lost) failures.push(`startup: ${start.base.lost} of ${start.loads} cold loads of the baseline never painted (no first-contentful-paint)`);
  if (start.app.errors.length) failures.push(`startup: the planner threw ${start.app.errors.length} page error(s), first: ${start.app.errors[0]}`);
  if (start.base.errors.length) failures.push(`startup: the baseline threw ${start.base.errors.length} page error(s), first: ${start.base.errors[0]}`);

  const json = {
    machine: info,
    build,
    budgets: BUDGETS,
    transfer: { ...size, total_ratio: sizeRatio },
    startup: {
      loads: start.loads,
      hook: start.hook,
      app_first_findings_ms: startApp,
      app_fcp_ms: fcpApp,
      baseline_fcp_ms: startBase,
      ratio_median: hookNote ? null : startRatio,
      samples: { app_first_findings: start.app.findings, app_fcp: start.app.fcp, baseline_fcp: start.base.fcp },
      page_errors: { app: start.app.errors, baseline: start.base.errors },
      lost_loads: { app: start.app.lost, baseline: start.base.lost },
    },
    edit_latency: edit.missing
      ? { missing: edit.missing }
      : { types: edit.types, cutoff_ms: EDIT_CUTOFF_MS, lost: edit.lost, ms: editStats, samples: edit.samples },
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
