// Storage: how much the extension's data uses and how much is available, and whether the browser
// keeps it when space runs low (persistent storage, requested once when the page opens).
import { useEffect, useState } from 'preact/hooks';

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
      <h2 id="storage-heading">Storage</h2>
      {usage ? (
        <>
          <p>
            {bytes(usage.usage)} used of {bytes(usage.quota)} available
          </p>
          <meter
            class="meter"
            aria-label="Storage used"
            min={0}
            max={1}
            high={0.9}
            value={fraction}
            aria-valuetext={`${bytes(usage.usage)} of ${bytes(usage.quota)}`}
          />
        </>
      ) : (
        <p>Measuring…</p>
      )}
      {persisted === true && <p class="ok">Notes are kept even when the disk runs low on space.</p>}
      {persisted === false && (
        <>
          <p>The browser may clear notes when the disk runs low on space.</p>
          <button type="button" onClick={() => void request().catch(() => undefined)}>
            {asked ? 'Ask again to keep notes' : 'Keep notes safe'}
          </button>
        </>
      )}
    </section>
  );
}

function bytes(count: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${units[unit]}`;
}
