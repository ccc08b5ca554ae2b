/**
 * A worker reply's value: every reply is `{ ok: true; value } | { ok: false; error, … }`
 * (messages.ts WorkerReply and the replies built on it), whoever carries it: runtime messages in
 * the extension, the in-process router in the Outlook task pane. Browser-free, for every host.
 */

/** The value of a successful reply; a refused request throws its error. */
export function replyValue<V>(reply: { ok: true; value: V } | { ok: false; error: string }): V {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
