import type { Kysely, Migration } from 'kysely';
import { randomIds } from '../../ids';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

interface Entry {
  school_id: string;
  class_id: string;
  roster_id: string;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string;
}

interface Candidate {
  id: string;
  school_id: string;
  class_id: string;
  last_name: string;
  first_name: string;
  birth_date: string;
}

const samePupil = (c: Candidate, e: Entry) =>
  c.school_id === e.school_id &&
  c.class_id === e.class_id &&
  c.last_name === e.last_name &&
  c.first_name === e.first_name &&
  c.birth_date === e.birth_date;

/**
 * 032: every pupil on a roster has a diary record from the day they are on it (the import and the
 * roster's setup make it from now on). A current roster entry without one gets it: a record of
 * the pupil the school already keeps in that class with no link (as the demo's classmates were)
 * is linked to the roster id; otherwise a record is made, owned by the school's first admin, with
 * no documents and no guardian. A school without an admin keeps its roster as it was.
 */
export const rosterRecordsMigration: Migration = {
  async up(db: Db) {
    const entries: Entry[] = await db
      .selectFrom('roster')
      .select([
        'school_id',
        'class_id',
        'roster_id',
        'last_name',
        'first_name',
        'middle_name',
        'birth_date',
      ])
      .where('left_at', 'is', null)
      .orderBy('id')
      .execute();
    if (entries.length === 0) return;
    const links: {
      school_id: string;
      roster_id: string;
      child_id: string;
      placed: string | null;
    }[] = await db
      .selectFrom('school_links')
      .innerJoin('children', 'children.id', 'school_links.child_id')
      .select([
        'school_links.school_id',
        'school_links.roster_id',
        'school_links.child_id',
        'children.school_id as placed',
      ])
      .execute();
    const held = new Set(
      links.filter((l) => l.placed === l.school_id).map((l) => `${l.school_id}|${l.roster_id}`),
    );
    const linkedAt = new Set(links.map((l) => `${l.school_id}|${l.child_id}`));
    const candidates: Candidate[] = await db
      .selectFrom('children')
      .select(['id', 'school_id', 'class_id', 'last_name', 'first_name', 'birth_date'])
      .where('school_id', 'is not', null)
      .where('class_id', 'is not', null)
      .execute();
    const admins: { id: string; school_id: string }[] = await db
      .selectFrom('users')
      .select(['id', 'school_id'])
      .where('role', '=', 'school_admin')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    // Ordered newest first, so the map keeps each school's first admin.
    const adminOf = new Map(admins.map((a) => [a.school_id, a.id]));
    const now = new Date().toISOString();
    for (const entry of entries) {
      if (held.has(`${entry.school_id}|${entry.roster_id}`)) continue;
      const kept = candidates.find(
        (c) => samePupil(c, entry) && !linkedAt.has(`${entry.school_id}|${c.id}`),
      );
      let childId = kept?.id;
      if (!childId) {
        const admin = adminOf.get(entry.school_id);
        if (!admin) continue;
        childId = randomIds('chd');
        await db
          .insertInto('children')
          .values({
            id: childId,
            last_name: entry.last_name,
            first_name: entry.first_name,
            middle_name: entry.middle_name,
            birth_date: entry.birth_date,
            sex: '',
            status: 'confirmed',
            school_id: entry.school_id,
            class_id: entry.class_id,
            created_by: admin,
            created_at: now,
          })
          .execute();
      }
      linkedAt.add(`${entry.school_id}|${childId}`);
      await db
        .insertInto('school_links')
        .values({
          id: randomIds('lnk'),
          child_id: childId,
          school_id: entry.school_id,
          class_id: entry.class_id,
          roster_id: entry.roster_id,
          linked_at: now,
        })
        .execute();
    }
  },
};
