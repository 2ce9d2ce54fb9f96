/** The longest file name kept, in characters. */
export const MAX_FILE_NAME = 200;

/**
 * A file name safe to show and to send back: no directories, no control or bidirectional
 * formatting characters (which can disguise `exe.pdf`), trimmed, at most 200 characters.
 * Cyrillic and other letters stay.
 *
 * @example
 * sanitizeFileName('C:\\Users\\Мария\\Сочинение.docx'); // 'Сочинение.docx'
 * sanitizeFileName('../../etc/passwd'); // 'passwd'
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...clean];
  if (chars.length === 0) return 'file';
  if (chars.length <= MAX_FILE_NAME) return clean;
  // Keep the extension when cutting a long name.
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? [...clean.slice(dot)] : [];
  const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
  return chars.slice(0, MAX_FILE_NAME - keep.length).join('') + keep.join('');
}

/** RFC 8187 percent-encoding: `encodeURIComponent` leaves `'()*` which are not attr-chars. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A `Content-Disposition` that always downloads: an ASCII fallback name for old clients and the
 * exact UTF-8 name in `filename*`.
 *
 * @example
 * contentDisposition('Сочинение.docx');
 * // `attachment; filename="file.docx"; filename*=UTF-8''%D0%A1%D0%BE…docx`
 */
export function contentDisposition(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const ascii = /^[\x20-\x7e]+$/.test(name) ? name.replace(/["\\]/g, '_') : `file${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
