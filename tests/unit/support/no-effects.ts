// Background effects that do nothing: for handler tests that look only at answers and the database.
import type { Effects } from '../../../src/background/handlers';

export const NO_EFFECTS: Effects = {
  claimsChanged: () => {},
  recheckPages: () => {},
  setBadge: () => {},
  frameReport: () => {},
  askFramesToReport: () => {},
  openRules: async () => {},
};
