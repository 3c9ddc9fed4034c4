// What to do with the selected notes: select all in view, clear, add a tag, delete, export.
import { useState } from 'preact/hooks';
import { parseTags } from '../core/claim-input';
import { plural, t } from '../core/i18n/translate';

export interface BulkBarProps {
  selected: number;
  inView: number;
  allInViewSelected: boolean;
  disabled: boolean;
  onSelectView(on: boolean): void;
  onClear(): void;
  onTag(tag: string): Promise<void>;
  onDelete(): void;
  onExport(): void;
}

export function BulkBar(props: BulkBarProps) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState('');
  const { selected } = props;

  async function addTag(event: Event) {
    event.preventDefault();
    const parsed = parseTags(tag);
    if (!parsed.ok) return setError(parsed.error);
    const [first] = parsed.value;
    if (!first || parsed.value.length > 1) return setError(t('review_one_tag'));
    setError('');
    await props.onTag(first);
    setTag('');
  }

  return (
    <section class="bulk" aria-label={t('review_bulk_label')}>
      <label class="check">
        <input
          type="checkbox"
          checked={props.allInViewSelected}
          disabled={props.disabled || props.inView === 0}
          onChange={(event) => props.onSelectView(event.currentTarget.checked)}
        />
        {plural('review_select_all', props.inView)}
      </label>
      {/* Always in the page, so the count is announced from the first note selected on. */}
      <span class={selected > 0 ? 'selected-count' : 'visually-hidden'} aria-live="polite">
        {selected > 0 ? plural('review_selected', selected) : ''}
      </span>
      {selected > 0 && (
        <>
          <button type="button" class="link" onClick={props.onClear}>
            {t('review_clear_selection')}
          </button>
          <form class="tag-form" onSubmit={addTag}>
            <label class="visually-hidden" for="bulk-tag">
              {t('review_bulk_tag_label')}
            </label>
            <input
              id="bulk-tag"
              type="text"
              value={tag}
              placeholder={t('review_bulk_tag_placeholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'bulk-tag-error' : undefined}
              onInput={(event) => setTag(event.currentTarget.value)}
            />
            <button type="submit" disabled={tag.trim() === ''}>
              {t('review_add_tag')}
            </button>
          </form>
          <button type="button" onClick={props.onExport}>
            {t('review_export_selected')}
          </button>
          <button type="button" class="danger" onClick={props.onDelete}>
            {plural('review_delete_selected', selected)}
          </button>
          {error && (
            <p id="bulk-tag-error" class="fm-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
