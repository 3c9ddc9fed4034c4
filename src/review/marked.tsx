// Text with the words that matched the search marked (<mark>), rendered as text nodes only.
import { markMatches } from '../core/search/mark';
import type { SearchQuery } from '../core/search/query';

export function Marked({ text, query }: { text: string; query: SearchQuery }) {
  if (query.words.length === 0) return <>{text}</>;
  return (
    <>
      {markMatches(text, query).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}
