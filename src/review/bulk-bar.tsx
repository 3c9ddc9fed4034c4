// What to do with the selected notes: select all in view, clear, add a tag, delete, export.
import { useState } from 'preact/hooks';
import { parseTags } from '../core/claim-input';

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
    if (!first || parsed.value.length > 1) return setError('Type one tag to add.');
    setError('');
    await props.onTag(first);
    setTag('');
  }

  return (
    <section class="bulk" aria-label="Selected notes">
      <label class="check">
        <input
          type="checkbox"
          checked={props.allInViewSelected}
          disabled={props.disabled || props.inView === 0}
          onChange={(event) => props.onSelectView(event.currentTarget.checked)}
        />
        Select all {props.inView.toLocaleString()} in view
      </label>
      {selected > 0 && (
        <>
          <span class="selected-count" aria-live="polite">
            {selected.toLocaleString()} selected
          </span>
          <button type="button" class="link" onClick={props.onClear}>
            Clear selection
          </button>
          <form class="tag-form" onSubmit={addTag}>
            <label class="visually-hidden" for="bulk-tag">
              Tag to add to the selected notes
            </label>
            <input
              id="bulk-tag"
              type="text"
              value={tag}
              placeholder="Tag"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'bulk-tag-error' : undefined}
              onInput={(event) => setTag(event.currentTarget.value)}
            />
            <button type="submit" disabled={tag.trim() === ''}>
              Add tag
            </button>
          </form>
          <button type="button" onClick={props.onExport}>
            Export…
          </button>
          <button type="button" class="danger" onClick={props.onDelete}>
            Delete {selected.toLocaleString()}
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
