import JSZip from 'jszip';

/** Whether the bytes are a ZIP archive (XLSX workbooks and OneRoster bundles both are). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The names of the files in a ZIP archive, folders left out. */
export async function zipEntries(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

/** The bytes of the file of a ZIP whose name (in any folder) is `name`, or undefined. */
export async function zipFile(zip: JSZip, name: string): Promise<Uint8Array | undefined> {
  const entry = Object.values(zip.files).find(
    (f) => !f.dir && (f.name === name || f.name.endsWith(`/${name}`)),
  );
  return entry ? entry.async('uint8array') : undefined;
}
