// The popup's line about sentences on this page that subscribed fact-checks checked before. Pure.
import { plural } from '../core/i18n/translate';

/** "N sentences fact-checked before"; null (say nothing) when there are none or the page did not say. */
export function describeFactChecked(count: number | undefined): string | null {
  if (count === undefined || count <= 0) return null;
  return plural('popup_fact_checked', count);
}
