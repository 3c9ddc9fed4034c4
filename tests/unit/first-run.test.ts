import { describe, expect, it } from 'vitest';
import { shouldShowWelcome } from '../../src/core/first-run';

describe('shouldShowWelcome', () => {
  it('shows the welcome page when Factmark is installed', () => {
    expect(shouldShowWelcome({ reason: 'install' })).toBe(true);
  });

  it('shows it for a temporary install in Firefox too (a new install all the same)', () => {
    expect(shouldShowWelcome({ reason: 'install', temporary: true })).toBe(true);
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'])(
    'does not show it again on %s',
    (reason) => {
      expect(shouldShowWelcome({ reason })).toBe(false);
      expect(shouldShowWelcome({ reason, temporary: true })).toBe(false);
    },
  );

  it('does not show it for a reason it does not know', () => {
    expect(shouldShowWelcome({ reason: '' })).toBe(false);
    expect(shouldShowWelcome({ reason: 'Install' })).toBe(false);
  });
});
