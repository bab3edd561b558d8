// Trunk post-build hook: inlines the scripts the pages name with data-inline (shared by
// index.html and embed.html, kept once in scripts/) and the stylesheets trunk built for them
// (scripts/inline-css.mjs), makes a page that opts in start its wasm after its shell's first
// paint (scripts/paint-first.mjs), then adds the sha256 of every inline <script> of each staged
// page that has a Content-Security-Policy to its script-src, and of every inline <style> to its
// style-src, so that trunk's loader, those scripts and those styles apply and nothing else
// inline does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inlineStylesheets } from './inline-css.mjs';
import { startWasmAfterFirstPaint } from './paint-first.mjs';

/** The CSP source list `directive` of a page gets the sha256 of each of `texts`. */
function allow(name, html, directive, texts) {
  const marker = `${directive} 'self'`;
  if (!html.includes(marker)) throw new Error(`${name}: its CSP has no "${marker}"`);
  const hashes = texts.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  return html.replace(marker, [marker, ...hashes].join(' '));
}

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('csp-hash.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
const inlinedFiles = new Set();
for (const name of readdirSync(staging).filter((n) => n.endsWith('.html'))) {
  const file = join(staging, name);
  let html = readFileSync(file, 'utf8');
  if (!html.includes('Content-Security-Policy')) continue; // the docs example has none
  // A script both pages share, kept once in scripts/: <script data-inline="NAME"></script>
  // becomes an inline script with that file's code, its leading comment left out.
  html = html.replace(/<script data-inline="([\w.-]+)"><\/script>/g, (_, script) => {
    const code = readFileSync(new URL(script, import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '').trim();
    return `<script>${code}</script>`;
  });
  const inlined = inlineStylesheets(name, html, staging);
  for (const css of inlined.files) inlinedFiles.add(css);
  html = startWasmAfterFirstPaint(name, inlined.html);
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  html = allow(name, html, 'script-src', scripts);
  html = allow(name, html, 'style-src', inlined.styles);
  writeFileSync(file, html);
  console.log(`csp-hash: ${name}: ${scripts.length} inline script(s) and ${inlined.styles.length} inlined stylesheet(s) hashed into the CSP`);
}
// Every page that linked them has them inline now: the files would only be dead weight in dist.
for (const css of inlinedFiles) rmSync(join(staging, css));
