// A note's related fact-check in the review list, on one compact line: "Fact-checked by
// PolitiFact: False — Wind turbines are killing whales…", the checker's wording linking to the
// fact-check (http/https only). Text only.
import { isWebUrl } from '../core/url/web-address';
import type { RelatedFactCheck } from '../messages';
import { WebLink } from '../ui/claim-view';

/** The checker's wording is clipped to this many characters. */
const CLAIM_SHOWN = 120;

export function RelatedLine({ related }: { related: RelatedFactCheck }) {
  const { publisher, rating, claim, url, listTitle } = related.factCheck;
  const by = publisher || listTitle || 'a fact-checker';
  const wording = clip(claim, CLAIM_SHOWN);
  const why =
    related.via === 'source'
      ? 'A source of this note is this fact-check'
      : 'This note’s quote matches what was checked';
  return (
    <p class="fact-checked" title={why}>
      <strong class="field-name">
        Fact-checked by {by}
        {rating ? `: ${rating}` : ''}
      </strong>{' '}
      — {isWebUrl(url) ? <WebLink href={url}>{wording}</WebLink> : wording}
    </p>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
