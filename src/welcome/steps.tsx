// "How it works": the three steps — flag a claim, see it again, review notes — with the
// shortcuts for each, as keys.
import { type MessageKey, t } from '../core/i18n/translate';
import { KeysText } from './keys-text';

const STEPS: readonly { heading: MessageKey; paragraphs: readonly MessageKey[] }[] = [
  {
    heading: 'welcome_step_flag_heading',
    paragraphs: ['welcome_step_flag_select', 'welcome_step_flag_write'],
  },
  { heading: 'welcome_step_see_heading', paragraphs: ['welcome_step_see_return', 'welcome_step_see_card'] },
  {
    heading: 'welcome_step_review_heading',
    paragraphs: ['welcome_step_review_popup', 'welcome_step_review_all'],
  },
];

export function Steps() {
  return (
    <section class="card" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('welcome_steps_heading')}</h2>
      <ol class="steps">
        {STEPS.map(({ heading, paragraphs }) => (
          <li key={heading}>
            <h3>{t(heading)}</h3>
            {paragraphs.map((key) => (
              <p key={key}>
                <KeysText text={t(key)} />
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
