import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 011: document numbers encrypted at rest. SNILS, passport, INN and birth-certificate columns keep
 * their names and now hold AES-256-GCM ciphertext (`dk1.…`); beside each SNILS a keyed hash
 * (HMAC) serves exact look-ups and uniqueness: one account per SNILS. The encryption of rows
 * written before this migration needs the data key, which never enters the database: the server
 * does it as it starts (`prepareDataKeys`), before it answers anyone.
 */
export const sealedDocumentsMigration: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('users').addColumn('snils_hash', 'text').execute();
    await db.schema.alterTable('children').addColumn('snils_hash', 'text').execute();
    await db.schema
      .createIndex('users_snils_hash')
      .on('users')
      .column('snils_hash')
      .unique()
      .execute();
    await db.schema
      .createIndex('children_snils_hash')
      .on('children')
      .column('snils_hash')
      .execute();
  },
};
