// Splits the planner's wasm at its Leptos `#[lazy]` functions (src/app/lazy.rs), so that the
// first load leaves out the panels the first screen does not show; each one is fetched the
// first time it opens. Trunk 0.21 cannot do this (trunk-rs/trunk#1022): it runs wasm-bindgen on
// the whole wasm. So after trunk has built index.html, this redoes its last steps the way
// cargo-leptos's `--split` does:
//   1. wasm-split-cli (crate wasm_split_cli_support) cuts cargo's wasm, linked with
//      --emit-relocs (build.rs), into a main module, one chunk per group of split points, and
//      a link module (__wasm_split.js) that fetches and instantiates a chunk on demand;
//   2. wasm-bindgen as trunk runs it (--target=web --weak-refs --no-typescript), plus
//      --keep-lld-exports --no-demangle so that the chunks find the functions they import;
//   3. wasm-opt -Oz on the main module and on every chunk, as trunk does;
//   4. the chunks and the link module get content-hashed names (scripts/static-server.mjs
//      serves such names as immutable), the main JS and wasm replace trunk's under trunk's
//      names (so index.html's loader and its CSP hashes stay as they are), and the page's
//      integrity attribute for the JS is recomputed.
// scripts/sw-stamp.mjs then precaches the chunks (it follows the JS the page loads), so the
// lazily loaded panels open offline too.
// Usage: node scripts/wasm-split.mjs DIST CARGO_WASM   (scripts/env.sh build_app runs it)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The file the link module is written to by wasm-split-cli, and imported from by the main JS. */
const LINK = '__wasm_split.js';

/** The first 16 hex digits of the sha256 of `bytes`: the hash trunk's file names carry. */
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Runs a tool of the build, its output shown only when it fails. */
function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    throw new Error(`wasm-split: ${tool} ${args.join(' ')} failed:\n${err.stderr ?? err.message}`);
  }
}

/** Replaces every occurrence of `from` in `text` (named `what` in the error), at least one. */
function replaceAll(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`wasm-split: expected ${what} to name ${from}`);
  return text.replaceAll(from, () => to);
}

/** Splits `wasm` into `dist`, whose index.html trunk has built; returns the files written. */
export function split(dist, wasm) {
  const page = join(dist, 'index.html');
  let html = readFileSync(page, 'utf8');
  const names = [...new Set([...html.matchAll(/\/(ecs-image-planner-web-[0-9a-f]{16})\.js\b/g)].map((m) => m[1]))];
  if (names.length !== 1) throw new Error(`wasm-split: ${page} should load one planner JS, found ${names.length}`);
  const [name] = names;
  const work = mkdtempSync(join(tmpdir(), 'wasm-split-'));
  try {
    run('wasm-split-cli', [wasm, work, '--target', 'web', '--out-name', name]);
    const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
    if (!chunks.length) {
      throw new Error(`wasm-split: ${wasm} has no split point: build it with ECS_PLANNER_WASM_SPLIT=1 (see build.rs), as scripts/env.sh build_app does`);
    }
    const bindgen = join(work, 'bindgen');
    run('wasm-bindgen', [
      '--target=web', '--weak-refs', '--no-typescript', '--keep-lld-exports', '--no-demangle',
      `--out-dir=${bindgen}`, `--out-name=${name}`, join(work, `${name}.wasm`),
    ]);
    if (existsSync(join(bindgen, 'snippets'))) {
      throw new Error('wasm-split: wasm-bindgen wrote JS snippets, which this step does not copy yet');
    }
    const written = [];
    const optimize = (from, to) => {
      run('wasm-opt', [`--output=${to}`, '-Oz', from]);
      written.push(to);
    };
    optimize(join(bindgen, `${name}_bg.wasm`), join(dist, `${name}_bg.wasm`));
    let link = readFileSync(join(work, LINK), 'utf8');
    for (const chunk of chunks) {
      const optimized = join(work, `opt-${chunk}`);
      run('wasm-opt', [`--output=${optimized}`, '-Oz', join(work, chunk)]);
      const bytes = readFileSync(optimized);
      const hashed = `${chunk.replace(/(_\d+)?\.wasm$/, '')}-${hash16(bytes)}.wasm`;
      writeFileSync(join(dist, hashed), bytes);
      written.push(join(dist, hashed));
      link = replaceAll(link, `"./${chunk}"`, `"./${hashed}"`, LINK);
    }
    const linkName = `__wasm_split-${hash16(link)}.js`;
    writeFileSync(join(dist, linkName), link);
    written.push(join(dist, linkName));
    // wasm-bindgen imports the link module once per function the main module imports from it.
    const js = replaceAll(
      readFileSync(join(bindgen, `${name}.js`), 'utf8'),
      `from "./${LINK}"`,
      `from "./${linkName}"`,
      `${name}.js`,
    );
    writeFileSync(join(dist, `${name}.js`), js);
    written.push(join(dist, `${name}.js`));
    // Trunk's subresource integrity for the JS it wrote (a modulepreload link), now for ours.
    const integrity = `sha384-${createHash('sha384').update(js).digest('base64')}`;
    html = html.replace(
      new RegExp(`(<link[^>]*href="/${name}\\.js"[^>]*integrity=")sha384-[^"]+"`, 'g'),
      (_, head) => `${head}${integrity}"`,
    );
    if (/integrity="[^"]*"[^>]*_bg\.wasm"|_bg\.wasm"[^>]*integrity=/.test(html)) {
      throw new Error(`wasm-split: ${page} pins the wasm with an integrity hash this step does not rewrite`);
    }
    writeFileSync(page, html);
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const [dist, wasm] = process.argv.slice(2);
if (!dist || !wasm) throw new Error('usage: node scripts/wasm-split.mjs DIST CARGO_WASM');
for (const file of split(dist, wasm)) {
  const bytes = readFileSync(file);
  console.log(`wasm-split: ${file.slice(dist.length + 1)}: ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip`);
}
