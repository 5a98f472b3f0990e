// A static file server for the built site, on 127.0.0.1 and a port the OS picks, that serves
// as the README's "Hosting it" asks a CDN to: content-named files (a 16-hex-digit hash in the
// name) for a year and `immutable`, everything else (the loader, pages, the reservation
// stylesheet) revalidated on every use (`no-cache` with an ETag, answered 304 when unchanged);
// brotli or gzip for text and wasm; `application/wasm`; and CORS on the files, so pages of
// another origin can load them (`cors: false` serves without, as a host that forgot would).
// Pages under /examples/strict-csp get the strict Content-Security-Policy header; a
// `delay=MS` query parameter (at most 10 s) holds a response back, for slow-network tests.
// Used by the browser tests, the benchmarks and scripts/serve.sh.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.ts', '.svg']);

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * The strict policy for a page of the build in `root`: its widgets drawn ahead hold their
 * styles inline, which the policy allows by their hash (the build manifest's `styleHash`).
 */
export function strictCspFor(root) {
  try {
    const { styleHash } = JSON.parse(readFileSync(join(root, 'messaging-quota-build.json'), 'utf8'));
    return styleHash ? STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${styleHash}`) : STRICT_CSP;
  } catch {
    return STRICT_CSP;
  }
}

/** Content-named: the build put a hash of the bytes in the name, so they never change. */
export const isContentNamed = (path) => /-[0-9a-f]{16}\.[a-z]+$/.test(path);

/** Cache-Control for a path, as the README's hosting section gives it. */
export const cacheControl = (path) => (isContentNamed(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * Serves `root`; resolves to { url, close, requests }. `loaderMaxAge` (seconds) serves the
 * loader cacheable for that long, as a host that ignores the hosting section's `no-cache`.
 * `csp` gives pages under a path a Content-Security-Policy (`{ '/plans/': policy }`).
 */
export function serve(root, { port = 0, cors = true, loaderMaxAge = 0, csp = {} } = {}) {
  const base = resolve(root);
  const policies = { '/examples/strict-csp': strictCspFor(root), ...csp };
  // Compressed bodies by file, encoding and modification time: compressed once.
  const compressed = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const path = decodeURIComponent(url.pathname);
      requests.push(path);
      const delay = Math.min(Number(url.searchParams.get('delay') ?? 0) || 0, 10000);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) throw new Error('outside root');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const body = await readFile(file);
      const ext = extname(file);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': loaderMaxAge && path.endsWith('/messaging-quota.js') ? `public, max-age=${loaderMaxAge}` : cacheControl(path),
        etag,
        vary: 'Accept-Encoding',
      };
      if (cors && ext !== '.html') headers['access-control-allow-origin'] = '*';
      const policy = Object.entries(policies).find(([prefix]) => path.startsWith(prefix))?.[1];
      if (policy && ext === '.html') headers['content-security-policy'] = policy;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      let out = body;
      if (encoding) {
        const key = `${file}\0${encoding}\0${info.mtimeMs}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : gzipSync(body, { level: 9 }));
        }
        out = compressed.get(key);
        headers['content-encoding'] = encoding;
      }
      headers['content-length'] = out.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
      res.end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}

// `node server.mjs DIR [PORT]` serves until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 0) });
  console.log(`Serving ${process.argv[2] ?? 'dist'} at ${url}/`);
}
