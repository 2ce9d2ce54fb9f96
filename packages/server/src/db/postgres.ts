import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type TransactionBuilder } from 'kysely';
import pg from 'pg';
import { ALWAYS_CHANGED, type ChangeGeneration } from './change-generation';
import { PostgresSchemaPlugin, redactUrl } from './dialect';
import type { EventFanOut, FanOutListener } from './event-fan-out';
import { migrateToLatest } from './migrations';
import type { Database } from './schema';

/** Connections per instance when `--db-pool` is not given. */
export const DEFAULT_POOL_SIZE = 10;
/** The LISTEN/NOTIFY channel that announces new live events to every instance. */
export const EVENTS_CHANNEL = 'diary_events';
/** NOTIFY payloads must stay under 8000 bytes; recipients are sent in chunks below this. */
const PAYLOAD_BYTES = 7000;
/** Key of the transaction lock that makes event ids commit in id order (see {@link PgEventFanOut}). */
const EVENTS_LOCK = 0x64_69_61_72; // 'diar'
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Result parsing shared by every connection of the pool: `bigint` (counts, `bigserial` ids) and
 * `numeric` (averages) come back as JS numbers, as they do from SQLite. Ids stay far below 2^53.
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as typeof pg.types.getTypeParser,
};

/** SQLSTATEs after which a whole transaction is run again: unique violation, serialization, deadlock. */
const RETRY_CODES = new Set(['23505', '40001', '40P01']);
/** Runs of one transaction at most (the first and the retries). */
const MAX_RUNS = 4;

function retryable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    RETRY_CODES.has(String(error.code))
  );
}

/**
 * The query layer on PostgreSQL. SQLite runs one write transaction at a time, and the handlers'
 * "look, then insert" transactions (an idempotent message id, a thread opened twice) rely on that.
 * Under PostgreSQL's READ COMMITTED two of them can both look, both insert, and one hits a unique
 * constraint (or a deadlock): that transaction is rolled back and run again from the start, and
 * its second look sees the winner's row, exactly as if the two had run one after the other. An
 * error that persists (a real conflict) is thrown after the last run.
 */
class PostgresKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    const builder = super.transaction();
    return new Proxy(builder, {
      get(target, property, receiver) {
        if (property !== 'execute') return Reflect.get(target, property, receiver) as unknown;
        return async <T>(callback: Parameters<TransactionBuilder<DB>['execute']>[0]) => {
          for (let run = 1; ; run += 1) {
            try {
              return (await target.execute(async (trx) => {
                const events: PendingEvents[] = [];
                pendingEvents.set(trx, events);
                const result = await callback(trx);
                await flushEvents(trx as unknown as Kysely<Database>, events);
                return result;
              })) as T;
            } catch (error) {
              if (run >= MAX_RUNS || !retryable(error)) throw error;
            }
          }
        };
      },
    });
  }
}

/** Live events a transaction published: written last, just before it commits. */
interface PendingEvents {
  readonly recipients: readonly string[];
  readonly insert: (trx: Kysely<Database>) => Promise<void>;
}

/** The events each open transaction (of {@link PostgresKysely}) has published so far. */
const pendingEvents = new WeakMap<object, PendingEvents[]>();

/**
 * Writes a transaction's events as its last statements: the event lock, the rows, one NOTIFY per
 * payload. The lock is so held only for those statements and the commit, however long the
 * transaction's other work took (the lock serialises every event-writing transaction).
 */
