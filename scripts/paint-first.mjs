// Part of the post-build hook (scripts/csp-hash.mjs): on a page whose static app shell opts in
// with `data-wasm-after-paint` (index.html), the wasm download starts only once that shell has
// painted. The embed page does not opt in: its largest paint is the answer the wasm renders, so
// it needs the wasm as early as possible.
//
// Why: trunk preloads the wasm from the page's head, so its request can finish before the
// first paint. The paint does not wait for it, but Lighthouse's simulated slow 4G (lantern)
// counts every request that ended before the largest contentful paint among that paint's
// dependencies: whether the 627 KB wasm was in made the same build's mobile LCP 0.92 s or
// 3.45 s, a race on the loading server. Starting it right after the first paint makes the
// page's critical path what it really is (the HTML, its CSS inside it) and costs about one frame:
// on a phone on slow 4G the paint comes as early as trunk's preload would have started.
//
// The rewrite is strict: a page with a shell whose trunk loader does not look as expected
// fails the build, so that a trunk upgrade cannot silently bring the race back.

/** The opt-in of a page whose largest paint comes from its static shell, before the wasm. */
const SHELL = /<[^>!]*\sdata-wasm-after-paint[\s>=]/;

/** trunk's `<link rel="preload" ... as="fetch" type="application/wasm">` for the page's wasm. */
const WASM_PRELOAD = /<link rel="preload" href="([^"]+\.wasm)"[^>]*as="fetch"[^>]*type="application\/wasm"[^>]*>/g;

/** trunk's loader line that starts the wasm download (wasm-bindgen's `init` fetches it). */
const INIT = /const wasm = await init\(\{ module_or_path: '[^']+\.wasm' \}\);/;

/**
 * How long a visible page waits for its first paint to be reported before it starts the wasm
 * anyway (a page in an iframe that is not displayed never paints). Far past the shell's paint on
 * a fast connection (about 0.1 s), where the wait matters to Lighthouse; a slow phone that has
 * not painted by then starts the download sooner.
 */
const NO_PAINT_AFTER_MS = 3000;

/**
 * In place of trunk's preload, a script of the head: once the browser reports the first
 * contentful paint (the shell's; it reports it after that frame was presented, whereas a
 * request started in an animation frame can still end before the presentation), it preloads
 * the wasm as trunk did, and `window.eipShellPainted` resolves. Does not wait where that report
 * never comes: in a hidden page (a tab opened in the background, a prerender), when the page
 * becomes hidden meanwhile, in a browser without paint timing, or past NO_PAINT_AFTER_MS. The download thus starts the
 * moment the shell is up, while the page's scripts may still be on their way (on a slow phone,
 * more than a second: the JS glue and the split's link module come one after the other).
 */
const preloadAfterFirstPaint = (wasm) => `<script>window.eipShellPainted = new Promise((painted) => {
  if (document.visibilityState === 'hidden' || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return painted();
  addEventListener('visibilitychange', painted, { once: true });
  setTimeout(painted, ${NO_PAINT_AFTER_MS});
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length) { observer.disconnect(); painted(); }
  }).observe({ type: 'paint', buffered: true });
}).then(() => {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous', href: ${JSON.stringify(wasm)} });
  document.head.append(link);
});</script>`;

/** trunk's loader waits for that, so that its own fetch of the wasm (which the preload serves)
 * never starts before the paint either. */
const WAIT_FOR_PAINT = 'await window.eipShellPainted;';

/**
 * Returns `html` with trunk's wasm preload replaced by one that starts after the shell's first
 * paint, and trunk's loader waiting for it; pages that do not opt in come back unchanged.
 * Throws, naming the page, when a shell page's loader is not trunk's as expected.
 */
export function startWasmAfterFirstPaint(name, html) {
  if (!SHELL.test(html)) return html;
  const preloads = [...html.matchAll(WASM_PRELOAD)];
  if (preloads.length !== 1) {
    throw new Error(`${name}: expected trunk's one wasm preload link, found ${preloads.length}`);
  }
  if (!INIT.test(html)) {
    throw new Error(`${name}: trunk's loader has no "const wasm = await init({ module_or_path: '….wasm' });" line`);
  }
  const [[, wasm]] = preloads;
  return html.replace(WASM_PRELOAD, () => preloadAfterFirstPaint(wasm)).replace(INIT, (line) => `${WAIT_FOR_PAINT}\n${line}`);
}
