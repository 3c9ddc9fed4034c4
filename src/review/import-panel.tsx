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
import { previewImport, writeImport } from '../db/import';
import type { FactmarkDb } from '../db/schema';
import { isQuotaError, STORAGE_FULL } from '../db/storage-errors';
import { ProgressBar } from './progress-bar';

/** Nothing of the import was written: the transaction was undone as a whole. */
export const DISK_FULL_IMPORT = `Nothing was imported. ${STORAGE_FULL}`;

const FORMAT_NAMES: Record<ImportFormat, string> = {
  'factmark-backup': 'Factmark backup',
  'web-annotation': 'W3C Web Annotations',
  hypothesis: 'Hypothesis export (Web Annotations)',
  'claim-review': 'schema.org ClaimReview',
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
      setStage({ kind: 'failed', text: `Could not read ${file.name}: ${messageOf(error)}` });
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
      const parts = [
        `${plan.new.toLocaleString()} new`,
        `${plan.updated.toLocaleString()} updated`,
        `${plan.alreadyThere.toLocaleString()} already there`,
      ];
      setStage({ kind: 'done', text: `Imported ${name}: ${parts.join(', ')}.` });
    } catch (error) {
      setStage({
        kind: 'failed',
        text: isQuotaError(error) ? DISK_FULL_IMPORT : `Nothing was imported: ${messageOf(error)}`,
      });
    }
  }

  return (
    <section class="panel import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
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
        <span>Choose a file or drop it here</span>
        <small>Factmark backup, W3C Web Annotations or ClaimReview (JSON)</small>
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
      {stage.kind === 'reading' && <ProgressBar label={`Reading ${stage.name}…`} />}
      {stage.kind === 'writing' && (
        <ProgressBar
          label={stage.phase === 'checking' ? 'Comparing with saved notes…' : 'Writing notes…'}
          done={stage.done}
          total={stage.total}
        />
      )}
      {stage.kind === 'preview' && (
        <Preview stage={stage} onImport={() => void write()} onCancel={() => setStage({ kind: 'idle' })} />
      )}
      {stage.kind === 'done' && (
        <p class="ok" role="status">
          {stage.text}
        </p>
      )}
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
    <section class="preview" aria-label="Import preview" ref={region}>
      <p>
        <strong>{stage.name}</strong> — {FORMAT_NAMES[stage.format]},{' '}
        {(stage.records.length + invalid.length).toLocaleString()} records:
      </p>
      <ul class="plan">
        <li>
          <strong>{plan.new.toLocaleString()}</strong> new
        </li>
        <li>
          <strong>{plan.updated.toLocaleString()}</strong> changed since (will be updated)
        </li>
        <li>
          <strong>{plan.alreadyThere.toLocaleString()}</strong> already there (no change)
        </li>
        <li class={invalid.length > 0 ? 'bad' : ''}>
          <strong>{invalid.length.toLocaleString()}</strong> invalid (will be skipped)
        </li>
      </ul>
      {invalid.length > 0 && (
        <details open={invalid.length <= 10}>
          <summary>Why records are invalid</summary>
          <ol class="invalid">
            {invalid.slice(0, INVALID_SHOWN).map((problem) => (
              <li key={`${problem.record}-${problem.field}`}>
                Record {problem.record}, <code>{problem.field}</code>: {problem.reason}
              </li>
            ))}
          </ol>
          {invalid.length > INVALID_SHOWN && (
            <p>…and {(invalid.length - INVALID_SHOWN).toLocaleString()} more.</p>
          )}
        </details>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" disabled={writes === 0} onClick={onImport}>
          {writes === 0
            ? 'Nothing to import'
            : `Import ${writes.toLocaleString()} ${writes === 1 ? 'note' : 'notes'}`}
        </button>
      </div>
    </section>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
