// Sends a typed request to the background and unwraps its Reply: the value, or an Error whose
// message the UI can show as it is.
import browser from 'webextension-polyfill';
import type { Envelope, Reply, Requests, RequestType } from './messages';

export async function request<K extends RequestType>(
  type: K,
  payload: Requests[K]['req'],
): Promise<Requests[K]['res']> {
  const envelope: Envelope<K> = { factmark: 1, type, payload };
  let reply: Reply<Requests[K]['res']> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<Requests[K]['res']> | undefined;
  } catch (error) {
    // The extension was reloaded or updated under this page: its old content script is orphaned.
    throw new Error(
      `Factmark could not reach its storage (${error instanceof Error ? error.message : 'no answer'}). Reload the page and try again.`,
    );
  }
  if (!reply) throw new Error('Factmark could not reach its storage. Reload the page and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
