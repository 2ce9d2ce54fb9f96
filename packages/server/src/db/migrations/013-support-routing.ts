import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 013: support tickets name the application they are about, and their messages carry files.
 */
export const supportRoutingMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('tickets').addColumn('application_number', 'text').execute();
    await db.schema
      .createTable('ticket_attachments')
      .addColumn('message_id', 'text', (c) => c.notNull().references('ticket_messages.id'))
      .addColumn('attachment_id', 'text', (c) => c.notNull().unique().references('attachments.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_attachments_pk', ['message_id', 'attachment_id'])
      .execute();
  },
};
