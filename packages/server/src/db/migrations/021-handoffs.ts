import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 021: hand-offs to another device by QR code. Only hashes of the token and of the claiming
 * device's secret are kept; the session the new device gets is an ordinary one.
 */
export const handoffsMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('handoffs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('claim_hash', 'text')
      .addColumn('claimed_user_agent', 'text')
      .addColumn('claimed_ip', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('handoffs_user').on('handoffs').columns(['user_id']).execute();
  },
};
