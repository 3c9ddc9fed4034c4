// Why a sentence may be worth checking, in words a reader understands (the mark's card). Pure,
// and free of the model: it reads the same cues the model's features do.
import { sentenceCues, tokenize } from './features';

/**
 * Short reasons a reader understands for why a sentence may be worth checking, most telling
 * first, at most three; a fallback reason when no cue applies, and none for a blank sentence.
 */
export function explain(sentence: string): string[] {
  if (sentence.trim() === '') return [];
  const tokens = tokenize(sentence);
  const c = sentenceCues(sentence, tokens);
  const reasons: string[] = [];
  if (c.percent) reasons.push('a percentage');
  else if (tokens.some((t) => CURRENCY.has(t))) reasons.push('a sum of money');
  else if (c.number) reasons.push('a number');
  if (c.attribution) reasons.push('attributed claim');
  if (c.comparative || c.superlative) reasons.push('comparison');
  if (c.causal) reasons.push('cause and effect');
  if (c.promise) reasons.push('a promise');
  if (c.year && !c.number) reasons.push('a date');
  if (c.entity) reasons.push('names someone or something');
  if (reasons.length === 0) reasons.push('wording typical of checked claims');
  return reasons.slice(0, 3);
}

const CURRENCY = new Set(['$', '€', '£', 'dollar', 'dollars', 'cents', 'euro', 'euros', 'pounds']);
