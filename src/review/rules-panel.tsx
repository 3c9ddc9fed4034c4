// The review page's "Rules & lists" panel: the popup's Rules and Lists views, side by side with
// the notes, so rules can be edited and lists managed with room to read them. The Rules view is
// read again whenever a list changes (a list brings or takes away rules), in place: what it shows
// and a rule being edited stay until the new rules arrive. A correction card's
// "Manage corrections" opens review.html#rules: the panel then opens and takes the focus.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../core/i18n/translate';
import type { FactmarkDb } from '../db/schema';
import { RULES_FRAGMENT } from '../messages';
import { ListsView } from '../popup/lists-view';
import { RulesView } from '../popup/rules-view';

const asked = () => location.hash === RULES_FRAGMENT;

export function RulesPanel({ db }: { db: FactmarkDb }) {
  const [listsVersion, setListsVersion] = useState(0);
  const [open, setOpen] = useState(asked);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const show = () => {
      if (!asked()) return;
      setOpen(true);
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, []);
  return (
    <section class="panel rules-panel" aria-labelledby="rules-panel-heading">
      <h2 id="rules-panel-heading" ref={heading} tabIndex={-1}>
        {t('review_rules_heading')}
      </h2>
      <details open={open}>
        <summary>{t('review_rules_lists')}</summary>
        <ListsView db={db} onChanged={() => setListsVersion((n) => n + 1)} headingLevel={3} />
      </details>
      <details open={open}>
        <summary>{t('review_rules_rules')}</summary>
        <RulesView listsVersion={listsVersion} headingLevel={3} />
      </details>
    </section>
  );
}
