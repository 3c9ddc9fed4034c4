// How the Lists view (popup and review page) says what a list holds (src/popup/list-contents.tsx):
// a phrase list its rules, a fact-check feed its fact-checks with a "Fact-check feed" label.
// Checked on the tree Preact would render.
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ListSummary } from '../../src/core/lists/list-summary';
import { ListHeading, listContents } from '../../src/popup/list-contents';
import { expand, texts } from './support/render-tree';

const list = (partial: Partial<ListSummary>): ListSummary => ({
  id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  title: 'Desk corrections',
  enabled: true,
  rules: 0,
  factChecks: 0,
  ...partial,
});
const shown = (summary: ListSummary) =>
  texts(expand(h(ListHeading, { name: summary.title, list: summary }))).join('');

describe('what a list holds, in the Lists view', () => {
  it('counts a feed’s fact-checks, with a Fact-check feed label', () => {
    const feed = list({ title: 'PolitiFact', kind: 'fact-checks', factChecks: 12_345 });
    expect(shown(feed)).toBe('PolitiFact Fact-check feed — 12,345 fact-checks');
    expect(shown({ ...feed, factChecks: 1 })).toBe('PolitiFact Fact-check feed — 1 fact-check');
  });

  it('counts a phrase list’s rules as before, without the label', () => {
    expect(shown(list({ kind: 'rules', rules: 3 }))).toBe('Desk corrections — 3 rules');
    // Lists stored before feeds have no kind.
    expect(shown(list({ rules: 1 }))).toBe('Desk corrections — 1 rule');
  });

  it('says the same in the messages after an import or a removal', () => {
    expect(listContents(list({ kind: 'fact-checks', factChecks: 200_000, rules: 0 }))).toBe(
      '200,000 fact-checks',
    );
    expect(listContents(list({ kind: 'rules', rules: 0 }))).toBe('0 rules');
  });
});
