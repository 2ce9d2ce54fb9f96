import { DEMO } from './demo-world';

const U = DEMO.users;
const CH = DEMO.children;
const S42 = DEMO.schools.school42.id;
const S17 = DEMO.schools.lyceum17.id;

/** One demo message: who wrote it, how many hours ago, and whether the other side has read it. */
export type DemoMessage = readonly [author: string, hoursAgo: number, text: string, read?: false];

export interface DemoThread {
  readonly id: string;
  readonly childId: string;
  readonly teacherId: string;
  readonly participantId: string;
  readonly subjectId: string | null;
  readonly title: string;
  readonly messages: readonly DemoMessage[];
}

/** Conversations between the demo families and their teachers, some unread. */
export const THREADS: readonly DemoThread[] = [
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

/** A news item or event of a school, published `hoursAgo`; an event `inDays` from today. */
export interface DemoNews {
  readonly id: string;
  readonly schoolId: string;
  readonly authorId: string;
  readonly hoursAgo: number;
  readonly kind: 'news' | 'event';
  readonly title: string;
  readonly body: string;
  readonly inDays?: number;
  /** `HH:MM` in Moscow. */
  readonly startTime?: string;
  readonly endTime?: string;
  readonly location?: string;
  readonly image?: { readonly url: string; readonly alt: string };
}

/** News and events of Школа № 42 and Лицей № 17. */
export const NEWS: readonly DemoNews[] = [
  {
    id: 'nws_demo_holidays',
    schoolId: S42,
    authorId: U.admin42.id,
    hoursAgo: 150,
    kind: 'news',
    title: 'Зимние каникулы',
    body: 'Зимние каникулы продлятся с 29 декабря по 11 января. Первый учебный день после каникул — 12 января. Желаем всем хорошего отдыха!',
  },
  {
    id: 'nws_demo_math_week',
    schoolId: S42,
    authorId: U.admin42.id,
    hoursAgo: 26,
    kind: 'news',
    title: 'Неделя математики',
    body: 'На следующей неделе в школе проходит неделя математики: олимпиада для 5–11 классов, математический бой и конкурс стенгазет. Приглашаем всех желающих!',
  },
  {
    id: 'nws_demo_meeting',
    schoolId: S42,
    authorId: U.admin42.id,
    hoursAgo: 50,
    kind: 'event',
    title: 'Родительское собрание 5-х классов',
    body: 'Обсудим адаптацию к средней школе, питание и предстоящие экскурсии. Просим быть без опозданий.',
    inDays: 3,
    startTime: '18:30',
    endTime: '19:30',
    location: 'Кабинет 105',
  },
  {
    id: 'nws_demo_concert',
    schoolId: S42,
    authorId: U.admin42.id,
    hoursAgo: 20,
    kind: 'event',
    title: 'Новогодний концерт',
    body: 'Ученики начальной и средней школы покажут новогоднюю программу. Родители приглашаются, вход по записи у классных руководителей.',
    inDays: 28,
    startTime: '17:00',
    location: 'Актовый зал',
    image: {
      url: '/news-concert.svg',
      alt: 'Сцена актового зала с ёлкой и гирляндами',
    },
  },
  {
    id: 'nws_demo_physics',
    schoolId: S17,
    authorId: U.admin17.id,
    hoursAgo: 40,
    kind: 'news',
    title: 'Итоги школьного этапа олимпиады по физике',
    body: 'Поздравляем победителей и призёров школьного этапа! Списки участников муниципального этапа — на стенде у учительской.',
  },
  {
    id: 'nws_demo_open_day',
    schoolId: S17,
    authorId: U.admin17.id,
    hoursAgo: 10,
    kind: 'event',
    title: 'День открытых дверей',
    body: 'Расскажем о профильных классах, покажем лаборатории и ответим на вопросы о поступлении в 8-й класс.',
    inDays: 10,
    location: 'Главный корпус, Ленинский пр-т, 17',
  },
];

/** A portfolio item dated `daysAgo`, created `hoursAgo`. */
export interface DemoPortfolioItem {
  readonly id: string;
  readonly childId: string;
  readonly kind: 'diploma' | 'work' | 'project' | 'certificate';
  readonly title: string;
  readonly description?: string;
  readonly daysAgo: number;
  readonly subjectId: string;
  readonly level: 'school' | 'municipal' | null;
  readonly createdBy: string;
  readonly hoursAgo: number;
}

/** Diplomas, works and certificates of the demo children. */
export const PORTFOLIO: readonly DemoPortfolioItem[] = [
  {
    id: 'pfl_demo_maria_olympiad',
    childId: CH.maria.id,
    kind: 'diploma',
    title: 'Диплом победителя школьной олимпиады по математике',
    daysAgo: 20,
    subjectId: 'sub_42_math',
    level: 'school',
    createdBy: U.teacherMath.id,
    hoursAgo: 480,
  },
  {
    id: 'pfl_demo_maria_essay',
    childId: CH.maria.id,
    kind: 'work',
    title: 'Сочинение «Моя семья»',
    description: 'Лучшее сочинение класса, прочитано на родительском собрании.',
    daysAgo: 12,
    subjectId: 'sub_42_russian',
    level: null,
    createdBy: U.parentIvanova.id,
    hoursAgo: 280,
  },
  {
    id: 'pfl_demo_petr_project',
    childId: CH.petr.id,
    kind: 'project',
    title: 'Проект «Солнечная электростанция на подоконнике»',
    daysAgo: 30,
    subjectId: 'sub_42_physics',
    level: 'school',
    createdBy: U.parentIvanova.id,
    hoursAgo: 700,
  },
  {
    id: 'pfl_demo_alexander_cert',
    childId: CH.alexander.id,
    kind: 'certificate',
    title: 'Сертификат участника муниципального этапа олимпиады по математике',
    daysAgo: 60,
    subjectId: 'sub_17_math',
    level: 'municipal',
    createdBy: U.parentPetrov.id,
    hoursAgo: 1400,
  },
];

/** Teachers' comments on portfolio items, written `hoursAgo`. */
export const PORTFOLIO_COMMENTS = [
  {
    id: 'pcm_demo_1',
    itemId: 'pfl_demo_maria_olympiad',
    authorId: U.teacherMath.id,
    text: 'Маша показала лучший результат среди пятых классов. Так держать!',
    hoursAgo: 470,
  },
  {
    id: 'pcm_demo_2',
    itemId: 'pfl_demo_maria_essay',
    authorId: U.teacherRussian.id,
    text: 'Живой язык и интересные примеры. Рекомендую участвовать в городском конкурсе сочинений.',
    hoursAgo: 250,
  },
] as const;

/** Parents' private journal notes, written `daysAgo`. */
export const NOTES = [
  {
    id: 'jnl_demo_1',
    authorId: U.parentIvanova.id,
    childId: CH.maria.id,
    daysAgo: 1,
    kind: 'success',
    text: 'Сама разобралась со сложением дробей после консультации.',
    plan: 'Закрепить: по две задачи в день до конца недели.',
  },
  {
    id: 'jnl_demo_2',
    authorId: U.parentIvanova.id,
    childId: CH.maria.id,
    daysAgo: 6,
    kind: 'difficulty',
    text: 'Долго делает домашнее задание по русскому, часто отвлекается.',
    plan: 'Пробовать делать уроки по таймеру: 25 минут работы, 5 минут отдыха.',
  },
  {
    id: 'jnl_demo_3',
    authorId: U.parentPetrov.id,
    childId: CH.alexander.id,
    daysAgo: 2,
    kind: 'success',
    text: 'Прошёл на муниципальный этап олимпиады по математике.',
    plan: 'Решать задачи прошлых лет по субботам.',
  },
] as const;
