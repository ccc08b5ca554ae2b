/**
 * An extension page's request to the service worker (the ledger's only writer): the reply as it
 * came, or the reply's value. One place for "the worker did not answer" and "refused", used by the
 * panel, the dashboard and the settings pages.
 */
import { replyValue } from '../../protocol/reply-value';
import { browser } from './ext';

/** The worker's reply to `message`; rejects when nobody answered (the worker failed to start). */
export async function workerReply<R>(message: object): Promise<R> {
  const reply = (await browser.runtime.sendMessage(message)) as R | undefined;
  if (!reply) throw new Error('the Relance service worker did not answer');
  return reply;
}

/** The value of a successful reply; a refused request rejects with its error. */
export async function workerValue<V>(message: object): Promise<V> {
  return replyValue(await workerReply<{ ok: true; value: V } | { ok: false; error: string }>(message));
}
