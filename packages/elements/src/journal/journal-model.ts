// The journal's data as the grid edits it: cells by pupil and lesson, what a typed text means,
// how a cell reads, and each row's average. Plain data and functions: no DOM, no client.
import {
  finalMark,
  roundAverage,
  weightedAverage,
  type Journal,
  type JournalAbsence,
  type JournalCell,
  type JournalLesson,
  type Lang,
  type MarkValue,
} from '@school-diary/core';
import { journalText } from './journal-text';

/** What a cell holds: its marks, typed in order, and an absence. */
export interface CellContent {
  readonly marks: readonly MarkValue[];
  readonly absence: JournalAbsence | null;
}

/** Where a cell's last change stands on the way to the server. */
export type CellState = 'saved' | 'pending' | 'conflict' | 'invalid';

/** A cell of the grid. */
export interface GridCell extends CellContent {
  /** The marks' weight and kind as the server gave them (new marks take the column's). */
  readonly weights: readonly number[];
  /** The server's version, or `batch:<id>` while a batch of ours for it is unanswered. */
  readonly seen: string | null;
  readonly state: CellState;
  /** The batch whose answer the cell waits for. */
  readonly batchId?: string;
  readonly message?: string;
}

export const EMPTY: CellContent = { marks: [], absence: null };

const ABSENCE_WORDS: Readonly<Record<string, JournalAbsence>> = {
  н: 'absent_unexcused',
  a: 'absent_unexcused',
  б: 'ill',
  i: 'ill',
  оп: 'absent_excused',
  у: 'absent_excused',
  e: 'absent_excused',
  оз: 'late',
  о: 'late',
  l: 'late',
};

const MARK_WORDS: Readonly<Record<string, MarkValue>> = {
  зач: 'pass',
  з: 'pass',
  pass: 'pass',
  нз: 'fail',
  fail: 'fail',
};

/**
 * What a typed text means: «5», «4/5», «н», «оз 5», «» (clear); `undefined` when it is not one.
 * Latin letters stand for the English abbreviations (A, I, E, L).
 *
 * @example
 * parseEntry('4/5'); // { marks: [4, 5], absence: null }
 * parseEntry('Н'); // { marks: [], absence: 'absent_unexcused' }
 */
export function parseEntry(text: string): CellContent | undefined {
  const words = text
    .toLowerCase()
    .split(/[\s/,;]+/)
    .filter(Boolean);
  const marks: MarkValue[] = [];
  let absence: JournalAbsence | null = null;
  for (const word of words) {
    if (/^[1-5]+$/.test(word)) {
      // «45» typed without a slash is two marks, as teachers write them in a paper journal.
      marks.push(...[...word].map((d) => Number(d) as MarkValue));
    } else if (MARK_WORDS[word]) marks.push(MARK_WORDS[word]);
    else if (ABSENCE_WORDS[word] && absence === null) absence = ABSENCE_WORDS[word];
    else return undefined;
  }
  return marks.length > 4 ? undefined : { marks, absence };
}

/** How a mark reads in a cell. */
export const markText = (lang: Lang, value: MarkValue): string =>
  typeof value === 'number' ? String(value) : journalText(lang, value);

/**
 * How a cell reads: its marks with `/`, then its absence's abbreviation.
 *
 * @example
 * cellText('ru', { marks: [4, 5], absence: 'late' }); // '4/5 ОЗ'
 */
export function cellText(lang: Lang, cell: CellContent | undefined): string {
  if (!cell) return '';
  const marks = cell.marks.map((m) => markText(lang, m)).join('/');
  const absence = cell.absence ? journalText(lang, cell.absence) : '';
  return [marks, absence].filter(Boolean).join(' ');
}

/** Whether two contents are the same. */
export const sameContent = (a: CellContent, b: CellContent): boolean =>
  a.absence === b.absence && a.marks.join('/') === b.marks.join('/');

/**
 * The journal with a lesson as the server now has it; the same journal when that lesson is
 * unchanged (as in most answers to a save), so that nothing is rendered or averaged again.
 */
export function withLesson(journal: Journal, lesson: JournalLesson): Journal {
  const at = journal.lessons.findIndex((l) => l.id === lesson.id);
  const old = journal.lessons[at];
  if (!old || JSON.stringify(old) === JSON.stringify(lesson)) return journal;
  const lessons = [...journal.lessons];
  lessons[at] = lesson;
  return { ...journal, lessons };
}

/** A grid cell as the server has it. */
export function fromServer(cell: JournalCell, state: CellState = 'saved'): GridCell {
  return {
    marks: cell.marks.map((m) => m.value),
    weights: cell.marks.map((m) => m.weight),
    absence: cell.absence,
    seen: cell.version,
    state,
  };
}

/** A pupil's average and the final mark core's rules suggest: `null` without marks. */
export interface RowAverage {
  readonly average: number | null;
  readonly suggested: number | null;
}

/** A row's average and suggested final, from its cells by lesson id. */
export function rowAverage(
  row: ReadonlyMap<string, GridCell>,
  lessons: readonly { id: string; weight: number }[],
): RowAverage {
  const marks: { value: MarkValue; weight: number }[] = [];
  for (const lesson of lessons) {
    const cell = row.get(lesson.id);
    cell?.marks.forEach((value, i) =>
      marks.push({ value, weight: cell.weights[i] ?? lesson.weight }),
    );
  }
  const raw = weightedAverage(marks);
  const average = raw === null ? null : roundAverage(raw);
  return { average, suggested: finalMark(average) };
}
