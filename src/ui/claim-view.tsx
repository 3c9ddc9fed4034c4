// How a saved claim reads: verdict (label and pattern, never colour alone), quote, correction,
// note, sources and tags. Shared by the in-page card and the popup. Everything is rendered as
// text; only http/https sources become links.
import type { ComponentChildren } from 'preact';
import { type Claim, paintOf, VERDICT_LABELS } from '../core/model';
import { isWebUrl } from '../core/url/page-key';

export function VerdictBadge({ claim }: { claim: Pick<Claim, 'verdict'> }) {
  const paint = paintOf(claim.verdict);
  const label = claim.verdict ? VERDICT_LABELS[claim.verdict] : 'Note';
  return <span class={`fm-verdict fm-verdict-${paint}`}>{label}</span>;
}

/** `quote` replaces the plain quote, e.g. with a button that reveals it on the page. */
export function ClaimView({ claim, quote }: { claim: Claim; quote?: ComponentChildren }) {
  return (
    <div class="fm-claim">
      <VerdictBadge claim={claim} />
      {quote ?? <blockquote class="fm-quote">{claim.quote.exact}</blockquote>}
      {claim.correction && (
        <p class="fm-correction">
          <strong>Correction: </strong>
          {claim.correction}
        </p>
      )}
      {claim.note && <p class="fm-note">{claim.note}</p>}
      <SourceLinks sources={claim.sources} />
      {claim.tags.length > 0 && (
        <ul class="fm-tags" aria-label="Tags">
          {claim.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Sources as links, http/https only, opened in a new tab without a referrer or opener. */
export function SourceLinks({ sources }: { sources: readonly string[] }) {
  const links = sources.filter(isWebUrl);
  if (links.length === 0) return null;
  return (
    <ul class="fm-sources" aria-label="Sources">
      {links.map((source) => (
        <li key={source}>
          <a href={source} target="_blank" rel="noopener noreferrer">
            {hostOf(source)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const path = pathname.length > 1 ? pathname : '';
    const shown = `${hostname.replace(/^www\./, '')}${path}`;
    return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  } catch {
    return url;
  }
}
