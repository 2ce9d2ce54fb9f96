import type { ChangeSource } from '../db/change-source';

/** Bounds of a {@link ReadGate}. */
export interface ReadGateLimits {
  /** Most entries kept in each of its maps. */
  readonly maxEntries: number;
  /**
   * Most bearer tokens kept in plain text beside their session (see {@link ReadGate.byToken});
   * default `maxEntries`, 0 keeps none.
   */
  readonly maxTokens?: number;
}

/** A validated session as kept by the gate. */
export interface KeptSession<U> {
  readonly user: U;
  /** When the access token expires (ms since the epoch); checked on every request. */
  readonly expiresAt: number;
}

/** The moment a fill began: an answer read from the database is kept only if nothing changed. */
export interface GateTicket {
  readonly epoch: number;
  readonly local: number;
}

/**
 * The in-process cache of what every request would otherwise ask the database again: validated
 * sessions (by token hash) and access grants with data versions (by route, user and params). It
 * is emptied whole whenever the database may have changed — any write of this process (counted
 * before it runs), any commit of another connection or process (`PRAGMA data_version`, probed
 * once per authenticated request) — so nothing kept outlives a logout, a revocation, a role or
 * ownership change or a version bump. Only positive answers are kept: a denial is asked again.
 * A fill is kept only if nothing changed between its start and its end.
 *
 * @example
 * gate.refresh();                       // once per request
 * const ticket = gate.ticket();
 * const row = gate.session(hash) ?? (await readSession());
 * gate.keepSession(hash, row, ticket);
 */
export class ReadGate<U = unknown> {
  readonly #source: ChangeSource;
  readonly #limits: ReadGateLimits;
  readonly #sessions = new Map<string, KeptSession<U>>();
  readonly #grants = new Map<string, string>();
  readonly #tokens = new Map<string, KeptSession<U>>();
  /** When the earliest kept token expires (ms): nothing to sweep before then. */
  #tokensExpire = Infinity;
  #stamp: string | null = null;
  #local = 0;
  #epoch = 0;
  #closed = false;
  #sweeper: NodeJS.Timeout | undefined;
  readonly #now: () => number;

  /** `now` (ms since the epoch) is the app's clock, against which tokens expire. */
  constructor(
    source: ChangeSource,
    limits: ReadGateLimits = { maxEntries: 10_000 },
    now: () => number = Date.now,
  ) {
    this.#source = source;
    this.#limits = limits;
    this.#now = now;
  }

  /** Whether anything may be kept now (false when the change source cannot tell). */
  get enabled(): boolean {
    return this.#stamp !== null;
  }

  /** Entries kept now (sessions, grants and tokens). */
  get size(): number {
    return this.#sessions.size + this.#grants.size + this.#tokens.size;
  }

  /**
   * What to await before {@link refresh} where the change source learns of changes
   * asynchronously (PostgreSQL); `undefined` where there is nothing to wait for (SQLite).
   */
  sync(): Promise<void> | undefined {
    return this.#closed ? undefined : this.#source.sync?.();
  }

  /** Probes the database once: empties the gate if anything may have changed since last time. */
  refresh(): void {
    const stamp = this.#closed ? null : this.#source.probe();
    if (stamp === null || stamp !== this.#stamp) this.#clear();
    this.#stamp = stamp;
    this.#local = this.#source.local();
  }

  /** Empties the gate if this process has written since it last looked (no database statement). */
  #fresh(): void {
    const local = this.#source.local();
    if (local !== this.#local) {
      this.#clear();
      this.#local = local;
    }
  }

  #clear(): void {
    this.#sessions.clear();
    this.#grants.clear();
    this.#tokens.clear();
    this.#tokensExpire = Infinity;
    this.#schedule();
    this.#epoch += 1;
  }

  /** Call before reading what is to be kept; pass to `keep…` after. */
  ticket(): GateTicket {
    this.#fresh();
    return { epoch: this.#epoch, local: this.#local };
  }

  #current(ticket: GateTicket): boolean {
    this.#fresh();
    return this.enabled && ticket.epoch === this.#epoch && ticket.local === this.#local;
  }

  /** A kept session of a token hash. */
  session(hash: string): KeptSession<U> | undefined {
    this.#fresh();
    return this.enabled ? this.#sessions.get(hash) : undefined;
  }

  /** Keeps a validated session, if nothing changed since `ticket`. */
  keepSession(hash: string, session: KeptSession<U>, ticket: GateTicket): void {
    if (!this.#current(ticket)) return;
    bounded(this.#sessions, this.#limits.maxEntries)?.set(hash, session);
  }

  /**
   * The kept session of a raw bearer token, if it has not expired at `now` (ms): saves hashing
   * the token on every request. A plain-text token is kept no longer than its session lives — an
   * expired one is dropped when looked up or when any later look-up finds the earliest expiry
   * passed — nor past any change of the database (a logout, a revocation: every write empties the
   * gate), and at most `maxTokens` of them.
   */
  byToken(token: string, now: number): KeptSession<U> | undefined {
    this.#fresh();
    if (!this.enabled) return undefined;
    if (now >= this.#tokensExpire) this.#sweep(now);
    return this.#tokens.get(token);
  }

  /** Keeps the session a token was found to hold (by its hash), if nothing changed since `ticket`. */
  keepToken(token: string, session: KeptSession<U>, ticket: GateTicket, now: number): void {
    if (session.expiresAt <= now || !this.#current(ticket)) return;
    const map = bounded(this.#tokens, this.#limits.maxTokens ?? this.#limits.maxEntries);
    if (!map) return;
    map.set(token, session);
    if (session.expiresAt < this.#tokensExpire) {
      this.#tokensExpire = session.expiresAt;
      this.#schedule();
    }
  }

  /** Drops every token expired at `now` and notes the next expiry. */
  #sweep(now: number): void {
    let next = Infinity;
    for (const [token, session] of this.#tokens) {
      if (session.expiresAt <= now) this.#tokens.delete(token);
      else if (session.expiresAt < next) next = session.expiresAt;
    }
    this.#tokensExpire = next;
    this.#schedule();
  }

  /** A timer for the earliest expiry, so an idle server does not keep expired tokens either. */
  #schedule(): void {
    if (this.#sweeper) clearTimeout(this.#sweeper);
    this.#sweeper = undefined;
    if (this.#tokensExpire === Infinity || this.#closed) return;
    const wait = Math.min(Math.max(this.#tokensExpire - this.#now(), 0) + 1, 2 ** 31 - 1);
    this.#sweeper = setTimeout(() => this.#sweep(this.#now()), wait);
    this.#sweeper.unref();
  }

  /**
   * Forgets everything and stops keeping anything (the app closes). The change source belongs
   * to the database, which closes it.
   */
  close(): void {
    this.#closed = true;
    this.#clear();
  }

  /** The kept data versions of a granted read (`key` names route, user and input). */
  grant(key: string): string | undefined {
    this.#fresh();
    return this.enabled ? this.#grants.get(key) : undefined;
  }

  /** Keeps a granted read's versions, if nothing changed since `ticket`. */
  keepGrant(key: string, versions: string, ticket: GateTicket): void {
    if (!this.#current(ticket)) return;
    bounded(this.#grants, this.#limits.maxEntries)?.set(key, versions);
  }
}

/** The map with room for one more entry (the oldest goes when it is full); none if it keeps nothing. */
function bounded<V>(map: Map<string, V>, max: number): Map<string, V> | undefined {
  if (max <= 0) return undefined;
  while (map.size >= max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
  return map;
}
