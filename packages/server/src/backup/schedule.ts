import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, type BackupResult } from '../cli-backup';
import type { BackupSchedule } from '../cli-ops-args';

const ARCHIVE = /^diary-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.tar\.gz$/;

/** The name of a scheduled archive: `diary-2026-12-06T03-00-00-000Z.tar.gz` (sorts by time). */
export function scheduledArchiveName(at: Date): string {
  return `diary-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;
}

/** What one scheduled backup did. */
export interface ScheduledBackup extends BackupResult {
  /** Older archives deleted to keep `keep`. */
  readonly removed: readonly string[];
}

/**
 * Takes one scheduled backup into `schedule.dir`, then deletes the oldest scheduled archives there
 * beyond `schedule.keep` (other files in the folder are left alone).
 *
 * @example
 * await takeScheduledBackup({ db: 'diary.sqlite', files: null }, { everySeconds: 21600, dir: '/var/backups/diary', keep: 7 }, new Date());
 */
export async function takeScheduledBackup(
  source: { readonly db: string; readonly files: string | null },
  schedule: BackupSchedule,
  now: Date,
): Promise<ScheduledBackup> {
  const to = join(schedule.dir, scheduledArchiveName(now));
  const result = await backupDatabase({ ...source, to, force: false }, () => now);
  const archives = readdirSync(schedule.dir)
    .filter((name) => ARCHIVE.test(name))
    .sort();
  const removed = archives.slice(0, Math.max(0, archives.length - schedule.keep));
  for (const name of removed) rmSync(join(schedule.dir, name), { force: true });
  return { ...result, removed };
}

/**
 * Takes a backup every `schedule.everySeconds` until the returned function is called; each
 * outcome (or failure) is reported through `report`. One runs at a time.
 */
export function scheduleBackups(
  source: { readonly db: string; readonly files: string | null },
  schedule: BackupSchedule,
  report: (line: string) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      try {
        const done = await takeScheduledBackup(source, schedule, new Date());
        const pruned = done.removed.length ? `; removed ${done.removed.length} older` : '';
        report(`Backup: ${done.to} (${done.files} files, ${done.bytes} bytes)${pruned}`);
      } catch (error) {
        report(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }, schedule.everySeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
