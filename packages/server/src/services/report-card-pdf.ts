import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Lang } from '@school-diary/core';
import type { ReportCard } from './report-card';

const require = createRequire(import.meta.url);
// DejaVu Sans covers Cyrillic; pdfkit embeds only the glyphs a card uses.
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

interface CardText {
  readonly title: string;
  readonly pupil: string;
  readonly school: string;
  readonly className: string;
  readonly year: string;
  readonly period: string;
  readonly issued: string;
  readonly subject: string;
  readonly marks: string;
  readonly average: string;
  readonly final: string;
  readonly noMarks: string;
  readonly attendance: string;
  readonly statuses: Readonly<Record<AttendanceStatus, string>>;
}

const TEXT: Readonly<Record<Lang, CardText>> = {
  ru: {
    title: 'Табель успеваемости',
    pupil: 'Учащийся',
    school: 'Школа',
    className: 'Класс',
    year: 'Учебный год',
    period: 'Период',
    issued: 'Дата выдачи',
    subject: 'Предмет',
    marks: 'Оценки (×вес)',
    average: 'Средний балл',
    final: 'Итоговая',
    noMarks: 'Оценок за период нет.',
    attendance: 'Посещаемость (уроков)',
    statuses: {
      present: 'присутствовал(а)',
      absent_excused: 'пропуск по уважительной причине',
      absent_unexcused: 'пропуск без уважительной причины',
      ill: 'болезнь',
      late: 'опоздание',
    },
  },
  en: {
    title: 'Report card',
    pupil: 'Pupil',
    school: 'School',
    className: 'Class',
    year: 'School year',
    period: 'Period',
    issued: 'Issued',
    subject: 'Subject',
    marks: 'Marks (×weight)',
    average: 'Average',
    final: 'Final',
    noMarks: 'No marks in this period.',
    attendance: 'Attendance (lessons)',
    statuses: {
      present: 'present',
      absent_excused: 'excused absence',
      absent_unexcused: 'unexcused absence',
      ill: 'ill',
      late: 'late',
    },
  },
};

/**
 * A date as the card prints it: `06.12.2026` in Russian, `2026-12-06` in English.
 *
 * @example
 * cardDate('ru', '2026-12-06'); // '06.12.2026'
 */
export function cardDate(lang: Lang, iso: string): string {
  return lang === 'ru' ? iso.split('-').reverse().join('.') : iso;
}

/**
 * An average as the card prints it: two decimals, a decimal comma in Russian.
 *
 * @example
 * cardNumber('ru', 4.5); // '4,50'
 */
export function cardNumber(lang: Lang, value: number | null): string {
  if (value === null) return '—';
  const text = value.toFixed(2);
  return lang === 'ru' ? text.replace('.', ',') : text;
}

const COLUMNS: readonly number[] = [170, 195, 70, 60];
const columnWidth = (i: number): number => COLUMNS[i] ?? 0;
const PAD = 4;

/**
 * Renders a report card as an A4 PDF: DejaVu Sans embedded (selectable Cyrillic text), a tagged
 * structure (headings, paragraphs, a table with header cells) for screen readers, the document's
 * language and title set.
 *
 * @example
 * const bytes = await reportCardPdf(await reportCard(s, child, { periodId, lang }));
 */
export function reportCardPdf(card: ReportCard): Promise<Buffer> {
  const t = TEXT[card.lang];
  const title = `${t.title}: ${card.childName}, ${card.periodName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    lang: card.lang === 'ru' ? 'ru-RU' : 'en-GB',
    displayTitle: true,
    font: REGULAR,
    info: { Title: title, Author: card.schoolName, Creator: 'School Diary Kit' },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const section = doc.struct('Sect');
  doc.addStructure(section);
  section.add(doc.struct('H1', {}, () => doc.font('bold').fontSize(18).text(t.title)));
  doc.moveDown(0.5);
  const facts: [string, string][] = [
    [t.pupil, card.childName],
    [t.school, card.schoolName],
    [t.className, card.className],
    [t.year, card.schoolYear],
    [
      t.period,
      `${card.periodName} (${cardDate(card.lang, card.from)} – ${cardDate(card.lang, card.to)})`,
    ],
    [t.issued, cardDate(card.lang, card.issued)],
  ];
  for (const [label, value] of facts) {
    section.add(
      doc.struct('P', {}, () => {
        doc.font('bold').fontSize(11).text(`${label}: `, { continued: true });
        doc.font('regular').text(value);
      }),
    );
  }
  doc.moveDown();
  if (card.subjects.length === 0) {
    section.add(doc.struct('P', {}, () => doc.font('regular').text(t.noMarks)));
  } else {
    drawTable(doc, section, [
      [t.subject, t.marks, t.average, t.final],
      ...card.subjects.map((subject) => [
        subject.name,
        subject.marks.join(', '),
        cardNumber(card.lang, subject.weightedAverage),
        subject.finalMark ?? '—',
      ]),
    ]);
  }
  doc.x = doc.page.margins.left;
  doc.moveDown();
  section.add(doc.struct('H2', {}, () => doc.font('bold').fontSize(13).text(t.attendance)));
  const list = doc.struct('L');
  section.add(list);
  for (const status of ATTENDANCE_STATUSES) {
    list.add(
      doc.struct('LI', {}, () =>
        doc
          .font('regular')
          .fontSize(11)
          .text(`${t.statuses[status]}: ${String(card.attendance[status])}`),
      ),
    );
  }
  list.end();
  section.end();
  doc.end();
  return done;
}

/** A table with a header row, ruled, breaking across pages; each cell a tagged TH or TD. */
function drawTable(
  doc: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  rows: readonly (readonly string[])[],
): void {
  const table = doc.struct('Table');
  parent.add(table);
  const left = doc.page.margins.left;
  const width = COLUMNS.reduce((a, b) => a + b, 0);
  rows.forEach((cells, index) => {
    const header = index === 0;
    doc.font(header ? 'bold' : 'regular').fontSize(10);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columnWidth(i) - 2 * PAD }))) +
      2 * PAD;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    let x = left;
    cells.forEach((cell, i) => {
      const cellX = x;
      row.add(
        doc.struct(header ? 'TH' : 'TD', {}, () =>
          doc.text(cell, cellX + PAD, top + PAD, { width: columnWidth(i) - 2 * PAD }),
        ),
      );
      x += columnWidth(i);
    });
    row.end();
    // The rules are decoration: marked as an artifact, outside the structure.
    doc.markContent('Artifact', { type: 'Layout' });
    doc.lineWidth(0.5).rect(left, top, width, height).stroke();
    let rule = left;
    for (const w of COLUMNS.slice(0, -1)) {
      rule += w;
      doc
        .moveTo(rule, top)
        .lineTo(rule, top + height)
        .stroke();
    }
    doc.endMarkedContent();
    doc.x = left;
    doc.y = top + height;
  });
  table.end();
}
