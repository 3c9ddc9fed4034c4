// Why a sentence may be worth checking, in words a reader understands (the mark's card). Pure,
// and free of the model: it reads the same cues the model's features do.
import { t } from '../i18n/translate';
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
  if (c.percent) reasons.push(t('checkworthy_reason_percentage'));
  else if (tokens.some((token) => CURRENCY.has(token))) reasons.push(t('checkworthy_reason_money'));
  else if (c.number) reasons.push(t('checkworthy_reason_number'));
  if (c.attribution) reasons.push(t('checkworthy_reason_attribution'));
  if (c.comparative || c.superlative) reasons.push(t('checkworthy_reason_comparison'));
  if (c.causal) reasons.push(t('checkworthy_reason_cause'));
  if (c.promise) reasons.push(t('checkworthy_reason_promise'));
  if (c.year && !c.number) reasons.push(t('checkworthy_reason_date'));
  if (c.entity) reasons.push(t('checkworthy_reason_entity'));
  if (reasons.length === 0) reasons.push(t('checkworthy_reason_typical'));
  return reasons.slice(0, 3);
}

const CURRENCY = new Set(['$', '€', '£', 'dollar', 'dollars', 'cents', 'euro', 'euros', 'pounds']);
