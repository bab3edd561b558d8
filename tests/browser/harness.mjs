// Browser test harness: Debian's Chromium driven by playwright-core (no browser download), the
// release build in dist/ served on loopback. Every page records console errors, page errors and
// requests. After every test of a file that imports this harness, each page the test opened must
// have logged no console error (CSP violations and failed loads included) and no uncaught page
// error, or the test fails; a test that provokes an error on purpose declares it first with
// `page.expectProblems(...patterns)`. Then the test's browser contexts are closed.
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const DIST = resolve(import.meta.dirname, '../../dist');

/** Pages opened by the running test, checked and closed after it. */
const opened = [];

/** The problems of `page` that its expected patterns do not account for, and expected ones that never came. */
function unexpected(page) {
  const stray = page.problems.filter((p) => !page.expected.some((re) => re.test(p)));
  const missing = page.expected.filter((re) => !page.problems.some((p) => re.test(p)));
  return [
    ...stray.map((p) => `unexpected ${p}`),
    ...missing.map((re) => `expected a problem matching ${re}, none was logged`),
  ];
}

afterEach(async () => {
  const pages = opened.splice(0);
  // Let errors of the last action (a late console.error, a failed load) arrive.
  await new Promise((ok) => setTimeout(ok, 50));
  const report = pages.flatMap((page, n) => unexpected(page).map((p) => `page ${n + 1} (${page.url()}): ${p}`));
  await Promise.all(pages.map((page) => page.context().close().catch(() => {})));
  if (report.length) throw new Error(`the page logged errors:\n${report.join('\n')}`);
});

/** Starts the server and the browser once per test file. */
export async function startSuite() {
  const { server, url } = await serve(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    /** A fresh context (own storage) and page, with its errors and requests recorded. */
    async page(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, ...options });
      return watch(await context.newPage());
    },
    /** Another page (tab) in the same context as `page`: it shares its storage. */
    async tab(page) {
      return watch(await page.context().newPage());
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Records a page's console errors, page errors and requests, for the check after the test. */
function watch(page) {
  const problems = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req));
  page.problems = problems;
  page.requests = requests;
  page.expected = [];
  /** Declares errors this test provokes on purpose: each pattern must match one, and every error must match a pattern. */
  page.expectProblems = (...patterns) => { page.expected.push(...patterns); };
  opened.push(page);
  return page;
}

/** Opens the app and waits until it has mounted. */
export async function openApp(page, url, path = '') {
  await page.goto(url + path);
  await page.waitForSelector('.eip', { timeout: 15000 });
}

/** A share-link fragment for a plan object, made the way the README documents the format. */
export function fragmentOf(plan) {
  return 'p1.' + deflateRawSync(Buffer.from(JSON.stringify(plan))).toString('base64url');
}

/**
 * Chooses `value` in a choice field the way a user does: a `<select>` by its option, a long list
 * (an `<input>` with a shared `<datalist>`, used past 100 choices) by typing the value and
 * leaving the field.
 */
export async function choose(page, selector, value) {
  const tag = await page.locator(selector).evaluate((el) => el.tagName);
  if (tag === 'SELECT') return page.selectOption(selector, value);
  await page.fill(selector, value);
  await page.locator(selector).dispatchEvent('change');
  return [value];
}

/**
 * The English left in the visible texts of the elements matching `selector` (at least one must
 * match), for the zh-CN tests: each as `"text" in tag#id.class`. Reads every visible text node
 * and every `aria-label`, `title`, `placeholder` and `alt`, and reports:
 * - a run of two or more English words (`[A-Za-z][a-z']+`, single spaces, trailing `,.;:!?)`
 *   allowed) with at least one word all in lowercase ("Image guide", "on Alibaba Cloud"), and
 * - a text that is one such word alone ("Close", "copy"), unless it is a proper name in
 *   `NAMES`.
 * IDs (`m-1`, `cn-hangzhou`), codes (`amount-out-of-range`), API and parameter names
 * (`ImportImage`, `BootMode`), values (`cloud_essd`, `UEFI`) and product names ("Alibaba Cloud
 * Linux", "Windows Server") never count; nor does anything inside `<code>`, `<kbd>`, `<pre>`,
 * `<samp>` or an element with `translate="no"`, nor the value of a form field (what the user
 * typed), nor a plan field quoted as JSON (`"nvme": "supported"`).
 */
export async function englishRuns(page, selector) {
  const found = await page.locator(selector).evaluateAll((roots, NAMES) => {
    if (!roots.length) return null;
    const WORD = /^[A-Za-z][a-z']+$/;
    const LOWER = /^[a-z][a-z']+$/;
    const runsOf = (text) => {
      // A plan field quoted as JSON ("nvme": "supported") is what the user types: code.
      text = text.replace(/"[a-z_]+":\s*("[^"]*"|true|false|\d+)/g, ' ');
      const words = text.split(/\s+/).filter(Boolean).map((w) => w.replace(/^[("'“]+|[,.;:!?)"'”]+$/g, ''));
      if (words.length === 1) return WORD.test(words[0]) && !NAMES.includes(words[0]) ? [words[0]] : [];
      const runs = [];
      let run = [];
      const close = () => {
        if (run.length >= 2 && run.some((w) => LOWER.test(w))) runs.push(run.join(' '));
        run = [];
      };
      for (const w of words) if (WORD.test(w)) run.push(w); else close();
      close();
      return runs;
    };
    const where = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
      [...el.classList].map((c) => `.${c}`).join('');
    const skipped = (el) => el.closest('code, kbd, pre, samp, script, style, [translate="no"]');
    const visible = (el) => (el.closest('select') || el).checkVisibility({ checkVisibilityCSS: true });
    const out = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || skipped(el) || !visible(el)) continue;
        for (const run of runsOf(node.textContent)) out.push(`"${run}" in ${where(el)}`);
      }
      for (const el of [root, ...root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')]) {
        if (skipped(el) || !visible(el)) continue;
        for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
          const value = el.getAttribute(attr);
          if (value) for (const run of runsOf(value)) out.push(`"${run}" in ${where(el)}[${attr}]`);
        }
      }
    }
    return out;
  }, ENGLISH_NAMES);
  if (found === null) throw new Error(`englishRuns: nothing matches ${selector}`);
  return [...new Set(found)];
}

/** Proper names that may stand alone in a Chinese text (operating systems, products, formats). */
const ENGLISH_NAMES = ['Linux', 'Windows', 'Ubuntu', 'Debian', 'Fedora', 'Alibaba', 'Aliyun', 'Terraform',
  'Markdown', 'Dockerfile', 'Chromium', 'English', 'Anolis', 'Kylin', 'Gentoo'];
