// One saved claim in the review list: verdict, site, page title, date, quote, correction, note,
// sources and tags, with the searched words marked; select, open, edit (inline) and delete.
// Text only; only http/https sources become links.
import type { Ref } from 'preact';
import { isolate } from '../core/i18n/reader-text';
import { formatDate, t } from '../core/i18n/translate';
import { type Claim, type ClaimFields, VERDICT_LABELS } from '../core/model';
import type { SearchQuery } from '../core/search/query';
import { isWebUrl } from '../core/url/web-address';
import type { RelatedFactCheck } from '../messages';
import { ClaimEditor } from '../ui/claim-editor';
import { VerdictBadge } from '../ui/claim-view';
import { Marked } from './marked';
import { RelatedLine } from './related-line';

export interface ClaimRowProps {
  claim: Claim;
  site: string;
  /** A subscribed fact-check related to this note (null: none, or not known yet). */
  related: RelatedFactCheck | null;
  query: SearchQuery;
  selected: boolean;
  editing: boolean;
  showTitle: boolean;
  active: boolean;
  position: number;
  setSize: number;
  rowRef: Ref<HTMLElement>;
  top: number;
  onFocus(): void;
  onSelect(selected: boolean): void;
  onOpen(): void;
  onEdit(): void;
  onSave(fields: ClaimFields): Promise<void>;
  onCancelEdit(): void;
  onDelete(): void;
}

export function ClaimRow(props: ClaimRowProps) {
  const { claim, site, query, selected, editing, active } = props;
  const label = t('review_row_label', {
    verdict: claim.verdict ? VERDICT_LABELS[claim.verdict] : t('review_row_no_verdict'),
    quote: isolate(clip(claim.quote.exact, 90)),
    site: isolate(site || claim.url),
  });
  const sources = claim.sources.filter(isWebUrl);
  const updated = new Date(claim.updated);
  return (
    <article
      ref={props.rowRef}
      class={`row claim-row${selected ? ' selected' : ''}${claim.found === false ? ' not-found' : ''}`}
      style={{ transform: `translateY(${props.top}px)` }}
      tabIndex={active ? 0 : -1}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      aria-label={label}
      data-id={claim.id}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocus();
      }}
    >
      <div class="row-head">
        <input
          type="checkbox"
          class="select"
          checked={selected}
          aria-label={t('review_select_note')}
          onChange={(event) => props.onSelect(event.currentTarget.checked)}
          onFocus={props.onFocus}
        />
        <VerdictBadge claim={claim} />
        {/* dir="auto" on the reader's own words: each reads in its own direction, whatever the page's. */}
        <span class="site" dir="auto">
          <Marked text={site || claim.url} query={query} />
        </span>
        <time
          dateTime={updated.toISOString()}
          title={t('review_row_dates', {
            created: formatDate(claim.created, true),
            changed: formatDate(updated, true),
          })}
        >
          {t('review_row_date', { date: formatDate(updated) })}
        </time>
        {claim.found === false && (
          <span class="not-found-label" title={t('review_not_found_hint')}>
            {t('review_not_found')}
          </span>
        )}
      </div>
      {props.showTitle && (
        <h3 class="page-title" dir="auto">
          <Marked text={claim.title || t('review_untitled')} query={query} />
        </h3>
      )}
      {editing ? (
        <ClaimEditor
          idPrefix={`edit-${claim.id}`}
          quote={claim.quote.exact}
          initial={claim}
          onSave={props.onSave}
          onCancel={props.onCancelEdit}
        />
      ) : (
        <>
          <blockquote class="fm-quote" dir="auto">
            <Marked text={claim.quote.exact} query={query} />
          </blockquote>
          {claim.correction && (
            <p class="fm-correction">
              <strong class="field-name">{t('review_field_correction')}</strong>{' '}
              <bdi>
                <Marked text={claim.correction} query={query} />
              </bdi>
            </p>
          )}
          {claim.note && (
            <p class="fm-note">
              <strong class="field-name">{t('review_field_note')}</strong>{' '}
              <bdi>
                <Marked text={claim.note} query={query} />
              </bdi>
            </p>
          )}
          {props.related && <RelatedLine related={props.related} />}
          {(sources.length > 0 || claim.tags.length > 0) && (
            <div class="meta">
              {sources.length > 0 && (
                <ul class="fm-sources" aria-label={t('review_sources_label')}>
                  {sources.map((source) => (
                    <li key={source}>
                      <a href={source} target="_blank" rel="noopener noreferrer" dir="auto">
                        {shortUrl(source)}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {claim.tags.length > 0 && (
                <ul class="fm-tags" aria-label={t('review_tags_label')}>
                  {claim.tags.map((tag) => (
                    <li key={tag} dir="auto">
                      <Marked text={tag} query={query} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div class="actions">
            <button
              type="button"
              onClick={props.onOpen}
              disabled={!isWebUrl(claim.url)}
              title={t('review_open_hint')}
            >
              {t('review_open')}
            </button>
            <button type="button" onClick={props.onEdit} title={t('review_edit_hint')}>
              {t('review_edit')}
            </button>
            <button type="button" class="danger" onClick={props.onDelete} title={t('review_delete_hint')}>
              {t('review_delete')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

function shortUrl(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    const shown = `${hostname.replace(/^www\./, '')}${pathname.length > 1 ? pathname : ''}`;
    return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  } catch {
    return url;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
