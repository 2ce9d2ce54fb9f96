import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { DataKeyError, DataKeyring } from './services/data-keys';

/** Where the data keys come from: `DIARY_DATA_KEY`, or `--data-key-file` (`DIARY_DATA_KEY_FILE`). */
export interface DataKeyOptions {
  /** The keys themselves, from the environment only (a command line is readable by others). */
  readonly dataKey: string | null;
  readonly dataKeyFile: string | null;
}

/** The file a dev server keeps its generated key in: beside a SQLite file, else in the cwd. */
export function devKeyFileOf(db: string): string {
  return isPostgresUrl(db) ? resolve('diary-data-key') : `${resolve(db)}.data-key`;
}

function parsed(text: string, source: string): DataKeyring {
  try {
    return DataKeyring.parse(text, source);
  } catch (error) {
    if (error instanceof DataKeyError) throw new CliError(error.message, 'data_key');
    throw error;
  }
}

function readKeyFile(file: string): DataKeyring {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const why = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new CliError(`cannot read the data key file ${file} (${why})`, 'data_key');
  }
  return parsed(text, file);
}

/**
 * The data keys a server or `rotate-key` uses. Outside dev mode one must be given; a dev server
 * makes one on its first start and keeps it in a file of its own (mode 0600), saying so through
 * `warn`.
 */
export function loadDataKeys(
  options: DataKeyOptions & { readonly db: string; readonly dev: boolean },
  warn: (text: string) => void,
): DataKeyring {
  if (options.dataKey !== null && options.dataKeyFile !== null)
    throw new CliError(
      'give the data key one way: DIARY_DATA_KEY or --data-key-file, not both',
      'data_key',
    );
  if (options.dataKey !== null) return parsed(options.dataKey, 'DIARY_DATA_KEY');
  if (options.dataKeyFile !== null) return readKeyFile(resolve(options.dataKeyFile));
  if (!options.dev)
    throw new CliError(
      'no data key: document numbers are encrypted at rest, so the server needs DIARY_DATA_KEY ' +
        'or --data-key-file (32 random bytes, e.g. `openssl rand -base64 32`; keep it out of the ' +
        'database and its backups). --dev makes one for trying the server.',
      'data_key',
    );
  const file = devKeyFileOf(options.db);
  if (!existsSync(file)) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${DataKeyring.generate()}\n`);
      closeSync(fd);
      warn(
        `Warning: made a dev data key in ${file}. Documents in this database are encrypted under ` +
          'it: without it they cannot be read. Production needs a key of its own (DIARY_DATA_KEY).',
      );
    } catch (error) {
      // Another dev instance made it first: use theirs.
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  return readKeyFile(file);
}
