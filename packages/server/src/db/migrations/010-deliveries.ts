import { type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 010: the outbox becomes a delivery queue. Every message gets a status (queued, sent, delivered,
 * failed), the attempts made, when the next one is due, the last error, the provider and its
 * message id, a lease (so one instance of several sends it), and for a one-time code the code
 * sealed until it is sent (`sealed`, wiped afterwards). Rows written before this migration were
 * never sent by anyone; they are closed as failed.
 */
export const deliveriesMigration: Migration = {
  async up(db: Db) {
    const columns: [string, 'text' | 'integer', ((c: any) => any)?][] = [
      ['status', 'text', (c) => c.notNull().defaultTo('queued')],
      ['attempts', 'integer', (c) => c.notNull().defaultTo(0)],
      ['next_attempt_at', 'text'],
      ['lease_until', 'text'],
      ['status_at', 'text'],
      ['last_error', 'text'],
      ['provider', 'text'],
      ['provider_id', 'text'],
      ['sealed', 'text'],
      ['subject', 'text'],
      ['lang', 'text'],
      ['expires_at', 'text'],
    ];
    for (const [name, type, build] of columns)
      await db.schema
        .alterTable('outbox')
        .addColumn(name, type, build ?? ((c: any) => c))
        .execute();
    await db
      .updateTable('outbox')
      .set({ status: 'failed', last_error: 'written before messages were delivered' })
      .execute();
    await db.schema
      .createIndex('outbox_due')
      .on('outbox')
      .columns(['status', 'next_attempt_at'])
      .execute();
  },
};
