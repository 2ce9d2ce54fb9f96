/** A file of a ZIP archive: its name (UTF-8) and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

let crcTable: Uint32Array | undefined;

/** The CRC-32 (IEEE) of bytes, as ZIP stores it. */
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Little-endian fields of a ZIP header: `[bytes, value]` pairs. */
function header(fields: readonly (readonly [2 | 4, number])[], name: Uint8Array): Uint8Array {
  const size = fields.reduce((sum, [bytes]) => sum + bytes, 0);
  const out = new Uint8Array(size + name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  out.set(name, at);
  return out;
}

/**
 * A ZIP archive of files stored as they are (no compression), with UTF-8 names dated 1 January
 * 1980: what the memory client's OneRoster export answers, small and readable by any unzip.
 *
 * @example
 * const zip = storedZip([{ name: 'orgs.csv', data: new TextEncoder().encode('sourcedId\n') }]);
 */
export function storedZip(entries: readonly ZipEntry[]): Uint8Array {
  const UTF8 = 0x0800;
  const DATE = 0x21;
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const crc = crc32(entry.data);
    const size = entry.data.length;
    const common = [
      [2, 20],
      [2, UTF8],
      [2, 0],
      [2, 0],
      [2, DATE],
      [4, crc],
      [4, size],
      [4, size],
      [2, name.length],
      [2, 0],
    ] as const;
    const local = header([[4, 0x04034b50], ...common], name);
    central.push(
      header(
        [[4, 0x02014b50], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]],
        name,
      ),
    );
    parts.push(local, entry.data);
    offset += local.length + size;
  }
  const directory = central.reduce((sum, c) => sum + c.length, 0);
  const end = header(
    [
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, entries.length],
      [2, entries.length],
      [4, directory],
      [4, offset],
      [2, 0],
    ],
    new Uint8Array(0),
  );
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
