// The claim editor form: verdict, correction, note, sources, tags; for a new claim, optionally
// "highlight this phrase on every page" (a rule), and the fact-checks it may repeat when the
// caller found some. Shared by the in-page dialog and the popup. It only collects and checks
// fields; the caller saves them.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { parseSources, parseTags } from '../core/claim-input';
import type { FactCheckSuggestion } from '../core/factchecks/fact-check-mark';
import { plural, t } from '../core/i18n/translate';
import { type ClaimFields, VERDICT_LABELS, VERDICTS, type Verdict } from '../core/model';
import { PhraseSchema, RULE_LIMITS } from '../core/rule';
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
    if (wantsRule && !parsedPhrase.success) return setError(phraseError(parsedPhrase.issues[0]?.type));
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
      setError(failure instanceof Error ? failure.message : t('page_editor_save_failed'));
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
  // The reader's fields take the direction of what is typed in them (dir="auto"): a note in
  // English reads left to right in the Arabic editor, one in Arabic right to left in any editor.
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
      <label for={id('verdict')}>{t('page_editor_verdict')}</label>
      <select
        id={id('verdict')}
        ref={first}
        value={verdict}
        onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
      >
        <option value="">{t('page_editor_no_verdict')}</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {VERDICT_LABELS[v]}
          </option>
        ))}
      </select>
      <label for={id('correction')}>{t('page_editor_correction')}</label>
      <textarea
        id={id('correction')}
        rows={2}
        dir="auto"
        value={correction}
        placeholder={t('page_editor_correction_placeholder')}
        onInput={(e) => setCorrection(e.currentTarget.value)}
      />
      <label for={id('note')}>{t('page_editor_note')}</label>
      <textarea
        id={id('note')}
        rows={2}
        dir="auto"
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <label for={id('sources')}>{t('page_editor_sources')}</label>
      <textarea
        id={id('sources')}
        rows={2}
        dir="auto"
        value={sources}
        placeholder={t('page_editor_sources_placeholder')}
        onInput={(e) => setSources(e.currentTarget.value)}
      />
      <label for={id('tags')}>{t('page_editor_tags')}</label>
      <input
        id={id('tags')}
        type="text"
        dir="auto"
        value={tags}
        placeholder={t('page_editor_tags_placeholder')}
        onInput={(e) => setTags(e.currentTarget.value)}
      />
      {phrase !== undefined && (
        <div class="fm-rule">
          <label class="fm-check">
            <input type="checkbox" checked={asRule} onChange={(e) => setAsRule(e.currentTarget.checked)} />
            {t('page_editor_rule')}
          </label>
          {asRule && (
            <>
              <label for={id('phrase')}>{t('page_editor_phrase')}</label>
              <input
                id={id('phrase')}
                type="text"
                dir="auto"
                value={rulePhrase}
                onInput={(e) => setRulePhrase(e.currentTarget.value)}
              />
              <label class="fm-check">
                <input
                  type="checkbox"
                  checked={matchCase}
                  onChange={(e) => setMatchCase(e.currentTarget.checked)}
                />
                {t('page_editor_match_case')}
              </label>
            </>
          )}
        </div>
      )}
      {changedElsewhere && (
        <p class="fm-notice" role="status">
          {t('page_editor_changed_elsewhere')}
        </p>
      )}
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={onCancel}>
          {t('page_editor_cancel')}
        </button>
        <button type="submit" class="fm-primary" disabled={saving}>
          {saving ? t('page_editor_saving') : t('page_editor_save')}
        </button>
      </div>
    </form>
  );
}

/**
 * Why the rule's phrase cannot be saved, from the check that failed (PhraseSchema's length
 * limits), as a whole sentence in the reader's language.
 */
function phraseError(failed: string | undefined): string {
  if (failed === 'min_length') return plural('page_editor_phrase_too_short', RULE_LIMITS.phraseMin);
  if (failed === 'max_length') return plural('page_editor_phrase_too_long', RULE_LIMITS.phraseMax);
  return t('page_editor_phrase_invalid');
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
