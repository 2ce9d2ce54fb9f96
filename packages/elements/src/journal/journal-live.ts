// Live changes of the journal made elsewhere (another teacher of the class, another tab): the
// grid takes them at once; a cell being typed in shows that it changed, and a cell whose own save
// is on its way is left to the server's answer, which reports the conflict.
import type { JournalUpdate } from '@school-diary/core';
import { personName } from '../shared/person-name';
import type { JournalContext } from './journal-context';
import { shortDate } from './journal-grid';
import type { CellChange } from './journal-cells';
import { cellText, fromServer, sameContent, withLesson } from './journal-model';
import { journalText } from './journal-text';

/** Applies a `journal.updated` event to the grid. */
export function onLiveUpdate(ctx: JournalContext, update: JournalUpdate): void {
  const journal = ctx.journal;
  if (!journal || update.classId !== journal.classId || update.subjectId !== journal.subjectId)
    return;
  const col = journal.lessons.findIndex((l) => l.id === update.lesson.id);
  if (col < 0) return;
  ctx.journal = withLesson(journal, update.lesson);
  const changes: CellChange[] = [];
  const lang = ctx.lang;
  for (const cell of update.cells) {
    const at = { childId: cell.childId, lessonId: cell.lessonId };
    const mine = ctx.cells.get(at.childId, at.lessonId);
    // Our own batch (its answer confirms it) or a save of ours still on its way (its answer
    // reports the conflict).
    if (mine?.batchId === update.batchId || mine?.state === 'pending') continue;
    const theirs = fromServer(cell);
    if (mine && mine.seen === theirs.seen && sameContent(mine, theirs)) continue;
    const row = journal.students.findIndex((p) => p.id === cell.childId);
    const pupil = journal.students[row];
    const what = {
      pupil: pupil ? personName(pupil) : cell.childId,
      date: shortDate(lang, update.lesson.date),
      value: cellText(lang, theirs) || '—',
    };
    const editing = ctx.editing;
    if (editing && editing.row === row && editing.col === col) {
      const message = journalText(lang, 'changedWhileTyping', what);
      changes.push({ ...at, cell: { ...theirs, state: 'conflict', message } });
      ctx.editing = { ...editing, error: message };
      ctx.announcement = message;
    } else {
      changes.push({ ...at, cell: theirs });
      ctx.announcement = journalText(lang, 'changedElsewhere', what);
    }
  }
  ctx.cells = ctx.cells.with(changes);
}
