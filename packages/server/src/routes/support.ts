import type { Ticket } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import { insertionOrder } from '../db/dialect';
import type { Database } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { nextCounter, sixDigits } from '../services/counters';
import { notify } from '../services/notify';
import { assertAdminOf, auditAs, isAdminOf } from '../services/policy';

type TicketRow = Selectable<Database['tickets']>;
type TicketStatus = Ticket['status'];

const STATUS_TEXT: Record<TicketStatus, string> = {
  open: 'открыто',
  in_progress: 'в работе',
  answered: 'есть ответ',
  closed: 'закрыто',
};

/** The longest message excerpt put into a notification. */
const EXCERPT = 200;

/** The API views of tickets, their conversations read in one query. */
async function views(s: Services, rows: readonly TicketRow[]): Promise<Ticket[]> {
  if (rows.length === 0) return [];
  const messages = await s.db
    .selectFrom('ticket_messages')
    .selectAll()
    .where(
      'ticket_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy(insertionOrder(s.db))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    authorId: row.author_id,
    subject: row.subject,
    status: row.status as TicketStatus,
    messages: messages
      .filter((m) => m.ticket_id === row.id)
      .map((m) => ({
        id: m.id,
        authorId: m.author_id,
        authorRole: m.author_role as AuthUser['role'],
        text: m.text,
        at: m.at,
      })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

async function view(s: Services, row: TicketRow): Promise<Ticket> {
  const [ticket] = await views(s, [row]);
  return ticket as Ticket;
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
  text: string,
) {
  await db
    .insertInto('ticket_messages')
    .values({
      id: s.ids('tmsg'),
      ticket_id: ticketId,
      author_id: user.id,
      author_role: user.role,
      text,
      at: s.clock.now().toISOString(),
    })
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
      targetId: row.id,
    });
    return;
  }
  if (!row.school_id) return;
  const admins = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'school_admin')
    .where('school_id', '=', row.school_id)
    .execute();
  for (const admin of admins) {
    const title = `Новое сообщение в обращении ${row.number}`;
    await notify(s, db, {
      userId: admin.id,
      kind: 'support',
      title,
      body: excerpt,
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
  caller: { user: AuthUser; ip: string; action: string },
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
      const schoolId = await ticketSchool(s, user);
      const row = await s.db.transaction().execute(async (trx) => {
        const now = s.clock.now().toISOString();
        const created: TicketRow = {
          id: s.ids('tkt'),
          number: `ОБР-${sixDigits(await nextCounter(trx, 'ticket'))}`,
          author_id: user.id,
          school_id: schoolId,
          subject: body.subject,
          status: 'open',
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('tickets').values(created).execute();
        await addMessage(s, trx, created.id, user, body.text);
        const action = { action: 'support.create', target: created.id, schoolId };
        await auditAs(s, trx, { user, ip }, action);
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
        await addMessage(s, trx, row.id, user, body.text);
        await notifyOtherSide(s, trx, row, user, body.text);
        return saveStatus(s, trx, row, status, { user, ip, action: 'support.reply' });
      });
      return view(s, updated);
    },

    async setStatus({ params, body, user, ip }) {
      const row = await visibleTicket(s, user, params.ticketId);
      assertAdminOf(s, user, row.school_id);
      const updated = await s.db.transaction().execute(async (trx) => {
        const caller = { user, ip, action: 'support.set_status' };
        const saved = await saveStatus(s, trx, row, body.status, caller);
        if (row.author_id !== user.id) {
          const title = `Обращение ${row.number}: ${STATUS_TEXT[body.status]}`;
          const note = { userId: row.author_id, title, body: row.subject, targetId: row.id };
          await notify(s, trx, { ...note, kind: 'support' });
        }
        return saved;
      });
      return view(s, updated);
    },
  };
}
