// Part of the post-build hook (scripts/csp-hash.mjs): the stylesheets trunk built for a page
// (`<link rel="stylesheet" href="/NAME-HASH.css" integrity=...>`, minified) go into the page
// itself as `<style>` elements, so that the first paint needs the HTML alone. Linked, they were
// a second request the shell's paint waited for: on a phone on slow 4G one more request is about
// 0.6 s before anything shows, and the wasm, which starts after that paint (paint-first.mjs),
// waited as long. The CSS is 4 KB gzipped; the pages are revalidated on each visit (or come
// from the service worker), so inlining costs nothing measurable.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** trunk's stylesheet link: a hashed file name at the root, pinned by an integrity hash. */
const TRUNK_STYLESHEET = /<link rel="stylesheet" href="\/([\w.-]+-[0-9a-f]{16}\.css)" integrity="[^"]+"\s*\/?>/g;

/**
 * Returns `html` with each of trunk's stylesheet links replaced by a `<style>` element holding
 * the file from `staging`, the styles' texts (to hash into the CSP) and the files inlined.
 * Throws, naming the page, when a linked file is missing.
 */
export function inlineStylesheets(name, html, staging) {
  const styles = [];
  const files = [];
  const out = html.replace(TRUNK_STYLESHEET, (_, file) => {
    const path = join(staging, file);
    if (!existsSync(path)) throw new Error(`${name}: links ${file}, which trunk did not write`);
    // `</style` inside the CSS would end the element early: trunk's minified CSS has none.
    const css = readFileSync(path, 'utf8').trim();
    if (/<\/style/i.test(css)) throw new Error(`${name}: ${file} contains "</style"`);
    styles.push(css);
    files.push(file);
    return `<style>${css}</style>`;
  });
  return { html: out, styles, files };
}
