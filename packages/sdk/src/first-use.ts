import { DiaryNetworkError } from './errors';

/**
 * Loads a part of the client on first use (a dynamic `import()`), once however many callers ask
 * at the same time. A failed load rejects its callers with a {@link DiaryNetworkError}
 * (`load_failed`, the cause attached) and is forgotten, so the next call tries again.
 */
export function onFirstUse<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (loading) return loading;
    const current: Promise<T> = load().catch((cause: unknown) => {
      if (loading === current) loading = undefined;
      throw new DiaryNetworkError('load_failed', { cause, what });
    });
    // A caller may start the load and give up before awaiting it: never an unhandled rejection.
    current.catch(() => undefined);
    return (loading = current);
  };
}
