import type { Insertable, Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock';
import type { Database } from '../db/schema';
import { hashPassword } from '../services/secrets';
import { seedDemoChat } from './demo-chat';
import { seedDemoDiary } from './demo-diary';
import { DEMO, DEMO_PASSWORD } from './data/demo-world';
import {
  APPLICATIONS,
  CHILDREN,
  CLASSES,
  CLASSMATES,
  GUARDIANS,
  PEOPLE,
  ROSTER,
  SCHOOL_LINKS,
  SUBJECTS_17,
  SUBJECTS_42,
  TEACHING,
} from './data/demo-school';
import { FIRST_F, FIRST_M, LAST_M } from './data/names';
import { REGISTRY } from './data/registry';
import { pick, seededRandom } from './seeded-random';

/** scrypt cost (log2 N) of the demo accounts' password hashes as loaded. */
const DEMO_PASSWORD_COST = 14;

export { DEMO, DEMO_PASSWORD } from './data/demo-world';

/** Whether the demo world is already in this database. */
export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'seed')
    .executeTakeFirst();
  return row?.value === 'demo';
}

/**
 * Loads the demo world: a registry of schools, two of them with classes, teachers, admins and
 * rosters; two parents with three children between them; a student account. Idempotent.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { clock?: Clock } = {},
): Promise<boolean> {
  if (await isSeeded(db)) return false;
  const now = (options.clock ?? systemClock).now().toISOString();
  const rnd = seededRandom(42);
  // Hashed at a low cost so the demo loads fast; each account's first sign-in redoes the hash at
  // the server's cost (passwordHashCost).
  const hash = await hashPassword(DEMO_PASSWORD, DEMO_PASSWORD_COST);
  const U = DEMO.users;

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('schools')
      .values(
        REGISTRY.map((s) => ({
          id: s.id,
          code: s.code,
          name: s.name,
          short_name: s.short,
          region: s.region,
          address: s.address,
          levels: JSON.stringify(s.levels),
          profiles: JSON.stringify(s.profiles),
          diary_connected: s.connected ? 1 : 0,
          time_zone: s.tz,
          requires_snils: s.snils ? 1 : 0,
        })),
      )
      .execute();

    const user = (
      u: { id: string; phone: string; role: string; snils?: string },
      last: string,
      first: string,
      middle: string | null,
      schoolId: string | null,
      identity = 'confirmed_sms',
      contactHours: string | null = null,
    ): Database['users'] => ({
      id: u.id,
      role: u.role,
      phone: u.phone,
      password_hash: hash,
      last_name: last,
      first_name: first,
      middle_name: middle,
      email: null,
      snils: u.snils ?? null,
      snils_hash: null,
      passport: null,
      school_id: schoolId,
      contact_hours: contactHours,
      lang: null,
      identity_status: identity,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
      external_id: null,
    });
    await trx
      .insertInto('users')
      .values(PEOPLE.map((p) => user(...p)))
      .execute();

    await trx
      .insertInto('subjects')
      .values([
        ...SUBJECTS_42.map(([id, name, short]) => ({
          id,
          school_id: 'sch_42',
          name,
          short_name: short,
        })),
        ...SUBJECTS_17.map(([id, name, short]) => ({
          id,
          school_id: 'sch_17',
          name,
          short_name: short,
        })),
      ])
      .execute();

    await trx
      .insertInto('classes')
      .values([...CLASSES])
      .execute();

    await trx
      .insertInto('teaching')
      .values([...TEACHING])
      .execute();

    // The schools' class lists (rosters): the demo children, one unlinked pupil, and classmates.
    const roster: Insertable<Database['roster']>[] = [...ROSTER];
    const childRows: Database['children'][] = [];
    // Every pupil on a roster has a record the school owns (see services/roster-records.ts),
    // linked by roster id: the classmates', and Anna's, whom no parent has linked yet.
    const linkRows: Omit<Database['school_links'], 'linked_at'>[] = [];
    const anna = DEMO.unlinkedRoster;
    childRows.push(
      schoolRecord({
        id: anna.recordId,
        last: anna.lastName,
        first: anna.firstName,
        birth: anna.birthDate,
        sex: '',
        schoolId: 'sch_42',
        classId: anna.classId,
        createdBy: U.admin42.id,
        now,
      }),
    );
    linkRows.push({
      id: 'lnk_roster_anna',
      child_id: anna.recordId,
      school_id: 'sch_42',
      class_id: anna.classId,
      roster_id: anna.rosterId,
    });
    // Roster ids a school hands out are random, so that one pupil's id says nothing of another's.
    const rosterRnd = seededRandom(1917);
    const rosterIdOf = (prefix: string) =>
      `${prefix}-${Array.from({ length: 6 }, () => pick(rosterRnd, [...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'])).join('')}`;
    for (const cls of CLASSMATES) {
      for (let i = 0; i < 22; i += 1) {
        const female = rnd() < 0.5;
        const last = pick(rnd, LAST_M) + (female ? 'а' : '');
        const first = pick(rnd, female ? FIRST_F : FIRST_M);
        const birth = `${cls.year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
        const id = `${cls.classId}_pupil_${String(i + 2).padStart(2, '0')}`;
        const rosterId = rosterIdOf(cls.rosterPrefix);
        roster.push({
          id: `ros_${id}`,
          school_id: cls.schoolId,
          class_id: cls.classId,
          roster_id: rosterId,
          last_name: last,
          first_name: first,
          birth_date: birth,
        });
        childRows.push(
          schoolRecord({
            id: `chd_${id}`,
            last,
            first,
            birth,
            sex: female ? 'female' : 'male',
            schoolId: cls.schoolId,
            classId: cls.classId,
            createdBy: cls.schoolId === 'sch_42' ? U.admin42.id : U.admin17.id,
            now,
          }),
        );
        linkRows.push({
          id: `lnk_${id}`,
          child_id: `chd_${id}`,
          school_id: cls.schoolId,
          class_id: cls.classId,
          roster_id: rosterId,
        });
      }
    }
    await trx.insertInto('roster').values(roster).execute();

    await trx
      .insertInto('children')
      .values([...CHILDREN.map((child) => ({ ...child, created_at: now })), ...childRows])
      .execute();
    await trx
      .insertInto('parent_children')
      .values([...GUARDIANS])
      .execute();
    await trx
      .insertInto('school_links')
      .values([...SCHOOL_LINKS, ...linkRows].map((link) => ({ ...link, linked_at: now })))
      .execute();

    const apps = APPLICATIONS;
    for (const a of apps) {
      await trx
        .insertInto('applications')
        .values({
          id: a.id,
          number: a.number,
          child_id: a.child,
          school_id: a.school,
          school_year: DEMO.schoolYear,
          status: a.path[a.path.length - 1] as string,
          rejection_reason: null,
          created_by: a.parent,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('application_history')
        .values(
          a.path.map((status) => ({
            application_id: a.id,
            status,
            at: now,
            reason: null,
            actor_id: null,
          })),
        )
        .execute();
    }
    await trx
      .insertInto('counters')
      .values({ name: 'application:2026', value: apps.length })
      .execute();
    await seedDemoChat(trx, { clock: options.clock ?? systemClock });
    await seedDemoDiary(trx, { clock: options.clock ?? systemClock });
    await trx.insertInto('settings').values({ key: 'seed', value: 'demo' }).execute();
  });
  return true;
}

/** A pupil's record as the school makes it from its roster: no documents, no guardian. */
function schoolRecord(p: {
  id: string;
  last: string;
  first: string;
  birth: string;
  sex: string;
  schoolId: string;
  classId: string;
  createdBy: string;
  now: string;
}): Database['children'] {
  return {
    id: p.id,
    last_name: p.last,
    first_name: p.first,
    middle_name: null,
    birth_date: p.birth,
    sex: p.sex,
    snils: null,
    snils_hash: null,
    inn: null,
    birth_certificate: null,
    status: 'confirmed',
    school_id: p.schoolId,
    class_id: p.classId,
    student_user_id: null,
    created_by: p.createdBy,
    created_at: p.now,
  };
}
