import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock';
import type { Database } from '../db/schema';
import { hashPassword } from '../services/secrets';
import { seedDemoChat } from './demo-chat';
import { seedDemoDiary } from './demo-diary';
import { DEMO, DEMO_PASSWORD } from './demo-world';

export { DEMO, DEMO_PASSWORD } from './demo-world';

const LAST_M = [
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
];
const FIRST_M = [
  'Александр',
  'Максим',
  'Иван',
  'Артём',
  'Дмитрий',
  'Никита',
  'Михаил',
  'Даниил',
  'Егор',
  'Андрей',
  'Тимофей',
  'Лев',
];
const FIRST_F = [
  'Анастасия',
  'Мария',
  'Дарья',
  'Анна',
  'Елизавета',
  'Полина',
  'Виктория',
  'Екатерина',
  'Софья',
  'Алиса',
  'Варвара',
  'Ксения',
];

/** A deterministic pseudo-random sequence (mulberry32), so the demo world is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)] as T;

const REGISTRY = [
  {
    id: 'sch_42',
    code: '770042',
    name: 'ГБОУ «Школа № 42»',
    short: 'Школа № 42',
    region: 'Москва',
    address: 'Москва, ул. Академика Королёва, 9',
    levels: ['primary', 'basic', 'secondary'],
    profiles: ['физико-математический', 'гуманитарный'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_17',
    code: '770017',
    name: 'ГБОУ «Лицей № 17»',
    short: 'Лицей № 17',
    region: 'Москва',
    address: 'Москва, Ленинский пр-т, 17',
    levels: ['basic', 'secondary'],
    profiles: ['физико-математический', 'информационно-технологический'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: true,
  },
  {
    id: 'sch_5',
    code: '780005',
    name: 'ГБОУ «Гимназия № 5»',
    short: 'Гимназия № 5',
    region: 'Санкт-Петербург',
    address: 'Санкт-Петербург, Невский пр-т, 5',
    levels: ['primary', 'basic', 'secondary'],
    profiles: ['гуманитарный', 'лингвистический'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_128',
    code: '780128',
    name: 'ГБОУ «Школа № 128»',
    short: 'Школа № 128',
    region: 'Санкт-Петербург',
    address: 'Санкт-Петербург, ул. Савушкина, 128',
    levels: ['primary', 'basic'],
    profiles: [],
    connected: false,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_1_kzn',
    code: '160001',
    name: 'МБОУ «Лицей № 1»',
    short: 'Лицей № 1',
    region: 'Республика Татарстан',
    address: 'Казань, ул. Баумана, 1',
    levels: ['basic', 'secondary'],
    profiles: ['естественно-научный'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_12_ekb',
    code: '660012',
    name: 'МАОУ «СОШ № 12»',
    short: 'СОШ № 12',
    region: 'Свердловская область',
    address: 'Екатеринбург, ул. Малышева, 12',
    levels: ['primary', 'basic', 'secondary'],
    profiles: ['технологический'],
    connected: true,
    tz: 'Asia/Yekaterinburg',
    snils: false,
  },
  {
    id: 'sch_3_nsk',
    code: '540003',
    name: 'МБОУ «Гимназия № 3»',
    short: 'Гимназия № 3',
    region: 'Новосибирская область',
    address: 'Новосибирск, Красный пр-т, 3',
    levels: ['primary', 'basic', 'secondary'],
    profiles: ['гуманитарный'],
    connected: false,
    tz: 'Asia/Novosibirsk',
    snils: false,
  },
  {
    id: 'sch_7_vlg',
    code: '340007',
    name: 'МОУ «СШ № 7»',
    short: 'СШ № 7',
    region: 'Волгоградская область',
    address: 'Волгоград, пр-т Ленина, 7',
    levels: ['primary', 'basic'],
    profiles: [],
    connected: true,
    tz: 'Europe/Volgograd',
    snils: false,
  },
  {
    id: 'sch_21_krd',
    code: '230021',
    name: 'МБОУ «СОШ № 21»',
    short: 'СОШ № 21',
    region: 'Краснодарский край',
    address: 'Краснодар, ул. Красная, 21',
    levels: ['primary', 'basic', 'secondary'],
    profiles: ['агротехнологический'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_9_msk',
    code: '770009',
    name: 'ГБОУ «Школа № 9»',
    short: 'Школа № 9',
    region: 'Москва',
    address: 'Москва, ул. Тверская, 9',
    levels: ['primary'],
    profiles: [],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_57',
    code: '770057',
    name: 'ГБОУ «Школа № 57»',
    short: 'Школа № 57',
    region: 'Москва',
    address: 'Москва, Мал. Знаменский пер., 7',
    levels: ['basic', 'secondary'],
    profiles: ['физико-математический', 'биологический'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: false,
  },
  {
    id: 'sch_239',
    code: '780239',
    name: 'ГБОУ «Лицей № 239»',
    short: 'Лицей № 239',
    region: 'Санкт-Петербург',
    address: 'Санкт-Петербург, Кирочная ул., 8',
    levels: ['basic', 'secondary'],
    profiles: ['физико-математический'],
    connected: true,
    tz: 'Europe/Moscow',
    snils: true,
  },
] as const;

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
  const hash = await hashPassword(DEMO_PASSWORD);
  const U = DEMO.users;
  const C = DEMO.classes;

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
      u: { id: string; phone: string; role: string },
      last: string,
      first: string,
      middle: string | null,
      schoolId: string | null,
      identity = 'confirmed_sms',
      contactHours: string | null = null,
    ) => ({
      id: u.id,
      role: u.role,
      phone: u.phone,
      password_hash: hash,
      last_name: last,
      first_name: first,
      middle_name: middle,
      email: null,
      snils: null,
      passport: null,
      school_id: schoolId,
      contact_hours: contactHours,
      identity_status: identity,
      failed_logins: 0,
      locked_until: null,
      created_at: now,
    });
    await trx
      .insertInto('users')
      .values([
        {
          ...user(U.parentIvanova, 'Иванова', 'Елена', 'Сергеевна', null, 'confirmed_in_person'),
          snils: U.parentIvanova.snils,
        },
        {
          ...user(U.parentPetrov, 'Петров', 'Андрей', 'Викторович', null),
          snils: U.parentPetrov.snils,
        },
        {
          ...user(U.parentNew, 'Соколова', 'Ольга', 'Игоревна', null, 'unconfirmed'),
          snils: U.parentNew.snils,
        },
        user(U.admin42, 'Кириллова', 'Наталья', 'Петровна', 'sch_42'),
        user(
          U.teacherMath,
          'Орлов',
          'Сергей',
          'Николаевич',
          'sch_42',
          'confirmed_sms',
          'Пн, Ср 15:00–17:00',
        ),
        user(
          U.teacherRussian,
          'Белова',
          'Ирина',
          'Александровна',
          'sch_42',
          'confirmed_sms',
          'Вт, Чт 14:30–16:00',
        ),
        user(
          U.teacherPhysics,
          'Зайцев',
          'Павел',
          'Олегович',
          'sch_42',
          'confirmed_sms',
          'Пт 15:00–16:30',
        ),
        user(U.admin17, 'Громова', 'Татьяна', 'Юрьевна', 'sch_17'),
        user(
          U.teacherLyceum,
          'Никитин',
          'Олег',
          'Борисович',
          'sch_17',
          'confirmed_sms',
          'Пн–Пт 16:00–17:00',
        ),
        user(U.studentMaria, 'Иванова', 'Мария', 'Андреевна', null),
      ])
      .execute();

    const subjects42 = [
      ['sub_42_math', 'Математика', 'Матем.'],
      ['sub_42_algebra', 'Алгебра', 'Алг.'],
      ['sub_42_geometry', 'Геометрия', 'Геом.'],
      ['sub_42_russian', 'Русский язык', 'Рус. яз.'],
      ['sub_42_literature', 'Литература', 'Лит.'],
      ['sub_42_english', 'Английский язык', 'Англ. яз.'],
      ['sub_42_history', 'История', 'Ист.'],
      ['sub_42_biology', 'Биология', 'Биол.'],
      ['sub_42_geography', 'География', 'Геогр.'],
      ['sub_42_physics', 'Физика', 'Физ.'],
      ['sub_42_informatics', 'Информатика', 'Инф.'],
      ['sub_42_pe', 'Физическая культура', 'Физ-ра'],
    ] as const;
    const subjects17 = [
      ['sub_17_math', 'Математика', 'Матем.'],
      ['sub_17_physics', 'Физика', 'Физ.'],
      ['sub_17_russian', 'Русский язык', 'Рус. яз.'],
    ] as const;
    await trx
      .insertInto('subjects')
      .values([
        ...subjects42.map(([id, name, short]) => ({
          id,
          school_id: 'sch_42',
          name,
          short_name: short,
        })),
        ...subjects17.map(([id, name, short]) => ({
          id,
          school_id: 'sch_17',
          name,
          short_name: short,
        })),
      ])
      .execute();

    await trx
      .insertInto('classes')
      .values([
        {
          id: C.c5a.id,
          school_id: 'sch_42',
          name: '5А',
          grade: 5,
          school_year: DEMO.schoolYear,
          homeroom_teacher_id: U.teacherRussian.id,
        },
        {
          id: C.c8b.id,
          school_id: 'sch_42',
          name: '8Б',
          grade: 8,
          school_year: DEMO.schoolYear,
          homeroom_teacher_id: U.teacherPhysics.id,
        },
        {
          id: C.c7v.id,
          school_id: 'sch_17',
          name: '7В',
          grade: 7,
          school_year: DEMO.schoolYear,
          homeroom_teacher_id: U.teacherLyceum.id,
        },
      ])
      .execute();

    await trx
      .insertInto('teaching')
      .values([
        { teacher_id: U.teacherMath.id, class_id: C.c5a.id, subject_id: 'sub_42_math' },
        { teacher_id: U.teacherMath.id, class_id: C.c8b.id, subject_id: 'sub_42_algebra' },
        { teacher_id: U.teacherMath.id, class_id: C.c8b.id, subject_id: 'sub_42_geometry' },
        { teacher_id: U.teacherRussian.id, class_id: C.c5a.id, subject_id: 'sub_42_russian' },
        { teacher_id: U.teacherRussian.id, class_id: C.c5a.id, subject_id: 'sub_42_literature' },
        { teacher_id: U.teacherRussian.id, class_id: C.c8b.id, subject_id: 'sub_42_russian' },
        { teacher_id: U.teacherPhysics.id, class_id: C.c8b.id, subject_id: 'sub_42_physics' },
        { teacher_id: U.teacherPhysics.id, class_id: C.c8b.id, subject_id: 'sub_42_informatics' },
        { teacher_id: U.teacherLyceum.id, class_id: C.c7v.id, subject_id: 'sub_17_math' },
        { teacher_id: U.teacherLyceum.id, class_id: C.c7v.id, subject_id: 'sub_17_physics' },
      ])
      .execute();

    // The schools' class lists (rosters): the demo children, one unlinked pupil, and classmates.
    const roster: Database['roster'][] = [
      {
        id: 'ros_maria',
        school_id: 'sch_42',
        class_id: C.c5a.id,
        roster_id: 'R42-5A-01',
        last_name: 'Иванова',
        first_name: 'Мария',
        birth_date: '2015-04-12',
      },
      {
        id: 'ros_petr',
        school_id: 'sch_42',
        class_id: C.c8b.id,
        roster_id: 'R42-8B-01',
        last_name: 'Иванов',
        first_name: 'Пётр',
        birth_date: '2012-09-03',
      },
      {
        id: 'ros_alexander',
        school_id: 'sch_17',
        class_id: C.c7v.id,
        roster_id: 'R17-7V-01',
        last_name: 'Петров',
        first_name: 'Александр',
        birth_date: '2013-11-21',
      },
      {
        id: 'ros_anna',
        school_id: 'sch_42',
        class_id: DEMO.unlinkedRoster.classId,
        roster_id: DEMO.unlinkedRoster.rosterId,
        last_name: DEMO.unlinkedRoster.lastName,
        first_name: DEMO.unlinkedRoster.firstName,
        birth_date: DEMO.unlinkedRoster.birthDate,
      },
    ];
    const classmates: { classId: string; schoolId: string; year: number; rosterPrefix: string }[] =
      [
        { classId: C.c5a.id, schoolId: 'sch_42', year: 2015, rosterPrefix: 'R42-5A' },
        { classId: C.c8b.id, schoolId: 'sch_42', year: 2012, rosterPrefix: 'R42-8B' },
        { classId: C.c7v.id, schoolId: 'sch_17', year: 2013, rosterPrefix: 'R17-7V' },
      ];
    const childRows: Database['children'][] = [];
    // Roster ids a school hands out are random, so that one pupil's id says nothing of another's.
    const rosterRnd = seededRandom(1917);
    const rosterId = (prefix: string) =>
      `${prefix}-${Array.from({ length: 6 }, () => pick(rosterRnd, [...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'])).join('')}`;
    for (const cls of classmates) {
      for (let i = 0; i < 22; i += 1) {
        const female = rnd() < 0.5;
        const last = pick(rnd, LAST_M) + (female ? 'а' : '');
        const first = pick(rnd, female ? FIRST_F : FIRST_M);
        const birth = `${cls.year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
        const id = `${cls.classId}_pupil_${String(i + 2).padStart(2, '0')}`;
        roster.push({
          id: `ros_${id}`,
          school_id: cls.schoolId,
          class_id: cls.classId,
          roster_id: rosterId(cls.rosterPrefix),
          last_name: last,
          first_name: first,
          birth_date: birth,
        });
        childRows.push({
          id: `chd_${id}`,
          last_name: last,
          first_name: first,
          middle_name: null,
          birth_date: birth,
          sex: female ? 'female' : 'male',
          snils: null,
          inn: null,
          birth_certificate: null,
          status: 'confirmed',
          school_id: cls.schoolId,
          class_id: cls.classId,
          student_user_id: null,
          created_by: cls.schoolId === 'sch_42' ? U.admin42.id : U.admin17.id,
          created_at: now,
        });
      }
    }
    await trx.insertInto('roster').values(roster).execute();

    const ch = DEMO.children;
    await trx
      .insertInto('children')
      .values([
        {
          id: ch.maria.id,
          last_name: 'Иванова',
          first_name: 'Мария',
          middle_name: 'Андреевна',
          birth_date: '2015-04-12',
          sex: 'female',
          snils: '112-233-445 95',
          inn: null,
          birth_certificate: 'IV-МЮ 123456',
          status: 'confirmed',
          school_id: 'sch_42',
          class_id: C.c5a.id,
          student_user_id: U.studentMaria.id,
          created_by: U.parentIvanova.id,
          created_at: now,
        },
        {
          id: ch.petr.id,
          last_name: 'Иванов',
          first_name: 'Пётр',
          middle_name: 'Андреевич',
          birth_date: '2012-09-03',
          sex: 'male',
          snils: null,
          inn: null,
          birth_certificate: null,
          status: 'confirmed',
          school_id: 'sch_42',
          class_id: C.c8b.id,
          student_user_id: null,
          created_by: U.parentIvanova.id,
          created_at: now,
        },
        {
          id: ch.alexander.id,
          last_name: 'Петров',
          first_name: 'Александр',
          middle_name: 'Андреевич',
          birth_date: '2013-11-21',
          sex: 'male',
          snils: '148-481-255 85',
          inn: null,
          birth_certificate: null,
          status: 'confirmed',
          school_id: 'sch_17',
          class_id: C.c7v.id,
          student_user_id: null,
          created_by: U.parentPetrov.id,
          created_at: now,
        },
        ...childRows,
      ])
      .execute();
    await trx
      .insertInto('parent_children')
      .values([
        { parent_id: U.parentIvanova.id, child_id: ch.maria.id },
        { parent_id: U.parentIvanova.id, child_id: ch.petr.id },
        { parent_id: U.parentPetrov.id, child_id: ch.alexander.id },
      ])
      .execute();
    await trx
      .insertInto('school_links')
      .values([
        {
          id: 'lnk_maria',
          child_id: ch.maria.id,
          school_id: 'sch_42',
          class_id: C.c5a.id,
          roster_id: 'R42-5A-01',
          linked_at: now,
        },
        {
          id: 'lnk_petr',
          child_id: ch.petr.id,
          school_id: 'sch_42',
          class_id: C.c8b.id,
          roster_id: 'R42-8B-01',
          linked_at: now,
        },
        {
          id: 'lnk_alexander',
          child_id: ch.alexander.id,
          school_id: 'sch_17',
          class_id: C.c7v.id,
          roster_id: 'R17-7V-01',
          linked_at: now,
        },
      ])
      .execute();

    const apps = [
      {
        id: 'app_maria',
        number: 'ЭД-2026-000001',
        child: ch.maria.id,
        school: 'sch_42',
        parent: U.parentIvanova.id,
        path: ['submitted', 'checking', 'ready', 'active'],
      },
      {
        id: 'app_petr',
        number: 'ЭД-2026-000002',
        child: ch.petr.id,
        school: 'sch_42',
        parent: U.parentIvanova.id,
        path: ['submitted', 'checking', 'ready'],
      },
      {
        id: 'app_alexander',
        number: 'ЭД-2026-000003',
        child: ch.alexander.id,
        school: 'sch_17',
        parent: U.parentPetrov.id,
        path: ['submitted', 'checking'],
      },
    ];
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
