// Whether this content script still belongs to a running extension. When Factmark is reloaded,
// updated or removed, Chromium leaves the old script running in open pages ("orphaned"): its DOM
// listeners and observers still fire, but every extension API is gone for good.
import { runtimeId } from '../runtime-messaging';

/** True once the extension this script came from is gone (read on each event; a property read). */
export function extensionGone(): boolean {
  try {
    // runtime.id is the sign: it turns undefined in an orphaned script. Firefox removes its
    // scripts with the extension, so there the answer stays false until they go.
    return !runtimeId();
  } catch {
    // No runtime at all, or a dead wrapper (Firefox) that throws on access: gone too.
    return true;
  }
}
