// Marks the words that matched a search in text a reader sees: the text split into plain and
// marked pieces, rendered as text (never HTML). Pure.
import { matchesAnyWord, type SearchQuery } from './query';
import { shownWords } from './text';

export interface Piece {
  text: string;
  marked: boolean;
}

export function markMatches(text: string, query: SearchQuery): Piece[] {
  if (query.words.length === 0 || text === '') return text === '' ? [] : [{ text, marked: false }];
  const pieces: Piece[] = [];
  let at = 0;
  for (const word of shownWords(text)) {
    if (!word.folded.some((folded) => matchesAnyWord(query, folded))) continue;
    if (word.start > at) pieces.push({ text: text.slice(at, word.start), marked: false });
    const last = pieces[pieces.length - 1];
    // Adjacent marked words separated by nothing merge into one mark.
    if (last?.marked && word.start === at) last.text += text.slice(word.start, word.end);
    else pieces.push({ text: text.slice(word.start, word.end), marked: true });
    at = word.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
