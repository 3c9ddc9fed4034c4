import 'fake-indexeddb/auto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeListHandlers } from '../../src/background/list-handlers';
import { fetchList } from '../../src/background/lists';
import {
  checkListUrl,
  conditionalHeaders,
  nextListState,
  patternCovers,
} from '../../src/core/lists/subscription';
import type { CorrectionList } from '../../src/core/rule';
import { enabledRules } from '../../src/db/rules';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { listFile } from './support/list-files';

const LIST_TEXT = listFile('e2e-corrections.json');
const BROKEN = '{"format": "factmark-corrections", "version": 1, "rules": [';

const subscribed: CorrectionList = {
  id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  title: 'Desk corrections',
  url: 'https://lists.example.org/desk.json',
  enabled: true,
  etag: '"v1"',
  fetched: 1000,
};

describe('which list addresses may be subscribed to', () => {
  it('accepts http and https, dropping the fragment', () => {
    expect(checkListUrl(' https://lists.example.org/desk.json#top ')).toEqual({
      ok: true,
      url: 'https://lists.example.org/desk.json',
    });
    expect(checkListUrl('http://127.0.0.1:8080/l.json').ok).toBe(true);
  });

  it('refuses other schemes, passwords, empty and malformed input, saying what to type', () => {
    const error = (raw: string) => {
      const checked = checkListUrl(raw);
      return checked.ok ? '' : checked.error;
    };
    expect(error('file:///etc/passwd')).toBe(
      'Factmark subscribes to http and https addresses only, not file:. Type one that starts with https://.',
    );
    expect(error('javascript:alert(1)')).toContain('not javascript:');
    expect(error('https://me:secret@example.org/l.json')).toContain('Leave the user name and password out');
    expect(error('   ')).toContain('Type the address');
    expect(error('lists.example.org/l.json')).toContain('is not a web address');
    expect(error(`https://example.org/${'a'.repeat(5000)}`)).toContain('too long');
  });

  it('knows when a granted host pattern already covers a list’s origin', () => {
    const url = 'http://127.0.0.1:41234/lists/desk.json';
    expect(patternCovers('http://*/*', url)).toBe(true);
    expect(patternCovers('<all_urls>', url)).toBe(true);
    expect(patternCovers('*://127.0.0.1/*', url)).toBe(true);
    expect(patternCovers('https://*/*', url)).toBe(false);
    expect(patternCovers('https://*.example.org/*', 'https://lists.example.org/a.json')).toBe(true);
    expect(patternCovers('https://*.example.org/*', 'https://example.org.evil.test/a.json')).toBe(false);
    expect(patternCovers('https://example.org/*', 'https://lists.example.org/a.json')).toBe(false);
  });
});

describe('a list’s next state after a fetch', () => {
  it('sends the validators it has for a conditional refresh', () => {
    expect(conditionalHeaders({ etag: '"v1"', lastModified: 'Sun, 29 Nov 2026 06:00:00 GMT' })).toEqual({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Sun, 29 Nov 2026 06:00:00 GMT',
    });
    expect(conditionalHeaders({})).toEqual({});
  });

  it('keeps the copy on 304, dates it and clears an old error', () => {
    const update = nextListState(
      { ...subscribed, error: 'old' },
      { kind: 'response', status: 304, text: '' },
      5000,
    );
    expect(update).toEqual({ kind: 'keep', list: { ...subscribed, fetched: 5000 } });
  });

  it('replaces the rules with a good new copy, taking its title and validators', () => {
    const update = nextListState(
      subscribed,
      { kind: 'response', status: 200, etag: '"v2"', lastModified: null, text: LIST_TEXT },
      5000,
    );
    expect(update.kind).toBe('replace');
    if (update.kind !== 'replace') return;
    expect(update.list).toEqual({
      ...subscribed,
      title: 'E2E desk corrections',
      etag: '"v2"',
      fetched: 5000,
    });
    expect(update.rules.map((r) => r.phrase)).toEqual(["the president's face"]);
    expect(update.invalid).toEqual([
      { record: 2, field: 'phrase', reason: expect.stringContaining('at least 2') },
    ]);
  });

  it('keeps the previous copy in force on a broken list, an HTTP error or no answer, saying so', () => {
    const errorOf = (outcome: Parameters<typeof nextListState>[1]) => {
      const update = nextListState(subscribed, outcome, 5000);
      expect(update.kind).toBe('keep');
      expect(update.list.fetched).toBe(1000);
      return update.list.error;
    };
    expect(errorOf({ kind: 'response', status: 200, text: BROKEN })).toMatch(
      /^The list at https:\/\/lists\.example\.org\/desk\.json is not valid: .+ The previous copy stays in force\.$/,
    );
    expect(errorOf({ kind: 'response', status: 200, text: '<html>Not found</html>' })).toContain(
      'is not valid',
    );
    expect(errorOf({ kind: 'response', status: 404, text: '' })).toBe(
      'Could not reach https://lists.example.org/desk.json (HTTP 404): the previous copy stays in force.',
    );
    expect(errorOf({ kind: 'unreachable', reason: 'connection refused' })).toBe(
      'Could not reach https://lists.example.org/desk.json (connection refused): the previous copy stays in force.',
    );
    expect(errorOf({ kind: 'too-large' })).toContain('larger than 256 MB');
  });
});

