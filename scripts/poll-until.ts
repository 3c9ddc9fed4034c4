// Waiting on a condition, for the code that drives a browser (tests/e2e/support/browsers.ts,
// scripts/screenshot-browser.ts): ask again until it holds, never a fixed sleep. What a wait that
// runs out says is the caller's.

/**
 * Calls `condition` every `intervalMs` until it answers something truthy, which it returns; an
 * error it throws counts as "not yet". Once `timeoutMs` has passed it throws `timedOut(lastError)`,
 * given the last error the condition threw (undefined when it never threw).
 */
export async function pollUntil<T>(
  condition: () => T | Promise<T>,
  timing: { timeoutMs: number; intervalMs: number },
  timedOut: (lastError: unknown) => Error,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timing.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw timedOut(lastError);
    await new Promise((resolve) => setTimeout(resolve, timing.intervalMs));
  }
}
