interface Shared<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  callers: number;
}

/**
 * Shares one run of identical work between concurrent callers: the second `grades.list` for the
 * same child while the first is on the wire waits for the same answer. Each caller keeps its own
 * `AbortSignal`; the shared work is cancelled only once every caller has given up.
 */
export class InFlight<T> {
  readonly #runs = new Map<string, Shared<T>>();

  /** How many distinct runs are on the wire now. */
  get size(): number {
    return this.#runs.size;
  }

  /** Joins the run of `key`, or starts it with `start(signal)`. */
  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>) {
    signal?.throwIfAborted();
    let shared = this.#runs.get(key);
    if (!shared) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.#runs.get(key) === current) this.#runs.delete(key);
      });
      const current: Shared<T> = { promise, controller, callers: 0 };
      shared = current;
      this.#runs.set(key, current);
    }
    return this.#join(key, shared, signal);
  }

  #join(key: string, shared: Shared<T>, signal: AbortSignal | undefined): Promise<T> {
    shared.callers += 1;
    if (!signal) return shared.promise;
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        shared.callers -= 1;
        reject(signal.reason);
        if (shared.callers === 0) {
          // Nobody waits for it any more: stop the request and let the next caller start afresh.
          if (this.#runs.get(key) === shared) this.#runs.delete(key);
          shared.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', leave, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error);
        },
      );
    });
  }
}
