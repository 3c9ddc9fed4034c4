// Settings kept in the extension's database: check-worthy claim detection — a global switch, a
// per-site switch (by host name) and a sensitivity — and the built-in corrections switch. Values are checked when read, so a
// bad or missing row falls back to its default. Only the background and extension pages call this.

import type { DetectionSettings } from '../core/detect/detection-settings';
import type { Sensitivity } from '../core/detect/selection';
import type { FactmarkDb, SettingRow } from './schema';

/** A partial update: any of the global switch, the sensitivity, and one site's switch (null: follow the global one). */
export interface DetectionChange {
  enabled?: boolean;
  sensitivity?: Sensitivity;
  host?: string;
  site?: boolean | null;
  builtIn?: boolean;
}

const DETECTION_DEFAULTS = { enabled: true, sensitivity: 'fewer' as Sensitivity, builtIn: true };

const ENABLED = 'detection.enabled';
const SENSITIVITY = 'detection.sensitivity';
const BUILT_IN = 'corrections.builtIn';
const siteKey = (host: string) => `detection.site:${siteName(host)}`;

/** The name a site's switch is kept under: the host name, lower-cased, without `www.` or a final dot. */
export function siteName(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

export async function detectionSettings(db: FactmarkDb, host?: string): Promise<DetectionSettings> {
  const keys = [ENABLED, SENSITIVITY, BUILT_IN, ...(host ? [siteKey(host)] : [])];
  const [enabled, sensitivity, builtIn, site] = await db.settings.bulkGet(keys);
  const global = typeof enabled?.value === 'boolean' ? enabled.value : DETECTION_DEFAULTS.enabled;
  const own = typeof site?.value === 'boolean' ? site.value : null;
  return {
    enabled: own ?? global,
    global,
    site: own,
    sensitivity: isSensitivity(sensitivity?.value) ? sensitivity.value : DETECTION_DEFAULTS.sensitivity,
    builtIn: typeof builtIn?.value === 'boolean' ? builtIn.value : DETECTION_DEFAULTS.builtIn,
  };
}

/**
 * Applies a change and answers the settings as they now apply to `change.host`. A site's switch
 * is kept only while it differs from the global one; set to the same value, the site follows the
 * global switch again.
 */
export async function updateDetectionSettings(
  db: FactmarkDb,
  change: DetectionChange,
): Promise<DetectionSettings> {
  await db.transaction('rw', db.settings, async () => {
    const rows: SettingRow[] = [];
    if (change.enabled !== undefined) rows.push({ key: ENABLED, value: change.enabled });
    if (change.sensitivity !== undefined) rows.push({ key: SENSITIVITY, value: change.sensitivity });
    if (change.builtIn !== undefined) rows.push({ key: BUILT_IN, value: change.builtIn });
    if (rows.length > 0) await db.settings.bulkPut(rows);
    if (change.host && change.site !== undefined) {
      const { global } = await detectionSettings(db);
      if (change.site === null || change.site === global) await db.settings.delete(siteKey(change.host));
      else await db.settings.put({ key: siteKey(change.host), value: change.site });
    }
  });
  return detectionSettings(db, change.host);
}

function isSensitivity(value: unknown): value is Sensitivity {
  return value === 'fewer' || value === 'more';
}
