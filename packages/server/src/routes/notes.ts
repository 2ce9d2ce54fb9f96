import type { JournalNote } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { auditAs, ownChild } from '../services/policy';

type NoteRow = Selectable<Database['journal_notes']>;

function view(row: NoteRow): JournalNote {
  return {
    id: row.id,
    childId: row.child_id,
    date: row.date,
    kind: row.kind as JournalNote['kind'],
    text: row.text,
    ...(row.plan ? { plan: row.plan } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The note if the caller wrote it (and is still a parent of its child); 404 for anyone else. */
async function ownNote(s: Services, user: AuthUser, id: string): Promise<NoteRow> {
  const row = await s.db
    .selectFrom('journal_notes')
    .selectAll()
    .where('id', '=', id)
    .where('author_id', '=', user.id)
    .executeTakeFirst();
  if (!row) throw notFound();
  await ownChild(s, user, row.child_id);
  return row;
}

/** A parent's private journal about a child: visible to its author only, even within a family. */
export function notesHandlers(s: Services): Handlers['notes'] {
  return {
    async list({ params, user }) {
      const child = await ownChild(s, user, params.childId);
      const rows = await s.db
        .selectFrom('journal_notes')
        .selectAll()
        .where('child_id', '=', child.id)
        .where('author_id', '=', user.id)
        .orderBy('date', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return { items: rows.map(view) };
    },

    async create({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      const now = s.clock.now().toISOString();
      const row: NoteRow = {
        id: s.ids('jnl'),
        child_id: child.id,
        author_id: user.id,
        date: body.date,
        kind: body.kind,
        text: body.text,
        plan: body.plan?.trim() || null,
        created_at: now,
        updated_at: now,
      };
      await s.db.transaction().execute(async (trx) => {
        await trx.insertInto('journal_notes').values(row).execute();
        await auditAs(s, trx, { user, ip }, { action: 'notes.create', target: row.id });
      });
      return view(row);
    },

    async update({ params, body, user, ip }) {
      const row = await ownNote(s, user, params.noteId);
      const updated: NoteRow = {
        ...row,
        date: body.date ?? row.date,
        kind: body.kind ?? row.kind,
        text: body.text ?? row.text,
        plan: body.plan === undefined ? row.plan : body.plan.trim() || null,
        updated_at: s.clock.now().toISOString(),
      };
      await s.db.transaction().execute(async (trx) => {
        const { id: _id, ...changes } = updated;
        await trx.updateTable('journal_notes').set(changes).where('id', '=', row.id).execute();
        await auditAs(s, trx, { user, ip }, { action: 'notes.update', target: row.id });
      });
      return view(updated);
    },

    async remove({ params, user, ip }) {
      const row = await ownNote(s, user, params.noteId);
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('journal_notes').where('id', '=', row.id).execute();
        await auditAs(s, trx, { user, ip }, { action: 'notes.remove', target: row.id });
      });
      return undefined;
    },
  };
}
