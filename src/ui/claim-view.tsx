// How a saved claim reads: verdict (label and pattern, never colour alone), quote, correction,
// note, sources and tags. Shared by the in-page card and the popup. Everything is rendered as
// text; only http/https sources become links.
import type { ComponentChildren } from 'preact';
import { t } from '../core/i18n/translate';
import { type Claim, paintOf, VERDICT_LABELS } from '../core/model';
import { isWebUrl } from '../core/url/web-address';

export function VerdictBadge({ claim }: { claim: Pick<Claim, 'verdict'> }) {
  const paint = paintOf(claim.verdict);
  const label = claim.verdict ? VERDICT_LABELS[claim.verdict] : t('page_badge_note');
  return <span class={`fm-verdict fm-verdict-${paint}`}>{label}</span>;
}

/**
 * How the reader's own words are put on screen. 'text': as text nodes. 'unsearchable' (the
 * in-page card): as generated content, `content: attr(data-text)` in page-ui.css — a page's
 * `window.find()` searches even closed shadow roots and would tell it whether a guessed note is
 * showing, but it does not search generated content. Screen readers still read it.
 */
export type WordsAs = 'text' | 'unsearchable';

/** One piece of the reader's text, shown as `as` says; never markup. */
export function Words({ text, as = 'text' }: { text: string; as?: WordsAs | undefined }) {
  return as === 'text' ? text : <span class="fm-words" data-text={text} />;
}

/** `quote` replaces the plain quote, e.g. with a button that reveals it on the page. */
export function ClaimView({ claim, quote, as }: { claim: Claim; quote?: ComponentChildren; as?: WordsAs }) {
  return (
    <div class="fm-claim">
      <VerdictBadge claim={claim} />
      {quote ?? <blockquote class="fm-quote">{claim.quote.exact}</blockquote>}
      {claim.correction && (
        <p class="fm-correction">
          {/* The label's own message, without the space: French writes "Correction :". */}
          <strong>{t('page_correction_label')}</strong> <Words text={claim.correction} as={as} />
        </p>
      )}
      {claim.note && (
        <p class="fm-note">
          <Words text={claim.note} as={as} />
        </p>
      )}
      <SourceLinks sources={claim.sources} as={as} />
      {claim.tags.length > 0 && (
        <ul class="fm-tags" aria-label={t('page_tags_label')}>
          {claim.tags.map((tag) => (
            <li key={tag}>
              <Words text={tag} as={as} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Sources as links, http/https only, opened in a new tab without a referrer or opener. Shown as
 * generated content ('unsearchable'), a link also carries its words as its name (aria-label):
 * not every screen reader or checker names a link from generated content, and an attribute is
 * no more searchable by the page than generated content is.
 */
export function SourceLinks({ sources, as }: { sources: readonly string[]; as?: WordsAs | undefined }) {
  const links = sources.filter(isWebUrl);
  if (links.length === 0) return null;
  return (
    <ul class="fm-sources" aria-label={t('page_sources_label')}>
      {links.map((source) => (
        <li key={source}>
          <WebLink href={source} {...(as === 'unsearchable' ? { label: hostOf(source) } : {})}>
            <Words text={hostOf(source)} as={as} />
          </WebLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * A link to a web page (http/https only, else nothing), in a new tab without a referrer or opener;
 * `label` is its accessible name when its text is not (generated content).
 */
export function WebLink({
  href,
  label,
  children,
}: {
  href: string;
  label?: string;
  children: ComponentChildren;
}) {
  if (!isWebUrl(href)) return null;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
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
