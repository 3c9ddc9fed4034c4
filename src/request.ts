// Sends a typed request to the background and unwraps its Reply: the value, or an Error whose
// message the UI can show as it is. The background may be stopped at any moment (Chrome ends an
// idle service worker; a test or the browser may stop it mid-request): then the request fails
// with a message saying to try again — never a hang — and reads are retried once by themselves.
import { type MessageKey, t } from './core/i18n/translate';
import { type Envelope, REQUESTS, type Reply, type Requests, type RequestType } from './messages';
import { sendRuntimeMessage } from './runtime-messaging';

/** The English wording of the two failures below, as tests compare them (readers get t()). */
export const NO_ANSWER =
  'Could not reach Factmark: it stopped before answering, so this may not have been done. Try again.';
export const ORPHANED =
  'Factmark was updated or reloaded since this page opened. Reload the page and try again.';

/**
 * A failure's message in the reader's language. An orphaned content script may have lost its
 * extension's messages with the rest of the extension's API: then the English wording is better
 * than the message's name or nothing.
 */
function failureText(key: MessageKey, english: string): string {
  try {
    const text = t(key);
    return text && text !== key ? text : english;
  } catch {
    return english;
  }
}

/** No answer came: the worker stopped, or was not there to start (Chrome and Firefox wording). */
class NoAnswer extends Error {}

export async function request<K extends RequestType>(
  type: K,
  payload: Requests[K]['req'],
  timeoutMs: number = REQUESTS[type].timeoutMs,
): Promise<Requests[K]['res']> {
  const envelope: Envelope<K> = { factmark: 1, type, payload };
  let reply: Reply<Requests[K]['res']>;
  try {
    reply = await send<Requests[K]['res']>(envelope, timeoutMs);
  } catch (error) {
    // Reads change nothing, so asking again after a stopped worker cannot write anything twice.
    if (!(error instanceof NoAnswer) || REQUESTS[type].effect !== 'read') throw error;
    reply = await send<Requests[K]['res']>(envelope, timeoutMs);
  }
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

async function send<T>(envelope: Envelope<RequestType>, timeoutMs: number): Promise<Reply<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(failureText('request_no_answer', NO_ANSWER))), timeoutMs);
  });
  try {
    // No reply (undefined, or Chromium's "port closed before a response") means a stopped worker.
    const reply = (await Promise.race([sendRuntimeMessage(envelope), timeout])) as Reply<T> | undefined;
    if (!reply) throw new NoAnswer(failureText('request_no_answer', NO_ANSWER));
    return reply;
  } catch (error) {
    if (error instanceof NoAnswer) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // The extension was reloaded or updated under this page: its old content script is orphaned.
    if (/context invalidated|extension context/i.test(message))
      throw new Error(failureText('request_orphaned', ORPHANED));
    throw new NoAnswer(failureText('request_no_answer', NO_ANSWER));
  } finally {
    clearTimeout(timer);
  }
}
