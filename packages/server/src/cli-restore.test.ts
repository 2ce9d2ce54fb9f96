import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { backupDatabase } from './cli-backup';
import { restoreDatabase } from './cli-restore';
import { openSqlite } from './db/open';
import { seedDemo, DEMO } from './seed/demo';

const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('backup and restore: who may read the files, and sessions after a restore', () => {
  it('creates the database and its backup readable by their owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diary-modes-'));
    try {
      const db = join(dir, 'diary.sqlite');
      const database = await openSqlite(db);
      await database.close();
      assert.equal(modeOf(db), 0o600);
      const backup = join(dir, 'backup.sqlite');
      await backupDatabase({ db, files: null, to: backup, force: false });
      assert.equal(modeOf(backup), 0o600);
      await restoreDatabase({ from: backup, db: join(dir, 'restored.sqlite'), files: null });
      assert.equal(modeOf(join(dir, 'restored.sqlite')), 0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('revokes every session the backup held, so a logout made after it stays a logout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diary-revoke-'));
    try {
      const db = join(dir, 'diary.sqlite');
      const database = await openSqlite(db);
      await seedDemo(database.db);
      const now = new Date().toISOString();
      const later = new Date(Date.now() + 3600_000).toISOString();
      await database.db
        .insertInto('sessions')
        .values({
          id: 'ses_backup',
          user_id: DEMO.users.parentIvanova.id,
          family_id: 'fam_backup',
          access_hash: 'a',
          refresh_hash: 'r',
          access_expires_at: later,
          refresh_expires_at: later,
          rotated_at: null,
          revoked_at: null,
          created_at: now,
        })
        .execute();
      await database.close();
      const backup = join(dir, 'backup.sqlite');
      await backupDatabase({ db, files: null, to: backup, force: false });
      const result = await restoreDatabase({
        from: backup,
        db: join(dir, 'restored.sqlite'),
        files: null,
      });
      assert.equal(result.revoked, 1);
      const restored = new SQLite(join(dir, 'restored.sqlite'), { readonly: true });
      const open = restored
        .prepare('SELECT count(*) FROM sessions WHERE revoked_at IS NULL')
        .pluck()
        .get();
      restored.close();
      assert.equal(open, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
