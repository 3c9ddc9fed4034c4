// The popup's "Rules" view: every phrase rule the reader made ("highlight this phrase on every
// page") or a correction list brought (named by the list's title, see RuleOrigin), each with an
// on/off switch, Edit (in place; on a list's rule, the reader's override) and Delete (with a
// confirm step). Writes go through the background, which tells every tab to repaint.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { parseSources } from '../core/claim-input';
import { plural, t } from '../core/i18n/translate';
import { VERDICT_LABELS, VERDICTS, type Verdict } from '../core/model';
import type { RuleDetails } from '../core/rule';
import { type Rule, type RuleDraft, ruleDraftOf } from '../core/rule';
import { request } from '../request';
import { SourceLinks, VerdictBadge } from '../ui/claim-view';
import { useAnnouncer } from './announcer';
import type { HeadingLevel } from './list-contents';
import { RuleOrigin } from './rule-origin';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; rules: RuleDetails[] };

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * `listsVersion` changes when a list changed elsewhere: the rules are read again, in place.
 * `headingLevel`: as for ListsView (1 in the popup).
 */
export function RulesView({
  listsVersion = 0,
  headingLevel = 1,
}: {
  listsVersion?: number;
  headingLevel?: HeadingLevel;
}) {
  const Heading = `h${headingLevel}` as const;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');
  const { announce, region } = useAnnouncer();

  const refresh = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', rules: await request('rules/list', {}) });
    } catch (failure) {
      setLoad({ kind: 'error', message: message(failure) });
    }
  }, []);
  // Read again when a list changed (listsVersion), keeping what is shown until the answer comes.
  useEffect(() => {
    void refresh();
  }, [refresh, listsVersion]);

  /** Runs a change; `done`, if given, is announced once it is stored (the reader may not see it). */
  async function write(action: () => Promise<unknown>, done?: string) {
    setError('');
    try {
      await action();
      await refresh();
      if (done) announce(done);
    } catch (failure) {
      setError(message(failure));
    }
  }

  // The heading is there from the start: while the rules load, the view still has its title.
  if (load.kind !== 'ready') {
    return (
      <section aria-labelledby="rules-title">
        <Heading id="rules-title">{t('popup_rules_heading')}</Heading>
        {load.kind === 'loading' ? (
          <p class="empty">{t('popup_loading')}</p>
        ) : (
          <p class="error" role="alert">
            {load.message}
          </p>
        )}
      </section>
    );
  }
  const { rules } = load;
  return (
    <section aria-labelledby="rules-title">
      <Heading id="rules-title">
        {rules.length === 0 ? t('popup_rules_heading') : plural('popup_list_rules', rules.length)}
      </Heading>
      {region}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rules.length === 0 ? (
        <p class="empty">{t('popup_rules_empty')}</p>
      ) : (
        <ul class="claims rules" aria-label={t('popup_rules_heading')}>
          {rules.map((rule) => (
            <li key={rule.id} class={rule.enabled ? 'claim rule' : 'claim rule disabled'}>
              {editing === rule.id ? (
                <RuleEditor
                  rule={rule}
                  onSave={async (draft) => {
                    await request('rules/save', { ...draft, id: rule.id });
                    setEditing(null);
                    await refresh();
                    announce(t('popup_rule_saved'));
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <div class="fm-claim">
                    <VerdictBadge claim={rule} />
                    <blockquote class="fm-quote">
                      <bdi>{rule.phrase}</bdi>
                      {rule.matchCase && <span class="match-case"> {t('popup_rules_match_case_mark')}</span>}
                    </blockquote>
                    {rule.correction && (
                      <p class="fm-correction">
                        <strong>{t('popup_rules_correction_label')}</strong> <bdi>{rule.correction}</bdi>
                      </p>
                    )}
                    {rule.note && (
                      <p class="fm-note" dir="auto">
                        {rule.note}
                      </p>
                    )}
                    <SourceLinks sources={rule.sources} />
                    <RuleOrigin
                      rule={rule}
                      onUseListVersion={() =>
                        void write(
                          () => request('rules/use-list-version', { id: rule.id }),
                          t('popup_rule_list_version_used'),
                        )
                      }
                    />
                  </div>
                  <div class="actions">
                    <label class="switch">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={rule.enabled}
                        aria-checked={rule.enabled}
                        aria-label={t('popup_rules_enabled_label', { phrase: rule.phrase })}
                        onChange={() =>
                          void write(() =>
                            request('rules/save', {
                              ...ruleDraftOf(rule),
                              id: rule.id,
                              enabled: !rule.enabled,
                            }),
                          )
                        }
                      />
                      {t('popup_switch_on')}
                    </label>
                    <button type="button" onClick={() => setEditing(rule.id)}>
                      {t('popup_edit')}
                    </button>
                    <button
                      type="button"
                      class={confirming === rule.id ? 'danger' : ''}
                      onClick={() =>
                        confirming === rule.id
                          ? void write(async () => {
                              await request('rules/delete', { id: rule.id });
                              setConfirming(null);
                            }, t('popup_rule_deleted'))
                          : setConfirming(rule.id)
                      }
                    >
                      {confirming === rule.id ? t('popup_confirm_delete') : t('popup_delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Edits a rule's phrase, match case, verdict, correction, note and sources. */
function RuleEditor({
  rule,
  onSave,
  onCancel,
}: {
  rule: Rule;
  onSave(draft: RuleDraft): Promise<void>;
  onCancel(): void;
}) {
  const [phrase, setPhrase] = useState(rule.phrase);
  const [matchCase, setMatchCase] = useState(rule.matchCase);
  const [verdict, setVerdict] = useState<Verdict | ''>(rule.verdict ?? '');
  const [correction, setCorrection] = useState(rule.correction);
  const [note, setNote] = useState(rule.note);
  const [sources, setSources] = useState(rule.sources.join('\n'));
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) return;
    const parsedSources = parseSources(sources);
    if (!parsedSources.ok) return setError(parsedSources.error);
    setError('');
    setSaving(true);
    try {
      await onSave({
        phrase: phrase.trim(),
        matchCase,
        verdict: verdict === '' ? null : verdict,
        correction: correction.trim(),
        note: note.trim(),
        sources: parsedSources.value,
      });
    } catch (failure) {
      setError(message(failure));
    } finally {
      setSaving(false);
    }
  }

  const id = (name: string) => `rule-${rule.id}-${name}`;
  return (
    <form
      class="fm-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      {rule.listId && <p class="rule-list">{t('popup_rule_editor_override')}</p>}
      <label for={id('phrase')}>{t('popup_rule_phrase')}</label>
      <input
        id={id('phrase')}
        ref={first}
        type="text"
        value={phrase}
        onInput={(e) => setPhrase(e.currentTarget.value)}
      />
      <label class="fm-check">
        <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.currentTarget.checked)} />
        {t('popup_rule_match_case')}
      </label>
      <label for={id('verdict')}>{t('popup_rule_verdict')}</label>
      <select
        id={id('verdict')}
        value={verdict}
        onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}
      >
        <option value="">{t('popup_rule_no_verdict')}</option>
        {VERDICTS.map((v) => (
          <option key={v} value={v}>
            {VERDICT_LABELS[v]}
          </option>
        ))}
      </select>
      <label for={id('correction')}>{t('popup_rule_correction')}</label>
      <textarea
        id={id('correction')}
        rows={2}
        value={correction}
        onInput={(e) => setCorrection(e.currentTarget.value)}
      />
      <label for={id('note')}>{t('popup_rule_note')}</label>
      <textarea id={id('note')} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={id('sources')}>{t('popup_rule_sources')}</label>
      <textarea
        id={id('sources')}
        rows={2}
        value={sources}
        placeholder={t('popup_rule_sources_placeholder')}
        onInput={(e) => setSources(e.currentTarget.value)}
      />
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={onCancel}>
          {t('popup_cancel')}
        </button>
        <button type="submit" class="fm-primary" disabled={saving}>
          {saving ? t('popup_saving') : t('popup_save')}
        </button>
      </div>
    </form>
  );
}
