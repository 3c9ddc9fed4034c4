// A full disk: when the browser refuses a write with QuotaExceededError part-way through saving a
// claim, an import or a rule, nothing of that write is kept (counts and records as before) and
// the reader is told, in words that say what to do, that storage is full. The refusal is made by
// fake-indexeddb itself, the way browsers report it: after `room` more records fit, the next
// put/add request fails with a QuotaExceededError DOMException and its transaction aborts — or,
// as some engines do, the put call itself throws.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeHandlers } from '../../src/background/handlers';
import { exportBackup, parseImport } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { writeImport } from '../../src/db/import';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { isQuotaError, STORAGE_FULL, storageErrorText } from '../../src/db/storage-errors';
import { DISK_FULL_IMPORT } from '../../src/review/import-panel';
import { recordFigure } from '../support/reliability';
import { NO_EFFECTS } from './support/no-effects';

type Put = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
interface StoreInternals {
  transaction: { _execRequestAsync(job: { operation: () => never; source: IDBObjectStore }): IDBRequest };
}

const proto = globalThis.IDBObjectStore.prototype;
const originals = { put: proto.put as Put, add: proto.add as Put };

/**
 * From now on `room` more records fit; every later put/add fails with QuotaExceededError, as a
 * failed request ('request', what IndexedDB engines do) or thrown by the call ('throw').
 */
function fillDiskAfter(room: number, how: 'request' | 'throw' = 'request'): void {
  let left = room;
  for (const method of ['put', 'add'] as const) {
    const original = originals[method];
    proto[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (left-- > 0) return original.call(this, value, key);
      const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (how === 'throw') throw full;
      // Queued like the real write, so it fails in order as a request error that aborts the transaction.
      return (this as unknown as StoreInternals).transaction._execRequestAsync({
        operation: () => {
          throw full;
        },
        source: this,
      });
    } as typeof proto.put;
  }
}

function freeDisk(): void {
  proto.put = originals.put as typeof proto.put;
  proto.add = originals.add as typeof proto.add;
}

let db: FactmarkDb;
let handlers: ReturnType<typeof makeHandlers>;
let n = 0;
let checked = 0;

beforeEach(async () => {
  db = openDb(`factmark-quota-${n++}`);
  await db.open();
  handlers = makeHandlers(db, NO_EFFECTS);
});
afterEach(async () => {
  freeDisk();
  await db.delete();
});

function claim(i: number, overrides: Partial<Claim> = {}): Claim {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    url: `https://www.theguardian.com/environment/2019/jan/03/story-${i}`,
    title: `Whale strandings, part ${i}`,
    pageKey: `theguardian.com/environment/2019/jan/03/story-${i}`,
    quote: {
      type: 'TextQuoteSelector',
      exact: 'has now overseen more than 500 strandings',
      prefix: 'even decades later, Parata, 75, ',
      suffix: ' and is renowned in New Zealand ',
    },
    position: { type: 'TextPositionSelector', start: 13450, end: 13491 },
    verdict: 'unproven',
    correction: '',
    note: `Note ${i}`,
    sources: [],
    tags: ['Aotearoa'],
    created: 1_700_000_000_000 + i,
    updated: 1_700_000_000_000 + i,
    ...overrides,
  };
}

const draft = {
  url: 'https://www.bbc.com/news/world-us-canada-33646704',
  title: "Obama admits US gun laws are his 'biggest frustration' - BBC News",
  quote: {
    type: 'TextQuoteSelector',
    exact: 'the greatest frustration of his presidency',
    prefix: 'e gun safety laws" in the US is ',
    suffix: '. In an interview with the BBC, ',
  },
  position: { type: 'TextPositionSelector', start: 11482, end: 11524 },
  verdict: 'misleading',
  correction: 'He called it his biggest frustration.',
  note: '',
  sources: [],
  tags: ['US'],
};

const ruleDraft = {
  phrase: 'Digital Rights Act',
  matchCase: false,
  verdict: 'false',
  correction: 'The EU law is the Digital Services Act (DSA).',
  note: '',
  sources: [],
};

