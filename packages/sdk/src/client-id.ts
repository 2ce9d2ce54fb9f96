/**
 * A fresh id for something the client creates (a message it may send more than once): `msg_`
 * and a random UUID, within core's `idSchema` (1–64 of `A–Z a–z 0–9 _ -`). Uses
 * `crypto.randomUUID()`, or `crypto.getRandomValues()` on pages that are not a secure context.
 *
 * @example
 * await client.threads.send({ threadId, id: newClientId(), text: 'Здравствуйте!' });
 */
export function newClientId(prefix = 'msg'): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return `${prefix}_${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
