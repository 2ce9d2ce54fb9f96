import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { DEMO } from './demo-world';

const U = DEMO.users;
const CH = DEMO.children;
const HOUR = 3600 * 1000;

/** One demo message: who wrote it, how many hours ago, and whether the other side has read it. */
type DemoMessage = readonly [author: string, hoursAgo: number, text: string, read?: false];

interface DemoThread {
  readonly id: string;
  readonly childId: string;
  readonly teacherId: string;
  readonly participantId: string;
  readonly subjectId: string | null;
  readonly title: string;
  readonly messages: readonly DemoMessage[];
}

const THREADS: readonly DemoThread[] = [
  {
    id: 'thr_demo_maria_math',
    childId: CH.maria.id,
    teacherId: U.teacherMath.id,
    participantId: U.parentIvanova.id,
    subjectId: 'sub_42_math',
    title: 'Математика — Иванова Мария',
    messages: [
      [
        U.parentIvanova.id,
        74,
        'Сергей Николаевич, добрый вечер! Маша говорит, что не поняла тему «Сложение дробей с разными знаменателями». Можно ли подойти на консультацию?',
      ],
      [
        U.teacherMath.id,
        60,
        'Здравствуйте, Елена Сергеевна! Да, конечно. Консультации по средам в 15:00, кабинет 214. Пусть Маша возьмёт тетрадь с домашними заданиями.',
      ],
      [U.parentIvanova.id, 59, 'Спасибо! Придём в среду.'],
      [
        U.teacherMath.id,
        5,
        'Маша сегодня хорошо поработала на консультации, тему разобрали. Для закрепления дома решите, пожалуйста, № 312–315.',
        false,
      ],
    ],
  },
  {
    id: 'thr_demo_maria_russian',
    childId: CH.maria.id,
    teacherId: U.teacherRussian.id,
    participantId: U.parentIvanova.id,
    subjectId: 'sub_42_russian',
    title: 'Русский язык — Иванова Мария',
    messages: [
      [
        U.teacherRussian.id,
        120,
        'Елена Сергеевна, напоминаю: в пятницу родительское собрание в 18:30, кабинет 105. Обсудим экскурсию в Литературный музей.',
      ],
      [U.parentIvanova.id, 118, 'Ирина Александровна, спасибо, буду обязательно.'],
      [
        U.teacherRussian.id,
        96,
        'Прошу также подписать согласие на экскурсию — бланк Маша принесёт в дневнике.',
      ],
    ],
  },
  {
    id: 'thr_demo_petr_physics',
    childId: CH.petr.id,
    teacherId: U.teacherPhysics.id,
    participantId: U.parentIvanova.id,
    subjectId: 'sub_42_physics',
    title: 'Физика — Иванов Пётр',
    messages: [
      [
        U.parentIvanova.id,
        26,
        'Павел Олегович, здравствуйте. Пётр пропустил две лабораторные работы из-за болезни, справка есть. Как их можно отработать?',
      ],
      [
        U.teacherPhysics.id,
        20,
        'Здравствуйте! Лабораторные можно отработать в пятницу после седьмого урока. Справку передайте, пожалуйста, классному руководителю.',
      ],
      [U.parentIvanova.id, 2, 'Хорошо, договорились. Спасибо!', false],
    ],
  },
  {
    id: 'thr_demo_alexander_math',
    childId: CH.alexander.id,
    teacherId: U.teacherLyceum.id,
    participantId: U.parentPetrov.id,
    subjectId: 'sub_17_math',
    title: 'Математика — Петров Александр',
    messages: [
      [
        U.teacherLyceum.id,
        50,
        'Андрей Викторович, добрый день! Александр отлично написал школьный этап олимпиады и прошёл на муниципальный.',
      ],
      [U.parentPetrov.id, 47, 'Олег Борисович, спасибо за новость! Нужно ли что-то подготовить?'],
      [
        U.teacherLyceum.id,
        3,
        'Пришлю задачи прошлых лет для подготовки. Муниципальный этап пройдёт в середине декабря, точную дату сообщу.',
        false,
      ],
    ],
  },
  {
    id: 'thr_demo_maria_literature',
    childId: CH.maria.id,
    teacherId: U.teacherRussian.id,
    participantId: U.studentMaria.id,
    subjectId: 'sub_42_literature',
    title: 'Литература — Иванова Мария',
    messages: [
      [
        U.studentMaria.id,
        30,
        'Ирина Александровна, можно сдать сочинение по «Муму» в четверг вместо среды?',
      ],
      [U.teacherRussian.id, 6, 'Мария, можно, но не позже четверга.', false],
    ],
  },
];

const ROLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(U).map((u) => [u.id, u.role]),
);

async function seedThreads(trx: Kysely<Database>, ago: (hours: number) => string) {
  let n = 0;
  for (const t of THREADS) {
    const last = t.messages[t.messages.length - 1];
    await trx
      .insertInto('threads')
      .values({
        id: t.id,
        child_id: t.childId,
        teacher_id: t.teacherId,
        participant_id: t.participantId,
        subject_id: t.subjectId,
        title: t.title,
        created_at: ago((t.messages[0]?.[1] ?? 0) + 0.1),
        last_message_at: last ? ago(last[1]) : null,
      })
      .execute();
    for (const [author, hours, text, read] of t.messages) {
      n += 1;
      const row = await trx
        .insertInto('messages')
        .values({
          id: `msg_demo_${String(n).padStart(3, '0')}`,
          thread_id: t.id,
          author_id: author,
          author_role: ROLES[author] ?? 'parent',
          text,
          sent_at: ago(hours),
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      if (read === false) continue;
      const reader = author === t.teacherId ? t.participantId : t.teacherId;
      await trx
        .insertInto('message_reads')
        .values({ message_seq: row.seq, user_id: reader, read_at: ago(Math.max(hours - 1, 0)) })
        .execute();
    }
  }
}

async function seedNews(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  inDays: (d: number) => string,
) {
  const item = (
    id: string,
    school: string,
    author: string,
    hours: number,
    news: {
      kind: 'news' | 'event';
      title: string;
      body: string;
      eventDate?: string;
      location?: string;
    },
  ) => ({
    id,
    school_id: school,
    kind: news.kind,
    title: news.title,
    body: news.body,
    event_date: news.eventDate ?? null,
    location: news.location ?? null,
    author_id: author,
    published_at: ago(hours),
  });
  const s42 = DEMO.schools.school42.id;
  const s17 = DEMO.schools.lyceum17.id;
  await trx
    .insertInto('news')
    .values([
      item('nws_demo_holidays', s42, U.admin42.id, 150, {
        kind: 'news',
        title: 'Зимние каникулы',
        body: 'Зимние каникулы продлятся с 29 декабря по 11 января. Первый учебный день после каникул — 12 января. Желаем всем хорошего отдыха!',
      }),
      item('nws_demo_math_week', s42, U.admin42.id, 26, {
        kind: 'news',
        title: 'Неделя математики',
        body: 'На следующей неделе в школе проходит неделя математики: олимпиада для 5–11 классов, математический бой и конкурс стенгазет. Приглашаем всех желающих!',
      }),
      item('nws_demo_meeting', s42, U.admin42.id, 50, {
        kind: 'event',
        title: 'Родительское собрание 5-х классов',
        body: 'Обсудим адаптацию к средней школе, питание и предстоящие экскурсии. Просим быть без опозданий.',
        eventDate: inDays(3),
        location: 'Кабинет 105',
      }),
      item('nws_demo_concert', s42, U.admin42.id, 20, {
        kind: 'event',
        title: 'Новогодний концерт',
        body: 'Ученики начальной и средней школы покажут новогоднюю программу. Родители приглашаются, вход по записи у классных руководителей.',
        eventDate: inDays(28),
        location: 'Актовый зал',
      }),
      item('nws_demo_physics', s17, U.admin17.id, 40, {
        kind: 'news',
        title: 'Итоги школьного этапа олимпиады по физике',
        body: 'Поздравляем победителей и призёров школьного этапа! Списки участников муниципального этапа — на стенде у учительской.',
      }),
      item('nws_demo_open_day', s17, U.admin17.id, 10, {
        kind: 'event',
        title: 'День открытых дверей',
        body: 'Расскажем о профильных классах, покажем лаборатории и ответим на вопросы о поступлении в 8-й класс.',
        eventDate: inDays(10),
        location: 'Главный корпус, Ленинский пр-т, 17',
      }),
    ])
    .execute();
}

async function seedPortfolio(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  daysAgo: (d: number) => string,
) {
  const base = { description: null, period_id: null, attachment_id: null } as const;
  await trx
    .insertInto('portfolio_items')
    .values([
      {
        ...base,
        id: 'pfl_demo_maria_olympiad',
        child_id: CH.maria.id,
        kind: 'diploma',
        title: 'Диплом победителя школьной олимпиады по математике',
        date: daysAgo(20),
        subject_id: 'sub_42_math',
        level: 'school',
        created_by: U.teacherMath.id,
        created_at: ago(480),
      },
      {
        ...base,
        id: 'pfl_demo_maria_essay',
        child_id: CH.maria.id,
        kind: 'work',
        title: 'Сочинение «Моя семья»',
        description: 'Лучшее сочинение класса, прочитано на родительском собрании.',
        date: daysAgo(12),
        subject_id: 'sub_42_russian',
        level: null,
        created_by: U.parentIvanova.id,
        created_at: ago(280),
      },
      {
        ...base,
        id: 'pfl_demo_petr_project',
        child_id: CH.petr.id,
        kind: 'project',
        title: 'Проект «Солнечная электростанция на подоконнике»',
        date: daysAgo(30),
        subject_id: 'sub_42_physics',
        level: 'school',
        created_by: U.parentIvanova.id,
        created_at: ago(700),
      },
      {
        ...base,
        id: 'pfl_demo_alexander_cert',
        child_id: CH.alexander.id,
        kind: 'certificate',
        title: 'Сертификат участника муниципального этапа олимпиады по математике',
        date: daysAgo(60),
        subject_id: 'sub_17_math',
        level: 'municipal',
        created_by: U.parentPetrov.id,
        created_at: ago(1400),
      },
    ])
    .execute();
  await trx
    .insertInto('portfolio_comments')
    .values([
      {
        id: 'pcm_demo_1',
        item_id: 'pfl_demo_maria_olympiad',
        author_id: U.teacherMath.id,
        text: 'Маша показала лучший результат среди пятых классов. Так держать!',
        created_at: ago(470),
      },
      {
        id: 'pcm_demo_2',
        item_id: 'pfl_demo_maria_essay',
        author_id: U.teacherRussian.id,
        text: 'Живой язык и интересные примеры. Рекомендую участвовать в городском конкурсе сочинений.',
        created_at: ago(250),
      },
    ])
    .execute();
}

async function seedNotes(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  daysAgo: (d: number) => string,
) {
  const note = (
    id: string,
    author: string,
    child: string,
    days: number,
    kind: 'success' | 'difficulty',
    text: string,
    plan: string,
  ) => ({
    id,
    child_id: child,
    author_id: author,
    date: daysAgo(days),
    kind,
    text,
    plan,
    created_at: ago(days * 24),
    updated_at: ago(days * 24),
  });
  await trx
    .insertInto('journal_notes')
    .values([
      note(
        'jnl_demo_1',
        U.parentIvanova.id,
        CH.maria.id,
        1,
        'success',
        'Сама разобралась со сложением дробей после консультации.',
        'Закрепить: по две задачи в день до конца недели.',
      ),
      note(
        'jnl_demo_2',
        U.parentIvanova.id,
        CH.maria.id,
        6,
        'difficulty',
        'Долго делает домашнее задание по русскому, часто отвлекается.',
        'Пробовать делать уроки по таймеру: 25 минут работы, 5 минут отдыха.',
      ),
      note(
        'jnl_demo_3',
        U.parentPetrov.id,
        CH.alexander.id,
        2,
        'success',
        'Прошёл на муниципальный этап олимпиады по математике.',
        'Решать задачи прошлых лет по субботам.',
      ),
    ])
    .execute();
}

/**
 * The demo world's conversations and family pages: threads between the demo parents (and Мария)
 * and their teachers, some unread; news and events of Школа № 42 and Лицей № 17; portfolio items
 * with teachers' comments; a few private notes. Runs inside the demo seed's transaction.
 *
 * @example
 * await db.transaction().execute((trx) => seedDemoChat(trx, { clock }));
 */
export async function seedDemoChat(
  trx: Kysely<Database>,
  options: { clock: Clock },
): Promise<void> {
  const now = options.clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
  const day = (days: number) => new Date(now + days * 24 * HOUR).toISOString().slice(0, 10);
  await seedThreads(trx, ago);
  await seedNews(trx, ago, day);
  await seedPortfolio(trx, ago, (d) => day(-d));
  await seedNotes(trx, ago, (d) => day(-d));
}
