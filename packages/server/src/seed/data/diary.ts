import type { WorkKind } from '@school-diary/core';
import { DEMO } from './demo-world';

// The demo diary's fixed data: staff, timetables, calendar, and the texts marks and homework use.

const U = DEMO.users;
const C = DEMO.classes;

/** Lesson start times by lesson number (45-minute lessons). */
export const TIMES = ['08:30', '09:25', '10:30', '11:35', '12:30', '13:25', '14:20'] as const;
/** Public holidays inside the quarters of 2025/2026 and 2026/2027 (23 February, 8 March, May). */
export const HOLIDAYS = new Set([
  '2026-02-23',
  '2026-03-09',
  '2026-05-01',
  '2026-05-11',
  '2027-02-23',
  '2027-03-08',
  '2027-05-03',
  '2027-05-10',
]);

/** Teachers for the subjects the demo world's teachers do not cover. Phones +79990001xxx. */
export const EXTRA_TEACHERS = [
  [
    'usr_teacher_english',
    '+79990001001',
    'sch_42',
    'Смирнова',
    'Анна',
    'Викторовна',
    'Вт 15:00–16:00',
  ],
  [
    'usr_teacher_history',
    '+79990001002',
    'sch_42',
    'Григорьев',
    'Николай',
    'Петрович',
    'Ср 14:30–15:30',
  ],
  [
    'usr_teacher_biology',
    '+79990001003',
    'sch_42',
    'Фролова',
    'Марина',
    'Сергеевна',
    'Чт 15:00–16:00',
  ],
  ['usr_teacher_pe', '+79990001004', 'sch_42', 'Ковалёв', 'Денис', 'Андреевич', 'Пн 15:00–16:00'],
  [
    'usr_teacher_literature',
    '+79990001005',
    'sch_42',
    'Лебедева',
    'Ольга',
    'Николаевна',
    'Пт 14:00–15:00',
  ],
  [
    'usr_teacher_17_russian',
    '+79990001011',
    'sch_17',
    'Андреева',
    'Елена',
    'Викторовна',
    'Вт 15:30–16:30',
  ],
  [
    'usr_teacher_17_english',
    '+79990001012',
    'sch_17',
    'Медведева',
    'Светлана',
    'Игоревна',
    'Ср 15:00–16:00',
  ],
  [
    'usr_teacher_17_history',
    '+79990001013',
    'sch_17',
    'Тихонов',
    'Артём',
    'Владимирович',
    'Чт 14:30–15:30',
  ],
  [
    'usr_teacher_17_biology',
    '+79990001014',
    'sch_17',
    'Крылова',
    'Наталья',
    'Олеговна',
    'Пн 14:00–15:00',
  ],
  ['usr_teacher_17_pe', '+79990001015', 'sch_17', 'Сергеев', 'Игорь', 'Павлович', 'Пт 15:00–16:00'],
  [
    'usr_teacher_17_informatics',
    '+79990001016',
    'sch_17',
    'Волков',
    'Максим',
    'Андреевич',
    'Ср 16:00–17:00',
  ],
] as const;

/** Subjects Лицей № 17 adds for 7В's full timetable. */
export const SUBJECTS_17 = [
  ['sub_17_literature', 'Литература', 'Лит.'],
  ['sub_17_english', 'Английский язык', 'Англ. яз.'],
  ['sub_17_history', 'История', 'Ист.'],
  ['sub_17_biology', 'Биология', 'Биол.'],
  ['sub_17_geography', 'География', 'Геогр.'],
  ['sub_17_informatics', 'Информатика', 'Инф.'],
  ['sub_17_pe', 'Физическая культура', 'Физ-ра'],
] as const;

