// Precompresses a dist folder for static hosting: writes NAME.br (brotli, quality 11) and NAME.gz
// (gzip -9) beside every text or wasm file, and removes stale ones, so that a host (or
// scripts/static-server.mjs) sends the compressed file with a Content-Encoding header instead of
// compressing on every request. A sibling that would not be smaller than its file is not written.
// Usage: node scripts/compress.mjs DIR...  (node's own zlib: no other tool is needed)
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Extensions worth compressing (images such as .png are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.map']);

/** Every file under `dir`, recursively, as paths. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** Compresses every compressible file of `dir`; returns [{ file, raw, br, gz }]. */
export function compressDir(dir) {
  const all = files(dir);
  for (const path of all.filter((p) => p.endsWith('.br') || p.endsWith('.gz'))) rmSync(path);
  const written = [];
  for (const path of all.filter((p) => COMPRESSIBLE.has(extname(p)))) {
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${path}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
    written.push({ file: path, raw: statSync(path).size, br: br.length, gz: gz.length });
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: node scripts/compress.mjs DIR...');
  for (const dir of dirs) {
    const done = compressDir(dir);
    const sum = (key) => done.reduce((n, f) => n + f[key], 0);
    console.log(`compress: ${dir}: ${done.length} files, ${sum('raw')} B raw, ${sum('gz')} B gzip, ${sum('br')} B brotli`);
  }
}
