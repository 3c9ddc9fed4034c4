// Known fact-checks, end to end: a sentence that says what a fact-checked claim says, in other
// words, finds that fact-check first and is marked "fact-checked before"; a sentence no
// fact-check is about stays unmarked. Against the 10,375 Snopes fact-checks of the CheckThat!
// 2020 data (needs the shared data set; the extension does not ship it).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FACTCHECK_DATA_DIR, loadSplit, loadVerifiedClaims } from '../../scripts/factchecks-data';
import { thresholdOutcome } from '../../scripts/train-factchecks';
import { buildIndex, type FactCheckText } from '../../src/core/factchecks/lexical-index';
import { FACTCHECK_MODEL } from '../../src/core/factchecks/model';
import {
  isFactCheckedBefore,
  profilesFrom,
  type Ranker,
  rankFactChecks,
} from '../../src/core/factchecks/rank-fact-checks';

const claimsFile = join(DEFAULT_FACTCHECK_DATA_DIR, 'verified_claims.docs.tsv');
const available = existsSync(claimsFile);

let factChecks: FactCheckText[] = [];
let ranker: Ranker;

beforeAll(() => {
  if (!available) return;
  factChecks = loadVerifiedClaims(claimsFile);
  const byId = new Map(factChecks.map((f) => [f.id, f]));
  ranker = {
    index: buildIndex(factChecks),
    model: FACTCHECK_MODEL,
    profileOf: profilesFrom((id) => byId.get(id)),
  };
});

// Our own rewordings of fact-checked claims (none is in the data set), and the fact-check's id.
const PARAPHRASES: [string, string][] = [
  ['John Harvey Kellogg made Corn Flakes to stop Americans masturbating.', '457'],
  ['Aldi is giving away free food to homeless people on Christmas Eve after 4pm.', '155'],
  ['Posts claim a 5G network test killed hundreds of birds in a park in The Hague.', '9600'],
  ['A viral post says Obama released 122 Guantanamo detainees who went back to terrorism.', '0'],
];

// Sentences from news reports that no fact-check in the set is about.
const UNRELATED = [
  'The Reserve Bank left its cash rate unchanged at 1.5 per cent on Tuesday.',
  'Heavy rain is expected across the north of the country this weekend.',
  'The company said its quarterly revenue rose slightly, in line with analysts’ expectations.',
  'Tickets for the festival go on sale on Friday morning.',
  'The council will vote on the new cycle lanes next month.',
];

describe.skipIf(!available)('rankFactChecks (needs the shared data set)', () => {
  it.each(PARAPHRASES)('ranks first, and marks, the fact-check of: %s', (sentence, id) => {
    const [best] = rankFactChecks(ranker, sentence);
    expect(best?.id).toBe(id);
    expect(isFactCheckedBefore(best, FACTCHECK_MODEL)).toBe(true);
  });

  it('ranks a loose paraphrase first even when it is not sure enough to mark it', () => {
    const [best] = rankFactChecks(ranker, 'The Army is texting people to say they have been drafted.');
    expect(best?.id).toBe('670');
  });

  it.each(UNRELATED)('leaves unmarked a sentence no fact-check is about: %s', (sentence) => {
    expect(isFactCheckedBefore(rankFactChecks(ranker, sentence)[0], FACTCHECK_MODEL)).toBe(false);
  });

  it('gives at most the asked number of matches, best first, each a probability', () => {
    const matches = rankFactChecks(ranker, 'Obama and the Guantanamo prisoners', 3);
    expect(matches.length).toBeLessThanOrEqual(3);
    expect(matches.map((m) => m.score)).toEqual(matches.map((m) => m.score).sort((a, b) => b - a));
    for (const m of matches) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('finds nothing for an empty sentence or one of stop words only', () => {
    expect(rankFactChecks(ranker, '')).toEqual([]);
    expect(rankFactChecks(ranker, 'and then it was there')).toEqual([]);
  });

  it('leaves out a fact-check whose text is not available (deleted since it was indexed)', () => {
    const without = {
      ...ranker,
      profileOf: (id: string) => (id === '155' ? undefined : ranker.profileOf(id)),
    };
    const matches = rankFactChecks(
      without,
      'Aldi is giving away free food to homeless people on Christmas Eve.',
    );
    expect(matches.map((m) => m.id)).not.toContain('155');
  });

  it('on the dev tweets, the marked top matches are right at least 90 % of the time', () => {
    const dev = loadSplit('dev');
    const ranked = dev.map((q) => ({
      queryId: q.id,
      answer: q.answer,
      ranking: rankFactChecks(ranker, q.text),
    }));
    const outcome = thresholdOutcome(ranked, FACTCHECK_MODEL.threshold);
    expect(outcome.precision).toBeGreaterThanOrEqual(0.9);
    expect(outcome.marked).toBeGreaterThan(dev.length / 2);
  });
});
