// Fuzzing the background's message handlers: every request type gets 10,000 generated messages
// in `npm run check:reliability` (FACTMARK_LONG=1) and 1,000 in `npm test` — arbitrary values, valid requests with one field made hostile, wrongly typed and
// oversized fields, javascript:/data:/file: URLs, deep nesting, __proto__ keys — from an extension
// page and from a content script, dispatched against a real Dexie database (fake-indexeddb).
// Each must be answered with {ok:false, error} or a valid answer, never a throw; a refused request
// must write nothing; no prototype may change.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS, dispatch, makeHandlers, type Sender } from '../../src/background/handlers';
import { ClaimSchema } from '../../src/core/claim-schema';
import { VERDICTS } from '../../src/core/model';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { type RequestType, requestTypes } from '../../src/messages';
import { recordFigure } from '../support/reliability';
import { aroundEveryWrite } from './support/db-writes';
import { hostileValue, mutated, pooled, prototypeKeys, prototypePolluted } from './support/hostile-values';
import { NO_EFFECTS } from './support/no-effects';

/** The full 10,000 is the reliability guarantee; `npm test` runs a tenth of it to keep the suite short. */
const RUNS = process.env.FACTMARK_LONG === '1' ? 10_000 : 1_000;
/** Generous for a loaded 2-core machine; each type takes a few seconds alone. */
const TIMEOUT = 120_000;

const webUrl = pooled(fc.webUrl({ withQueryParameters: true, withFragments: true, size: 'small' }), 500, 1);
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const verdict = fc.constantFrom(...VERDICTS, null);
const host = fc.domain({ size: 'small' });

const claimDraft = fc
  .record({
    url: webUrl,
    canonical: fc.option(webUrl, { nil: undefined }),
    title: text(40),
    exact: fc.string({ minLength: 1, maxLength: 60 }),
    start: fc.nat({ max: 100_000 }),
    length: fc.integer({ min: 1, max: 500 }),
    verdict,
    correction: text(40),
    note: text(40),
    sources: fc.array(webUrl, { maxLength: 3 }),
    tags: fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 3 }),
  })
  .map(({ canonical, exact, start, length, ...rest }) => ({
    ...rest,
    ...(canonical !== undefined ? { canonical } : {}),
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + length },
  }));

const ruleDraft = fc.record({
  phrase: fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,30}$/),
  matchCase: fc.boolean(),
  verdict,
  correction: text(40),
  note: text(40),
  sources: fc.array(webUrl, { maxLength: 3 }),
});

/** Ids that exist once the database is seeded, and random ones. */
let seededClaimIds: string[] = [];
let seededRuleIds: string[] = [];
const claimId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('seed').map(() => seededClaimIds[0] ?? ''),
);
const ruleId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('seed').map(() => seededRuleIds[0] ?? ''),
);
let seededListIds: string[] = [];
const listId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('seed').map(() => seededListIds[0] ?? ''),
);

/** A correction list file, as lists/import receives it and the local list server serves it. */
const LIST_TEXT = JSON.stringify({
  format: 'factmark-corrections',
  version: 1,
  title: 'EU naming errors',
  rules: [{ phrase: 'Digital Rights Act', verdict: 'false', correction: 'The Digital Services Act.' }],
});
/** Subscriptions go to a real HTTP server on 127.0.0.1 (started below): never to the internet. */
let listServer: Server;
let listBase = '';
const listUrl = fc
  .constantFrom('/a.json', '/b.json', '/missing.json', '/not-json')
  .map((path) => `${listBase}${path}`);

