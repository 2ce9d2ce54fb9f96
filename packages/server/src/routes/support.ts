import type { AuditAction, Ticket, TicketStatus } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import { insertionOrder } from '../db/dialect';
import type { Database } from '../db/schema';
import { attachmentView, claimAttachments } from '../services/attachments';
import { fieldError, notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { nextCounter, sixDigits } from '../services/counters';
import { notify } from '../services/notify';
import { schoolAdmins } from '../services/users';
import { assertAdminOf, auditAs, isAdminOf } from '../services/policy';

type TicketRow = Selectable<Database['tickets']>;

const STATUS_TEXT: Record<TicketStatus, string> = {
  open: 'открыто',
  in_progress: 'в работе',
  answered: 'есть ответ',
  closed: 'закрыто',
};

const STATUS_TEXT_EN: Record<TicketStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  answered: 'answered',
  closed: 'closed',
};

/** The longest message excerpt put into a notification. */
const EXCERPT = 200;

/** The API views of tickets, their conversations and files read in one query each. */
async function views(
  s: Services,
  rows: readonly TicketRow[],
  db: Kysely<Database> = s.db,
): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const messages = await db
    .selectFrom('ticket_messages')
    .selectAll()
    .where(
      'ticket_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy(insertionOrder(db))
    .execute();
  const files =
    messages.length === 0
      ? []
      : await db
          .selectFrom('ticket_attachments')
          .innerJoin('attachments', 'attachments.id', 'ticket_attachments.attachment_id')
          .selectAll('attachments')
          .select(['ticket_attachments.message_id', 'ticket_attachments.position'])
          .where(
            'ticket_attachments.message_id',
            'in',
            messages.map((m) => m.id),
          )
          .orderBy('ticket_attachments.position')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    authorId: row.author_id,
    subject: row.subject,
    status: row.status as TicketStatus,
    ...(row.school_id ? { schoolId: row.school_id } : {}),
    ...(row.application_number ? { applicationNumber: row.application_number } : {}),
    messages: messages
      .filter((m) => m.ticket_id === row.id)
      .map((m) => ({
        id: m.id,
        authorId: m.author_id,
        authorRole: m.author_role as AuthUser['role'],
        text: m.text,
        at: m.at,
        attachments: files.filter((f) => f.message_id === m.id).map(attachmentView),
      })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

async function view(s: Services, row: TicketRow, db: Kysely<Database> = s.db): Promise<Ticket> {
  const [ticket] = await views(s, [row], db);
  return ticket as Ticket;
}

/** The author and the admins of the ticket's school see it change, live; in the write's transaction. */
async function publishTicket(s: Services, trx: Kysely<Database>, row: TicketRow): Promise<void> {
  const admins = row.school_id ? await schoolAdmins(trx, row.school_id) : [];
  await s.live.publish(trx, {
    recipients: [row.author_id, ...admins],
    type: 'ticket.updated',
    data: await view(s, row, trx),
  });
}

/** The application the ticket names, if the author may see it (a parent of its child). */
async function namedApplication(s: Services, user: AuthUser, number: string) {
  const row = await s.db
    .selectFrom('applications')
    .select(['school_id', 'number'])
    .where('number', '=', number.trim())
    .where('child_id', 'in', (eb) =>
      eb.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
    )
    .executeTakeFirst();
  if (!row) throw fieldError('applicationNumber', 'invalid_option');
  return row;
}

/**
 * Who answers a new ticket: the school of the application it names; else the school the author
 * chose (`schoolId`); else the author's own school. A school without admins cannot answer, so a
 * ticket never goes to one, and a ticket with no school is refused with `schoolId` required.
 */
async function routeTicket(
  s: Services,
  user: AuthUser,
  body: { applicationNumber?: string | undefined; schoolId?: string | undefined },
): Promise<{ schoolId: string; applicationNumber: string | null }> {
  const application = body.applicationNumber
    ? await namedApplication(s, user, body.applicationNumber)
    : undefined;
  const schoolId = application?.school_id ?? body.schoolId ?? (await ticketSchool(s, user));
  if (!schoolId) throw fieldError('schoolId', 'required');
  if ((await schoolAdmins(s.db, schoolId)).length === 0)
    throw fieldError('schoolId', 'invalid_option');
  return { schoolId, applicationNumber: application?.number ?? null };
}

/** The school a ticket goes to: staff's own; a family's first linked school; or none. */
async function ticketSchool(s: Services, user: AuthUser): Promise<string | null> {
  switch (user.role) {
    case 'teacher':
    case 'school_admin':
      return user.schoolId;
    case 'parent': {
      const link = await s.db
        .selectFrom('school_links')
        .innerJoin('parent_children', 'parent_children.child_id', 'school_links.child_id')
        .select('school_links.school_id')
        .where('parent_children.parent_id', '=', user.id)
        .orderBy('school_links.linked_at')
        .orderBy('school_links.id')
        .executeTakeFirst();
      return link?.school_id ?? null;
    }
    case 'student': {
      const me = await s.db
        .selectFrom('children')
        .select('school_id')
        .where('student_user_id', '=', user.id)
        .executeTakeFirst();
      return me?.school_id ?? null;
    }
  }
}

/** The ticket if the caller wrote it or administers its school; 404 otherwise. */
async function visibleTicket(s: Services, user: AuthUser, id: string): Promise<TicketRow> {
  const row = await s.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.author_id !== user.id && !isAdminOf(user, row.school_id))) throw notFound();
  return row;
}

