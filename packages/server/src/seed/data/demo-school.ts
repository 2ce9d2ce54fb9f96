import { DEMO } from './demo-world';

// The people, classes and links of the demo world's two schools, as rows without their
// timestamps (the loader stamps them with the seed's clock).

const U = DEMO.users;
const C = DEMO.classes;
const ch = DEMO.children;

/** A demo account: the identity, surname, name, patronymic, school, identity status, contact hours. */
export type DemoPerson = readonly [
  account: { readonly id: string; readonly phone: string; readonly role: string },
  lastName: string,
  firstName: string,
  middleName: string | null,
  schoolId: string | null,
  identity?: string,
  contactHours?: string,
];

/** Every demo account (the password of each is `DEMO_PASSWORD`). */
export const PEOPLE: readonly DemoPerson[] = [
  [U.parentIvanova, 'Иванова', 'Елена', 'Сергеевна', null, 'confirmed_in_person'],
  [U.parentPetrov, 'Петров', 'Андрей', 'Викторович', null],
  [U.parentNew, 'Соколова', 'Ольга', 'Игоревна', null, 'unconfirmed'],
  [U.admin42, 'Кириллова', 'Наталья', 'Петровна', 'sch_42'],
  [U.teacherMath, 'Орлов', 'Сергей', 'Николаевич', 'sch_42', 'confirmed_sms', 'Пн, Ср 15:00–17:00'],
  [
    U.teacherRussian,
    'Белова',
    'Ирина',
    'Александровна',
    'sch_42',
    'confirmed_sms',
    'Вт, Чт 14:30–16:00',
  ],
  [U.teacherPhysics, 'Зайцев', 'Павел', 'Олегович', 'sch_42', 'confirmed_sms', 'Пт 15:00–16:30'],
  [U.admin17, 'Громова', 'Татьяна', 'Юрьевна', 'sch_17'],
  [U.teacherLyceum, 'Никитин', 'Олег', 'Борисович', 'sch_17', 'confirmed_sms', 'Пн–Пт 16:00–17:00'],
  [U.studentMaria, 'Иванова', 'Мария', 'Андреевна', null],
];

/** Subjects of Школа № 42: id, name, short name. */
export const SUBJECTS_42 = [
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
/** Subjects of Лицей № 17. */
export const SUBJECTS_17 = [
  ['sub_17_math', 'Математика', 'Матем.'],
  ['sub_17_physics', 'Физика', 'Физ.'],
  ['sub_17_russian', 'Русский язык', 'Рус. яз.'],
] as const;

/** The classes of the two schools. */
export const CLASSES = [
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
] as const;

/** Who teaches what in which class. */
export const TEACHING = [
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
] as const;

/** The schools' class lists: the demo children and one pupil not yet linked to any child. */
export const ROSTER = [
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
] as const;

/** The classes whose rosters get 22 generated classmates each, born in `year`. */
export const CLASSMATES = [
  { classId: C.c5a.id, schoolId: 'sch_42', year: 2015, rosterPrefix: 'R42-5A' },
  { classId: C.c8b.id, schoolId: 'sch_42', year: 2012, rosterPrefix: 'R42-8B' },
  { classId: C.c7v.id, schoolId: 'sch_17', year: 2013, rosterPrefix: 'R17-7V' },
] as const;

/** The demo families' children. */
export const CHILDREN = [
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
  },
] as const;

/** Which parent is a guardian of which child. */
export const GUARDIANS = [
  { parent_id: U.parentIvanova.id, child_id: ch.maria.id },
  { parent_id: U.parentIvanova.id, child_id: ch.petr.id },
  { parent_id: U.parentPetrov.id, child_id: ch.alexander.id },
] as const;

/** The children linked to their school's roster. */
export const SCHOOL_LINKS = [
  {
    id: 'lnk_maria',
    child_id: ch.maria.id,
    school_id: 'sch_42',
    class_id: C.c5a.id,
    roster_id: 'R42-5A-01',
  },
  {
    id: 'lnk_petr',
    child_id: ch.petr.id,
    school_id: 'sch_42',
    class_id: C.c8b.id,
    roster_id: 'R42-8B-01',
  },
  {
    id: 'lnk_alexander',
    child_id: ch.alexander.id,
    school_id: 'sch_17',
    class_id: C.c7v.id,
    roster_id: 'R17-7V-01',
  },
] as const;

/** The applications to connect each child to the diary, with the statuses they went through. */
export const APPLICATIONS = [
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
] as const;
