// Stamps dist/sw.js with the build it serves offline: the planner page (index.html) and every
// local file it loads (trunk's hashed js, wasm and css, the icon, the wasm chunks), and a
// version hashed from those names and the bytes of the unhashed ones. Runs after trunk (scripts/env.sh build_app).
// Usage: node scripts/sw-stamp.mjs DIST
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HASHED } from './static-server.mjs';

const PLACEHOLDER = "const BUILD = { version: 'unstamped', files: [] };";

/** Local file names quoted in `text` that exist in dist, as paths relative to dist. */
function namedFiles(dist, text) {
  const found = [];
  for (const [, path] of text.matchAll(/["'](\/?[\w./-]+\.(?:js|wasm|css|svg|png|json))["']/g)) {
    const file = path.replace(/^\.?\//, '');
    // sw.js itself is named by the registration: the browser fetches it, never the cache.
    if (file !== 'sw.js' && !file.includes('..') && existsSync(join(dist, file))) found.push(file);
  }
  return found;
}

/**
 * The local files index.html loads, and those its scripts load in turn (the lazily loaded wasm
 * chunks that scripts/wasm-split.mjs's link module fetches), as paths relative to dist (sorted,
 * no duplicates).
 */
export function pageFiles(dist) {
  const found = new Set();
  const queue = namedFiles(dist, readFileSync(join(dist, 'index.html'), 'utf8'));
  while (queue.length) {
    const file = queue.shift();
    if (found.has(file)) continue;
    found.add(file);
    if (file.endsWith('.js')) queue.push(...namedFiles(dist, readFileSync(join(dist, file), 'utf8')));
  }
  return [...found].sort();
}

/** Writes BUILD into dist/sw.js; returns it. */
export function stamp(dist) {
  const files = pageFiles(dist);
  if (!files.some((f) => f.endsWith('.wasm'))) throw new Error(`sw-stamp: ${dist}/index.html loads no wasm`);
  const hash = createHash('sha256');
  for (const file of ['index.html', ...files]) {
    hash.update(file);
    if (!HASHED.test(file)) hash.update(readFileSync(join(dist, file)));
  }
  const build = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
  const path = join(dist, 'sw.js');
  const source = readFileSync(path, 'utf8');
  if (!source.includes(PLACEHOLDER)) throw new Error(`sw-stamp: ${path} has no unstamped BUILD line`);
  writeFileSync(path, source.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`));
  return build;
}

const dist = process.argv[2];
if (!dist) throw new Error('usage: node scripts/sw-stamp.mjs DIST');
const build = stamp(dist);
console.log(`sw-stamp: ${build.files.length} files, version ${build.version}`);