/** A valid payload for each request type: the fuzzer's starting points. */
const VALID: { [K in RequestType]: fc.Arbitrary<unknown> } = {
  'claims/for-page': fc.record({ url: webUrl, canonical: webUrl }, { requiredKeys: ['url'] }),
  'claims/save': pooled(claimDraft, 500, 2),
  'claims/delete': fc.record({ id: claimId }),
  'page/report': fc.record(
    { total: fc.nat({ max: 100_000 }), found: fc.array(claimId, { maxLength: 5 }), frame: webUrl },
    { requiredKeys: ['total'] },
  ),
  'page/frames-report': fc.constant({}),
  'claims/changed': fc.constant({}),
  'claims/seen': fc.record({
    found: fc.array(claimId, { maxLength: 5 }),
    missing: fc.array(fc.uuid(), { maxLength: 5 }),
  }),
  'settings/get': fc.record({ host }, { requiredKeys: [] }),
  'settings/set': fc.record(
    { enabled: fc.boolean(), sensitivity: fc.constantFrom('fewer', 'more'), builtIn: fc.boolean() },
    { requiredKeys: [] },
  ),
  'rules/save': fc.oneof(
    pooled(ruleDraft, 500, 3),
    fc.tuple(ruleDraft, ruleId, fc.boolean()).map(([draft, id, enabled]) => ({ ...draft, id, enabled })),
  ),
  'rules/delete': fc.record({ id: ruleId }),
  'rules/use-list-version': fc.record({ id: ruleId }),
  'rules/list': fc.constant({}),
  'corrections/find': fc.record({
    windows: fc.array(
      fc.record({
        start: fc.nat({ max: 1_000_000 }),
        text: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.constant('Under the Digital Rights Act (DSA), platforms…'),
        ),
      }),
      { maxLength: 5 },
    ),
    builtIn: fc.boolean(),
  }),
  'rules/get': fc.record({ ids: fc.array(ruleId, { maxLength: 5 }) }),
  'review/open-rules': fc.constant({}),
  'lists/list': fc.constant({}),
  'lists/import': fc.record({ text: fc.constant(LIST_TEXT), name: fc.constantFrom('list.json', '') }),
  'lists/subscribe': fc.record({ url: listUrl }),
  'lists/refresh': fc.record({ id: listId }, { requiredKeys: [] }),
  'lists/set-enabled': fc.record({ id: listId, enabled: fc.boolean() }),
  'lists/delete': fc.record({ id: listId }),
  'detect/score': fc.record({
    sentences: fc.array(fc.string({ maxLength: 300 }), { maxLength: 40 }),
  }),
  'factchecks/match': fc.record({
    url: webUrl,
    sentences: fc.array(
      fc.oneof(fc.string({ maxLength: 200 }), fc.constant('The Digital Rights Act bans memes in Europe.')),
      { maxLength: 20 },
    ),
  }),
  'factchecks/dismiss': fc.record({
    url: webUrl,
    id: fc.tuple(listId, fc.nat()).map(([list, n]) => `${list}:${n.toString(36)}`),
  }),
  'factchecks/suggest': fc.record({ text: fc.string({ maxLength: 300 }) }),
  'factchecks/changed': fc.constant({}),
  'factchecks/related': fc.record({ ids: fc.array(claimId, { maxLength: 5 }) }),
};

/** What an ok answer must look like, per request type. */
const ANSWERS: { [K in RequestType]: (value: unknown) => boolean } = {
  'claims/for-page': (value) => Array.isArray(value) && value.every((claim) => v.is(ClaimSchema, claim)),
  'claims/save': (value) => v.is(ClaimSchema, value),
  'claims/delete': (value) => typeof (value as { deleted?: unknown }).deleted === 'boolean',
  'page/report': (value) => value === null,
  'page/frames-report': (value) => value === null,
  'claims/changed': (value) => value === null,
  'claims/seen': (value) => Number.isInteger((value as { updated?: unknown }).updated),
  'settings/get': isSettings,
  'settings/set': isSettings,
  'rules/save': (value) => typeof (value as { id?: unknown }).id === 'string',
  'rules/delete': (value) => typeof (value as { deleted?: unknown }).deleted === 'boolean',
  'rules/use-list-version': (value) => typeof (value as { id?: unknown }).id === 'string',
  'rules/list': Array.isArray,
  'corrections/find': (value) => {
    const { findings, margin } = value as { findings?: { start: number; end: number }[]; margin?: unknown };
    return (
      Number.isInteger(margin) &&
      Array.isArray(findings) &&
      findings.every((f) => Number.isInteger(f.start) && f.end > f.start)
    );
  },
  'rules/get': Array.isArray,
  'review/open-rules': (value) => value === null,
  'lists/list': Array.isArray,
  'lists/import': (value) => typeof (value as { list?: { id?: unknown } }).list?.id === 'string',
  'lists/subscribe': (value) => typeof (value as { list?: { id?: unknown } }).list?.id === 'string',
  'lists/refresh': Array.isArray,
  'lists/set-enabled': (value) => typeof (value as { enabled?: unknown }).enabled === 'boolean',
  'lists/delete': (value) => typeof (value as { deleted?: unknown }).deleted === 'boolean',
  'detect/score': (value) => {
    const scores = (value as { scores?: unknown }).scores;
    return Array.isArray(scores) && scores.every((s) => typeof s === 'number' && s >= 0 && s <= 1);
  },
  'factchecks/match': (value) => Array.isArray((value as { marks?: unknown }).marks),
  'factchecks/dismiss': (value) => value === null,
  'factchecks/suggest': (value) => Array.isArray((value as { suggestions?: unknown }).suggestions),
  'factchecks/changed': (value) => value === null,
  'factchecks/related': (value) => Array.isArray((value as { related?: unknown }).related),
};

