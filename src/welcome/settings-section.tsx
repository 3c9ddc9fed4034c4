// "Your settings": the switches that matter on a first run — check-worthy marks on all sites and
// the built-in acronym check — read and changed through the background with the same requests
// as the popup's (so they are the real settings, and open tabs repaint), and the way to the
// review page's correction lists and fact-check feeds.
import { useEffect, useState } from 'preact/hooks';
import type { DetectionSettings } from '../core/detect/detection-settings';
import { type MessageKey, t } from '../core/i18n/translate';
import { RULES_FRAGMENT } from '../messages';
import { request } from '../request';

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export function SettingsSection() {
  const [settings, setSettings] = useState<DetectionSettings | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void request('settings/get', {}).then(setSettings, (failure: unknown) => setError(message(failure)));
  }, []);

  async function change(update: { enabled?: boolean; builtIn?: boolean }) {
    setError('');
    try {
      setSettings(await request('settings/set', update));
    } catch (failure) {
      setError(message(failure));
    }
  }

  return (
    <section class="card settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('welcome_settings_heading')}</h2>
      <p>{t('welcome_settings_intro')}</p>
      {settings ? (
        <>
          <Switch
            id="setting-checkworthy"
            checked={settings.global}
            label="welcome_setting_checkworthy"
            help="welcome_setting_checkworthy_help"
            onToggle={(on) => void change({ enabled: on })}
          />
          <Switch
            id="setting-acronyms"
            checked={settings.builtIn}
            label="welcome_setting_acronyms"
            help="welcome_setting_acronyms_help"
            onToggle={(on) => void change({ builtIn: on })}
          />
        </>
      ) : (
        !error && <p class="hint">{t('welcome_settings_loading')}</p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('welcome_lists_heading')}</h3>
      <p>{t('welcome_lists_body')}</p>
      <p>
        <a href={`review.html${RULES_FRAGMENT}`} target="_blank" rel="noopener">
          {t('welcome_lists_link')}
        </a>
      </p>
    </section>
  );
}

function Switch({
  id,
  checked,
  label,
  help,
  onToggle,
}: {
  id: string;
  checked: boolean;
  label: MessageKey;
  help: MessageKey;
  /** The switch's new state, as the reader left it (a second press before the first is saved counts). */
  onToggle(on: boolean): void;
}) {
  return (
    <div class="setting">
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          id={id}
          checked={checked}
          aria-checked={checked}
          aria-describedby={`${id}-help`}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
        {t(label)}
      </label>
      <p id={`${id}-help`} class="hint">
        {t(help)}
      </p>
    </div>
  );
}
