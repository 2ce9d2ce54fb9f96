import { existsSync } from 'node:fs';
import type { RotateKeyOptions } from './cli-args';
import { loadDataKeys } from './cli-data-keys';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { openDatabase } from './db/open';
import { DataKeyError } from './services/data-keys';
import { rotateDataKey, type RotationReport } from './services/sealed-documents';

/**
 * `rotate-key`: re-encrypts every document number under the first data key given and re-computes
 * the SNILS look-up hashes, in short batches while servers keep serving. Those servers must
 * already hold the new key first and the old one after it, so they read either meanwhile.
 *
 * @example
 * // DIARY_DATA_KEY="$NEW,$OLD" school-diary-server rotate-key --db diary.sqlite
 * await rotateKey({ db: 'diary.sqlite', dataKeys: { dataKey: `${next},${old}`, dataKeyFile: null } });
 */
export async function rotateKey(options: RotateKeyOptions): Promise<RotationReport> {
  const keys = loadDataKeys({ ...options.dataKeys, db: options.db, dev: false }, () => undefined);
  if (!isPostgresUrl(options.db) && !existsSync(options.db))
    throw new CliError(`no database at ${options.db} (check --db)`, 'no_database');
  const database = await openDatabase(options.db);
  try {
    return await rotateDataKey(database.db, keys);
  } catch (error) {
    if (error instanceof DataKeyError) throw new CliError(error.message, 'data_key');
    throw error;
  } finally {
    await database.close();
  }
}

/** The lines printed after a rotation. */
export function describeRotation(report: RotationReport): string {
  const lines = [
    `Rotated to data key ${report.keyId}: ${report.rotated} document numbers re-encrypted, ` +
      `${report.sealed} encrypted that were in plain text, ${report.rows} rows updated.`,
  ];
  if (report.retired.length > 0)
    lines.push(
      `Nothing is encrypted under ${report.retired.join(', ')} any more: remove it from ` +
        'DIARY_DATA_KEY or the key file and restart the servers one at a time.',
    );
  return lines.join('\n');
}
