import type { Mark, MarkChange, MarkDistribution, MarkHistory } from '@school-diary/core';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { notFound, visibleChild, type MemoryHandler } from './memory-access';

/** The fewest pupils marked for a work before its distribution is shown (as on the server). */
const MIN_MARKED = 5;

/** Each diary's recorded changes of marks, by mark id (fixture marks have none until changed). */
const changes = new WeakMap<MemoryDiary, Map<string, MarkHistory>>();

const changesOf = (diary: MemoryDiary): Map<string, MarkHistory> => {
  let map = changes.get(diary);
  if (!map) changes.set(diary, (map = new Map()));
  return map;
};

/** A mark's history as it stands: its recorded changes, or its creation for a fixture mark. */
function historyOf(diary: MemoryDiary, mark: Mark): MarkHistory {
  return (
    changesOf(diary).get(mark.id) ?? {
      markId: mark.id,
      childId: mark.childId,
      subjectId: mark.subjectId,
      changes: [{ action: 'created', at: mark.createdAt, by: mark.teacherName, to: mark.value }],
    }
  );
}

/**
 * Records a change of a mark (given, corrected or removed) for `grades.history`, as the server's
 * audit log keeps it.
 */
export function recordMarkChange(
  diary: MemoryDiary,
  mark: Mark,
  change: Pick<MarkChange, 'action' | 'from' | 'to'>,
): void {
  // A fixture mark's first change: it was given as it was before this one.
  const before = change.from === undefined ? mark : { ...mark, value: change.from };
  const past = change.action === 'created' ? [] : historyOf(diary, before).changes;
  const at = diary.now().toISOString();
  const next: MarkChange = {
    action: change.action,
    at,
    by: mark.teacherName,
    ...(change.from === undefined ? {} : { from: change.from }),
    ...(change.to === undefined ? {} : { to: change.to }),
  };
  changesOf(diary).set(mark.id, {
    markId: mark.id,
    childId: mark.childId,
    subjectId: mark.subjectId,
    changes: [...past, next],
  });
}

/** The mark (or, once removed, its recorded history) the caller may see, else 404. */
function visibleHistory(diary: MemoryDiary, markId: string, request: Parameters<MemoryHandler>[1]) {
  const mark = diary.data.marks.find((m) => m.id === markId);
  const history = mark ? historyOf(diary, mark) : changesOf(diary).get(markId);
  if (!history) throw notFound();
  visibleChild(diary, { ...request, params: { childId: history.childId } });
  return { mark, history };
}

/** `grades.history` and `grades.distribution` over the memory diary's marks. */
export const MARK_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'grades.history': (diary, request) =>
    visibleHistory(diary, String(request.params.markId), request).history,

  'grades.distribution': (diary, request) => {
    const { mark } = visibleHistory(diary, String(request.params.markId), request);
    if (!mark?.lessonId) throw notFound();
    const byPupil = new Map<string, Mark['value']>();
    for (const m of diary.data.marks)
      if (
        m.lessonId === mark.lessonId &&
        m.subjectId === mark.subjectId &&
        m.kind === mark.kind &&
        typeof m.value === 'number'
      )
        byPupil.set(m.childId, m.value);
    if (byPupil.size < MIN_MARKED) throw new MemoryApiError(409, 'too_few_marked');
    const counts = { 5: 0, 4: 0, 3: 0, 2: 0 };
    for (const value of byPupil.values()) counts[value === 1 ? 2 : (value as 2 | 3 | 4 | 5)] += 1;
    const answer: MarkDistribution = {
      lessonId: mark.lessonId,
      kind: mark.kind,
      marked: byPupil.size,
      counts,
    };
    return answer;
  },
};
