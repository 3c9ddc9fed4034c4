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
import { type MessageKey, plural, t } from '../core/i18n/translate';
import type { Claim } from '../core/model';
import { downloadText, today } from './download';
import { ProgressBar } from './progress-bar';

export type ExportScope = 'all' | 'view' | 'selected';

interface ExportFormat {
  /** The format's name in the list (a message). */
  label: MessageKey;
  extension: string;
  mediaType: string;
  write(claims: readonly Claim[], now: Date): string;
}

const FORMATS = {
  backup: {
    label: 'review_format_backup',
    extension: 'json',
    mediaType: 'application/json',
    write: (claims: readonly Claim[], now: Date) => exportBackup(claims, now),
  },
  'web-annotation': {
    label: 'review_format_web_annotation',
    extension: 'jsonld',
    mediaType: WEB_ANNOTATION_MEDIA_TYPE,
    write: (claims: readonly Claim[], now: Date) => exportWebAnnotations(claims, now),
  },
  'claim-review': {
    label: 'review_format_claim_review',
    extension: 'jsonld',
    mediaType: 'application/ld+json',
    write: (claims: readonly Claim[]) => exportClaimReviews(claims),
  },
  csv: {
    label: 'review_format_csv',
    extension: 'csv',
    mediaType: CSV_MEDIA_TYPE,
    write: (claims: readonly Claim[]) => exportCsv(claims),
  },
  markdown: {
    label: 'review_format_markdown',
    extension: 'md',
    mediaType: MARKDOWN_MEDIA_TYPE,
    write: (claims: readonly Claim[], now: Date) => exportMarkdown(claims, now),
  },
} as const satisfies Record<string, ExportFormat>;

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
      setMessage({ kind: 'ok', text: plural('review_exported', claims.length) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('review_export_failed', { error: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(false);
    }
  }

  const scopes: [ExportScope, MessageKey][] = [
    ['all', 'review_scope_all'],
    ['view', 'review_scope_view'],
    ['selected', 'review_scope_selected'],
  ];
  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading" ref={headingRef} tabIndex={-1}>
        {t('review_export_heading')}
      </h2>
      <fieldset class="scopes">
        <legend>{t('review_export_which')}</legend>
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
            {t(label, { count: counts[value] })}
          </label>
        ))}
      </fieldset>
      <label for="export-format">{t('review_export_format')}</label>
      <select
        id="export-format"
        value={format}
        onChange={(event) => setFormat(event.currentTarget.value as FormatKey)}
      >
        {Object.entries(FORMATS).map(([key, { label }]) => (
          <option key={key} value={key}>
            {t(label)}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="primary"
        disabled={!ready || busy || counts[scope] === 0}
        onClick={() => void run()}
      >
        {ready ? plural('review_export_button', counts[scope]) : t('review_loading')}
      </button>
      {busy && <ProgressBar label={t('review_export_writing')} />}
      {/* Both regions stay in the page, so what is put in them is announced. */}
      <p class={message?.kind === 'ok' ? 'ok' : 'visually-hidden'} role="status">
        {message?.kind === 'ok' ? message.text : ''}
      </p>
      <p class={message?.kind === 'error' ? 'fm-error' : 'visually-hidden'} role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
    </section>
  );
}
