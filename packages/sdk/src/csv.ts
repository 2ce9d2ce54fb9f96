import { saveFile } from './save-file';

/**
 * Offers CSV text (e.g. from `client.grades.csv(...)`) as a file download in a browser, through
 * an object URL and a temporary `<a download>`; returns the text, so the same call works in Node,
 * where there is nothing to download to. The file starts with a byte-order mark, so spreadsheets
 * in the Russian locale read it as UTF-8.
 *
 * @example
 * const text = await client.grades.csv({ childId: 'chd_maria', delimiter: ';' });
 * downloadCsv(text, 'оценки-мария.csv');
 */
export function downloadCsv(text: string, fileName: string): string {
  // `Response.text()` drops the server's byte-order mark; spreadsheets need it to read UTF-8.
  const withBom = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  saveFile(new Blob([withBom], { type: 'text/csv;charset=utf-8' }), fileName);
  return text;
}
