import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';

/** Flushes a file (or a folder, to make a rename in it durable) to the disk. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the `-wal`, `-shm` and `-journal` files SQLite keeps beside a database. Only safe when
 * no connection has the database open: a stale WAL beside a replaced file would be replayed into it.
 */
export function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * A size for people: `812 B`, `44.0 KB`, `1.3 MB`.
 *
 * @example
 * formatBytes(1_363_148); // '1.3 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
