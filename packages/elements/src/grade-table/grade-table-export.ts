import type { Lang, WORK_KINDS } from '@school-diary/core';
import { downloadCsv, downloadPdf } from '@school-diary/sdk';
import type { GradesClient } from '../shared/grades-client';
import type { MarkFilter } from './grade-rows';

/** The file made by {@link exportMarks}. */
export interface MarksFile {
  readonly fileName: string;
  /** The CSV text as the server sent it. */
  readonly text: string;
}

/**
 * Asks the server for the marks the table shows as CSV (`;`-separated for Russian spreadsheets)
 * and offers the file for download.
 */
export async function exportMarks(
  client: GradesClient,
  childId: string,
  filter: MarkFilter,
  lang: Lang,
): Promise<MarksFile> {
  const text = await client.grades.csv({
    childId,
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter.kind ? { kind: filter.kind as (typeof WORK_KINDS)[number] } : {}),
    delimiter: lang === 'ru' ? ';' : ',',
  });
  const fileName = `${lang === 'ru' ? 'оценки' : 'marks'}-${filter.from ?? ''}-${filter.to ?? ''}.csv`;
  downloadCsv(text, fileName);
  return { fileName, text };
}

/** The file made by {@link exportReportCard}. */
export interface ReportCardFile {
  readonly fileName: string;
  /** The PDF as the server sent it. */
  readonly pdf: Blob;
}

/** Asks the server for the period's report card (табель) as PDF and offers it for download. */
export async function exportReportCard(
  client: GradesClient,
  childId: string,
  periodId: string,
  lang: Lang,
): Promise<ReportCardFile> {
  const pdf = await client.grades.reportCard({ childId, periodId, lang });
  const fileName = `${lang === 'ru' ? 'табель' : 'report-card'}-${periodId}.pdf`;
  downloadPdf(pdf, fileName);
  return { fileName, pdf };
}