function isSettings(value: unknown): boolean {
  const settings = value as { enabled?: unknown; sensitivity?: unknown };
  return (
    typeof settings.enabled === 'boolean' &&
    (settings.sensitivity === 'fewer' || settings.sensitivity === 'more')
  );
}

function fail(why: string): never {
  throw new Error(why);
}

/** A short description of a fuzz input that cannot overflow the stack, for failure messages. */
function brief(value: unknown, depth = 0): string {
  if (depth > 3) return '…';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value))
    return `[${value
      .slice(0, 4)
      .map((item) => brief(item, depth + 1))
      .join(', ')}${value.length > 4 ? `, …(${value.length})` : ''}]`;
  const entries = Reflect.ownKeys(value).slice(0, 8);
  return `{${entries.map((key) => `${String(key)}: ${brief((value as Record<PropertyKey, unknown>)[key], depth + 1)}`).join(', ')}}`;
}

const EXTENSION_PAGE: Sender = { context: 'extension' };
const CONTENT_SCRIPT: Sender = { context: 'content', tabId: 4 };

/** A message of this type: valid, valid with one field made hostile, or anything at all. */
function messageFor(type: RequestType): fc.Arbitrary<{ message: unknown; sender: Sender }> {
  const payload = fc.oneof(
    { weight: 1, arbitrary: VALID[type] },
    { weight: 10, arbitrary: mutated(VALID[type]) },
    { weight: 5, arbitrary: hostileValue },
  );
  const message = fc.oneof(
    { weight: 9, arbitrary: payload.map((p) => ({ factmark: 1, type, payload: p })) },
    // The envelope itself broken: a missing payload, an extra field, a hostile type field.
    { weight: 1, arbitrary: mutated(payload.map((p) => ({ factmark: 1, type, payload: p }))) },
  );
  return fc.record({ message, sender: fc.constantFrom(EXTENSION_PAGE, CONTENT_SCRIPT) });
}

let db: FactmarkDb;
let writes = 0;
let handlers: ReturnType<typeof makeHandlers>;
const counts: Record<string, { inputs: number; refused: number; answered: number }> = {};
const protoBefore = prototypeKeys();

/** Every table's rows, in key order: compared before and after a refused request. */
async function snapshot(): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return JSON.stringify(tables);
}

beforeAll(async () => {
  listServer = createServer((req, res) => {
    if (req.url === '/a.json' || req.url === '/b.json')
      res.writeHead(200, { 'content-type': 'application/json' }).end(LIST_TEXT);
    else if (req.url === '/not-json')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a list</html>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => listServer.listen(0, '127.0.0.1', resolve));
  listBase = `http://127.0.0.1:${(listServer.address() as AddressInfo).port}`;
  db = openDb(`factmark-fuzz-handlers-${process.pid}`);
  // Counts every write the database is asked to make, whether it later commits or not.
  aroundEveryWrite(db, 'count-writes', (_table, write) => {
    writes++;
    return write();
  });
  handlers = makeHandlers(db, NO_EFFECTS);
});

// Each request type starts from the same small database: one claim, one rule.
beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()));
  const [draft] = fc.sample(claimDraft, { numRuns: 1, seed: 1 });
  const [rule] = fc.sample(ruleDraft, { numRuns: 1, seed: 2 });
  const claim = await dispatch(
    handlers,
    { factmark: 1, type: 'claims/save', payload: draft },
    EXTENSION_PAGE,
  );
  const saved = await dispatch(handlers, { factmark: 1, type: 'rules/save', payload: rule }, EXTENSION_PAGE);
  if (!claim.ok || !saved.ok) throw new Error('seeding the fuzz database failed');
  seededClaimIds = [(claim.value as { id: string }).id];
  seededRuleIds = [(saved.value as { id: string }).id];
  const list = await dispatch(
    handlers,
    { factmark: 1, type: 'lists/import', payload: { text: LIST_TEXT, name: 'list.json' } },
    EXTENSION_PAGE,
  );
  if (!list.ok) throw new Error(`seeding a list failed: ${list.error}`);
  seededListIds = [(list.value as { list: { id: string } }).list.id];
});

