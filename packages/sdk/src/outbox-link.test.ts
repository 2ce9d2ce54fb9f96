import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutboxLink, type OutboxNote } from './outbox-link';

/** Resolves on the next note `link` hears. */
const nextNote = (link: ReturnType<typeof createOutboxLink>) =>
  new Promise<OutboxNote>((resolve) => {
    const stop = link.listen((note) => {
      stop();
      resolve(note);
    });
  });

describe('outbox link (Node: no Web Locks)', () => {
  it('runs the work of one queue one at a time, a failed work not blocking the next', async () => {
    const [a, b] = [createOutboxLink('host/usr_1'), createOutboxLink('host/usr_1')];
    const order: string[] = [];
    let release = () => {};
    const first = a.exclusive(async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
      throw new Error('refused');
    });
    const second = b.exclusive(async () => {
      order.push('second runs');
      return 2;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['first starts']);
    release();
    await assert.rejects(first, /refused/);
    assert.equal(await second, 2);
    assert.deepEqual(order, ['first starts', 'first ends', 'second runs']);
    a.close();
    b.close();
  });

  it('tells the other links of the queue, and ignores what is not a note', async () => {
    const [a, b] = [createOutboxLink('host/usr_2'), createOutboxLink('host/usr_2')];
    const raw = new BroadcastChannel('school-diary:outbox:host/usr_2');
    const heard = nextNote(b);
    raw.postMessage({ kind: 'sent', item: { id: 'msg_1' }, message: { id: 'msg_1' } });
    a.post({ kind: 'changed' });
    assert.deepEqual(await heard, { kind: 'changed' });
    raw.close();
    a.close();
    b.close();
  });
});
