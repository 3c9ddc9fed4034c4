// Check-worthy claim detection's settings as they apply to one site: what the database keeps
// (src/db/settings.ts) and the popup and content script receive.
import type { Sensitivity } from './selection';

/** Detection settings as they apply to one site. */
export interface DetectionSettings {
  /** Whether check-worthy sentences are marked on this site: its own switch if set, else the global one. */
  enabled: boolean;
  /** The global switch. */
  global: boolean;
  /** This site's own switch, or null when the site follows the global one (or no site was named). */
  site: boolean | null;
  sensitivity: Sensitivity;
  /** Built-in corrections (acronyms with the wrong name) on every page. */
  builtIn: boolean;
}
