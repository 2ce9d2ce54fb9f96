import type { LiveEvent, Mark } from '@school-diary/core';
import type { ReadCache, ReadKey } from './cache';

/** Whether a mark belongs in the answer of a `grades.list` read with these filters. */
function markMatches(mark: Mark, input: ReadKey['input']): boolean {
  const { from, to, subjectId, kind, periodId } = input as Record<string, string | undefined>;
  return (
    (!from || mark.date >= from) &&
    (!to || mark.date <= to) &&
    (!subjectId || mark.subjectId === subjectId) &&
    (!kind || mark.kind === kind) &&
    (!periodId || mark.periodId === periodId)
  );
}

/** The server's order of marks: by date, then entry time, then id. */
const byDate = (a: Mark, b: Mark) =>
  a.date.localeCompare(b.date) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/** A kept `grades.list` answer with one mark put in (or taken out, when `mark` is null). */
function withMark(body: unknown, id: string, mark: Mark | null, input: ReadKey['input']): unknown {
  const items = (body as { items?: Mark[] } | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  const others = items.filter((m) => m.id !== id);
  if (mark && markMatches(mark, input)) others.push(mark);
  return { ...(body as object), items: others.sort(byDate) };
}

const forChild = (childId: string | undefined) => (read: ReadKey) =>
  childId !== undefined && read.input.childId === childId;

const inGroups =
  (...operations: string[]) =>
  (read: ReadKey) =>
    operations.some((o) => read.operation === o || read.operation.startsWith(`${o}.`));

/** Applies a mark event to the child's kept `grades.list` answers. */
async function patchMarks(cache: ReadCache, childId: string, id: string, mark: Mark | null) {
  await cache.patch(
    (read) => read.operation === 'grades.list' && read.input.childId === childId,
    (body, read) => withMark(body, id, mark, read.input),
  );
}

/**
 * Brings cached reads up to date with a live event: a mark lands in (or leaves) the child's kept
 * `grades.list` answers at once, and every watched read the event may change (the child's
 * averages and final marks, homework, the class's week, threads, notifications) is fetched again,
 * a cheap 304 where nothing changed.
 */
export async function applyLiveEvent(cache: ReadCache, event: LiveEvent): Promise<void> {
  switch (event.type) {
    case 'mark.created':
    case 'mark.updated':
      await patchMarks(cache, event.data.childId, event.data.id, event.data);
      cache.revalidate(forChild(event.data.childId));
      return;
    case 'mark.deleted':
      await patchMarks(cache, event.data.childId, event.data.id, null);
      cache.revalidate(forChild(event.data.childId));
      return;
    case 'homework.created':
    case 'homework.updated':
    case 'substitution.created': {
      const classId = event.data.classId;
      cache.revalidate(
        (read) =>
          forChild(event.childId)(read) ||
          read.input.classId === classId ||
          read.operation === 'homework.list',
      );
      return;
    }
    case 'message.created':
    case 'message.read':
      cache.revalidate(inGroups('threads'));
      return;
    case 'notification.created':
      cache.revalidate(inGroups('notifications'));
      return;
    case 'application.updated':
      cache.revalidate(inGroups('applications'));
      return;
    case 'journal.updated': {
      const { classId, subjectId } = event.data;
      cache.revalidate(
        (read) =>
          read.operation === 'journal.get' &&
          read.input.classId === classId &&
          read.input.subjectId === subjectId,
      );
      return;
    }
  }
}
