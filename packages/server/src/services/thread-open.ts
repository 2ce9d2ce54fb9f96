import type { OutputOf, Routes } from '@school-diary/core';
import { fieldError } from './domain-error';
import { personName, type ThreadRow } from './chat-views';
import type { AuthUser, Services } from './context';
import { auditAs, visibleChild, type ChildRow } from './policy';

type Caller = { readonly user: AuthUser; readonly ip: string };
type ThreadInput = OutputOf<Routes['threads']['create']['body']>;

/** The default title: «Математика — Иванова Мария», or the teacher's name without a subject. */
async function defaultTitle(
  s: Services,
  child: ChildRow,
  teacherId: string,
  subjectId?: string,
): Promise<string> {
  const childName = `${child.last_name} ${child.first_name}`;
  if (subjectId) {
    const subject = await s.db
      .selectFrom('subjects')
      .select('name')
      .where('id', '=', subjectId)
      .executeTakeFirstOrThrow();
    return `${subject.name} — ${childName}`;
  }
  const teacher = await s.db
    .selectFrom('users')
    .select(['last_name', 'first_name', 'middle_name'])
    .where('id', '=', teacherId)
    .executeTakeFirstOrThrow();
  return `${personName(teacher)} — ${childName}`;
}

/** Checks that the teacher teaches the child's class (and the subject there, if given). */
async function assertTeachesChild(s: Services, child: ChildRow, body: ThreadInput): Promise<void> {
  const teaching = await s.db
    .selectFrom('teaching')
    .select('subject_id')
    .where('teacher_id', '=', body.teacherId)
    .where('class_id', '=', child.class_id ?? '')
    .execute();
  if (teaching.length === 0) throw fieldError('teacherId', 'invalid_option');
  if (body.subjectId && !teaching.some((t) => t.subject_id === body.subjectId)) {
    throw fieldError('subjectId', 'invalid_option');
  }
}

type ThreadKey = Pick<ThreadRow, 'child_id' | 'teacher_id' | 'participant_id' | 'subject_id'>;

async function findThread(s: Services, key: ThreadKey): Promise<ThreadRow | undefined> {
  const q = s.db
    .selectFrom('threads')
    .selectAll()
    .where('child_id', '=', key.child_id)
    .where('teacher_id', '=', key.teacher_id)
    .where('participant_id', '=', key.participant_id);
  return (
    key.subject_id === null
      ? q.where('subject_id', 'is', null)
      : q.where('subject_id', '=', key.subject_id)
  ).executeTakeFirst();
}

/**
 * Opens a thread between the caller (a family member of a child they may see) and a teacher of
 * the child's class, optionally about a subject the teacher teaches there. The thread that exists
 * for the same child, teacher, subject and caller is returned instead of a second one.
 *
 * @example
 * const row = await openThread(s, { user, ip }, { childId, teacherId, subjectId });
 */
export async function openThread(
  s: Services,
  caller: Caller,
  body: ThreadInput,
): Promise<ThreadRow> {
  const child = await visibleChild(s, caller.user, body.childId);
  await assertTeachesChild(s, child, body);
  const key = {
    child_id: child.id,
    teacher_id: body.teacherId,
    participant_id: caller.user.id,
    subject_id: body.subjectId ?? null,
  };
  const existing = await findThread(s, key);
  if (existing) return existing;
  const row: ThreadRow = {
    id: s.ids('thr'),
    ...key,
    title: body.title ?? (await defaultTitle(s, child, body.teacherId, body.subjectId)),
    created_at: s.clock.now().toISOString(),
    last_message_at: null,
  };
  const created = await s.db.transaction().execute(async (trx) => {
    // The unique index keeps one thread per key even when two opens race.
    const result = await trx
      .insertInto('threads')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await auditAs(s, trx, caller, {
      action: 'threads.create',
      target: row.id,
      schoolId: child.school_id,
    });
    return true;
  });
  return created ? row : ((await findThread(s, key)) ?? row);
}
