// The crash banner for what the Rust panic hook cannot see: a WebAssembly trap (`unreachable`
// after an out-of-memory abort, a stack overflow) or a failed start of the wasm module. It
// shows the same banner as src/web/panic.rs, with a link that downloads the last saved plan
// from localStorage, so no crash loses the user's work. Loaded before the app, as a file of the
// page's own origin. Its texts follow `<html lang>`, which index.html sets before the wasm
// starts (the language the app opens in) and the app keeps in step with its switch.
(() => {
  'use strict';
  const PLAN_KEY = 'ecs-image-planner.plan.v1';

  /** The banner's texts in the page's language. */
  const TEXTS = {
    en: {
      title: 'The planner stopped because of an internal error. ',
      reload: 'Reload the page to continue: your plan is saved in this browser. Details: ',
      download: 'Download your last saved plan (JSON)',
    },
    zh: {
      title: '规划器因内部错误而停止。',
      reload: '请重新加载页面以继续：您的计划已保存在此浏览器中。详细信息：',
      download: '下载您最后保存的计划（JSON）',
    },
  };
  const texts = () => (/^zh/i.test(document.documentElement.lang) ? TEXTS.zh : TEXTS.en);

  const isCrash = (error) =>
    (typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError) ||
    (error instanceof RangeError && /memory|allocation/i.test(String(error.message))) ||
    (error instanceof Error && /wasm|WebAssembly/i.test(String(error.stack || error.message)));

  function savedPlanLink() {
    let text = null;
    try { text = window.localStorage.getItem(PLAN_KEY); } catch (_) { /* storage denied */ }
    if (text === null) return null;
    const link = document.createElement('a');
    link.id = 'panic-download';
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = 'ecs-image-plan.json';
    link.textContent = texts().download;
    return link;
  }

  function showBanner(error) {
    if (document.getElementById('panic-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'panic-banner';
    banner.className = 'eip-panic';
    banner.setAttribute('role', 'alert');
    banner.tabIndex = -1;
    const title = document.createElement('strong');
    title.textContent = texts().title;
    const text = document.createElement('span');
    text.textContent = texts().reload + String((error && error.message) || error).slice(0, 300) + ' ';
    banner.append(title, text);
    const link = savedPlanLink();
    if (link) banner.append(link);
    const show = () => { document.body.prepend(banner); banner.focus(); };
    if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
  }

  window.addEventListener('error', (event) => { if (isCrash(event.error)) showBanner(event.error); });
  window.addEventListener('unhandledrejection', (event) => {
    if (isCrash(event.reason)) showBanner(event.reason);
  });
})();
