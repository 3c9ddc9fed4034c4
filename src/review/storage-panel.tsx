// Storage: how much the extension's data uses and how much is available, and whether the browser
// keeps it when space runs low (persistent storage, requested once when the page opens).
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, messageLocale, plural, t } from '../core/i18n/translate';

interface Usage {
  usage: number;
  quota: number;
}

export function StoragePanel({ version }: { version: number }) {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [asked, setAsked] = useState(false);

  // Re-estimated whenever the notes change (an import, a delete).
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      void navigator.storage
        ?.estimate()
        .then(({ usage = 0, quota = 0 }) => {
          if (!stale) setUsage({ usage, quota });
        })
        .catch(() => undefined);
    }, 300);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [version]);

  useEffect(() => {
    void (async () => {
      if (!navigator.storage?.persisted) return;
      const already = await navigator.storage.persisted();
      setPersisted(already);
      if (!already) await request();
    })().catch(() => undefined);
  }, []);

  async function request() {
    setAsked(true);
    setPersisted(await navigator.storage.persist());
  }

  const fraction = usage && usage.quota > 0 ? usage.usage / usage.quota : 0;
  return (
    <section class="panel storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('review_storage_heading')}</h2>
      {usage ? (
        <>
          <p>{t('review_storage_used', { used: bytes(usage.usage), quota: bytes(usage.quota) })}</p>
          <meter
            class="meter"
            aria-label={t('review_storage_meter')}
            min={0}
            max={1}
            high={0.9}
            value={fraction}
            aria-valuetext={t('review_storage_valuetext', {
              used: bytes(usage.usage),
              quota: bytes(usage.quota),
            })}
          />
        </>
      ) : (
        <p>{t('review_storage_measuring')}</p>
      )}
      {persisted === true && <p class="ok">{t('review_storage_persisted')}</p>}
      {persisted === false && (
        <>
          <p>{t('review_storage_not_persisted')}</p>
          <button type="button" onClick={() => void request().catch(() => undefined)}>
            {t(asked ? 'review_storage_ask_again' : 'review_storage_keep')}
          </button>
        </>
      )}
    </section>
  );
}

/** Each unit's message, after bytes (1,024 of the one before). */
const UNITS: readonly MessageKey[] = ['review_size_kb', 'review_size_mb', 'review_size_gb', 'review_size_tb'];

function bytes(count: number): string {
  let value = count;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const key = UNITS[unit];
  if (!key) return plural('review_size_bytes', Math.round(value));
  const digits = value >= 100 ? 0 : 1;
  const size = new Intl.NumberFormat(messageLocale(), { maximumFractionDigits: digits }).format(value);
  return t(key, { size });
}
