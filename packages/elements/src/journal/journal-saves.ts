// Saving cells as they are typed: shown at once, queued in the SDK's outbox, confirmed, refused
// or shown as a conflict by the server's answer; undo of the last change.
import type { Journal, JournalBatchResult, MarkValue } from '@school-diary/core';
import type { OutboxJournalItem } from '@school-diary/sdk';
import { emit } from '../shared/events';
import { personName } from '../shared/person-name';
import type { JournalContext } from './journal-context';
import { shortDate } from './journal-grid';
import type { CellChange, GridCells } from './journal-cells';
import {
  EMPTY,
  cellText,
  fromServer,
  sameContent,
  type CellContent,
  type GridCell,
  withLesson,
} from './journal-model';
import { journalText } from './journal-text';

/** Detail of `diary-journal-change`. */
export interface DiaryJournalChangeDetail {
  readonly childId: string;
  readonly lessonId: string;
  /** The cell's marks and absence as the teacher set them (not yet confirmed by the server). */
  readonly marks: readonly MarkValue[];
  readonly absence: CellContent['absence'];
}

declare global {
  interface HTMLElementEventMap {
    'diary-journal-change': CustomEvent<DiaryJournalChangeDetail>;
  }
}

const newBatchId = () => `jb_${crypto.randomUUID()}`;

/** What a cell holds now. */
export function contentAt(ctx: JournalContext, row: number, col: number): CellContent {
  const pupil = ctx.journal?.students[row];
  const lesson = ctx.journal?.lessons[col];
  return (pupil && lesson && ctx.cells.get(pupil.id, lesson.id)) || EMPTY;
}

/** Sets a cell as typed: shown at once, queued in the outbox, announced. */
export async function setCell(
  ctx: JournalContext,
  row: number,
  col: number,
  next: CellContent,
  undoing = false,
): Promise<void> {
  const { journal, client, classId, lang } = ctx;
  const pupil = journal?.students[row];
  const lesson = journal?.lessons[col];
  if (!journal?.writable || !client || !pupil || !lesson || !classId) return;
  const old = ctx.cells.get(pupil.id, lesson.id);
  const before: CellContent = old ?? EMPTY;
  if (sameContent(before, next)) return;
  const batchId = newBatchId();
  const seen = old?.batchId ? `batch:${old.batchId}` : (old?.seen ?? null);
  const weights = next.marks.map((_, i) => old?.weights[i] ?? lesson.weight);
  const cell: GridCell = { ...next, weights, seen, state: 'pending', batchId };
  ctx.cells = ctx.cells.with([{ childId: pupil.id, lessonId: lesson.id, cell }]);
  ctx.lastChange = undoing ? undefined : { row, col, before };
  const what = { pupil: personName(pupil), date: shortDate(lang, lesson.date) };
  const value = cellText(lang, next);
  ctx.announcement = undoing
    ? journalText(lang, 'undone', what)
    : value
      ? journalText(lang, 'saved', { ...what, value })
      : journalText(lang, 'cleared', what);
  emit(ctx.host, 'diary-journal-change', {
    childId: pupil.id,
    lessonId: lesson.id,
    marks: next.marks,
    absence: next.absence,
  });
  await client.outbox.saveJournal(classId, {
    batchId,
    subjectId: journal.subjectId,
    lessonId: lesson.id,
    rows: [{ childId: pupil.id, marks: [...next.marks], absence: next.absence, seen }],
  });
}

/**
 * The grid's cells with the batches still queued in the outbox laid over them, as pending: what
 * the teacher typed before a reload (offline, or the answer never came) shows until it is sent.
 */
export function withQueued(
  journal: Journal,
  cells: GridCells,
  items: readonly OutboxJournalItem[],
): GridCells {
  let laid = cells;
  for (const { classId, batch } of items) {
    if (classId !== journal.classId || batch.subjectId !== journal.subjectId) continue;
    const lesson = journal.lessons.find((l) => l.id === batch.lessonId);
    if (!lesson) continue;
    const changes = batch.rows.flatMap((row): CellChange[] => {
      const old = laid.get(row.childId, lesson.id);
      // A cell already showing this batch (it was typed here) stays as it is, and so its row.
      if (old?.batchId === batch.batchId && old.state === 'pending') return [];
      const weights = row.marks.map((_, i) => old?.weights[i] ?? lesson.weight);
      const cell: GridCell = {
        marks: row.marks,
        absence: row.absence,
        weights,
        seen: row.seen,
        state: 'pending',
        batchId: batch.batchId,
      };
      return [{ childId: row.childId, lessonId: lesson.id, cell }];
    });
    laid = laid.with(changes);
  }
  return laid;
}

/** The server's answer to a batch: confirms, shows a conflict or a refusal. */
export function onSaved(ctx: JournalContext, result: JournalBatchResult): void {
  const { journal, lang } = ctx;
  if (!journal) return;
  const changes: CellChange[] = [];
  ctx.journal = withLesson(journal, result.lesson);
  for (const row of result.rows) {
    const at = { childId: row.childId, lessonId: result.lesson.id };
    const mine = ctx.cells.get(at.childId, at.lessonId);
    if (mine?.batchId !== result.batchId) continue;
    const pupil = journal.students.find((p) => p.id === row.childId);
    const what = {
      pupil: pupil ? personName(pupil) : row.childId,
      date: shortDate(lang, result.lesson.date),
    };
    if (row.status === 'conflict' && row.cell) {
      const value = cellText(lang, fromServer(row.cell)) || '—';
      const message = journalText(lang, 'conflict', { ...what, value });
      changes.push({ ...at, cell: { ...fromServer(row.cell, 'conflict'), message } });
      ctx.announcement = message;
    } else if (row.status === 'invalid') {
      const message = row.errors?.[0]?.message ?? '';
      changes.push({ ...at, cell: { ...mine, state: 'invalid', message } });
      ctx.announcement = journalText(lang, 'refused', { ...what, message });
    } else if (row.cell) changes.push({ ...at, cell: fromServer(row.cell) });
  }
  ctx.cells = ctx.cells.with(changes);
}

/** Puts the last changed cell back as it was. */
export async function undo(ctx: JournalContext): Promise<void> {
  const change = ctx.lastChange;
  if (!change) return;
  ctx.lastChange = undefined;
  ctx.active = { row: change.row, col: change.col };
  ctx.focusCell();
  await setCell(ctx, change.row, change.col, change.before, true);
}