/** Who teaches what in each class: subject → [teacher, room]. */
export const STAFFING: Record<string, Record<string, readonly [string, string]>> = {
  [C.c5a.id]: {
    sub_42_math: [U.teacherMath.id, '301'],
    sub_42_russian: [U.teacherRussian.id, '205'],
    sub_42_literature: [U.teacherRussian.id, '205'],
    sub_42_english: ['usr_teacher_english', '312'],
    sub_42_history: ['usr_teacher_history', '214'],
    sub_42_biology: ['usr_teacher_biology', '118'],
    sub_42_geography: ['usr_teacher_biology', '118'],
    sub_42_pe: ['usr_teacher_pe', 'Спортзал'],
  },
  [C.c8b.id]: {
    sub_42_algebra: [U.teacherMath.id, '301'],
    sub_42_geometry: [U.teacherMath.id, '301'],
    sub_42_russian: [U.teacherRussian.id, '205'],
    sub_42_literature: ['usr_teacher_literature', '207'],
    sub_42_english: ['usr_teacher_english', '312'],
    sub_42_history: ['usr_teacher_history', '214'],
    sub_42_biology: ['usr_teacher_biology', '118'],
    sub_42_geography: ['usr_teacher_biology', '118'],
    sub_42_physics: [U.teacherPhysics.id, '306'],
    sub_42_informatics: [U.teacherPhysics.id, '401'],
    sub_42_pe: ['usr_teacher_pe', 'Спортзал'],
  },
  [C.c7v.id]: {
    sub_17_math: [U.teacherLyceum.id, '21'],
    sub_17_physics: [U.teacherLyceum.id, '24'],
    sub_17_russian: ['usr_teacher_17_russian', '12'],
    sub_17_literature: ['usr_teacher_17_russian', '12'],
    sub_17_english: ['usr_teacher_17_english', '31'],
    sub_17_history: ['usr_teacher_17_history', '15'],
    sub_17_geography: ['usr_teacher_17_history', '15'],
    sub_17_biology: ['usr_teacher_17_biology', '18'],
    sub_17_informatics: ['usr_teacher_17_informatics', '33'],
    sub_17_pe: ['usr_teacher_17_pe', 'Спортзал'],
  },
};

/** The weekly timetable of each class, Monday to Friday, by short subject key. */
export const WEEK: Record<string, readonly (readonly string[])[]> = {
  [C.c5a.id]: [
    ['russian', 'math', 'literature', 'english', 'pe'],
    ['math', 'russian', 'history', 'biology', 'english', 'pe'],
    ['russian', 'math', 'geography', 'literature', 'english'],
    ['math', 'russian', 'biology', 'history', 'literature', 'pe'],
    ['russian', 'math', 'math', 'geography', 'literature'],
  ],
  [C.c8b.id]: [
    ['algebra', 'russian', 'physics', 'english', 'history', 'pe'],
    ['geometry', 'algebra', 'literature', 'biology', 'informatics', 'english'],
    ['russian', 'algebra', 'geography', 'physics', 'pe'],
    ['algebra', 'geometry', 'russian', 'english', 'history', 'biology', 'literature'],
    ['physics', 'literature', 'russian', 'geography', 'algebra', 'pe'],
  ],
  [C.c7v.id]: [
    ['math', 'russian', 'physics', 'english', 'history', 'pe'],
    ['russian', 'math', 'literature', 'biology', 'english'],
    ['math', 'physics', 'russian', 'geography', 'informatics', 'pe'],
    ['math', 'russian', 'english', 'history', 'literature'],
    ['math', 'geography', 'russian', 'math', 'physics', 'pe'],
  ],
};

/** Subjects a class did not have the year before (5th graders had no history, 6th no physics). */
export const NEW_THIS_YEAR: Record<string, readonly string[]> = {
  [C.c5a.id]: ['history', 'biology', 'geography'],
  [C.c8b.id]: [],
  [C.c7v.id]: ['physics'],
};

/** The quarters: name, first and last day (`MM-DD`); I and II in the autumn, III and IV next year. */
export const QUARTERS = [
  ['I четверть', '09-01', '10-26'],
  ['II четверть', '11-05', '12-28'],
  ['III четверть', '01-12', '03-22'],
  ['IV четверть', '04-01', '05-26'],
] as const;

/** A mark's weight by kind of work: tests 3, written works 2, the rest 1. */
export const WEIGHTS: Record<WorkKind, number> = {
  test: 3,
  exam: 3,
  quiz: 2,
  lab: 2,
  dictation: 2,
  essay: 2,
  project: 2,
  oral: 1,
  homework: 1,
  classwork: 1,
};

