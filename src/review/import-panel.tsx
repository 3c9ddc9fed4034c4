// Import: a Factmark backup, W3C Web Annotations (Hypothesis too) or ClaimReview, chosen or
// dropped. Nothing is written until the reader has seen the preview — how many records are new,
// already there or changed, and which are invalid (record number, field, reason) — and then
// everything valid is written in one transaction, or nothing is.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type ClaimRecord,
  IMPORT_LIMITS,
  type ImportFormat,
  type ImportPlan,
  type InvalidRecord,
  parseImport,
} from '../core/formats';
import { isolate } from '../core/i18n/reader-text';
import { formatNumber, type MessageKey, plural, t } from '../core/i18n/translate';
import { previewImport, writeImport } from '../db/import';
import type { FactmarkDb } from '../db/schema';
import { isQuotaError, STORAGE_FULL } from '../db/storage-errors';
import { richPlural, richText } from '../ui/rich-text';
import { ProgressBar } from './progress-bar';

/** Nothing of the import was written: the transaction was undone as a whole. */
function diskFullImport(): string {
  return t('review_import_full', { reason: STORAGE_FULL });
}

/** The message as the page shows it (the page's language does not change while it is open). */
export const DISK_FULL_IMPORT = diskFullImport();

const FORMAT_NAMES: Record<ImportFormat, MessageKey> = {
  'factmark-backup': 'review_import_format_backup',
  'web-annotation': 'review_import_format_web_annotation',
  hypothesis: 'review_import_format_hypothesis',
  'claim-review': 'review_import_format_claim_review',
};

/**
 * The largest file this page reads. Factmark's own backup takes about 1 KB a claim (pretty-printed
 * JSON), so a backup of 100,000 claims is near 100 MB: twice the library default. This allows a
 * backup of as many records as an import takes (IMPORT_LIMITS.maxRecords) to be restored.
 */
export const MAX_IMPORT_CHARS = IMPORT_LIMITS.maxRecords * 1024;

/** Invalid records listed one by one; the rest are counted. */
const INVALID_SHOWN = 100;

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | {
      kind: 'preview';
      name: string;
      format: ImportFormat;
      records: ClaimRecord[];
      invalid: InvalidRecord[];
      plan: ImportPlan;
    }
  | { kind: 'writing'; name: string; phase: 'checking' | 'writing'; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string };

export interface ImportPanelProps {
  db: FactmarkDb;
  /** A file dropped anywhere on the page. */
  dropped: File | null;
  onDroppedTaken(): void;
  /** Called after a write, so open tabs repaint. */
  onImported(): void;
}

