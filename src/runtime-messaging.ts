// The runtime calls a content script makes (send a message, listen for one, its extension's id and
// files), on the browser's own API rather than through webextension-polyfill. The content script runs in every
// page and frame; the polyfill's 10 KB and its start-up wrapping were paid on each of them for
// these two calls (issue 11). Both browsers answer a promise from runtime.sendMessage in Manifest
// V3; a listener answers through sendResponse, which both support (a returned promise is not
// understood by every Chromium this extension runs on).

/** Who sent a message, as far as the listener needs to know. */
export interface MessageSender {
  id?: string;
}

type NativeListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (reply: unknown) => void,
) => boolean;

interface NativeRuntime {
  id?: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: NativeListener): void;
    removeListener(listener: NativeListener): void;
  };
}

/** Firefox's `browser`, else Chromium's `chrome` (Firefox has both; its `browser` returns promises). */
function nativeRuntime(): NativeRuntime {
  const scope = globalThis as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  // Worded as the browsers word it, so a sender reports an orphaned script as such (request.ts).
  if (!runtime) throw new Error('The extension context is gone: Factmark was reloaded or updated.');
  return runtime;
}

/** The address of one of the extension's files. */
export function runtimeUrl(path: string): string {
  return nativeRuntime().getURL(path);
}

/** This extension's id (undefined in a content script whose extension was reloaded). */
export function runtimeId(): string | undefined {
  return nativeRuntime().id;
}

/** Sends a message to the extension's background; resolves with its answer (undefined: none). */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return nativeRuntime().sendMessage(message);
}

/**
 * Listens for messages: `answer` returns undefined to leave a message to other listeners, or a
 * promise of the reply (which must not reject: replies carry their errors). Returns the way to
 * stop listening.
 */
export function onRuntimeMessage(
  answer: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
): () => void {
  const runtime = nativeRuntime();
  const listener: NativeListener = (message, sender, sendResponse) => {
    const reply = answer(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true; // the answer comes later
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
