import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { fieldError } from '../domain-error';

/**
 * What the files of one archive may hold together once unpacked: a OneRoster bundle of a large
 * school is tens of MB; more is a ZIP bomb, refused before anything is unpacked.
 */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** Whether the file is a ZIP archive (XLSX workbooks and OneRoster bundles both are). */
export async function isZipFile(path: string): Promise<boolean> {
  const file = await openFile(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await file.close();
  }
}

/** An open ZIP archive: its file names, and each file as a stream, unpacked as it is read. */
export interface ZipArchive {
  /** The name (in the archive's root or any folder) of a file, or undefined. */
  find(name: string): string | undefined;
  /** The file's bytes as a stream. */
  open(path: string): Promise<Readable>;
  close(): void;
}

const promised = <T>(work: (done: (error: Error | null, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) =>
    work((error, value) => (error ? reject(error) : resolve(value))),
  );

/**
 * Opens a ZIP archive on disk, reading only its directory (yauzl); files are unpacked as streams
 * when asked for. Throws `file_too_large` when they would unpack to more than
 * {@link MAX_UNPACKED_BYTES}.
 *
 * @example
 * const zip = await openZip('/tmp/oneroster.zip');
 * const users = zip.find('users.csv');
 */
export async function openZip(path: string): Promise<ZipArchive> {
  const zip = await promised<yauzl.ZipFile>((done) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, done),
  );
  const entries = new Map<string, yauzl.Entry>();
  let unpacked = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        unpacked += entry.uncompressedSize;
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    zip.close();
    throw fieldError('file', 'file_too_large', { maximum: '512 MB' });
  }
  return {
    find: (name) => [...entries.keys()].find((f) => f === name || f.endsWith(`/${name}`)),
    open: async (name) => {
      const entry = entries.get(name);
      if (!entry) throw new Error(`No ${name} in the archive`);
      return promised<Readable>((done) => zip.openReadStream(entry, done));
    },
    close: () => zip.close(),
  };
}
