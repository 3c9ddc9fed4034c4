// Check-worthy sentences are scored in the background, where the model lives; the page only sends
// its article's sentences and chooses marks from the scores. Specified here: the background's
// `detect/score` gives the detector's own scores for the whole document; what a page sends stays
// within the message's bounds; the page's language gate needs no model and agrees with it; the
// built content script holds no part of the model; and marks keep their room on screen.
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDebates } from '../../scripts/train-claims';
import { dispatch, makeHandlers } from '../../src/background/handlers';
import { roomFor, scoringRequest } from '../../src/content/checkworthy';
import { DEFAULT_MODEL, SUPPORTED_LANGUAGES, scoreSentences, selectClaims } from '../../src/core/detect';
import { openDb } from '../../src/db/schema';
import { DETECT_LIMITS } from '../../src/messages';
import { NO_EFFECTS } from './support/no-effects';

const debates = loadDebates().slice(0, 3);
const db = openDb('factmark-checkworthy-scoring');
const handlers = makeHandlers(db, NO_EFFECTS);
afterAll(() => db.delete());

describe('scoring in the background', () => {
  it("answers the detector's own scores for a whole document, and the same marks", async () => {
    for (const { sentences } of debates) {
      const payload = { sentences: scoringRequest(sentences) };
      const reply = await dispatch(
        handlers,
        { factmark: 1, type: 'detect/score', payload },
        { context: 'content' },
      );
      if (!reply.ok) throw new Error(reply.error);
      const { scores } = reply.value as { scores: number[] };
      expect(scores).toEqual(scoreSentences(sentences));
      expect(selectClaims(scores, 'more')).toEqual(selectClaims(scoreSentences(sentences), 'more'));
    }
  });

  it('scores a one-sentence document and an empty one', async () => {
    for (const sentences of [['Taxes rose 5% in 2015.'], []]) {
      const reply = await dispatch(
        handlers,
        { factmark: 1, type: 'detect/score', payload: { sentences } },
        {},
      );
      expect(reply).toEqual({ ok: true, value: { scores: scoreSentences(sentences) } });
    }
  });

  it("refuses more than the message's bounds, and a page sends only what fits", async () => {
    const many = Array.from(
      { length: DETECT_LIMITS.sentences + 10 },
      (_, i) => `Sentence ${i} says ${'x'.repeat(i % 3 === 0 ? DETECT_LIMITS.chars + 5 : 10)}.`,
    );
    const refused = await dispatch(
      handlers,
      { factmark: 1, type: 'detect/score', payload: { sentences: many } },
      {},
    );
    expect(refused.ok).toBe(false);
    const sent = scoringRequest(many);
    expect(sent).toHaveLength(DETECT_LIMITS.sentences);
    expect(Math.max(...sent.map((s) => s.length))).toBe(DETECT_LIMITS.chars);
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'detect/score', payload: { sentences: sent } },
      {},
    );
    expect(reply.ok).toBe(true);
  });
});

describe('the page side of detection', () => {
  it("asks for the model's own language without loading the model", () => {
    expect(SUPPORTED_LANGUAGES).toContain(DEFAULT_MODEL.language);
  });

  // Chromium's page code (its content script is a loader for it), and Firefox's content script.
  const pageCode = ['extension/page.js', 'extension-firefox/content.js'].map((path) =>
    fileURLToPath(new URL(`../../${path}`, import.meta.url)),
  );
  it.skipIf(!pageCode.every((path) => existsSync(path)))(
    'ships no part of the model in the content script',
    () => {
      const bundle = pageCode.map((path) => readFileSync(path, 'utf8')).join('\n');
      // Two-word terms exist only in the model's n-gram list.
      const bigrams = DEFAULT_MODEL.ngrams.terms.filter((term) => term.includes(' ')).slice(0, 200);
      expect(bigrams.length).toBeGreaterThan(50);
      expect(bigrams.filter((term) => bundle.includes(JSON.stringify(term)))).toEqual([]);
    },
  );
});

describe('roomFor', () => {
  it('allows at most three marks in any stretch one screen high', () => {
    expect(roomFor([0, 100, 200], 300, 900, 3)).toBe(false);
    expect(roomFor([0, 100, 200], 1200, 900, 3)).toBe(true);
    expect(roomFor([0, 1000], 500, 900, 3)).toBe(true);
    expect(roomFor([0, 500, 1000], 1300, 900, 3)).toBe(true);
    expect(roomFor([0, 500, 1000, 1300], 800, 900, 3)).toBe(false);
  });
});
