import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '@school-diary/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { TestServer } from './harness';

/** The folder of the committed import fixtures (roster template, OneRoster bundle). */
export const IMPORT_FIXTURES = new URL('../services/import/fixtures/', import.meta.url).pathname;

/** A folder of CSV files zipped as a OneRoster bundle, with some files' text `replaced`. */
export async function zipFolder(
  folder: string,
  replaced: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const name of await readdir(folder))
    zip.file(name, replaced[name] ?? (await readFile(join(folder, name))));
  return zip.generateAsync({ type: 'uint8array' });
}

/** An XLSX workbook of one sheet holding the lines of a `;` CSV, as a school's Excel would. */
export async function xlsxFromCsv(csv: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  for (const line of parseCsv(csv, { delimiter: ';' })) sheet.addRow(line);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The answer to an import request. */
export interface ImportAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
}

/**
 * Posts a file as `multipart/form-data` to an import route (`preview` or `apply`) of a school.
 *
 * @example
 * const res = await postImport(server, token, schoolId, 'preview', { name: 'roster.csv', data });
 */
export async function postImport<T>(
  server: TestServer,
  token: string | undefined,
  schoolId: string,
  step: 'preview' | 'apply',
  file: { name: string; data: Uint8Array },
  lang = 'ru',
  job?: string,
): Promise<ImportAnswer<T>> {
  const form = new FormData();
  form.append('file', new Blob([file.data]), file.name);
  const query = job ? `?job=${encodeURIComponent(job)}` : '';
  const res = await fetch(`${server.url}/api/v1/schools/${schoolId}/imports/${step}${query}`, {
    method: 'POST',
    headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T, text };
}