/** A real HTTP server whose list body and behaviour each test sets. */
let server: Server;
let origin = '';
let serve: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
const seen: { path: string; ifNoneMatch?: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({
      path: req.url ?? '',
      ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}),
    });
    serve(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

/** Serves `body` with an ETag, answering 304 when the client already has that version. */
function serveVersion(body: string, etag: string) {
  serve = (req, res) => {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body);
  };
}

describe('fetching a list over HTTP', () => {
  it('gives up on a server that does not answer in time', async () => {
    serve = () => undefined;
    const outcome = await fetchList(fetch, `${origin}/slow.json`, {}, 300);
    expect(outcome).toEqual({ kind: 'unreachable', reason: 'no answer within 1 s' });
  });

  it('stops reading a body past the size cap (20 MB here, to keep the test small)', async () => {
    serve = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 25) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    };
    expect(await fetchList(fetch, `${origin}/huge.json`, {}, 20_000, 20 * 1024 * 1024)).toEqual({
      kind: 'too-large',
    });
  });
});

describe('subscribing and refreshing through the background handlers', () => {
  let db: FactmarkDb;
  let n = 0;
  let changes = 0;
  let handlers: ReturnType<typeof makeListHandlers>;
  beforeEach(() => {
    db = openDb(`factmark-subscribe-${n++}`);
    changes = 0;
    seen.length = 0;
    handlers = makeListHandlers(db, { rulesChanged: () => changes++ });
  });
  afterEach(async () => {
    await db.delete();
  });
  const phrases = async () => (await enabledRules(db)).map((r) => r.phrase);

  it('subscribes, refreshes conditionally (304 keeps the copy), and keeps the old rules when the list breaks', async () => {
    serveVersion(LIST_TEXT, '"v1"');
    const { list } = await handlers['lists/subscribe']({ url: `${origin}/desk.json` });
    expect(list).toMatchObject({
      title: 'E2E desk corrections',
      url: `${origin}/desk.json`,
      etag: '"v1"',
      rules: 1,
    });
    expect(await phrases()).toEqual(["the president's face"]);
    expect(changes).toBe(1);

    // Unchanged on the server: a 304, asked with the ETag.
    const [again] = await handlers['lists/refresh']({ id: list.id });
    expect(seen.at(-1)).toEqual({ path: '/desk.json', ifNoneMatch: '"v1"' });
    expect(again).toMatchObject({ rules: 1, etag: '"v1"' });
    expect(again?.error).toBeUndefined();

    // A broken version: the error is on the list, the rules stay.
    serveVersion(BROKEN, '"v2"');
    const [broken] = await handlers['lists/refresh']({});
    expect(broken?.error).toContain(`The list at ${origin}/desk.json is not valid`);
    expect(broken?.etag).toBe('"v1"');
    expect(await phrases()).toEqual(["the president's face"]);

    // The server gone: same.
    serve = (req) => req.socket.destroy();
    const [gone] = await handlers['lists/refresh']({ id: list.id });
    expect(gone?.error).toMatch(/^Could not reach .+: the previous copy stays in force\.$/);
    expect(await phrases()).toEqual(["the president's face"]);

    // Subscribing to the same address again refreshes the one list rather than adding another.
    serveVersion(LIST_TEXT.replace("the president's face", 'a momentary flicker'), '"v3"');
    await handlers['lists/subscribe']({ url: `${origin}/desk.json` });
    expect(await handlers['lists/list']({})).toMatchObject([{ etag: '"v3"', rules: 1 }]);
    expect(await phrases()).toEqual(['a momentary flicker']);
  });

  it('stores nothing when the first fetch fails, and says to check the address', async () => {
    serve = (_req, res) => res.writeHead(404).end('not found');
    await expect(handlers['lists/subscribe']({ url: `${origin}/missing.json` })).rejects.toThrow(
      `Could not reach ${origin}/missing.json (HTTP 404). Check the address and try again.`,
    );
    serveVersion('{"hello": "world"}', '"x"');
    await expect(handlers['lists/subscribe']({ url: `${origin}/other.json` })).rejects.toThrow(
      'is not a list Factmark can read',
    );
    await expect(handlers['lists/subscribe']({ url: 'ftp://example.org/l.json' })).rejects.toThrow(
      'http and https',
    );
    expect(await db.lists.count()).toBe(0);
    expect(await db.rules.count()).toBe(0);
    expect(changes).toBe(0);
  });

  it('imports a file, updates it when imported again, and refuses a broken one importing nothing', async () => {
    const first = await handlers['lists/import']({ text: LIST_TEXT, name: 'e2e-corrections.json' });
    expect(first.list).toMatchObject({ title: 'E2E desk corrections', rules: 1 });
    expect(first.list.url).toBeUndefined();
    await handlers['lists/import']({ text: LIST_TEXT, name: 'e2e-corrections.json' });
    expect(await db.lists.count()).toBe(1);
    await expect(handlers['lists/import']({ text: BROKEN, name: 'broken.json' })).rejects.toThrow(
      /Nothing was imported\.$/,
    );
    await expect(handlers['lists/refresh']({ id: first.list.id })).rejects.toThrow('import the file again');
    expect(await phrases()).toEqual(["the president's face"]);

    await handlers['lists/set-enabled']({ id: first.list.id, enabled: false });
    expect(await phrases()).toEqual([]);
    expect(await handlers['lists/delete']({ id: first.list.id })).toEqual({ deleted: true });
    expect(await db.rules.count()).toBe(0);
  });
});

