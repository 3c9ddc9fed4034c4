// The filters of the review page: verdicts, site, tag, date range, "has a correction", "not
// found on its page", "has a related fact-check", sort and grouping. Every change goes straight into the view (and the URL).
import { plural, t } from '../core/i18n/translate';
import { type Paint, VERDICT_LABELS } from '../core/model';
import {
  isFiltered,
  PAINTS,
  type ReviewView,
  SORT_LABELS,
  SORTS,
  type Sort,
} from '../core/search/view-state';

export interface FilterPanelProps {
  view: ReviewView;
  sites: readonly [string, number][];
  tags: readonly [string, number][];
  onChange(change: Partial<ReviewView>): void;
  onClear(): void;
}

/** Read when rendered, not once at load: the verdict labels are messages. */
function paintLabel(paint: Paint): string {
  return paint === 'note' ? t('review_filter_no_verdict') : VERDICT_LABELS[paint];
}
/** Suggestions beyond this many would only slow the page down. */
const MAX_SUGGESTIONS = 500;

export function FilterPanel({ view, sites, tags, onChange, onClear }: FilterPanelProps) {
  function toggleVerdict(paint: Paint, on: boolean) {
    const verdicts = on ? [...view.verdicts, paint] : view.verdicts.filter((p) => p !== paint);
    onChange({ verdicts: PAINTS.filter((p) => verdicts.includes(p)) });
  }

  return (
    <section class="panel filters" aria-labelledby="filters-heading">
      <div class="panel-head">
        <h2 id="filters-heading">{t('review_filters_heading')}</h2>
        <button type="button" class="link" onClick={onClear} disabled={!isFiltered({ ...view, q: '' })}>
          {t('review_clear_filters')}
        </button>
      </div>
      <fieldset class="verdicts">
        <legend>{t('review_filter_verdict')}</legend>
        {PAINTS.map((paint) => (
          <label key={paint} class={`chip fm-verdict-${paint}`}>
            <input
              type="checkbox"
              checked={view.verdicts.includes(paint)}
              onChange={(event) => toggleVerdict(paint, event.currentTarget.checked)}
            />
            <span class="chip-label">{paintLabel(paint)}</span>
          </label>
        ))}
      </fieldset>
      <label for="filter-site">{t('review_filter_site')}</label>
      <input
        id="filter-site"
        type="search"
        list="filter-site-options"
        value={view.site}
        placeholder={t('review_filter_site_placeholder')}
        autocomplete="off"
        onChange={(event) => onChange({ site: event.currentTarget.value.trim().toLowerCase() })}
      />
      <datalist id="filter-site-options">
        {sites.slice(0, MAX_SUGGESTIONS).map(([site, count]) => (
          <option key={site} value={site}>
            {plural('review_count', count)}
          </option>
        ))}
      </datalist>
      <label for="filter-tag">{t('review_filter_tag')}</label>
      <input
        id="filter-tag"
        type="search"
        list="filter-tag-options"
        value={view.tag}
        placeholder={t('review_filter_tag_placeholder')}
        autocomplete="off"
        onChange={(event) => onChange({ tag: event.currentTarget.value.trim() })}
      />
      <datalist id="filter-tag-options">
        {tags.slice(0, MAX_SUGGESTIONS).map(([tag, count]) => (
          <option key={tag} value={tag}>
            {plural('review_count', count)}
          </option>
        ))}
      </datalist>
      <fieldset class="dates">
        <legend>{t('review_filter_changed')}</legend>
        <label class="date">
          <span>{t('review_filter_from')}</span>
          <input
            type="date"
            value={view.from}
            max={view.to || undefined}
            onChange={(event) => onChange({ from: event.currentTarget.value })}
          />
        </label>
        <label class="date">
          <span>{t('review_filter_to')}</span>
          <input
            type="date"
            value={view.to}
            min={view.from || undefined}
            onChange={(event) => onChange({ to: event.currentTarget.value })}
          />
        </label>
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          checked={view.hasCorrection}
          onChange={(event) => onChange({ hasCorrection: event.currentTarget.checked })}
        />
        {t('review_filter_correction')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={view.notFound}
          onChange={(event) => onChange({ notFound: event.currentTarget.checked })}
        />
        {t('review_filter_not_found')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={view.factChecked}
          onChange={(event) => onChange({ factChecked: event.currentTarget.checked })}
        />
        {t('review_filter_fact_checked')}
      </label>
      <label for="sort">{t('review_sort')}</label>
      <select
        id="sort"
        value={view.sort}
        onChange={(event) => onChange({ sort: event.currentTarget.value as Sort })}
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          checked={view.group}
          onChange={(event) => onChange({ group: event.currentTarget.checked })}
        />
        {t('review_group')}
      </label>
    </section>
  );
}