async function addMessage(
  s: Services,
  db: Kysely<Database>,
  ticketId: string,
  user: AuthUser,
  message: { text: string; attachmentIds: readonly string[] },
) {
  const id = s.ids('tmsg');
  await db
    .insertInto('ticket_messages')
    .values({
      id,
      ticket_id: ticketId,
      author_id: user.id,
      author_role: user.role,
      text: message.text,
      at: s.clock.now().toISOString(),
    })
    .execute();
  if (message.attachmentIds.length === 0) return;
  const ids = [...new Set(message.attachmentIds)];
  await claimAttachments(db, { ids, ownerId: user.id, target: 'ticket', path: 'attachmentIds' });
  await db
    .insertInto('ticket_attachments')
    .values(
      ids.map((attachmentId, position) => ({
        message_id: id,
        attachment_id: attachmentId,
        position,
      })),
    )
    .execute();
}

/** The author hears from the school; the school's admins hear from the author. */
async function notifyOtherSide(
  s: Services,
  db: Kysely<Database>,
  row: TicketRow,
  user: AuthUser,
  text: string,
) {
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
  if (user.id !== row.author_id) {
    const title = `Ответ на обращение ${row.number}`;
    await notify(s, db, {
      userId: row.author_id,
      kind: 'support',
      title,
      body: excerpt,
      en: { title: `Reply to request ${row.number}`, body: excerpt },
      targetId: row.id,
    });
    return;
  }
  if (!row.school_id) return;
  for (const admin of (await schoolAdmins(db, row.school_id)).map((id) => ({ id }))) {
    const title = `Новое сообщение в обращении ${row.number}`;
    await notify(s, db, {
      userId: admin.id,
      kind: 'support',
      title,
      body: excerpt,
      en: { title: `New message in request ${row.number}`, body: excerpt },
      targetId: row.id,
    });
  }
}

/** Sets a ticket's status and audits the change; inside the caller's transaction. */
async function saveStatus(
  s: Services,
  trx: Kysely<Database>,
  row: TicketRow,
  status: TicketStatus,
  caller: { user: AuthUser; ip: string; action: AuditAction },
): Promise<TicketRow> {
  const updated = { ...row, status, updated_at: s.clock.now().toISOString() };
  const change = { status, updated_at: updated.updated_at };
  await trx.updateTable('tickets').set(change).where('id', '=', row.id).execute();
  const detail = `${row.status} → ${status}`;
  const entry = { action: caller.action, target: row.id, schoolId: row.school_id, detail };
  await auditAs(s, trx, caller, entry);
  return updated;
}

/** Support tickets between users and their school. */
export function supportHandlers(s: Services): Handlers['support'] {
  return {
    async create({ body, user, ip }) {
      const { schoolId, applicationNumber } = await routeTicket(s, user, body);
      const row = await s.db.transaction().execute(async (trx) => {
        const now = s.clock.now().toISOString();
        const created: TicketRow = {
          id: s.ids('tkt'),
          number: `ОБР-${sixDigits(await nextCounter(trx, 'ticket'))}`,
          author_id: user.id,
          school_id: schoolId,
          application_number: applicationNumber,
          subject: body.subject,
          status: 'open',
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('tickets').values(created).execute();
        await addMessage(s, trx, created.id, user, body);
        const action = { action: 'support.create', target: created.id, schoolId } as const;
        await auditAs(s, trx, { user, ip }, action);
        await notifyOtherSide(s, trx, created, user, body.text);
        await publishTicket(s, trx, created);
        return created;
      });
      return view(s, row);
    },

    async list({ user }) {
      let q = s.db.selectFrom('tickets').selectAll();
      q =
        user.role === 'school_admin' && user.schoolId
          ? q.where((eb) =>
              eb.or([eb('school_id', '=', user.schoolId), eb('author_id', '=', user.id)]),
            )
          : q.where('author_id', '=', user.id);
      const rows = await q.orderBy('updated_at', 'desc').orderBy('number', 'desc').execute();
      return { items: await views(s, rows) };
    },

    async get({ params, user }) {
      return view(s, await visibleTicket(s, user, params.ticketId));
    },

    async reply({ params, body, user, ip }) {
      const row = await visibleTicket(s, user, params.ticketId);
      const status: TicketStatus = user.id === row.author_id ? 'open' : 'answered';
      const updated = await s.db.transaction().execute(async (trx) => {
        await addMessage(s, trx, row.id, user, body);
        await notifyOtherSide(s, trx, row, user, body.text);
        const saved = await saveStatus(s, trx, row, status, { user, ip, action: 'support.reply' });
        await publishTicket(s, trx, saved);
        return saved;
      });
      return view(s, updated);
    },

    async setStatus({ params, body, user, ip }) {
      const row = await visibleTicket(s, user, params.ticketId);
      assertAdminOf(s, user, row.school_id);
      const updated = await s.db.transaction().execute(async (trx) => {
        const caller = { user, ip, action: 'support.set_status' } as const;
        const saved = await saveStatus(s, trx, row, body.status, caller);
        if (row.author_id !== user.id) {
          const title = `Обращение ${row.number}: ${STATUS_TEXT[body.status]}`;
          const en = {
            title: `Request ${row.number}: ${STATUS_TEXT_EN[body.status]}`,
            body: row.subject,
          };
          const note = { userId: row.author_id, title, body: row.subject, en, targetId: row.id };
          await notify(s, trx, { ...note, kind: 'support' });
        }
        await publishTicket(s, trx, saved);
        return saved;
      });
      return view(s, updated);
    },
  };
}
