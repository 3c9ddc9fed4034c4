// Long work on the page's thread (indexing a huge page, matching, anchoring) runs in slices of a
// few milliseconds that hand the thread back to the page in between, so no task the content
// script runs comes near 50 ms, and stops early when newer work makes it pointless.

/** How long one slice aims to run before yielding. */
const SLICE_BUDGET_MS = 8;

type Yield = () => Promise<void>;

/** scheduler.yield() where the browser has it (Chromium 129+), else a message-channel macrotask. */
const yieldToPage: Yield = (() => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  // setTimeout(0) is clamped to 4 ms once nested; a message is not.
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();

/** Thrown out of a slice loop when newer work has made this run pointless. */
export class Cancelled extends Error {
  constructor() {
    super('superseded by a newer change');
  }
}

/**
 * A clock for one run of sliced work: `due()` says when the current slice has used its budget;
 * `pause()` then yields to the page and throws Cancelled if `stale()` turned true meanwhile.
 */
export class Slicer {
  private t0 = performance.now();

  constructor(private readonly stale: () => boolean = () => false) {}

  due(): boolean {
    return performance.now() - this.t0 >= SLICE_BUDGET_MS;
  }

  /** Ends the current slice, waits for the next, and checks the work is still wanted. */
  async pause(): Promise<void> {
    await yieldToPage();
    if (this.stale()) throw new Cancelled();
    this.t0 = performance.now();
  }

  /** Pauses only when the slice has used its budget. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause();
  }

  /** Checks the work is still wanted without yielding (after an await elsewhere). */
  check(): void {
    if (this.stale()) throw new Cancelled();
    this.t0 = performance.now();
  }
}
