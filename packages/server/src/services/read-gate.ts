import type SQLite from 'better-sqlite3';

/**
 * Tells whether the database may have changed: {@link ChangeSource.probe} once per request, and
 * {@link ChangeSource.local} (writes this process made) whenever a cached answer is looked at.
 */
export interface ChangeSource {
  /**
   * A stamp that differs from the previous one whenever anything may have been committed since,
   * by this process or any other; `null` when that cannot be told (the gate then keeps nothing).
   */
  probe(): string | null;
  /** How many writes this process has started; cheap, no database statement. */
  local(): number;
}

/** Counts the writes this process starts (see `cachedStatements`' `onWrite`). */
export class WriteCounter {
  #count = 0;
  /** Writes started so far. */
  get count(): number {
    return this.#count;
  }
  /** Called before each writing statement runs. */
  readonly bump = (): void => {
    this.#count += 1;
  };
}

/**
 * The change source of a SQLite file: `PRAGMA data_version` (changes when another connection,
 * in this process or another, commits) and this connection's own writes, counted before each
 * writing statement runs — so a write is seen before it commits, never after.
 */
export function sqliteChanges(sqlite: SQLite.Database, writes: WriteCounter): ChangeSource {
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  return {
    probe: () => `${String(dataVersion.get())}.${writes.count}`,
    local: () => writes.count,
  };
}

/** A change source that never lets anything be kept (no way to learn of other writers). */
export const NO_CHANGE_SOURCE: ChangeSource = { probe: () => null, local: () => 0 };

/** Bounds of a {@link ReadGate}. */
export interface ReadGateLimits {
  /** Most entries kept in each of its maps. */
  readonly maxEntries: number;
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
  #stamp: string | null = null;
  #local = 0;
  #epoch = 0;

  constructor(source: ChangeSource, limits: ReadGateLimits = { maxEntries: 10_000 }) {
    this.#source = source;
    this.#limits = limits;
  }

  /** Whether anything may be kept now (false when the change source cannot tell). */
  get enabled(): boolean {
    return this.#stamp !== null;
  }

  /** Entries kept now (sessions and grants). */
  get size(): number {
    return this.#sessions.size + this.#grants.size;
  }

  /** Probes the database once: empties the gate if anything may have changed since last time. */
  refresh(): void {
    const stamp = this.#source.probe();
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
