// Where a rule in the Rules view comes from: the reader's own rules say nothing; a list's rule
// names its list (by title, never id), and a list's rule the reader edited says that their edit
// overrides the list's version, shows what the list says, and offers to go back to it.
import type { RuleDetails } from '../core/rule';

export function RuleOrigin({ rule, onUseListVersion }: { rule: RuleDetails; onUseListVersion(): void }) {
  if (!rule.listId) return null;
  const list = rule.listTitle ?? 'a correction list';
  const { listVersion } = rule;
  return (
    <>
      <p class="rule-list">From the list “{list}”</p>
      {listVersion && (
        <div class="rule-override">
          <p>
            <strong>Edited by you</strong> — overrides the list’s version, also when the list is refreshed.
          </p>
          <p class="rule-list">
            The list says: “{listVersion.phrase}”{listVersion.correction && ` — ${listVersion.correction}`}
          </p>
          <button
            type="button"
            aria-label={`Use the list’s version: ${listVersion.phrase}`}
            onClick={onUseListVersion}
          >
            Use the list’s version
          </button>
        </div>
      )}
    </>
  );
}
