// A small static file server for dist/: used by scripts/serve.sh, the browser tests and the
// benchmark. Binds to loopback only. Usage: node scripts/static-server.mjs DIR [PORT]
//
// It sends what the README's "Serving dist/" section asks of any static host:
// - the precompressed sibling of a file (`NAME.br`, else `NAME.gz`, written by
//   scripts/compress.mjs) when the request's Accept-Encoding allows it, with Content-Encoding
//   and `Vary: Accept-Encoding`; the file itself otherwise;
// - `application/wasm` for .wasm (needed for streaming compilation);
// - `Cache-Control: public, max-age=31536000, immutable` for files whose names carry trunk's
//   content hash, `no-cache` for everything else (pages, sw.js, embed.js, the favicon), so that a
//   new build is picked up at once and a hashed file is never fetched twice.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Trunk's content hash in a file name: `main-0123456789abcdef.css`, `app-…_bg.wasm` (a hash with
 * leading zeros is shorter). */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

/** The Cache-Control header for a served path. */
export function cacheControl(path) {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The encodings a request accepts, from its Accept-Encoding header (q=0 excluded). */
function accepted(header = '') {
  return new Set(
    header.split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
}

/** Reads `file`, or its `.br` / `.gz` sibling when the client accepts that encoding. */
async function negotiate(file, acceptEncoding, precompressed) {
  if (precompressed) {
    const ok = accepted(acceptEncoding);
    for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!ok.has(encoding)) continue;
      try {
        return { body: await readFile(file + ext), encoding };
      } catch { /* no such sibling: try the next one */ }
    }
  }
  return { body: await readFile(file), encoding: null };
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 picks a free port); resolves to { server, url }.
 * `onRequest(req)` sees every request; `precompressed: false` always sends the plain files.
 */
export function serve(dir, port = 0, { onRequest, precompressed = true } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    onRequest?.(req);
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, encoding } = await negotiate(file, req.headers['accept-encoding'], precompressed);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cacheControl(file),
        'x-content-type-options': 'nosniff',
        vary: 'Accept-Encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      ok({ server, url: `http://127.0.0.1:${server.address().port}/` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port));
  console.log(`Serving ${dir} at ${url} (precompressed .br/.gz when present; Ctrl-C to stop)`);
}