async function flushEvents(trx: Kysely<Database>, events: readonly PendingEvents[]): Promise<void> {
  if (events.length === 0) return;
  await sql`select pg_advisory_xact_lock(${EVENTS_LOCK})`.execute(trx);
  for (const event of events) await event.insert(trx);
  const recipients = [...new Set(events.flatMap((e) => e.recipients))];
  for (const payload of notifyPayloads(recipients))
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`.execute(trx);
}

/** An open PostgreSQL diary database. */
export interface PostgresDiaryDatabase {
  readonly db: Kysely<Database>;
  readonly engine: 'postgres';
  /** The URL with its password hidden (for start-up output and logs). */
  readonly location: string;
  /** The connection pool behind `db`. */
  readonly pool: pg.Pool;
  /** Live-event wake-ups across every instance on this database (LISTEN/NOTIFY). */
  readonly fanOut: EventFanOut;
  /**
   * Never the same: other instances commit unseen (a NOTIFY arrives after the commit, too late
   * for a request sent right after it), so sessions and authorisations are read every time.
   */
  readonly changes: ChangeGeneration;
  /** Whether the LISTEN connection behind the fan-out is connected now (`/readyz`). */
  listening(): boolean;
  close(): Promise<void>;
}

/** Options of {@link openPostgres}. */
export interface OpenPostgresOptions {
  /** Most connections this process holds (default {@link DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number | undefined;
}

/**
 * Connects to PostgreSQL with a pool of `poolSize` connections and runs the migrations (the same
 * ones SQLite runs; several instances starting at once serialise on Kysely's migration lock).
 * Throws a readable error when the server cannot be reached.
 *
 * @example
 * const database = await openPostgres('postgres://diary@db.internal/diary', { poolSize: 20 });
 */
export async function openPostgres(
  url: string,
  options: OpenPostgresOptions = {},
): Promise<PostgresDiaryDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: TYPES,
    application_name: 'school-diary-server',
  });
  // An idle client's error (server restart, network) must not crash the process; the pool drops it.
  pool.on('error', () => undefined);
  const db = new PostgresKysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db.withPlugin(new PostgresSchemaPlugin()));
  } catch (error) {
    await db.destroy();
    throw new Error(
      `cannot open PostgreSQL at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const fanOut = new PgEventFanOut(url);
  await fanOut.start();
  return {
    db,
    engine: 'postgres',
    location: redactUrl(url),
    pool,
    fanOut,
    changes: ALWAYS_CHANGED,
    listening: () => fanOut.listening,
    async close() {
      await fanOut.stop();
      await db.destroy();
    },
  };
}

/** Splits user ids into comma-joined payloads that fit a NOTIFY. */
export function notifyPayloads(userIds: readonly string[]): string[] {
  const payloads: string[] = [];
  let current = '';
  for (const id of userIds) {
    if (current && Buffer.byteLength(current) + Buffer.byteLength(id) + 1 > PAYLOAD_BYTES) {
      payloads.push(current);
      current = '';
    }
    current = current ? `${current},${id}` : id;
  }
  if (current) payloads.push(current);
  return payloads;
}

/**
 * The live-event fan-out over PostgreSQL. Events published in a transaction are written at its end
 * (see {@link flushEvents}) after a transaction-scoped advisory lock, so event ids become visible in id order (a stream reading `id > cursor` never skips a row
 * that commits later with a smaller id), and sends `NOTIFY diary_events, 'user,user,…'` in the same
 * transaction: PostgreSQL delivers it only on commit, to every instance (this one included), whose
 * listening connection wakes the streams of those users. If that connection drops it reconnects
 * and wakes every stream once, which re-reads from its cursor, so nothing is lost meanwhile.
 */
class PgEventFanOut implements EventFanOut {
  readonly #url: string;
  readonly #listeners = new Set<FanOutListener>();
  #client: pg.Client | null = null;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;
  /** The listening connection's `application_name` (tests find it in `pg_stat_activity`). */
  readonly listenerName = `school-diary-server listener ${randomBytes(6).toString('hex')}`;

  constructor(url: string) {
    this.#url = url;
  }

  /** Whether the listening connection is up. */
  get listening(): boolean {
    return this.#client !== null;
  }

  async start(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#url,
      types: TYPES,
      application_name: this.listenerName,
    });
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      this.#emit(message.payload.split(','));
    });
    client.on('error', () => this.#reconnect(client));
    client.on('end', () => this.#reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.#client = client;
  }

  #reconnect(client: pg.Client): void {
    if (this.#stopped || this.#client !== client) return;
    this.#client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    const attempt = (): void => {
      this.#retry = null;
      if (this.#stopped) return;
      this.start().then(
        () => this.#emit('all'),
        () => {
          this.#retry = setTimeout(attempt, 1000);
        },
      );
    };
    this.#retry = setTimeout(attempt, 200);
  }

  #emit(userIds: readonly string[] | 'all'): void {
    for (const listener of this.#listeners) listener(userIds);
  }

  async write(
    db: Kysely<Database>,
    recipients: readonly string[],
    insert: (trx: Kysely<Database>) => Promise<void>,
  ): Promise<void> {
    const pending = db.isTransaction ? pendingEvents.get(db) : undefined;
    if (pending) {
      pending.push({ recipients, insert });
      return;
    }
    const run = (trx: Kysely<Database>) => flushEvents(trx, [{ recipients, insert }]);
    if (db.isTransaction) await run(db);
    else await db.transaction().execute(run);
  }

  subscribe(listener: FanOutListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
