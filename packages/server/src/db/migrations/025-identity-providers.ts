import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 025: sign-in through OpenID Connect providers. A flow keeps only the hash of its `state` (its
 * PKCE verifier and nonce are derived from the state with the server's secret, so nothing stored
 * would let anyone finish it), then the hash of the one-use ticket the browser takes back, with the
 * provider's subject and the claims the diary uses. An identity links one provider subject to one
 * account, and an account to at most one subject per provider.
 */
export const identityProvidersMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('oidc_flows')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('return_to', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('returned_at', 'text')
      .addColumn('ticket_hash', 'text', (c) => c.unique())
      .addColumn('subject', 'text')
      .addColumn('claims', 'text')
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('user_identities')
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_identities_pk', ['provider', 'subject'])
      .addUniqueConstraint('user_identities_user_provider', ['user_id', 'provider'])
      .execute();
  },
};
