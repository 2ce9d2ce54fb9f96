import { saveFile } from './save-file';

/**
 * Offers a PDF the SDK fetched (e.g. `client.grades.reportCard(...)`, the period's report card)
 * as a file download in a browser, under the name given; returns the same `Blob`, so the call
 * works in Node too, where there is nothing to download to.
 *
 * @example
 * const pdf = await client.grades.reportCard({ childId: 'chd_maria', periodId: 'per_42_2026_q1' });
 * downloadPdf(pdf, 'табель-мария-1-четверть.pdf');
 */
export function downloadPdf(pdf: Blob, fileName: string): Blob {
  const typed = pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' });
  saveFile(typed, fileName);
  return pdf;
}
