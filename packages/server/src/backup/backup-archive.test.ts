// Backups hold everything (issue 16 item 8): one archive of the database and the uploaded files,
// verified before anything is replaced, and taken on a schedule.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { backupDatabase } from '../cli-backup';
import { restoreDatabase } from '../cli-restore';
import { openSqlite } from '../db/open';
import { DEMO, seedDemo } from '../seed/demo';
import { scheduledArchiveName, takeScheduledBackup } from './schedule';

const KEPT = 'a'.repeat(32);
const LATER = 'b'.repeat(32);

describe('backup archives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diary-archive-'));
  const db = join(dir, 'diary.sqlite');
  const files = join(dir, 'files');
  const archive = join(dir, 'nightly.tar.gz');

  async function addUpload(name: string, bytes: string): Promise<void> {
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, name), bytes);
    const database = await openSqlite(db);
    await database.db
      .insertInto('attachments')
      .values({
        id: `att_${name.slice(0, 4)}`,
        owner_id: DEMO.users.parentIvanova.id,
        name: `${name.slice(0, 4)}.txt`,
        size: bytes.length,
        content_type: 'text/plain',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storage_path: name,
        created_at: new Date().toISOString(),
        attached_to: null,
      })
      .execute();
    await database.close();
  }
  const users = async (file: string) => {
    const database = await openSqlite(file);
    const rows = await database.db.selectFrom('users').select('id').execute();
    await database.close();
    return rows.length;
  };

  before(async () => {
    const database = await openSqlite(db);
    await seedDemo(database.db);
    await database.close();
    await addUpload(KEPT, 'homework photo');
    const made = await backupDatabase({ db, files: null, to: archive, force: false });
    assert.equal(made.files, 1);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is a tar.gz that tar lists: the database, each uploaded file, and a manifest last', () => {
    const tar = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    if (tar.error) return; // no tar on this machine: the restore tests below still read it
    assert.deepEqual(tar.stdout.trim().split('\n'), [
      'diary.sqlite',
      `files/${KEPT}`,
      'manifest.json',
    ]);
  });

  it('restores the database and the files together, after checking both', async () => {
    // After the backup: a new upload, and the kept file overwritten.
    await addUpload(LATER, 'uploaded after the backup');
    writeFileSync(join(files, KEPT), 'changed');
    const result = await restoreDatabase({ from: archive, db, files: null });
    assert.equal(result.files, 1);
    assert.equal(readFileSync(join(files, KEPT), 'utf8'), 'homework photo');
    assert.equal(existsSync(join(files, LATER)), false);
    const database = await openSqlite(db);
    const rows = await database.db.selectFrom('attachments').select('storage_path').execute();
    await database.close();
    assert.deepEqual(
      rows.map((r) => r.storage_path),
      [KEPT],
    );
    // Nothing left behind beside the database and the files.
    assert.deepEqual(
      readdirSync(dir).filter((name) => /restore|replaced|partial/.test(name)),
      [],
    );
  });

  it('refuses a damaged or tampered archive and leaves the database and files as they were', async () => {
    const before = await users(db);
    writeFileSync(join(files, KEPT), 'current');
    const truncated = join(dir, 'truncated.tar.gz');
    const bytes = readFileSync(archive);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(
      restoreDatabase({ from: truncated, db, files: null }),
      /damaged|ends early/,
    );
    // A file changed inside a well-formed archive: the manifest's checksum catches it.
    const tar = gunzipSync(bytes);
    const at = tar.indexOf('homework photo');
    assert.ok(at > 0);
    tar.write('HOMEWORK', at);
    const tampered = join(dir, 'tampered.tar.gz');
    writeFileSync(tampered, gzipSync(tar));
    await assert.rejects(
      restoreDatabase({ from: tampered, db, files: null }),
      new RegExp(`files/${KEPT} does not match the manifest's checksum`),
    );
    assert.equal(readFileSync(join(files, KEPT), 'utf8'), 'current');
    assert.equal(await users(db), before);
  });

  it('takes backups on a schedule into a folder and keeps the newest few', async () => {
    const folder = join(dir, 'scheduled');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'not an archive');
    const schedule = { everySeconds: 3600, dir: folder, keep: 2 };
    const times = ['2026-12-06T01:00:00Z', '2026-12-06T02:00:00Z', '2026-12-06T03:00:00Z'];
    for (const at of times) await takeScheduledBackup({ db, files: null }, schedule, new Date(at));
    assert.deepEqual(readdirSync(folder).sort(), [
      scheduledArchiveName(new Date(times[1] as string)),
      scheduledArchiveName(new Date(times[2] as string)),
      'notes.txt',
    ]);
    const restored = join(dir, 'from-schedule.sqlite');
    const result = await restoreDatabase({
      from: join(folder, scheduledArchiveName(new Date(times[2] as string))),
      db: restored,
      files: join(dir, 'restored-files'),
    });
    assert.equal(result.users, await users(db));
    assert.equal(readFileSync(join(dir, 'restored-files', KEPT), 'utf8'), 'current');
  });
});
