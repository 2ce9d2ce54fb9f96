import {
  isTimetableTemplateHeader,
  missingTimetableTemplateColumns,
  readTimetableTemplateLine,
  timetableTemplateLayout,
  type ImportError,
  type Lang,
  type TimetableTemplateLesson,
} from '@school-diary/core';
import { cellError, type Origin, type Table } from './import-records';
import type { ImportWatch } from './import-watch';

/** A lesson of the file: a class's weekday, lesson number and week, as the file words them. */
export interface LessonRecord extends Origin, Omit<TimetableTemplateLesson, 'inForce'> {}

/** What the timetable reader made of a file: its lessons and the mistakes it found. */
export interface TimetableRecords {
  rowsRead: number;
  readonly lessons: LessonRecord[];
  readonly errors: ImportError[];
}

/** Whether a header line is the timetable template's (see core's `isTimetableTemplateHeader`). */
export const isTimetableHeader = isTimetableTemplateHeader;

/**
 * Reads the timetable template (a header line, then one lesson per line: class, weekday, lesson
 * number, subject, teacher, room, and the week of an alternating timetable) as the file streams,
 * each line checked by core's column rules; whether the class, subject and teacher exist is for
 * the plan. A line with «Действует с/по» whose period does not include `today` is read and
 * skipped: a file can hold each half-year's timetable. Blank lines are skipped; unknown columns
 * are ignored.
 */
export async function readTimetable(
  table: Table,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<TimetableRecords> {
  const records: TimetableRecords = { rowsRead: 0, lessons: [], errors: [] };
  const lines = table.lines[Symbol.asyncIterator]();
  const first = await lines.next();
  const layout = timetableTemplateLayout(first.done ? [] : first.value.cells);
  const missing = missingTimetableTemplateColumns(layout);
  for (const column of missing)
    records.errors.push(
      cellError(lang, { file: table.name, row: 0, column }, 'missing_column', {
        params: { column },
      }),
    );
  if (missing.length > 0) {
    await lines.return?.();
    return records;
  }
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c.trim() === '')) continue;
    records.rowsRead += 1;
    const read = readTimetableTemplateLine(cells, layout, { lang, today });
    const at = { file: table.name, row: line };
    if (!read.ok) for (const error of read.errors) records.errors.push({ ...at, ...error });
    else if (read.lesson.inForce) {
      const { inForce: _, ...lesson } = read.lesson;
      records.lessons.push({ ...at, ...lesson });
    }
    watch.read(records.errors.length);
  }
  return records;
}
