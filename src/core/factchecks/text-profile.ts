// What the re-ranker compares between a query and a fact-check, computed once per text:
// sets of stems, stem bigrams, character trigrams, numbers and names. Pure; no DOM.
// A fact-check's profile can be cached by its caller (it depends only on the text).

import { analyseText } from './analyse-text';
import { rankedText } from './lexical-index';

export interface TextProfile {
  terms: ReadonlySet<string>;
  /** How many times each term occurs. */
  counts: ReadonlyMap<string, number>;
  /** Adjacent content-word stems, joined by a space. */
  bigrams: ReadonlySet<string>;
  /** Character trigrams of the folded text, word edges marked by spaces. */
  trigrams: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  names: ReadonlySet<string>;
  /** Content words, repeats included. */
  length: number;
}

export function profileText(text: string): TextProfile {
  const a = analyseText(text);
  const bigrams = new Set<string>();
  for (let i = 1; i < a.terms.length; i++) bigrams.add(`${a.terms[i - 1]} ${a.terms[i]}`);
  const trigrams = new Set<string>();
  const padded = ` ${a.folded} `;
  for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  const counts = new Map<string, number>();
  for (const t of a.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    terms: new Set(a.terms),
    counts,
    bigrams,
    trigrams,
    numbers: new Set(a.numbers),
    names: new Set(a.names),
    length: a.terms.length,
  };
}

/** A fact-check's two fields, profiled. */
export interface FactCheckProfile {
  claim: TextProfile;
  title: TextProfile;
}

export function profileFactCheck(fc: { claim: string; title: string }): FactCheckProfile {
  const read = rankedText(fc);
  return { claim: profileText(read.claim), title: profileText(read.title) };
}