/** Homework templates by subject; `{n}` paragraph, `{p}`/`{q}` pages, `{a}`–`{c}` exercises. */
export const HOMEWORK: Record<string, readonly string[]> = {
  math: [
    'Учебник: § {n}, № {a}, {b}, {c}',
    'Рабочая тетрадь: с. {p}, задания 1–5',
    '§ {n}, выучить правило; № {a}',
  ],
  algebra: [
    '§ {n}, № {a}, {b}, {c}',
    '§ {n}, № {a} (а, в), {b}',
    'Подготовиться к самостоятельной работе: § {n}',
  ],
  geometry: [
    '§ {n}, задачи {a}, {b}',
    'Выучить теорему § {n}, задача {a}',
    '§ {n}, вопросы 1–6, задача {a}',
  ],
  russian: [
    'Упр. {a}, выучить правило на с. {p}',
    'Упр. {a}, {b}; словарные слова',
    'Повторить § {n}, упр. {a}',
  ],
  literature: [
    'Прочитать с. {p}–{q}, ответить на вопросы',
    'Выучить стихотворение наизусть (с. {p})',
    'Подготовить пересказ главы, с. {p}–{q}',
  ],
  english: [
    "Student's Book p. {p}, ex. {a}; выучить слова",
    'Workbook p. {p}, ex. 1–4',
    'Написать 8 предложений по теме урока',
  ],
  history: [
    '§ {n}, вопросы 1–4 на с. {p}',
    '§ {n}, заполнить таблицу в тетради',
    '§ {n}, выучить даты',
  ],
  biology: [
    '§ {n}, зарисовать схему в тетради',
    '§ {n}, вопросы на с. {p}',
    '§ {n}, подготовить сообщение',
  ],
  geography: ['§ {n}, контурная карта', '§ {n}, вопросы 1–3', '§ {n}, найти объекты на карте'],
  physics: [
    '§ {n}, упр. {a} (1–3)',
    '§ {n}, задачи {a}, {b}',
    'Повторить § {n}, подготовиться к лабораторной',
  ],
  informatics: [
    '§ {n}, задание {a} в тетради',
    '§ {n}, вопросы 1–5',
    'Составить алгоритм к заданию {a}',
  ],
};

/** Teachers' comments by mark value. */
export const COMMENTS: Record<number, readonly string[]> = {
  2: ['Не выполнено домашнее задание', 'Много ошибок — нужно повторить правило'],
  3: ['Ошибки в вычислениях', 'Невнимательность', 'Неполный ответ'],
  4: ['Хороший ответ, есть недочёты', 'Одна ошибка'],
  5: ['Отличная работа!', 'Молодец!', 'Образцовое оформление'],
};

/** Reasons given for excused absences. */
export const ABSENCE_REASONS = [
  'Соревнования',
  'Семейные обстоятельства',
  'Визит к врачу',
  'Олимпиада',
];

/**
 * Substitutions: class, day (a date, or days after the Monday of the current week), lesson number,
 * substitute teacher, subject when it changes, reason and room when it changes.
 */
export const SUBSTITUTIONS: readonly (readonly [
  classId: string,
  day: string | number,
  lesson: number,
  teacher: string,
  subject: string | null,
  reason: string,
  room: string | null,
])[] = [
  [C.c5a.id, '2026-10-14', 2, 'usr_teacher_history', null, 'Болезнь учителя', '214'],
  [
    C.c8b.id,
    '2026-11-12',
    4,
    U.teacherMath.id,
    'sub_42_algebra',
    'Курсы повышения квалификации',
    null,
  ],
  [C.c7v.id, '2026-09-23', 3, 'usr_teacher_17_history', null, 'Болезнь учителя', null],
  [C.c5a.id, 3, 2, 'usr_teacher_literature', null, 'Курсы повышения квалификации', '207'],
  [C.c8b.id, 4, 1, U.teacherMath.id, 'sub_42_algebra', 'Болезнь учителя', null],
  [C.c7v.id, 1, 4, 'usr_teacher_17_history', 'sub_17_history', 'Болезнь учителя', '15'],
  // Thursday of the week before and Tuesday of the week after: whatever day it is in Moscow, the
  // last 30 days (the schedule's history) and the next week each hold a substitution of 5А.
  [C.c5a.id, -4, 3, 'usr_teacher_history', null, 'Болезнь учителя', null],
  [C.c5a.id, 8, 2, 'usr_teacher_literature', null, 'Курсы повышения квалификации', '207'],
];
