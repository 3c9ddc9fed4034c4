// A tiny static HTTP server for end-to-end tests: serves one directory on 127.0.0.1 (random free
// port) and lets a test register or override a page body at a path on the fly, e.g.
//
//   const server = await startServer('tests/fixtures/pages');
//   server.setPage('/edited.html', html);          // then page.goto(server.url('/edited.html'))
//   server.setPage('/edited.html', editedHtml);    // "edit a paragraph above" and page.reload()
//
// Overrides win over files. Every response is `Cache-Control: no-store`, so a reload always sees
// the current body. HTML is served as `text/html; charset=utf-8`.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface TestServer {
  /** Origin without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL for a path on this server (`url('/a.html')`). */
  url(path: string): string;
  /**
   * Serve `body` at `path` (overrides a file of the same path). Content type from the extension,
   * HTML by default. `headers` are sent with it (e.g. a Content-Security-Policy).
   */
  setPage(path: string, body: string | Buffer, contentType?: string, headers?: Record<string, string>): void;
  /** Remove an override registered with `setPage`. */
  removePage(path: string): void;
  /**
   * Hold the next request for `path` open: `arrived` resolves once it is in, and it is answered
   * (with what is served then) only on `release()`. For tests of what happens during a fetch.
   */
  hold(path: string): HeldRequest;
  /**
   * Hold every response to `path` for `ms` before sending it (a slow image keeps a page from
   * finishing loading); 0 answers at once again.
   */
  delay(path: string, ms: number): void;
  /** Paths requested so far (for debugging / asserting). */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface HeldRequest {
  readonly arrived: Promise<void>;
  release(): void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

function typeFor(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function normalizePath(path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return p.split(/[?#]/)[0] ?? p;
}

/** Start serving `root` (may be omitted: only `setPage` bodies are served then). */
export async function startServer(root?: string): Promise<TestServer> {
  const base = root ? resolve(root) : undefined;
  const overrides = new Map<
    string,
    { body: string | Buffer; type: string; headers?: Record<string, string> }
  >();
  const requests: string[] = [];
  const holds = new Map<string, { arrived(): void; released: Promise<void> }>();
  const delays = new Map<string, number>();

  const server: Server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    requests.push(pathname);
    const headers = { 'Cache-Control': 'no-store' };
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const held = holds.get(pathname);
    if (held) {
      holds.delete(pathname);
      held.arrived();
      await held.released;
    }
    const hold = delays.get(pathname);
    if (hold) await new Promise((resolve) => setTimeout(resolve, hold));
    const override = overrides.get(pathname);
    if (override) {
      res.writeHead(200, { ...override.headers, ...headers, 'Content-Type': override.type });
      res.end(method === 'HEAD' ? undefined : override.body);
      return;
    }
    if (base) {
      let file = normalize(join(base, pathname));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403, headers).end('forbidden');
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'Content-Type': typeFor(file) });
        res.end(method === 'HEAD' ? undefined : body);
        return;
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  });
  // Keep-alive sockets would hold close() open until the browsers let go of them.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    requests,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    setPage(path, body, contentType, extraHeaders) {
      const p = normalizePath(path);
      const type = contentType ?? (extname(p) ? typeFor(p) : TYPES['.html']!);
      overrides.set(p, { body, type, ...(extraHeaders ? { headers: extraHeaders } : {}) });
    },
    removePage(path) {
      overrides.delete(normalizePath(path));
    },
    hold(path) {
      let arrived: () => void = () => undefined;
      let release: () => void = () => undefined;
      const isIn = new Promise<void>((ok) => {
        arrived = ok;
      });
      const released = new Promise<void>((ok) => {
        release = ok;
      });
      holds.set(normalizePath(path), { arrived, released });
      return { arrived: isIn, release };
    },
    delay(path, ms) {
      if (ms > 0) delays.set(normalizePath(path), ms);
      else delays.delete(normalizePath(path));
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
