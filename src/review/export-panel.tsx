// Export: every note, the current (filtered) view or the selection, as a Factmark backup, W3C
// Web Annotations, ClaimReview JSON-LD, CSV or Markdown, with the converters in core/formats.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import {
  CSV_MEDIA_TYPE,
  exportBackup,
  exportClaimReviews,
  exportCsv,
  exportMarkdown,
  exportWebAnnotations,
  MARKDOWN_MEDIA_TYPE,
  WEB_ANNOTATION_MEDIA_TYPE,
} from '../core/formats';
import type { Claim } from '../core/model';
import { downloadText, today } from './download';
import { ProgressBar } from './progress-bar';

export type ExportScope = 'all' | 'view' | 'selected';

const FORMATS = {
  backup: {
    label: 'Factmark backup (JSON, everything)',
    extension: 'json',
    mediaType: 'application/json',
    write: (claims: readonly Claim[], now: Date) => exportBackup(claims, now),
  },
  'web-annotation': {
    label: 'W3C Web Annotation (JSON-LD)',
    extension: 'jsonld',
    mediaType: WEB_ANNOTATION_MEDIA_TYPE,
    write: (claims: readonly Claim[], now: Date) => exportWebAnnotations(claims, now),
  },
  'claim-review': {
    label: 'schema.org ClaimReview (JSON-LD)',
    extension: 'jsonld',
    mediaType: 'application/ld+json',
    write: (claims: readonly Claim[]) => exportClaimReviews(claims),
  },
  csv: {
    label: 'CSV (spreadsheet)',
    extension: 'csv',
    mediaType: CSV_MEDIA_TYPE,
    write: (claims: readonly Claim[]) => exportCsv(claims),
  },
  markdown: {
    label: 'Markdown',
    extension: 'md',
    mediaType: MARKDOWN_MEDIA_TYPE,
    write: (claims: readonly Claim[], now: Date) => exportMarkdown(claims, now),
  },
} as const;

type FormatKey = keyof typeof FORMATS;

export interface ExportPanelProps {
  ready: boolean;
  scope: ExportScope;
  onScope(scope: ExportScope): void;
  /** The claims of a scope, in the order they are listed. */
  claimsOf(scope: ExportScope): readonly Claim[];
  counts: Record<ExportScope, number>;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function ExportPanel({ ready, scope, onScope, claimsOf, counts, headingRef }: ExportPanelProps) {
  const [format, setFormat] = useState<FormatKey>('backup');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    // Let the progress bar paint before the (synchronous) conversion starts.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      const claims = claimsOf(scope);
      const chosen = FORMATS[format];
      const text = chosen.write(claims, new Date());
      const suffix = scope === 'all' ? '' : scope === 'view' ? '-view' : '-selected';
      downloadText(text, `factmark-${today()}${suffix}.${chosen.extension}`, chosen.mediaType);
      setMessage({
        kind: 'ok',
        text: `Exported ${claims.length.toLocaleString()} ${claims.length === 1 ? 'note' : 'notes'}.`,
      });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: `Could not export: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  const scopes: [ExportScope, string][] = [
    ['all', 'All notes'],
    ['view', 'This view'],
    ['selected', 'Selected'],
  ];
  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading" ref={headingRef} tabIndex={-1}>
        Export
      </h2>
      <fieldset class="scopes">
        <legend>Which notes</legend>
        {scopes.map(([value, label]) => (
          <label key={value} class="check">
            <input
              type="radio"
              name="export-scope"
              value={value}
              checked={scope === value}
              disabled={value !== 'all' && counts[value] === 0}
              onChange={() => onScope(value)}
            />
            {label} ({counts[value].toLocaleString()})
          </label>
        ))}
      </fieldset>
      <label for="export-format">Format</label>
      <select
        id="export-format"
        value={format}
        onChange={(event) => setFormat(event.currentTarget.value as FormatKey)}
      >
        {Object.entries(FORMATS).map(([key, { label }]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="primary"
        disabled={!ready || busy || counts[scope] === 0}
        onClick={() => void run()}
      >
        {ready
          ? `Export ${counts[scope].toLocaleString()} ${counts[scope] === 1 ? 'note' : 'notes'}`
          : 'Loading notes…'}
      </button>
      {busy && <ProgressBar label="Writing the file…" />}
      {message && (
        <p
          class={message.kind === 'error' ? 'fm-error' : 'ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
