import type { Message, Role, Thread } from '@school-diary/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { attachmentView } from './attachments';

/** A row of the `threads` table. */
export type ThreadRow = Selectable<Database['threads']>;
/** A row of the `messages` table. */
export type MessageRow = Selectable<Database['messages']>;

/** The longest preview of a thread's last message. */
const PREVIEW = 120;

/**
 * A person's full name: `Фамилия Имя Отчество`.
 *
 * @example
 * personName({ last_name: 'Орлов', first_name: 'Сергей', middle_name: 'Николаевич' }); // 'Орлов Сергей Николаевич'
 */
export function personName(p: {
  last_name: string;
  first_name: string;
  middle_name: string | null;
}): string {
  return [p.last_name, p.first_name, p.middle_name].filter(Boolean).join(' ');
}

/** A short, one-line excerpt of a message for lists and notifications. */
export function preview(text: string, attachmentName?: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '') return attachmentName ? `📎 ${attachmentName}` : '';
  return [...line].length <= PREVIEW ? line : `${[...line].slice(0, PREVIEW - 1).join('')}…`;
}

/** Messages as the API's, with authors, attachments and read receipts read in three queries. */
export async function messageViews(
  db: Kysely<Database>,
  rows: readonly MessageRow[],
): Promise<Message[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.seq);
  const authorIds = [...new Set(rows.map((r) => r.author_id))];
  const [authors, files, reads] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'last_name', 'first_name', 'middle_name'])
      .where('id', 'in', authorIds)
      .execute(),
    db
      .selectFrom('message_attachments')
      .innerJoin('attachments', 'attachments.id', 'message_attachments.attachment_id')
      .selectAll('attachments')
      .select('message_attachments.message_seq')
      .where('message_attachments.message_seq', 'in', seqs)
      .orderBy('message_attachments.position')
      .execute(),
    db
      .selectFrom('message_reads')
      .selectAll()
      .where('message_seq', 'in', seqs)
      .orderBy('read_at')
      .orderBy('user_id')
      .execute(),
  ]);
  const names = new Map(authors.map((a) => [a.id, personName(a)]));
  return rows.map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    authorId: r.author_id,
    authorName: names.get(r.author_id) ?? '',
    authorRole: r.author_role as Role,
    text: r.text,
    attachments: files.filter((f) => f.message_seq === r.seq).map(attachmentView),
    sentAt: r.sent_at,
    readBy: reads
      .filter((x) => x.message_seq === r.seq)
      .map((x) => ({ userId: x.user_id, readAt: x.read_at })),
  }));
}

/** Unread messages per thread for a user: others' messages the user has no receipt for. */
export function unreadCountSql(userId: string) {
  return sql<number>`(select count(*) from messages m where m.thread_id = threads.id
    and m.author_id <> ${userId}
    and not exists (select 1 from message_reads r where r.message_seq = m.seq and r.user_id = ${userId}))`;
}

/** Threads as the API's for one user: names, subject, last message and the user's unread count. */
export async function threadViews(
  db: Kysely<Database>,
  userId: string,
  rows: readonly ThreadRow[],
): Promise<Thread[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const details = await db
    .selectFrom('threads')
    .innerJoin('users as tu', 'tu.id', 'threads.teacher_id')
    .innerJoin('users as pu', 'pu.id', 'threads.participant_id')
    .leftJoin('subjects', 'subjects.id', 'threads.subject_id')
    .select([
      'threads.id',
      'tu.last_name as t_last',
      'tu.first_name as t_first',
      'tu.middle_name as t_middle',
      'pu.last_name as p_last',
      'pu.first_name as p_first',
      'pu.middle_name as p_middle',
      'subjects.name as subject_name',
    ])
    .select(unreadCountSql(userId).as('unread'))
    .select(
      sql<number | null>`(select max(seq) from messages where thread_id = threads.id)`.as(
        'last_seq',
      ),
    )
    .where('threads.id', 'in', ids)
    .execute();
  const lastSeqs = details.flatMap((d) => (d.last_seq === null ? [] : [d.last_seq]));
  const lasts = await lastMessages(db, lastSeqs);
  const byId = new Map(details.map((d) => [d.id, d]));
  return rows.map((r) => {
    const d = byId.get(r.id);
    const last = d?.last_seq ? lasts.get(d.last_seq) : undefined;
    return {
      id: r.id,
      childId: r.child_id,
      teacherId: r.teacher_id,
      teacherName: d
        ? personName({ last_name: d.t_last, first_name: d.t_first, middle_name: d.t_middle })
        : '',
      participantId: r.participant_id,
      participantName: d
        ? personName({ last_name: d.p_last, first_name: d.p_first, middle_name: d.p_middle })
        : '',
      ...(r.subject_id ? { subjectId: r.subject_id } : {}),
      ...(d?.subject_name ? { subjectName: d.subject_name } : {}),
      title: r.title,
      createdAt: r.created_at,
      ...(last ? { lastMessageAt: last.sentAt, lastMessagePreview: last.preview } : {}),
      unreadCount: Number(d?.unread ?? 0),
    };
  });
}

async function lastMessages(
  db: Kysely<Database>,
  seqs: readonly number[],
): Promise<Map<number, { sentAt: string; preview: string }>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages')
    .select(['seq', 'text', 'sent_at'])
    .select(
      sql<
        string | null
      >`(select a.name from message_attachments ma join attachments a on a.id = ma.attachment_id
        where ma.message_seq = messages.seq order by ma.position limit 1)`.as('first_file'),
    )
    .where('seq', 'in', seqs)
    .execute();
  return new Map(
    rows.map((r) => [
      r.seq,
      { sentAt: r.sent_at, preview: preview(r.text, r.first_file ?? undefined) },
    ]),
  );
}
