/** The largest file the diary accepts: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** File types the diary accepts (documents and pictures; nothing executable, no HTML or SVG). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const;

/** The first problem with a file before upload (`file_type`, `file_too_large`), or `null`. */
export function checkAttachment(file: {
  size: number;
  contentType: string;
}): 'file_type' | 'file_too_large' | null {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.contentType)) return 'file_type';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'file_too_large';
  return null;
}
