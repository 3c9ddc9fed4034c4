// Who a runtime message comes from. The browser fills in `sender`; a web page cannot forge it.
// Only the extension's own contexts (same id) are answered, and a content script — which runs in
// the page's renderer — is told apart from extension pages by its sender URL, so the background
// can keep some requests to extension pages (`from` in the request table, src/messages.ts).
import type { Sender } from './handlers';

/** The fields of `runtime.MessageSender` this reads. */
export interface RuntimeSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface OwnExtension {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('')`: chrome-extension://<id>/ or moz-extension://<uuid>/. */
  baseUrl: string;
}

/** The sender as the handlers see it, or null when the message is not from this extension. */
export function senderOf(sender: RuntimeSender, own: OwnExtension): Sender | null {
  if (typeof sender.id !== 'string' || sender.id !== own.id || own.baseUrl === '') return null;
  // A sender without a URL is treated as the less trusted kind.
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(own.baseUrl);
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  return {
    context: fromExtensionPage ? 'extension' : 'content',
    ...(typeof tabId === 'number' ? { tabId } : {}),
    ...(typeof tabId === 'number' && typeof frameId === 'number' ? { frameId } : {}),
  };
}
