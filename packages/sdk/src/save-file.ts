import { browser } from './platform';

/**
 * Offers a file the SDK fetched (e.g. `client.attachments.download(...)`, which sends the bearer
 * token a plain link cannot) as a download under its original name: an object URL and a temporary
 * `<a download>`, the URL revoked once the click is handled. Returns `false` where there is no
 * document to download to (Node), `true` when the download was offered.
 *
 * @example
 * const blob = await client.attachments.download({ attachmentId: attachment.id });
 * saveFile(blob, attachment.name); // 'справка.pdf'
 */
export function saveFile(blob: Blob, fileName: string): boolean {
  const doc = browser.document;
  if (!doc || typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked after the click has been handled: revoking at once can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return true;
}
