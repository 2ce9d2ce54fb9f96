import { ATTACHMENT_TYPES } from '@school-diary/core';

/** A file type the diary accepts (core's allow-list). */
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: docx, xlsx, odt
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc, xls

const ODT_MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument.text';

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, to)).toString('latin1');
}

/** A ZIP whose entry names include every marker (entry names are stored uncompressed). */
function zipWith(bytes: Uint8Array, ...markers: string[]): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return markers.every((m) => text.includes(m, 0, 'latin1'));
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The normalised allow-listed type of a declared `Content-Type`, or `null` when not allowed. */
export function allowedType(declared: string | undefined): AttachmentType | null {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (ATTACHMENT_TYPES as readonly string[]).includes(type) ? (type as AttachmentType) : null;
}

/**
 * Whether the bytes really are of the declared type, by their magic numbers: a renamed program
 * declared as a PDF does not pass. Text must be valid UTF-8 without NUL bytes.
 *
 * @example
 * contentMatches('application/pdf', Buffer.from('%PDF-1.7 …')); // true
 * contentMatches('application/pdf', Buffer.from('MZ\x90\x00')); // false
 */
export function contentMatches(type: AttachmentType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(bytes, PDF);
    case 'image/png':
      return startsWith(bytes, PNG);
    case 'image/jpeg':
      return startsWith(bytes, JPEG);
    case 'image/webp':
      return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return zipWith(bytes, '[Content_Types].xml', 'word/');
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return zipWith(bytes, '[Content_Types].xml', 'xl/');
    case 'application/vnd.oasis.opendocument.text':
      // ODF requires an uncompressed `mimetype` entry first: its name and content follow the header.
      return startsWith(bytes, ZIP) && ascii(bytes, 30, 30 + ODT_MIMETYPE.length) === ODT_MIMETYPE;
    case 'application/msword':
    case 'application/vnd.ms-excel':
      return startsWith(bytes, OLE);
    case 'text/plain':
      return isUtf8Text(bytes);
  }
}
