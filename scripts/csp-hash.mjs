// Trunk post-build hook: inlines the scripts the pages name with data-inline (shared by
// index.html and embed.html, kept once in scripts/), makes a page that opts in start its wasm
// after its shell's first paint (scripts/paint-first.mjs), then adds the sha256 of every inline
// <script> of each staged page that has a Content-Security-Policy to its script-src, so that
// trunk's loader and those scripts run and nothing else inline does.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWasmAfterFirstPaint } from './paint-first.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('csp-hash.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
for (const name of readdirSync(staging).filter((n) => n.endsWith('.html'))) {
  const file = join(staging, name);
  let html = readFileSync(file, 'utf8');
  const marker = "script-src 'self'";
  if (!html.includes('Content-Security-Policy')) continue; // the docs example has none
  if (!html.includes(marker)) throw new Error(`${name}: its CSP has no "${marker}"`);
  // A script both pages share, kept once in scripts/: <script data-inline="NAME"></script>
  // becomes an inline script with that file's code, its leading comment left out.
  html = html.replace(/<script data-inline="([\w.-]+)"><\/script>/g, (_, script) => {
    const code = readFileSync(new URL(script, import.meta.url), 'utf8').replace(/^(\/\/.*\n)+/, '').trim();
    return `<script>${code}</script>`;
  });
  html = startWasmAfterFirstPaint(name, html);
  const hashes = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  html = html.replace(marker, [marker, ...hashes].join(' '));
  writeFileSync(file, html);
  console.log(`csp-hash: ${name}: ${hashes.length} inline script(s) hashed into the CSP`);
}
