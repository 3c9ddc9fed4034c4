// The claim editor form: verdict, correction, note, sources, tags; for a new claim, optionally
// "highlight this phrase on every page" (a rule), and the fact-checks it may repeat when the
// caller found some. Shared by the in-page dialog and the popup. It only collects and checks
// fields; the caller saves them.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { parseSources, parseTags } from '../core/claim-input';
import type { FactCheckSuggestion } from '../core/factchecks/fact-check-mark';
import { type ClaimFields, VERDICT_LABELS, VERDICTS, type Verdict } from '../core/model';
import { PhraseSchema } from '../core/rule';
import { FactCheckSuggestions, withFactCheck } from './fact-check-suggestions';

/** What the editor hands back: the claim's fields, and the rule to save too, if one was asked for. */
export interface ClaimEditorResult extends ClaimFields {
  rule?: { phrase: string; matchCase: boolean };
}

export interface ClaimEditorProps {
  /** The quote being flagged, shown read-only above the fields. */
  quote: string;
  initial?: ClaimFields;
  /**
   * New claims only: offer "Highlight this phrase on every page", with this phrase (usually
   * the selected text) to start from.
   */
  phrase?: string;
  /** Saves the fields; a rejected promise's message is shown in the form. */
  onSave(fields: ClaimEditorResult): Promise<void>;
  onCancel(): void;
  /** Prefix for element ids, so two editors on one page don't clash. */
  idPrefix?: string;
  /** Fact-checks close to the quote ("Fact-checked before?"), when the caller has looked some up. */
  suggestions?: readonly FactCheckSuggestion[] | undefined;
}

export function ClaimEditor({
  quote,
  initial,
  phrase,
  onSave,
  onCancel,
  idPrefix = 'fm',
  suggestions = [],
}: ClaimEditorProps) {
  const [asRule, setAsRule] = useState(false);
  const [rulePhrase, setRulePhrase] = useState(phrase ?? '');
  const [matchCase, setMatchCase] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | ''>(initial?.verdict ?? '');
  const [correction, setCorrection] = useState(initial?.correction ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [sources, setSources] = useState(initial?.sources.join('\n') ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  // The saved fields the draft started from, to tell the reader's edits from a save elsewhere.
  const base = useRef(initial);
  const [changedElsewhere, setChangedElsewhere] = useState(false);

  useEffect(() => first.current?.focus(), []);

  // Saved in another window while this editor is open: fields the reader has not touched follow
  // the new version; fields they edited keep their typing (never thrown away), and when the other
  // window changed one of those too, the form says so — the later save wins.
  useEffect(() => {
    const was = base.current;
    if (!initial || !was || sameFields(initial, was)) return;
    base.current = initial;
    let conflict = false;
    const follow = <T,>(draft: T, old: T, next: T, set: (value: T) => void) => {
      if (draft === old) set(next);
      // The same text arriving (this editor's own save, seen by the page) is no conflict.
      else if (next !== old && next !== (typeof draft === 'string' ? draft.trim() : draft)) conflict = true;
    };
    follow<Verdict | ''>(verdict, was.verdict ?? '', initial.verdict ?? '', setVerdict);
    follow(correction, was.correction, initial.correction, setCorrection);
    follow(note, was.note, initial.note, setNote);
    follow(sources, was.sources.join('\n'), initial.sources.join('\n'), setSources);
    follow(tags, was.tags.join(', '), initial.tags.join(', '), setTags);
    if (conflict) setChangedElsewhere(true);
  }, [initial]);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    const parsedSources = parseSources(sources);
    if (!parsedSources.ok) return setError(parsedSources.error);
    const parsedTags = parseTags(tags);
    if (!parsedTags.ok) return setError(parsedTags.error);
    const wantsRule = asRule && phrase !== undefined;
    const parsedPhrase = v.safeParse(PhraseSchema, rulePhrase);
    if (wantsRule && !parsedPhrase.success) {
      return setError(`Phrase: ${parsedPhrase.issues[0]?.message ?? 'is not valid'}`);
    }
    setError('');
    setSaving(true);
    try {
      await onSave({
        verdict: verdict === '' ? null : verdict,
        correction: correction.trim(),
        note: note.trim(),
        sources: parsedSources.value,
        tags: parsedTags.value,
        ...(wantsRule && parsedPhrase.success ? { rule: { phrase: parsedPhrase.output, matchCase } } : {}),
      });
      setChangedElsewhere(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not save. Try again.');
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      void submit(event);
    }
  }

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form class="fm-editor" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <blockquote class="fm-quote">{quote}</blockquote>
      <FactCheckSuggestions
        suggestions={suggestions}
        onUse={(factCheck) => {
          const next = withFactCheck({ sources, verdict }, factCheck);
          setSources(next.sources);
          setVerdict(next.verdict);
        }}
      />
      <label for={id('verdict')}>Verdict</label>
      <select
        id={id('verdict')}
        ref={first}
        value={verdict}
        onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
      >
        <option value="">No verdict — just a note</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {VERDICT_LABELS[v]}
          </option>
        ))}
      </select>
      <label for={id('correction')}>Correction</label>
      <textarea
        id={id('correction')}
        rows={2}
        value={correction}
        placeholder="What is actually true"
        onInput={(e) => setCorrection(e.currentTarget.value)}
      />
      <label for={id('note')}>Note</label>
      <textarea id={id('note')} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={id('sources')}>Sources</label>
      <textarea
        id={id('sources')}
        rows={2}
        value={sources}
        placeholder="One web address per line: https://…"
        onInput={(e) => setSources(e.currentTarget.value)}
      />
      <label for={id('tags')}>Tags</label>
      <input
        id={id('tags')}
        type="text"
        value={tags}
        placeholder="Comma-separated, e.g. EU, law"
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      {phrase !== undefined && (
        <div class="fm-rule">
          <label class="fm-check">
            <input type="checkbox" checked={asRule} onChange={(e) => setAsRule(e.currentTarget.checked)} />
            Highlight this phrase on every page
          </label>
          {asRule && (
            <>
              <label for={id('phrase')}>Phrase</label>
              <input
                id={id('phrase')}
                type="text"
                value={rulePhrase}
                onInput={(e) => setRulePhrase(e.currentTarget.value)}
              />
              <label class="fm-check">
                <input
                  type="checkbox"
                  checked={matchCase}
                  onChange={(e) => setMatchCase(e.currentTarget.checked)}
                />
                Match case
              </label>
            </>
          )}
        </div>
      )}
      {changedElsewhere && (
        <p class="fm-notice" role="status">
          Changed in another window while you were editing. Save to keep your version, or Cancel to see
          theirs.
        </p>
      )}
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="fm-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}

function sameFields(a: ClaimFields, b: ClaimFields): boolean {
  return (
    a.verdict === b.verdict &&
    a.correction === b.correction &&
    a.note === b.note &&
    a.sources.join('\n') === b.sources.join('\n') &&
    a.tags.join('\n') === b.tags.join('\n')
  );
}