export function ImportPanel({ db, dropped, onDroppedTaken, onImported }: ImportPanelProps) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const busy = stage.kind === 'reading' || stage.kind === 'writing';

  async function read(file: File) {
    setStage({ kind: 'reading', name: file.name });
    try {
      // Let the progress bar paint before the (synchronous) parse of a possibly large file.
      const text = await file.text();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const parsed = parseImport(text, { maxChars: MAX_IMPORT_CHARS });
      if (parsed.kind === 'invalid') return setStage({ kind: 'failed', text: parsed.error });
      const plan = await previewImport(db, parsed.records);
      setStage({
        kind: 'preview',
        name: file.name,
        format: parsed.format,
        records: parsed.records,
        invalid: parsed.invalid,
        plan,
      });
    } catch (error) {
      setStage({
        kind: 'failed',
        text: t('review_import_read_failed', { file: isolate(file.name), error: messageOf(error) }),
      });
    }
  }

  useEffect(() => {
    if (!dropped || busy) return;
    onDroppedTaken();
    void read(dropped);
  }, [dropped]);

  async function write() {
    if (stage.kind !== 'preview') return;
    const { name, records } = stage;
    setStage({ kind: 'writing', name, phase: 'checking', done: 0, total: records.length });
    try {
      const plan = await writeImport(db, records, (progress) =>
        setStage({ kind: 'writing', name, ...progress }),
      );
      onImported();
      setStage({
        kind: 'done',
        text: t('review_imported', {
          file: isolate(name),
          new: plan.new,
          updated: plan.updated,
          same: plan.alreadyThere,
        }),
      });
    } catch (error) {
      setStage({
        kind: 'failed',
        text: isQuotaError(error) ? diskFullImport() : t('review_import_failed', { error: messageOf(error) }),
      });
    }
  }

  return (
    <section class="panel import" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('review_import_heading')}</h2>
      <label
        class={`drop${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setOver(false);
          const file = event.dataTransfer?.files[0];
          if (file && !busy) void read(file);
        }}
      >
        <span>{t('review_import_drop')}</span>
        <small>{t('review_import_formats')}</small>
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void read(file);
          }}
        />
      </label>
      {stage.kind === 'reading' && (
        <ProgressBar label={t('review_import_reading', { file: isolate(stage.name) })} />
      )}
      {stage.kind === 'writing' && (
        <ProgressBar
          label={t(stage.phase === 'checking' ? 'review_import_comparing' : 'review_import_writing')}
          done={stage.done}
          total={stage.total}
        />
      )}
      {stage.kind === 'preview' && (
        <Preview stage={stage} onImport={() => void write()} onCancel={() => setStage({ kind: 'idle' })} />
      )}
      {/* Always in the page, so the outcome put into it is announced. */}
      <p class={stage.kind === 'done' ? 'ok' : 'visually-hidden'} role="status">
        {stage.kind === 'done' ? stage.text : ''}
      </p>
      {stage.kind === 'failed' && (
        <p class="fm-error" role="alert">
          {stage.text}
        </p>
      )}
    </section>
  );
}

function Preview({
  stage,
  onImport,
  onCancel,
}: {
  stage: Extract<Stage, { kind: 'preview' }>;
  onImport(): void;
  onCancel(): void;
}) {
  const { plan, invalid } = stage;
  const writes = plan.toWrite.length;
  const region = useRef<HTMLElement>(null);
  // The preview may appear below the fold (a file dropped on the list): bring it into view.
  useEffect(() => region.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <section class="preview" aria-label={t('review_import_preview_label')} ref={region}>
      <p>
        {richPlural(
          'review_import_summary',
          stage.records.length + invalid.length,
          { file: <strong dir="auto">{stage.name}</strong> },
          { format: t(FORMAT_NAMES[stage.format]) },
        )}
      </p>
      <ul class="plan">
        <li>
          <PlanLine count={plan.new} message="review_plan_new" />
        </li>
        <li>
          <PlanLine count={plan.updated} message="review_plan_updated" />
        </li>
        <li>
          <PlanLine count={plan.alreadyThere} message="review_plan_same" />
        </li>
        <li class={invalid.length > 0 ? 'bad' : ''}>
          <PlanLine count={invalid.length} message="review_plan_invalid" />
        </li>
      </ul>
      {invalid.length > 0 && (
        <details open={invalid.length <= 10}>
          <summary>{t('review_invalid_why')}</summary>
          <ol class="invalid">
            {invalid.slice(0, INVALID_SHOWN).map((problem) => (
              <li key={`${problem.record}-${problem.field}`}>
                {richText(
                  'review_invalid_record',
                  { field: <code>{problem.field}</code> },
                  { record: problem.record, reason: problem.reason },
                )}
              </li>
            ))}
          </ol>
          {invalid.length > INVALID_SHOWN && (
            <p>{plural('review_invalid_more', invalid.length - INVALID_SHOWN)}</p>
          )}
        </details>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {t('review_cancel')}
        </button>
        <button type="button" class="primary" disabled={writes === 0} onClick={onImport}>
          {writes === 0 ? t('review_nothing_to_import') : plural('review_import_button', writes)}
        </button>
      </div>
    </section>
  );
}

type PlanMessage = 'review_plan_new' | 'review_plan_updated' | 'review_plan_same' | 'review_plan_invalid';

/** One line of the import plan — "3 new" — with its count in bold, wherever the language puts it. */
function PlanLine({ count, message }: { count: number; message: PlanMessage }) {
  return <>{richPlural(message, count, { count: <strong>{formatNumber(count)}</strong> })}</>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
