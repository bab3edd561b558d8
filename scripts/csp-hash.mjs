// Trunk post-build hook: adds the sha256 of every inline <script> in the staged index.html to the
// script-src of its Content-Security-Policy, so that trunk's loader runs and nothing else inline does.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('csp-hash.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)');
const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
}
const marker = "script-src 'self'";
if (!html.includes(marker)) throw new Error(`index.html has no "${marker}" in its CSP`);
html = html.replace(marker, [marker, ...hashes].join(' '));
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script(s) hashed into the CSP`);
