import type { Attachment } from '@school-diary/core';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { fieldError } from './domain-error';
import type { AuthUser, Services } from './context';
import { removeStoredFile } from './file-store';
import { onVisibleNotice } from './absence-notices';

/** A row of the `attachments` table. */
export type AttachmentRow = Selectable<Database['attachments']>;

/** What an upload can be attached to. */
export type AttachmentTarget = 'message' | 'portfolio' | 'homework' | 'ticket' | 'absence';

/** How long an upload may stay unattached before {@link cleanupUnattached} removes it. */
export const UNATTACHED_TTL_MS = 24 * 3600 * 1000;

/** The API view of an attachment row. */
export function attachmentView(row: AttachmentRow): Attachment {
  return { id: row.id, name: row.name, size: row.size, contentType: row.content_type };
}

/** Homework links are written by the homework handlers, which may not set `attached_to`. */
function linkedToHomework(selectFrom: ExpressionBuilder<Database, 'attachments'>['selectFrom']) {
  return selectFrom('homework_attachments')
    .select('homework_attachments.attachment_id')
    .whereRef('homework_attachments.attachment_id', '=', 'attachments.id');
}

/**
 * Attaches the caller's own, still unattached uploads to something, inside the write's
 * transaction: the check and the claim are one UPDATE, so two writes cannot claim one file.
 * Anything else (someone else's file, one already attached, an unknown id) is a 400 on `path`.
 *
 * @example
 * await claimAttachments(trx, { ids: body.attachmentIds, ownerId: user.id, target: 'message', path: 'attachmentIds' });
 */
export async function claimAttachments(
  db: Kysely<Database>,
  claim: { ids: readonly string[]; ownerId: string; target: AttachmentTarget; path: string },
): Promise<void> {
  const ids = [...new Set(claim.ids)];
  if (ids.length === 0) return;
  const result = await db
    .updateTable('attachments')
    .set({ attached_to: claim.target })
    .where('id', 'in', ids)
    .where('owner_id', '=', claim.ownerId)
    .where('attached_to', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(linkedToHomework(selectFrom))))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== ids.length) throw fieldError(claim.path, 'invalid_option');
}

/** Attachments by id, in the order asked for. */
export async function attachmentsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Whether the user is a member of a thread the attachment was sent in. */
async function inMemberThread(s: Services, user: AuthUser, id: string): Promise<boolean> {
  const row = await s.db
    .selectFrom('message_attachments')
    .innerJoin('messages', 'messages.seq', 'message_attachments.message_seq')
    .innerJoin('threads', 'threads.id', 'messages.thread_id')
    .select('threads.id')
    .where('message_attachments.attachment_id', '=', id)
    .where((eb) =>
      eb.or([eb('threads.teacher_id', '=', user.id), eb('threads.participant_id', '=', user.id)]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the attachment belongs to a portfolio item of a child the user may see. */
async function onVisiblePortfolio(s: Services, user: AuthUser, id: string): Promise<boolean> {
  const row = await s.db
    .selectFrom('portfolio_items')
    .innerJoin('children', 'children.id', 'portfolio_items.child_id')
    .select('children.id')
    .where('portfolio_items.attachment_id', '=', id)
    .where((eb) => {
      switch (user.role) {
        case 'parent':
          return eb(
            'children.id',
            'in',
            eb.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
          );
        case 'student':
          return eb('children.student_user_id', '=', user.id);
        case 'teacher':
          return eb(
            'children.class_id',
            'in',
            eb.selectFrom('teaching').select('class_id').where('teacher_id', '=', user.id),
          );
        case 'school_admin':
          return eb('children.school_id', '=', user.schoolId ?? '');
      }
    })
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the attachment belongs to homework of a class the user studies in, has a child in, or teaches. */
async function onVisibleHomework(s: Services, user: AuthUser, id: string): Promise<boolean> {
  const row = await s.db
    .selectFrom('homework_attachments')
    .innerJoin('homework', 'homework.id', 'homework_attachments.homework_id')
    .innerJoin('classes', 'classes.id', 'homework.class_id')
    .select('homework.id')
    .where('homework_attachments.attachment_id', '=', id)
    .where((eb) => {
      switch (user.role) {
        case 'parent':
          return eb(
            'homework.class_id',
            'in',
            eb
              .selectFrom('children')
              .innerJoin('parent_children', 'parent_children.child_id', 'children.id')
              .select('children.class_id')
              .where('parent_children.parent_id', '=', user.id),
          );
        case 'student':
          return eb(
            'homework.class_id',
            'in',
            eb.selectFrom('children').select('class_id').where('student_user_id', '=', user.id),
          );
        case 'teacher':
          return eb(
            'homework.class_id',
            'in',
            eb.selectFrom('teaching').select('class_id').where('teacher_id', '=', user.id),
          );
        case 'school_admin':
          return eb('classes.school_id', '=', user.schoolId ?? '');
      }
    })
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the attachment was sent in a ticket the user wrote or answers (its school's admin). */
async function onVisibleTicket(s: Services, user: AuthUser, id: string): Promise<boolean> {
  const row = await s.db
    .selectFrom('ticket_attachments')
    .innerJoin('ticket_messages', 'ticket_messages.id', 'ticket_attachments.message_id')
    .innerJoin('tickets', 'tickets.id', 'ticket_messages.ticket_id')
    .select(['tickets.author_id', 'tickets.school_id'])
    .where('ticket_attachments.attachment_id', '=', id)
    .executeTakeFirst();
  if (!row) return false;
  return (
    row.author_id === user.id ||
    (user.role === 'school_admin' && row.school_id !== null && row.school_id === user.schoolId)
  );
}

/**
 * Whether the user may download an attachment: its uploader; a member of a thread it was sent
 * in; anyone who may see the portfolio item or the homework it is attached to; the author of the
 * ticket it was sent in and the admins who answer it; the family of a child whose absence notice
 * it came with and the teachers told of that notice.
 */
export async function mayDownload(
  s: Services,
  user: AuthUser,
  row: AttachmentRow,
): Promise<boolean> {
  if (row.owner_id === user.id) return true;
  return (
    (await inMemberThread(s, user, row.id)) ||
    (await onVisiblePortfolio(s, user, row.id)) ||
    (await onVisibleHomework(s, user, row.id)) ||
    (await onVisibleTicket(s, user, row.id)) ||
    (await onVisibleNotice(s, user, row.id))
  );
}

/**
 * Removes uploads that were never attached to anything within a day (rows, then files): an
 * abandoned upload must not keep a family's file on the server forever. Returns how many.
 */
export async function cleanupUnattached(s: Services): Promise<number> {
  const cutoff = new Date(s.clock.now().getTime() - UNATTACHED_TTL_MS).toISOString();
  // One statement, so an upload claimed meanwhile is neither deleted nor has its file removed.
  const removed = await s.db
    .deleteFrom('attachments')
    .where('attached_to', 'is', null)
    .where('created_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) => not(exists(linkedToHomework(selectFrom))))
    .returning('storage_path')
    .execute();
  for (const row of removed) await removeStoredFile(s, row.storage_path);
  return removed.length;
}
