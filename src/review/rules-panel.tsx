// The review page's "Rules & lists" panel: the popup's Rules and Lists views, side by side with
// the notes, so rules can be edited and lists managed with room to read them. The Rules view is
// read again whenever a list changes (a list brings or takes away rules).
import { useState } from 'preact/hooks';
import { ListsView } from '../popup/lists-view';
import { RulesView } from '../popup/rules-view';

export function RulesPanel() {
  const [listsVersion, setListsVersion] = useState(0);
  return (
    <section class="panel rules-panel" aria-labelledby="rules-panel-heading">
      <h2 id="rules-panel-heading">Rules &amp; lists</h2>
      <details>
        <summary>Correction lists</summary>
        <ListsView onChanged={() => setListsVersion((n) => n + 1)} />
      </details>
      <details>
        <summary>Rules</summary>
        <RulesView key={listsVersion} />
      </details>
    </section>
  );
}
