// The demo site (demo/) on 127.0.0.1, for `npm start` (scripts/start.mjs) and `npm run screenshots`
// (scripts/screenshot-browser.ts): its files as they are, '/' the demo article, nothing from
// outside the folder. Plain JavaScript, so that node runs it for npm start as it is.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const DEMO_PAGE = 'seed-article.html';
/** A small fact-check feed written for the demo article: sample data, not real fact-checks. */
export const SAMPLE_FEED = 'sample-factchecks.json';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A server for the files in `dir`, not listening yet (see `listen`): '/' is the demo article, a
 * folder its index.html. `rewriteArticle`, when given, changes the article's HTML as it is served.
 */
export function demoServer(dir, { rewriteArticle } = {}) {
  return createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(dir, path === '/' ? DEMO_PAGE : path));
    if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (rewriteArticle && file.endsWith(`${sep}${DEMO_PAGE}`)) body = rewriteArticle(body.toString('utf8'));
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        // The sample feed is public data: the extension may read it without a host permission.
        ...(extname(file) === '.json' ? { 'Access-Control-Allow-Origin': '*' } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
}

/** Starts `server` listening on 127.0.0.1 at `port` (0: a free one); answers the port. */
export function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ok(server.address().port);
    });
  });
}
