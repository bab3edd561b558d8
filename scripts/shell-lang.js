// The shell's language, before the wasm: the one the app will open in (src/web/lang.rs: ?lang=,
// the remembered choice, the browser's languages), set on <html lang> (which the crash banner of
// crash.js follows) and, for Chinese, each shell text from its data-zh. scripts/csp-hash.mjs
// inlines this file into index.html and embed.html (an inline script paints with the page; a
// file would be one more request before the first paint) and hashes it into their CSP.
(() => { const spoken = (tag) => { const t = String(tag || '').toLowerCase().replace('_', '-'); if (/^en(-|$)/.test(t)) return 'en'; return /^zh(-|$)/.test(t) && !/-(tw|hk|mo|hant)(-|$)/.test(t) ? 'zh-CN' : null; }; let saved = null; try { saved = localStorage.getItem('ecs-image-planner.lang'); } catch (_) { /* storage denied */ } const lang = [new URLSearchParams(location.search).get('lang'), saved, ...(navigator.languages || [navigator.language])].map(spoken).find(Boolean) || 'en'; document.documentElement.lang = lang; if (lang === 'zh-CN') for (const el of document.querySelectorAll('#eip-shell [data-zh]')) el.textContent = el.dataset.zh; })();
