// The words a page's sentence and a fact-check's claim have in common, as the sentence writes
// them: what the card shows so the reader can judge the match. Compared as the ranking compares
// them (folded, stemmed, stop words left out), so "vaccines" in the sentence meets "vaccine". Pure.
import { fold, stemWord } from './analyse-text';
import { STOP_WORDS } from './stop-words';
import { profileText } from './text-profile';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Up to `max` distinct words of `sentence` whose stems the claim (or title) also has, in sentence order. */
export function sharedWords(sentence: string, claim: string, max = 12): string[] {
  const theirs = profileText(claim).terms;
  const seen = new Set<string>();
  const words: string[] = [];
  for (const [word] of sentence.normalize('NFKC').matchAll(WORD)) {
    const folded = fold(word).replace(/[.,]+$/, '');
    if (folded.length < 2 || STOP_WORDS.has(folded)) continue;
    const stem = /\d/.test(folded) ? folded.replace(/,/g, '') : stemWord(folded);
    if (!theirs.has(stem) || seen.has(stem)) continue;
    seen.add(stem);
    words.push(word.replace(/[.,]+$/, ''));
    if (words.length >= max) break;
  }
  return words;
}
