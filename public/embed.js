// ECS Image Planner embed for documentation pages. Usage:
//   <div data-ecs-image-planner data-type="ecs.g8y.large" data-region="cn-hangzhou"></div>
//   <script src="https://YOUR-PLANNER-HOST/embed.js" defer></script>
// Attributes: data-region, data-type (instance type), data-image, data-family (image family:
// its newest Available image in the region), data-platform (linux|windows),
// data-mode (compact|interactive), data-theme (light|dark; default: follows this page),
// data-title (the iframe's accessible title).
// Each placeholder becomes an iframe of the planner's embed page (embed.html, a smaller wasm than
// the full planner's) that sizes itself to its content: the frame
// posts {type: "ecs-image-planner:height", height} and this script accepts that message only from
// its own frames, at the planner's origin. When this page switches between light and dark, the
// frames are told with {type: "ecs-image-planner:theme", theme}. No plan data crosses frames.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var planner = new URL('./', script.src);
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  var frames = [];

  function pageTheme() { return dark && dark.matches ? 'dark' : 'light'; }

  function mount(placeholder) {
    if (placeholder.getAttribute('data-ecs-image-planner-mounted')) return;
    placeholder.setAttribute('data-ecs-image-planner-mounted', '1');
    var params = new URLSearchParams({ embed: '1' });
    ['region', 'type', 'image', 'family', 'platform', 'mode'].forEach(function (key) {
      var value = placeholder.getAttribute('data-' + key);
      if (value) params.set(key, value);
    });
    var fixedTheme = placeholder.getAttribute('data-theme');
    params.set('theme', fixedTheme || pageTheme());
    var frame = document.createElement('iframe');
    frame.src = planner.href + 'embed.html?' + params.toString();
    frame.title = placeholder.getAttribute('data-title') || 'ECS Image Planner';
    frame.setAttribute('scrolling', 'no');
    frame.style.width = '100%';
    frame.style.height = '160px';
    frame.style.border = '0';
    frame.style.display = 'block';
    placeholder.replaceChildren(frame);
    frames.push({ frame: frame, followsPage: !fixedTheme });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== planner.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'ecs-image-planner:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 0 || height > 20000) return;
    frames.forEach(function (entry) {
      if (entry.frame.contentWindow === event.source) entry.frame.style.height = Math.ceil(height) + 'px';
    });
  });

  if (dark && dark.addEventListener) {
    dark.addEventListener('change', function () {
      frames.forEach(function (entry) {
        if (entry.followsPage && entry.frame.contentWindow) {
          entry.frame.contentWindow.postMessage(
            { type: 'ecs-image-planner:theme', theme: pageTheme() }, planner.origin);
        }
      });
    });
  }

  function mountAll() {
    document.querySelectorAll('[data-ecs-image-planner]').forEach(mount);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
