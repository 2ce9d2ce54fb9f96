import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InFlight } from './in-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('InFlight', () => {
  it('runs identical work once for callers that overlap, and again afterwards', async () => {
    const inFlight = new InFlight<number>();
    let runs = 0;
    const gate = deferred<number>();
    const start = () => {
      runs += 1;
      return gate.promise;
    };
    const a = inFlight.run('k', undefined, start);
    const b = inFlight.run('k', undefined, start);
    gate.resolve(42);
    assert.deepEqual(await Promise.all([a, b]), [42, 42]);
    await inFlight.run('k', undefined, async () => (runs += 1));
    assert.equal(runs, 2);
    assert.equal(inFlight.size, 0);
  });

  it('aborts the shared work only when every caller has left', async () => {
    const inFlight = new InFlight<string>();
    let aborted = false;
    const start = (signal: AbortSignal) =>
      new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(signal.reason);
        }),
      );
    const first = new AbortController();
    const second = new AbortController();
    const a = inFlight.run('k', first.signal, start);
    const b = inFlight.run('k', second.signal, start);
    first.abort(new Error('first left'));
    await assert.rejects(a, /first left/);
    assert.equal(aborted, false);
    second.abort(new Error('second left'));
    await assert.rejects(b, /second left/);
    assert.equal(aborted, true);
  });
});
