/** Why a server that the browser could not reach is unreachable, as far as a page can tell. */
export type UnreachableReason =
  /** The server answers, but not to this page: its CORS settings do not allow the page's origin. */
  | 'cors'
  /** The browser is online but the server does not answer (down, a wrong address, a firewall). */
  | 'down';

/**
 * A request failed although the browser is online: the diary server is down or refuses this page
 * (CORS). Recognised by name in `describeFailure`, which tells the parent «Дневник временно
 * недоступен» instead of asking them to check their internet connection.
 */
export class DiaryServerUnreachable extends Error {
  override readonly name = 'DiaryServerUnreachable';
  /** `cors` or `down`. */
  readonly reason: UnreachableReason;

  constructor(reason: UnreachableReason, options?: { cause?: unknown }) {
    super(
      reason === 'cors'
        ? 'The diary server does not allow this page’s origin (CORS)'
        : 'The diary server does not answer',
      options,
    );
    this.reason = reason;
  }
}

const urlOf = (input: RequestInfo | URL): URL =>
  new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);

/**
 * Wraps `fetch` so that a failed request says why, where the browser lets a page tell: offline
 * (`navigator.onLine` is false) stays a plain network failure; otherwise a `no-cors` request to
 * the same server tells a server that answers (so CORS refused the page: one console line for
 * the developer naming `--cors-origin` and the page's origin) from one that does not.
 *
 * @example
 * createDiaryClient({ baseUrl, fetch: diagnosingFetch() });
 */
export function diagnosingFetch(
  base: typeof fetch = (input, init) => globalThis.fetch(input, init),
  log: Pick<Console, 'error'> = console,
): typeof fetch {
  const reported = new Set<string>();
  const probe = async (url: URL): Promise<UnreachableReason> => {
    if (url.origin === globalThis.location?.origin) return 'down';
    try {
      await base(url.origin + '/', { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
      return 'cors';
    } catch {
      return 'down';
    }
  };
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (error) {
      // Aborts and timeouts are not TypeErrors; offline is what it says.
      if (!(error instanceof TypeError) || globalThis.navigator?.onLine === false) throw error;
      const url = urlOf(input);
      const reason = await probe(url);
      const page = globalThis.location?.origin ?? '';
      if (reason === 'cors' && !reported.has(url.origin)) {
        reported.add(url.origin);
        log.error(
          `School Diary: the diary server ${url.origin} answers, but not to this page: it does not allow the origin ${page} (CORS). Start the server with --cors-origin ${page}`,
        );
      }
      throw new DiaryServerUnreachable(reason, { cause: error });
    }
  };
}