async function snapshot() {
  return {
    claims: await db.claims.orderBy('id').toArray(),
    rules: await db.rules.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}

const fullMessage = `Nothing was saved. ${STORAGE_FULL}`;

describe('the message for a full disk', () => {
  it('tells the reader what happened and what to do, for the error in every shape Dexie gives it', () => {
    expect(STORAGE_FULL).toBe(
      "Your browser's storage for Factmark is full. Free space or export and delete old notes, then try again.",
    );
    const platform = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    for (const error of [
      platform,
      { name: 'AbortError', message: 'Transaction aborted', inner: platform },
      { name: 'BulkError', message: '1 of 40 operations failed', failures: { 12: platform } },
    ])
      expect(storageErrorText(error)).toBe(STORAGE_FULL);
    expect(storageErrorText(new Error('not a page URL: about:blank'))).toBe('not a page URL: about:blank');
    expect(DISK_FULL_IMPORT).toBe(`Nothing was imported. ${STORAGE_FULL}`);
  });
});

describe.each(['request', 'throw'] as const)('storage full (the write %s fails)', (how) => {
  it('saving a new claim answers the full-storage message and stores nothing', async () => {
    await dispatch(handlers, { factmark: 1, type: 'claims/save', payload: draft }, {});
    const before = await snapshot();
    fillDiskAfter(0, how);
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/save', payload: { ...draft, note: 'second' } },
      {},
    );
    expect(reply).toEqual({ ok: false, error: fullMessage });
    expect(await snapshot()).toEqual(before);
    checked++;

    // Once there is room again, the same save goes through.
    freeDisk();
    const retry = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/save', payload: { ...draft, note: 'second' } },
      {},
    );
    expect(retry).toMatchObject({ ok: true, value: { note: 'second' } });
    expect(await db.claims.count()).toBe(2);
  });

  it('an edit of a saved claim that does not fit leaves the claim exactly as it was', async () => {
    const saved = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload: draft }, {});
    if (!saved.ok) throw new Error(saved.error);
    const { id } = saved.value as Claim;
    const before = await snapshot();
    fillDiskAfter(0, how);
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/save', payload: { ...draft, id, note: 'x'.repeat(19_000) } },
      {},
    );
    expect(reply).toEqual({ ok: false, error: fullMessage });
    expect(await snapshot()).toEqual(before);
    checked++;
  });

  it('an import that fills the disk part-way writes none of its records', async () => {
    const stored = Array.from({ length: 10 }, (_, i) => claim(i + 1));
    await db.claims.bulkAdd(stored);
    // 3,000 records: 2,990 new and the 10 stored ones with new notes.
    const incoming = Array.from({ length: 3_000 }, (_, i) =>
      i < 10 ? claim(i + 1, { note: 'changed by the import', updated: 1_800_000_000_000 }) : claim(i + 1),
    );
    const parsed = parseImport(exportBackup(incoming, new Date('2026-01-01T00:00:00Z')));
    if (parsed.kind !== 'ok') throw new Error(parsed.error);
    const before = await snapshot();
    fillDiskAfter(2_345, how);
    let failure: unknown;
    await writeImport(db, parsed.records).catch((error: unknown) => {
      failure = error;
    });
    expect(isQuotaError(failure)).toBe(true);
    expect(storageErrorText(failure)).toBe(STORAGE_FULL);
    const after = await snapshot();
    expect(after.claims.length).toBe(before.claims.length);
    expect(after).toEqual(before);
    checked++;
    recordFigure({
      guarantee: 'A full disk part-way through a write keeps nothing of it, and says what to do',
      figure: `import of 3,000 records refused after 2,345 writes (${how}): ${after.claims.length} of ${before.claims.length} stored claims unchanged, 0 imported`,
      held: after.claims.length === before.claims.length,
    });
  });

  it('saving a rule answers the full-storage message and stores nothing', async () => {
    await dispatch(handlers, { factmark: 1, type: 'rules/save', payload: ruleDraft }, {});
    const before = await snapshot();
    fillDiskAfter(0, how);
    for (const payload of [
      { ...ruleDraft, phrase: 'Digital Service Act' },
      { ...ruleDraft, id: before.rules[0]?.id, note: 'edited' },
    ]) {
      const reply = await dispatch(handlers, { factmark: 1, type: 'rules/save', payload }, {});
      expect(reply).toEqual({ ok: false, error: fullMessage });
    }
    expect(await snapshot()).toEqual(before);
    checked++;
    // Pages are checked with the rules as stored: still the one rule.
    const found = await dispatch(
      handlers,
      {
        factmark: 1,
        type: 'corrections/find',
        payload: { windows: [{ start: 0, text: `The ${before.rules[0]?.phrase}.` }], builtIn: false },
      },
      {},
    );
    expect(found).toMatchObject({ ok: true, value: { findings: [{ ruleId: before.rules[0]?.id }] } });
  });

  it('changing two settings at once, with room for one, keeps both old values', async () => {
    await dispatch(handlers, { factmark: 1, type: 'settings/set', payload: { sensitivity: 'more' } }, {});
    const before = await snapshot();
    // Room for one of the two rows the change writes.
    fillDiskAfter(1, how);
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'settings/set', payload: { sensitivity: 'fewer', enabled: false } },
      {},
    );
    expect(reply).toEqual({ ok: false, error: fullMessage });
    expect(await snapshot()).toEqual(before);
    checked++;
  });
});

// The figure for the reliability report: how many refused writes the tests above checked.
afterAll(() => {
  recordFigure({
    guarantee: 'Quota errors leave nothing partly written',
    figure: `${checked} refused writes (claim save, claim edit, import, rule save, two settings) checked: stores unchanged`,
    held: checked > 0,
  });
});