afterAll(async () => {
  await db.delete();
  await new Promise((resolve) => listServer.close(resolve));
  const total = Object.values(counts).reduce((sum, c) => sum + c.inputs, 0);
  const refused = Object.values(counts).reduce((sum, c) => sum + c.refused, 0);
  const types = Object.keys(counts).length;
  console.log(
    `fuzz-handlers: ${total.toLocaleString('en')} generated messages over ${types} request types (${refused.toLocaleString('en')} refused, ${(total - refused).toLocaleString('en')} answered), 0 throws, 0 writes on refusal, prototypes untouched`,
  );
  for (const [type, c] of Object.entries(counts)) {
    console.log(
      `  ${type.padEnd(16)} ${c.inputs.toLocaleString('en')} inputs, ${c.refused} refused, ${c.answered} answered`,
    );
  }
});

describe(`every message handler, fed ${RUNS.toLocaleString('en')} generated messages each`, () => {
  const types = requestTypes();

  it.each(types)(
    '%s answers every message with ok or an error, and a refusal writes nothing',
    async (type) => {
      const tally = { inputs: 0, refused: 0, answered: 0 };
      counts[type] = tally;
      let failure: string | null = null;
      let firstError: string | undefined;
      try {
        await fc.assert(
          fc.asyncProperty(messageFor(type), async ({ message, sender }) => {
            try {
              await checkOne(message, sender);
            } catch (error) {
              firstError ??= `${error instanceof Error ? error.message.slice(0, 600) : String(error)} — input: ${brief(message)}`;
              throw error;
            }
          }),
          { numRuns: RUNS, seed: 20_261_129 + types.indexOf(type), endOnFailure: true },
        );
      } catch (error) {
        failure = firstError ?? (error instanceof Error ? error.message.slice(0, 2_000) : String(error));
      }
      async function checkOne(message: unknown, sender: Sender) {
        tally.inputs++;
        const writesBefore = writes;
        // A full comparison every so often; the write counter checks every input.
        const compare = tally.inputs % 100 === 0 ? await snapshot() : null;
        const reply = await dispatch(handlers, message, sender);
        // Plain checks, not expect(): this runs 140,000 times.
        if (typeof reply !== 'object' || reply === null) fail(`answered ${typeof reply}, not a Reply`);
        if (reply.ok) {
          tally.answered++;
          if (!ANSWERS[type](reply.value)) fail(`not a valid ${type} answer`);
          if (sender.context === 'content' && !CONTENT_SCRIPT_REQUESTS.has(type)) {
            fail(`answered ${type} to a content script`);
          }
        } else {
          tally.refused++;
          if (typeof reply.error !== 'string' || reply.error.length === 0)
            fail('refused without an error message');
          if (writes !== writesBefore) fail(`a refused request made ${writes - writesBefore} writes`);
          if (compare !== null && (await snapshot()) !== compare)
            fail('a refused request changed the database');
        }
        if (prototypePolluted(protoBefore)) fail('a prototype was changed');
      }
      recordFigure({
        guarantee: `Message handler ${type} survives hostile messages`,
        figure: `${tally.inputs.toLocaleString('en')} generated messages, ${tally.refused.toLocaleString('en')} refused with an error, ${failure ? 'FAILED' : '0 throws, 0 writes on refusal'}`,
        held: failure === null && tally.inputs >= RUNS,
      });
      expect(failure).toBeNull();
      expect(tally.inputs).toBeGreaterThanOrEqual(RUNS);
      // The mix reaches the handlers, not just the schema.
      expect(tally.answered).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'answers whole-message garbage (not even an envelope) with an error',
    async () => {
      const tally = { inputs: 0, refused: 0, answered: 0 };
      counts['(any value)'] = tally;
      const writesBefore = writes;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileValue,
            fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }),
          ),
          async (message) => {
            tally.inputs++;
            const reply = await dispatch(handlers, message, CONTENT_SCRIPT);
            if (reply.ok) tally.answered++;
            else tally.refused++;
            expect(reply).toEqual({ ok: false, error: expect.any(String) });
          },
        ),
        { numRuns: RUNS, seed: 7 },
      );
      expect(writes).toBe(writesBefore);
      expect(prototypePolluted(protoBefore)).toBe(false);
    },
    TIMEOUT,
  );
});
