import type { Session, User } from '@school-diary/core';
import { DiaryApiError } from './errors';
import { loadSession, type SessionStorage, type StoredSession } from './session-storage';
import type { TabMessage, TabSync } from './tab-sync';

/**
 * Why a session ended.
 *
 * @example
 * client.session.onChange((change) => {
 *   if (change.type === 'signed-out' && change.reason === 'expired') toast('Войдите снова');
 * });
 */
export type SignOutReason =
  /** `logout()` was called (in this tab). */
  | 'logout'
  /** The refresh token expired: the user must sign in again. */
  | 'expired'
  /** The server no longer knows the session: revoked, password changed, or a refresh token reuse. */
  | 'revoked'
  /** Another tab signed out of the same session. */
  | 'other-tab';

/**
 * What happened to the session; given to `onSessionChange` and `client.session.onChange`.
 * `signed-in` also fires when a kept session is restored at start-up or adopted from another tab.
 *
 * @example
 * createDiaryClient({ baseUrl, onSessionChange: (change: SessionChange) => analytics(change.type) });
 */
export type SessionChange =
  | { readonly type: 'signed-in'; readonly user: User }
  | { readonly type: 'refreshed'; readonly user: User }
  | { readonly type: 'signed-out'; readonly reason: SignOutReason };

/**
 * Options of {@link DiarySession}; the client makes its session itself.
 *
 * @internal
 */
export interface DiarySessionOptions {
  /** Exchanges a refresh token for new tokens (core's `auth.refresh`). */
  readonly refresh: (refreshToken: string) => Promise<Session>;
  /** Opt-in persistence. */
  readonly store?: SessionStorage;
  /** Other tabs of the site. */
  readonly sync?: TabSync;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** How long before expiry the access token is renewed, in milliseconds. */
  readonly refreshMarginMs: number;
}

/**
 * The signed-in user's tokens: kept in memory (and in a {@link SessionStorage} when opted in),
 * renewed shortly before they expire and once after a 401, with one refresh at a time however
 * many requests fail together; shared with other tabs so that one tab's rotation does not leave
 * another holding a spent refresh token (which the server treats as theft and revokes).
 *
 * @example
 * client.session.onChange((change) => {
 *   if (change.type === 'signed-out') showLogin();
 * });
 */
export class DiarySession {
  /** Settles once a kept session has been loaded (immediately without persistence). */
  readonly ready: Promise<void>;
  readonly #options: DiarySessionOptions;
  readonly #listeners = new Set<(change: SessionChange) => void>();
  #state: StoredSession | undefined;
  #refreshing: Promise<string | undefined> | undefined;
  #stopSync: (() => void) | undefined;

  /** @internal The client makes its session; use `client.session`. */
  constructor(options: DiarySessionOptions) {
    this.#options = options;
    this.#stopSync = options.sync?.listen((message) => this.#fromOtherTab(message));
    this.ready = loadSession(options.store).then(
      (stored) => {
        if (stored && !this.#state) this.#set(stored, { type: 'signed-in', user: stored.user });
      },
      () => undefined,
    );
  }

  /** The signed-in user, or `undefined`. */
  get user(): User | undefined {
    return this.#state?.user;
  }

  /** Whether someone is signed in. */
  get signedIn(): boolean {
    return this.#state !== undefined;
  }

  /**
   * The tokens as they are now, without renewing them (see {@link DiarySession.accessToken}).
   *
   * @internal
   */
  currentTokens(): StoredSession | undefined {
    return this.#state;
  }

  /**
   * Listens to sign-in, refresh and sign-out.
   *
   * @example
   * const stop = client.session.onChange((change) => console.log(change.type));
   */
  onChange(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts a session from the tokens `auth.verify` answered with. */
  async adopt(session: Session): Promise<void> {
    const previous = this.#state?.refreshToken ?? null;
    const state: StoredSession = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: this.#options.now() + session.expiresIn * 1000,
      user: session.user,
    };
    await this.#commit(state, previous, { type: 'signed-in', user: session.user });
  }

  /**
   * A valid access token for the next request: renewed first when it expires within the margin.
   * `undefined` when nobody is signed in.
   */
  async accessToken(): Promise<string | undefined> {
    await this.ready;
    const state = this.#state;
    if (!state) return undefined;
    if (this.#options.now() < state.expiresAt - this.#options.refreshMarginMs)
      return state.accessToken;
    return this.refresh(state.accessToken);
  }

  /**
   * Renews the tokens, once however many callers ask at the same time. A caller that saw `stale`
   * rejected gets the current token at once if someone else has already renewed it. Answers the
   * new access token, or `undefined` when the server ended the session (it is then signed out).
   */
  async refresh(stale?: string): Promise<string | undefined> {
    await this.ready;
    const state = this.#state;
    if (!state) return undefined;
    if (stale !== undefined && state.accessToken !== stale) return state.accessToken;
    this.#refreshing ??= this.#rotate(state).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** Forgets the session here, in the store and (unless told by one) in the other tabs. */
  async end(reason: SignOutReason): Promise<void> {
    if (!this.#state) return;
    const previous = this.#state.refreshToken;
    this.#state = undefined;
    if (reason !== 'other-tab') {
      await this.#options.store?.save(undefined);
      this.#options.sync?.post({ session: null, previous });
    }
    this.#emit({ type: 'signed-out', reason });
  }

  /** Stops listening to other tabs. */
  close(): void {
    this.#stopSync?.();
    this.#stopSync = undefined;
  }

  #rotate(state: StoredSession): Promise<string | undefined> {
    const run = async (): Promise<string | undefined> => {
      // While this tab waited for the lock, another may have rotated and told us, or written it.
      if (this.#state !== state) return this.#state?.accessToken;
      const kept = await loadSession(this.#options.store);
      if (kept && kept.user.id === state.user.id && kept.expiresAt > state.expiresAt) {
        this.#set(kept, { type: 'refreshed', user: kept.user });
        return kept.accessToken;
      }
      let session: Session;
      try {
        session = await this.#options.refresh(state.refreshToken);
      } catch (error) {
        if (!(error instanceof DiaryApiError) || error.status !== 401) throw error;
        if (this.#state === state)
          await this.end(error.code === 'token_expired' ? 'expired' : 'revoked');
        return undefined;
      }
      const next: StoredSession = {
        accessToken: session.accessToken,
        refreshToken: session.refreshToken,
        expiresAt: this.#options.now() + session.expiresIn * 1000,
        user: session.user,
      };
      await this.#commit(next, state.refreshToken, { type: 'refreshed', user: session.user });
      return next.accessToken;
    };
    return this.#options.sync ? this.#options.sync.exclusive(run) : run();
  }

  async #commit(state: StoredSession, previous: string | null, change: SessionChange) {
    this.#set(state, change);
    await this.#options.store?.save(state);
    this.#options.sync?.post({ session: state, previous });
  }

  #set(state: StoredSession, change: SessionChange): void {
    this.#state = state;
    this.#emit(change);
  }

  /** Adopts another tab's rotation of our session, its sign-out, or (when kept) its sign-in. */
  #fromOtherTab({ session, previous }: TabMessage): void {
    const ours = this.#state;
    const sameSession = ours !== undefined && previous === ours.refreshToken;
    if (session === null) {
      if (sameSession) void this.end('other-tab');
      return;
    }
    if (sameSession) this.#set(session, { type: 'refreshed', user: session.user });
    else if (!ours && this.#options.store)
      this.#set(session, { type: 'signed-in', user: session.user });
  }

  #emit(change: SessionChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
