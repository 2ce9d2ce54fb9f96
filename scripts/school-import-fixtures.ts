// Writes the XLSX files a school brings beside its OneRoster bundle (fixtures/oneroster: classes 6Г
// and 9Д of «Лицей № 42», their maths and technical drawing teachers), as its Excel saves them:
//   roster-6g-9d.xlsx         the rest of 6Г and 9Д in the roster template, dates of birth as
//                             date cells, list numbers as numbers;
//   roster-6g-9d-errors.xlsx  the same list as first typed, with the mistakes the preview finds:
//                             an impossible date of birth (text, as Excel keeps what is not a
//                             date), a class the school does not have, an identifier on two lines;
//   timetable-6g-9d.xlsx      the week of 6Г and 9Д with the bundle's subjects and teachers.
//
//   node --conditions=source --import tsx scripts/school-import-fixtures.ts
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const folder = new URL('../packages/server/src/services/import/fixtures/', import.meta.url)
  .pathname;

type Pupil = readonly [
  id: string,
  fullName: string,
  birthDate: string,
  className: string,
  no: number,
];

/** The pupils of 6Г and 9Д that the bundle does not hold (its three come from the school's MIS). */
const PUPILS: readonly Pupil[] = [
  ['УЧ-0603', 'Васильева Ульяна Романовна', '2014-11-23', '6Г', 3],
  ['УЧ-0604', 'Григорьев Фёдор Алексеевич', '2014-09-05', '6Г', 4],
  ['УЧ-0605', 'Егорова Арина Дмитриевна', '2015-03-17', '6Г', 5],
  ['УЧ-0606', 'Шамсутдинов Тимур Ильдарович', '2014-12-02', '6Г', 6],
  ['УЧ-0607', 'Яковлева Вероника Олеговна', '2015-06-29', '6Г', 7],
  ['УЧ-0902', 'Богданов Максим Игоревич', '2011-04-08', '9Д', 2],
  ['УЧ-0903', 'Ковалёва Дарья Сергеевна', '2011-10-14', '9Д', 3],
  ['УЧ-0904', 'Мамедов Руслан Эльдар оглы', '2011-01-30', '9Д', 4],
  ['УЧ-0905', 'Соловьёва Злата Николаевна', '2010-12-21', '9Д', 5],
];

/** The lines the first version got wrong (by the pupil's identifier), as typed. */
const MISTAKES: Readonly<
  Record<string, Partial<Record<'id' | 'birthDate' | 'className', string>>>
> = {
  'УЧ-0604': { birthDate: '31.02.2014' },
  'УЧ-0606': { className: '6Ж' },
  'УЧ-0903': { id: 'УЧ-0902' },
};

const HEADER = ['Идентификатор', 'ФИО', 'Дата рождения', 'Класс', 'Номер в списке'];

/** A workbook of one sheet headed by `header` in bold. */
function newWorkbook(sheetName: string, header: readonly string[]) {
  const workbook = new ExcelJS.Workbook();
  // The workbook's own dates are fixed; its zip entries still carry the time of writing.
  workbook.created = workbook.modified = new Date('2026-09-01T00:00:00Z');
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  return { workbook, sheet };
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<void> {
  writeFileSync(`${folder}${name}`, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

async function writeRoster(name: string, withMistakes: boolean): Promise<void> {
  const { workbook, sheet } = newWorkbook('Ученики', HEADER);
  for (const [id, fullName, birthDate, className, no] of PUPILS) {
    const wrong = withMistakes ? (MISTAKES[id] ?? {}) : {};
    sheet.addRow([
      wrong.id ?? id,
      fullName,
      wrong.birthDate ?? new Date(`${birthDate}T00:00:00Z`),
      wrong.className ?? className,
      no,
    ]);
  }
  sheet.getColumn(3).numFmt = 'dd.mm.yyyy';
  await save(workbook, name);
}

/** The repeating week: class, weekday, lesson, subject, teacher (as a secretary types them), room. */
const LESSONS: readonly (readonly [string, string, number, string, string, string])[] = [
  ['6Г', 'Пн', 1, 'Математика', 'Кузнецов Андрей Павлович', '12'],
  ['6Г', 'Вт', 2, 'Математика', 'Кузнецов Андрей Павлович', '12'],
  ['6Г', 'Ср', 1, 'Математика', 'Кузнецов А.П.', '12'],
  ['6Г', 'Чт', 2, 'Математика', 'Кузнецов Андрей Павлович', '12'],
  ['6Г', 'Пт', 1, 'Математика', 'Кузнецов А.П.', '12'],
  ['9Д', 'Вт', 1, 'Черчение', 'Орлова Наталья Викторовна', '34'],
  ['9Д', 'Чт', 1, 'Черчение', 'Орлова Н.В.', '34'],
];

async function writeTimetable(name: string): Promise<void> {
  const header = ['Класс', 'День недели', 'Урок', 'Предмет', 'Учитель', 'Кабинет'];
  const { workbook, sheet } = newWorkbook('Расписание', header);
  for (const line of LESSONS) sheet.addRow([...line]);
  await save(workbook, name);
}

await writeRoster('roster-6g-9d-errors.xlsx', true);
await writeRoster('roster-6g-9d.xlsx', false);
await writeTimetable('timetable-6g-9d.xlsx');
