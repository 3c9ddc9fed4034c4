// Where a rule in the Rules view comes from: the reader's own rules say nothing; a list's rule
// names its list (by title, never id), and a list's rule the reader edited says that their edit
// overrides the list's version, shows what the list says, and offers to go back to it.
import { t } from '../core/i18n/translate';
import type { RuleDetails } from '../core/rule';
import { richText } from '../ui/rich-text';

export function RuleOrigin({ rule, onUseListVersion }: { rule: RuleDetails; onUseListVersion(): void }) {
  if (!rule.listId) return null;
  const list = rule.listTitle ?? t('popup_rule_unnamed_list');
  const { listVersion } = rule;
  return (
    <>
      {/* The reader's words in <bdi>: a Latin title in an Arabic sentence keeps its own order. */}
      <p class="rule-list">{richText('popup_rule_from_list', { list: <bdi>{list}</bdi> })}</p>
      {listVersion && (
        <div class="rule-override">
          <p>
            <strong>{t('popup_rule_edited_by_you')}</strong> — {t('popup_rule_override_explained')}
          </p>
          <p class="rule-list">
            {richText('popup_rule_list_says', { phrase: <bdi>{listVersion.phrase}</bdi> })}
            {listVersion.correction && (
              <>
                {' — '}
                <bdi>{listVersion.correction}</bdi>
              </>
            )}
          </p>
          <button
            type="button"
            aria-label={t('popup_rule_use_list_version_label', { phrase: listVersion.phrase })}
            onClick={onUseListVersion}
          >
            {t('popup_rule_use_list_version')}
          </button>
        </div>
      )}
    </>
  );
}
