// "Fact-checked before?" in the claim editor (src/ui/fact-check-suggestions.tsx): the list of
// fact-checks close to the quote being flagged, and what "Use this fact-check" does to the
// editor's Sources and Verdict fields. Checked on the tree Preact would render.
import { type ComponentChild, h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../src/core/claim-input';
import type { FactCheckView } from '../../src/core/factchecks/fact-check';
import {
  FactCheckSuggestions,
  type SuggestedFields,
  withFactCheck,
} from '../../src/ui/fact-check-suggestions';
import { makeFactCheck } from './support/fact-checks';
import { elements, expand, texts } from './support/render-tree';

type ButtonProps = { onClick(): void; type: string; 'aria-label'?: string; children: ComponentChild };

const politifact = makeFactCheck();
const afp = makeFactCheck({
  publisher: 'AFP Fact Check',
  url: 'https://factcheck.afp.com/doc.afp.com.34XY7Q2',
  claim: `Offshore wind farms ${'are responsible for the deaths of dozens of whales on beaches in New Jersey and New York, '.repeat(3)}`,
  rating: 'Four Bananas',
  verdict: null,
});
const suggestions = [
  politifact,
  afp,
  makeFactCheck({ publisher: 'Full Fact', url: 'https://fullfact.org/x' }),
  makeFactCheck({ publisher: 'Snopes', url: 'https://www.snopes.com/y' }),
].map((factCheck, i) => ({ factCheck, score: 0.9 - i / 10 }));

function list(onUse: (factCheck: FactCheckView) => void = () => undefined) {
  return expand(h(FactCheckSuggestions, { suggestions, onUse }));
}
const buttons = (tree: (VNode | string)[]) =>
  elements(tree)
    .filter((n) => n.type === 'button')
    .map((n) => n.props as ButtonProps);

/** The editor's two fields after pressing the i-th suggestion's button, from `fields`. */
function press(i: number, fields: SuggestedFields): SuggestedFields {
  let next = fields;
  buttons(list((factCheck) => (next = withFactCheck(next, factCheck))))[i]?.onClick();
  return next;
}

describe('the editor’s Fact-checked before? list', () => {
  it('shows at most 3 suggestions: publisher, rating as published and the claim, clipped', () => {
    const tree = list();
    const text = texts(tree).join('');
    expect(text).toContain('Fact-checked before?');
    for (const shown of ['PolitiFact', 'AFP Fact Check', 'Full Fact', 'False', 'Four Bananas']) {
      expect(text).toContain(shown);
    }
    expect(text).not.toContain('Snopes');
    expect(text).toContain('Wind turbines are killing whales off the East Coast.');
    const clipped = texts(tree).find((t) => t.startsWith('Offshore wind farms'));
    expect(clipped?.length).toBeLessThanOrEqual(160);
    expect(clipped?.endsWith('…')).toBe(true);
  });

  it('gives each suggestion a labelled button (not a submit)', () => {
    const [first, second] = buttons(list());
    expect(buttons(list())).toHaveLength(3);
    expect(first?.type).toBe('button');
    expect(texts(expand(first?.children)).join('')).toBe('Use this fact-check');
    expect(first?.['aria-label']).toBe('Use this fact-check by PolitiFact');
    expect(second?.['aria-label']).toBe('Use this fact-check by AFP Fact Check');
  });

  it('shows nothing when there are no suggestions', () => {
    expect(expand(h(FactCheckSuggestions, { suggestions: [], onUse: () => undefined }))).toEqual([]);
  });
});

describe('Use this fact-check', () => {
  it('adds the fact-check’s address to Sources once, however often it is pressed', () => {
    const once = press(0, { sources: 'https://example.org/report', verdict: '' });
    const twice = press(0, once);
    expect(twice.sources).toBe(`https://example.org/report\n${politifact.url}`);
    const parsed = parseSources(twice.sources);
    expect(parsed.ok && parsed.value).toEqual(['https://example.org/report', politifact.url]);
  });

  it('fills empty Sources with the address alone', () => {
    expect(press(0, { sources: '  \n', verdict: '' }).sources).toBe(politifact.url);
  });

  it('sets the verdict from a known rating only when the reader has chosen none', () => {
    expect(press(0, { sources: '', verdict: '' }).verdict).toBe('false');
    expect(press(0, { sources: '', verdict: 'misleading' }).verdict).toBe('misleading');
  });

  it('leaves the verdict empty for a rating Factmark does not know', () => {
    const used = press(1, { sources: '', verdict: '' });
    expect(used).toEqual({ sources: afp.url, verdict: '' });
  });
});
