// `npm run screenshots` (scripts/screenshots.ts): what it takes pictures of and what it seeds, checked
// without a browser — the file names the README and store listing link to, the --out option, and
// that every note and sentence it relies on is really in the demo article and is a claim the
// background accepts. The pictures themselves are looked at by people (the script prints each file).
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  allShotFiles,
  CARD_NOTE,
  DEFAULT_OUT_DIR,
  DEMO_NOTES,
  DSA_PHRASE,
  EDITOR_CLAIM,
  noteDraft,
  occurrences,
  parseScreenshotArgs,
  withDarkStyle,
} from '../../scripts/screenshot-plan';
import { ClaimDraftSchema } from '../../src/core/claim-schema';

const ARTICLE = readFileSync(new URL('../../demo/seed-article.html', import.meta.url), 'utf8');

describe('the screenshots written', () => {
  it('are the five shots in the light and the dark scheme, named shot-scheme.png', () => {
    expect(allShotFiles()).toEqual([
      'article-marks-light.png',
      'editor-light.png',
      'card-light.png',
      'popup-light.png',
      'review-light.png',
      'article-marks-dark.png',
      'editor-dark.png',
      'card-dark.png',
      'popup-dark.png',
      'review-dark.png',
    ]);
  });

  it('go to store/screenshots unless --out names another folder', () => {
    expect(parseScreenshotArgs([])).toEqual({
      kind: 'ok',
      options: { outDir: DEFAULT_OUT_DIR, help: false },
    });
    expect(DEFAULT_OUT_DIR).toBe('store/screenshots');
    expect(parseScreenshotArgs(['--out', '/tmp/shots'])).toMatchObject({ options: { outDir: '/tmp/shots' } });
    expect(parseScreenshotArgs(['--out=shots'])).toMatchObject({ options: { outDir: 'shots' } });
  });

  it('refuses --out without a folder and arguments it does not know', () => {
    expect(parseScreenshotArgs(['--out'])).toEqual({ kind: 'invalid', reason: '--out needs a folder' });
    expect(parseScreenshotArgs(['--out', '--help'])).toMatchObject({ kind: 'invalid' });
    expect(parseScreenshotArgs(['--dark'])).toEqual({
      kind: 'invalid',
      reason: 'unknown argument: --dark (try --help)',
    });
  });
});

describe('what the screenshots show on the demo article', () => {
  it('seeds four to six notes, each on a sentence found exactly once in the article', () => {
    expect(DEMO_NOTES.length).toBeGreaterThanOrEqual(4);
    expect(DEMO_NOTES.length).toBeLessThanOrEqual(6);
    for (const note of DEMO_NOTES) expect(occurrences(ARTICLE, note.quote), note.quote).toBe(1);
  });

  it('seeds notes the background accepts as claims (claims/save)', () => {
    for (const note of DEMO_NOTES) {
      const draft = noteDraft(note, {
        prefix: 'before ',
        suffix: ' after',
        start: 10,
        end: 10 + note.quote.length,
      });
      const result = v.safeParse(ClaimDraftSchema, draft);
      expect(result.issues?.map((issue) => issue.message) ?? [], note.quote).toEqual([]);
    }
  });

  it('seeds realistic notes: verdicts of several kinds and one without, corrections, sources and tags', () => {
    const verdicts = new Set(DEMO_NOTES.map((note) => note.verdict));
    expect(verdicts.size).toBeGreaterThanOrEqual(4);
    expect(verdicts.has(null)).toBe(true);
    expect(DEMO_NOTES.filter((note) => note.correction).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_NOTES.filter((note) => note.sources.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_NOTES.every((note) => note.tags.length > 0)).toBe(true);
  });

  it("opens a seeded note's card, and flags a sentence of the article that no note covers", () => {
    expect(DEMO_NOTES).toContain(CARD_NOTE);
    expect(CARD_NOTE.correction).not.toBe('');
    expect(occurrences(ARTICLE, EDITOR_CLAIM.quote)).toBe(1);
    for (const note of DEMO_NOTES) {
      expect(EDITOR_CLAIM.quote.includes(note.quote) || note.quote.includes(EDITOR_CLAIM.quote)).toBe(false);
    }
  });

  it('scrolls to the built-in DSA correction, which the article has once', () => {
    expect(occurrences(ARTICLE, DSA_PHRASE)).toBe(1);
  });

  it('serves the article with a dark style that only the dark scheme uses, inside its head', () => {
    const served = withDarkStyle(ARTICLE);
    const head = served.slice(0, served.indexOf('</head>'));
    expect(head).toContain('@media (prefers-color-scheme: dark)');
    expect(served.replace(/<style>\/\* added by scripts\/screenshots\.ts[\s\S]*?<\/style>/, '')).toBe(
      ARTICLE,
    );
  });
});
