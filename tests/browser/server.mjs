// A static file server for the built site, on 127.0.0.1 and a port the OS picks.
// Pages under /examples/strict-csp get the strict Content-Security-Policy header; a
// `delay=MS` query parameter (at most 10 s) holds a response back, for slow-network tests.
// Used by the browser tests, the benchmarks and scripts/serve.sh. Files may be cached for
// the length of a page load, as any static host allows (each test and each benchmark load
// opens a fresh browser context, so nothing is cached across them).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Serves `root`; resolves to { url, close }. */
export function serve(root, { port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const path = decodeURIComponent(url.pathname);
      const delay = Math.min(Number(url.searchParams.get('delay') ?? 0) || 0, 10000);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' };
      if (path.startsWith('/examples/strict-csp')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      done({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node server.mjs DIR [PORT]` serves until interrupted.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 0) });
  console.log(`Serving ${process.argv[2] ?? 'dist'} at ${url}/`);
}