/** The next request is held open: `arrived` once it is in, given its `answer` on `release()`. */
function holdNextRequest(answer: (res: ServerResponse) => void) {
  let arrived: () => void = () => undefined;
  let release: () => void = () => undefined;
  const isIn = new Promise<void>((ok) => {
    arrived = ok;
  });
  serve = (_req, res) => {
    release = () => answer(res);
    arrived();
  };
  return { arrived: isIn, release: () => release() };
}
const answerWith = (body: string, etag: string) => (res: ServerResponse) =>
  res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body);

describe('the reader’s switch and removal during a refresh', () => {
  let db: FactmarkDb;
  let n = 0;
  let handlers: ReturnType<typeof makeListHandlers>;
  beforeEach(() => {
    db = openDb(`factmark-refresh-race-${n++}`);
    handlers = makeListHandlers(db, { rulesChanged: () => undefined });
  });
  afterEach(async () => {
    await db.delete();
  });
  const NEW_COPY = LIST_TEXT.replace("the president's face", 'a momentary flicker');

  it('keeps a list switched off during its refresh off, with the new copy and validators stored', async () => {
    serveVersion(LIST_TEXT, '"v1"');
    const { list } = await handlers['lists/subscribe']({ url: `${origin}/desk.json` });
    const held = holdNextRequest(answerWith(NEW_COPY, '"v2"'));
    const refreshing = handlers['lists/refresh']({ id: list.id });
    await held.arrived;
    await handlers['lists/set-enabled']({ id: list.id, enabled: false });
    held.release();

    const [after] = await refreshing;
    expect(after).toMatchObject({ id: list.id, enabled: false, etag: '"v2"', rules: 1 });
    expect((await db.rules.toArray()).map((r) => r.phrase)).toEqual(['a momentary flicker']);
    expect(await enabledRules(db)).toEqual([]);
  });

  it('keeps a list switched off during a refresh that finds it unchanged (304) off', async () => {
    serveVersion(LIST_TEXT, '"v1"');
    const { list } = await handlers['lists/subscribe']({ url: `${origin}/desk.json` });
    const held = holdNextRequest((res) => res.writeHead(304, { ETag: '"v1"' }).end());
    const refreshing = handlers['lists/refresh']({});
    await held.arrived;
    await handlers['lists/set-enabled']({ id: list.id, enabled: false });
    held.release();
    expect(await refreshing).toMatchObject([{ id: list.id, enabled: false, etag: '"v1"', rules: 1 }]);
    expect(await enabledRules(db)).toEqual([]);
  });

  it('writes nothing for a list removed during its refresh: it does not come back', async () => {
    serveVersion(LIST_TEXT, '"v1"');
    const { list } = await handlers['lists/subscribe']({ url: `${origin}/desk.json` });
    const held = holdNextRequest(answerWith(NEW_COPY, '"v2"'));
    const refreshing = handlers['lists/refresh']({ id: list.id });
    await held.arrived;
    expect(await handlers['lists/delete']({ id: list.id })).toEqual({ deleted: true });
    held.release();

    expect(await refreshing).toEqual([]);
    expect(await db.lists.count()).toBe(0);
    expect(await db.rules.count()).toBe(0);
  });
});
