import type {
  AbsenceNotice,
  AuditEntry,
  NewsItem,
  Application,
  Attachment,
  Attendance,
  Child,
  FinalMark,
  GuardianClaim,
  Homework,
  Lesson,
  Mark,
  MarkValue,
  Message,
  Notification,
  NotificationSettings,
  PlannedAssessment,
  PortfolioItem,
  School,
  SchoolLink,
  SchoolYearInfo,
  Teacher,
  Thread,
  Threshold,
  Ticket,
  User,
  WorkKind,
} from '@school-diary/core';
import { demoAssessments } from './assessment-fixtures';
import type { MemoryHistoryEntry } from './memory-child-history';

/**
 * The data a memory client serves; every entity has the shape core's schemas give it.
 *
 * @example
 * const fixtures: MemoryFixtures = demoFixtures();
 * fixtures.children.pop(); // a family with one child
 * const client = createMemoryClient({ fixtures });
 */
export interface MemoryFixtures {
  readonly users: User[];
  readonly children: Child[];
  /** Which parent (or student account) sees which children. */
  readonly family: { readonly userId: string; readonly childId: string }[];
  readonly teachers: Teacher[];
  readonly schoolYears: SchoolYearInfo[];
  readonly marks: Mark[];
  readonly finalMarks: FinalMark[];
  readonly lessons: Lesson[];
  readonly homework: Homework[];
  /** Homework a child's family ticked «сделано» (`homework.setDone`). */
  readonly homeworkDone: { readonly childId: string; readonly homeworkId: string }[];
  readonly attendance: Attendance[];
  /** School news and events. */
  readonly news: NewsItem[];
  /** Absences parents reported ahead. */
  readonly absenceNotices: AbsenceNotice[];
  /** Tests and exams teachers planned. */
  readonly assessments: PlannedAssessment[];
  readonly threads: Thread[];
  readonly messages: Message[];
  readonly notifications: (Notification & { readonly userId: string })[];
  /** Notification settings a user changed, by user id (others have core's defaults). */
  readonly notificationSettings: Record<string, NotificationSettings>;
  /** The school registry (`schools.search`, and the school codes children are linked by). */
  readonly schools: School[];
  /** Schools' student rosters: a link needs a roster id whose name and birth date match. */
  readonly roster: RosterEntry[];
  readonly schoolLinks: SchoolLink[];
  readonly applications: Application[];
  /** Support tickets with their conversations. */
  readonly tickets: Ticket[];
  /** Children's portfolio items with their files' descriptions and teachers' comments. */
  readonly portfolio: PortfolioItem[];
  /** Earlier changes of children's cards (`children.history`); the client adds its own. */
  readonly childHistory?: readonly MemoryHistoryEntry[];
  /** Each school's audit log (`audit.list`), by the school it belongs to. */
  readonly auditLog?: readonly (AuditEntry & { readonly schoolId: string })[];
  /** Uploaded files (their descriptions; the bytes are not kept), by the uploader. */
  readonly uploads: (Attachment & { readonly ownerId: string; attached: boolean })[];
  readonly thresholds: Threshold[];
  /** Marks of the previous school year, for `grades.comparison` (not listed by `grades.list`). */
  readonly previousYearMarks: Mark[];
  /** Users' SNILS as on file, by user id: `admin.findUser` and the in-person check match it. */
  readonly snils?: Record<string, string>;
  /** Second guardians' claims to children (`admin.guardianClaims`, `admin.approveGuardian`). */
  readonly guardianClaims?: GuardianClaim[];
}

/**
 * A student of a school's roster, as the school entered them; a parent links a child to it.
 *
 * @example
 * const entry: RosterEntry = { schoolId: 'sch_42', rosterId: 'R42-5A-99', lastName: 'Смирнова',
 *   firstName: 'Анна', birthDate: '2015-03-14', classId: 'cls_42_5a', className: '5А' };
 */
export interface RosterEntry {
  readonly schoolId: string;
  readonly rosterId: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: string;
  readonly classId: string;
  readonly className: string;
}

const CREATED = '2026-08-25T09:00:00.000Z';

const user = (
  id: string,
  role: User['role'],
  phone: string,
  [lastName, firstName, middleName]: [string, string, string],
  schoolId?: string,
): User => ({
  id,
  role,
  phone,
  lastName,
  firstName,
  middleName,
  ...(schoolId ? { schoolId } : {}),
  identityStatus: 'confirmed_sms',
  createdAt: CREATED,
});

interface SubjectPlan {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly teacher: { readonly id: string; readonly name: string };
  readonly room: string;
}

const ORLOV = { id: 'usr_teacher_math', name: 'Орлов С. Н.' };
const BELOVA = { id: 'usr_teacher_russian', name: 'Белова И. А.' };
const SOKOLOVA = { id: 'usr_teacher_biology', name: 'Соколова А. П.' };
const KUZNETSOVA = { id: 'usr_teacher_english', name: 'Кузнецова М. В.' };

const SUBJECTS_5A: readonly SubjectPlan[] = [
  { id: 'sub_42_math', name: 'Математика', shortName: 'Матем.', teacher: ORLOV, room: '204' },
  {
    id: 'sub_42_russian',
    name: 'Русский язык',
    shortName: 'Рус. яз.',
    teacher: BELOVA,
    room: '112',
  },
  { id: 'sub_42_literature', name: 'Литература', shortName: 'Лит.', teacher: BELOVA, room: '112' },
  {
    id: 'sub_42_english',
    name: 'Английский язык',
    shortName: 'Англ.',
    teacher: KUZNETSOVA,
    room: '305',
  },
  { id: 'sub_42_biology', name: 'Биология', shortName: 'Биол.', teacher: SOKOLOVA, room: '210' },
];

const KINDS: readonly WorkKind[] = ['classwork', 'homework', 'oral', 'test', 'dictation', 'quiz'];
const WEIGHTS: Record<WorkKind, number> = {
  classwork: 1,
  homework: 1,
  oral: 1,
  test: 3,
  dictation: 2,
  quiz: 2,
  project: 2,
  lab: 1.5,
  essay: 2,
  exam: 3,
};
const COMMENTS = ['Ответ у доски', 'Аккуратно оформлено', 'Ошибки в вычислениях', 'Молодец!'];

/** A deterministic sequence in [0, 1): the same fixtures on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** School days (Monday–Friday) from `from` to `to`, inclusive. */
function schoolDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`);) {
    const weekday = d.getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return days;
}

const periodOf = (date: string) => (date <= '2026-10-26' ? 'per_42_2026_q1' : 'per_42_2026_q2');

const THIS_YEAR = { from: '2026-09-02', to: '2026-11-27', prefix: 'mrk_mem' } as const;
const PREVIOUS_YEAR = { from: '2025-09-01', to: '2025-12-26', prefix: 'mrk_mem_2025' } as const;

function marksOf(
  childId: string,
  seed: number,
  values: readonly MarkValue[],
  year: { from: string; to: string; prefix: string } = THIS_YEAR,
): Mark[] {
  const random = sequence(seed);
  const marks: Mark[] = [];
  for (const date of schoolDays(year.from, year.to)) {
    if (date >= '2026-10-27' && date <= '2026-11-04') continue; // autumn holidays
    for (const subject of SUBJECTS_5A) {
      if (random() > 0.18) continue;
      const kind = KINDS[Math.floor(random() * KINDS.length)] ?? 'classwork';
      const value = values[Math.floor(random() * values.length)] ?? 4;
      const at = `${date}T11:${String(10 + (marks.length % 50)).padStart(2, '0')}:00.000Z`;
      marks.push({
        id: `${year.prefix}_${childId}_${marks.length + 1}`,
        childId,
        subjectId: subject.id,
        subjectName: subject.name,
        value,
        weight: WEIGHTS[kind],
        kind,
        date,
        ...(random() < 0.2 ? { comment: COMMENTS[Math.floor(random() * COMMENTS.length)] } : {}),
        teacherId: subject.teacher.id,
        teacherName: subject.teacher.name,
        ...(year === THIS_YEAR ? { periodId: periodOf(date) } : {}),
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return marks;
}

/** The timetable of 5 А in the week of 23–27 November 2026, with a substitution on Wednesday. */
function weekLessons(): Lesson[] {
  const times = [
    ['08:30', '09:15'],
    ['09:25', '10:10'],
    ['10:30', '11:15'],
    ['11:35', '12:20'],
    ['12:30', '13:15'],
  ] as const;
  const lessons: Lesson[] = [];
  schoolDays('2026-11-23', '2026-11-27').forEach((date, day) => {
    times.forEach(([startTime, endTime], index) => {
      const subject = SUBJECTS_5A[(day + index) % SUBJECTS_5A.length] as SubjectPlan;
      const id = `les_mem_5a_${date.replaceAll('-', '')}_${index + 1}`;
      const substituted = date === '2026-11-25' && index === 2;
      lessons.push({
        id,
        classId: 'cls_42_5a',
        date,
        number: index + 1,
        startTime,
        endTime,
        subjectId: subject.id,
        subjectName: subject.name,
        teacherId: subject.teacher.id,
        teacherName: subject.teacher.name,
        room: subject.room,
        ...(substituted
          ? {
              substitution: {
                id: 'sbs_mem_1',
                lessonId: id,
                classId: 'cls_42_5a',
                date,
                lessonNumber: index + 1,
                originalTeacherId: subject.teacher.id,
                originalTeacherName: subject.teacher.name,
                substituteTeacherId: ORLOV.id,
                substituteTeacherName: ORLOV.name,
                originalSubjectName: subject.name,
                subjectId: 'sub_42_math',
                subjectName: 'Математика',
                reason: 'Учитель на курсах повышения квалификации',
                room: '204',
                createdAt: '2026-11-24T07:30:00.000Z',
              },
            }
          : {}),
        homework: [],
      });
    });
  });
  return lessons;
}

/**
 * Fresh demo data modelled on the reference server's demo world (the same ids for the family, the
 * children, 5 А and the maths thread, so a story and the demo server agree): the parent
 * Иванова Елена (+7 999 000-00-01) with Мария (5 А) and Пётр (8 Б) at Школа № 42, their teachers,
 * autumn marks, a week's timetable with a substitution, homework, attendance, a conversation with
 * the maths teacher and a few notifications.
 *
 * @example
 * const fixtures = demoFixtures();
 * fixtures.marks.push({ ...fixtures.marks[0], id: 'mrk_extra', value: 2 });
 * const client = createMemoryClient({ fixtures });
 */
export function demoFixtures(): MemoryFixtures {
  const lessons = weekLessons();
  const homework: Homework[] = lessons
    .filter((l) => l.number <= 3)
    .map((lesson, i) => ({
      id: `hwk_mem_${i + 1}`,
      lessonId: lesson.id,
      classId: lesson.classId,
      subjectId: lesson.subjectId,
      subjectName: lesson.subjectName,
      teacherId: lesson.teacherId,
      text: [
        '§ 12, упр. 3–5',
        'Выучить стихотворение наизусть',
        'Задачи № 214, 215',
        'Workbook p. 31',
      ][i % 4] as string,
      assignedDate: lesson.date,
      dueDate:
        lessons.find((l) => l.subjectId === lesson.subjectId && l.date > lesson.date)?.date ??
        lesson.date,
      attachments: [],
    }));
  for (const lesson of lessons)
    lesson.homework.push(...homework.filter((h) => h.lessonId === lesson.id));

  const maria: Mark[] = marksOf('chd_maria', 42, [5, 5, 4, 4, 4, 3, 5, 'pass']);
  const mariaLastYear: Mark[] = marksOf('chd_maria', 41, [5, 4, 4, 3, 4, 3], PREVIOUS_YEAR);
  const petr: Mark[] = marksOf('chd_petr', 7, [3, 4, 4, 3, 5, 2, 4]);
  return {
    users: [
      user('usr_parent_ivanova', 'parent', '+79990000001', ['Иванова', 'Елена', 'Сергеевна']),
      user(
        'usr_student_maria',
        'student',
        '+79990000031',
        ['Иванова', 'Мария', 'Андреевна'],
        'sch_42',
      ),
      user(
        'usr_teacher_math',
        'teacher',
        '+79990000011',
        ['Орлов', 'Сергей', 'Николаевич'],
        'sch_42',
      ),
      user(
        'usr_teacher_russian',
        'teacher',
        '+79990000012',
        ['Белова', 'Ирина', 'Александровна'],
        'sch_42',
      ),
      user(
        'usr_admin_42',
        'school_admin',
        '+79990000010',
        ['Кириллова', 'Наталья', 'Петровна'],
        'sch_42',
      ),
      // Мария's father: registered, identity not confirmed yet, claiming her as second guardian.
      {
        ...user('usr_parent_ivanov', 'parent', '+79990000004', ['Иванов', 'Андрей', 'Павлович']),
        identityStatus: 'unconfirmed',
      },
    ],
    children: [
      {
        id: 'chd_maria',
        lastName: 'Иванова',
        firstName: 'Мария',
        middleName: 'Андреевна',
        birthDate: '2015-05-12',
        sex: 'female',
        status: 'confirmed',
        classId: 'cls_42_5a',
        schoolId: 'sch_42',
        createdAt: CREATED,
      },
      {
        id: 'chd_petr',
        lastName: 'Иванов',
        firstName: 'Пётр',
        middleName: 'Андреевич',
        birthDate: '2012-09-03',
        sex: 'male',
        status: 'confirmed',
        classId: 'cls_42_8b',
        schoolId: 'sch_42',
        createdAt: CREATED,
      },
    ],
    family: [
      { userId: 'usr_parent_ivanova', childId: 'chd_maria' },
      { userId: 'usr_parent_ivanova', childId: 'chd_petr' },
      { userId: 'usr_student_maria', childId: 'chd_maria' },
    ],
    teachers: [ORLOV, BELOVA, SOKOLOVA, KUZNETSOVA].map((t) => {
      const [lastName = '', initials = ''] = t.name.split(' ');
      return {
        id: t.id,
        lastName,
        firstName: initials,
        subjects: SUBJECTS_5A.filter((s) => s.teacher.id === t.id).map((s) => ({
          id: s.id,
          name: s.name,
          shortName: s.shortName,
        })),
        contactHours: 'Пн–Пт 15:00–17:00',
      };
    }),
    schoolYears: [
      {
        id: 'sy_42_2026',
        schoolId: 'sch_42',
        name: '2026/2027',
        startDate: '2026-09-01',
        endDate: '2027-05-31',
        periodKind: 'quarter',
        periods: [
          {
            id: 'per_42_2026_q1',
            kind: 'quarter',
            number: 1,
            name: 'I четверть',
            startDate: '2026-09-01',
            endDate: '2026-10-26',
          },
          {
            id: 'per_42_2026_q2',
            kind: 'quarter',
            number: 2,
            name: 'II четверть',
            startDate: '2026-11-05',
            endDate: '2026-12-28',
          },
          {
            id: 'per_42_2026_q3',
            kind: 'quarter',
            number: 3,
            name: 'III четверть',
            startDate: '2027-01-12',
            endDate: '2027-03-22',
          },
          {
            id: 'per_42_2026_q4',
            kind: 'quarter',
            number: 4,
            name: 'IV четверть',
            startDate: '2027-04-01',
            endDate: '2027-05-31',
          },
        ],
      },
    ],
    marks: [...maria, ...petr],
    finalMarks: SUBJECTS_5A.map((s, i) => ({
      id: `fmk_mem_maria_${i + 1}`,
      childId: 'chd_maria',
      subjectId: s.id,
      subjectName: s.name,
      periodId: 'per_42_2026_q1',
      value: i === 2 ? 4 : 5,
      teacherId: s.teacher.id,
      updatedAt: '2026-10-26T15:00:00.000Z',
    })),
    lessons,
    homework,
    homeworkDone: [{ childId: 'chd_maria', homeworkId: 'hwk_mem_1' }],
    attendance: lessons.slice(0, 15).map((lesson, i) => ({
      id: `att_mem_${i + 1}`,
      childId: 'chd_maria',
      lessonId: lesson.id,
      date: lesson.date,
      lessonNumber: lesson.number,
      subjectId: lesson.subjectId,
      subjectName: lesson.subjectName,
      ...(i === 6
        ? { status: 'ill' as const, reason: 'ОРВИ, справка от врача' }
        : i === 11
          ? { status: 'late' as const, minutesLate: 10 }
          : { status: 'present' as const }),
    })),
    threads: [
      {
        id: 'thr_demo_maria_math',
        childId: 'chd_maria',
        teacherId: ORLOV.id,
        teacherName: 'Орлов Сергей Николаевич',
        participantId: 'usr_parent_ivanova',
        participantName: 'Иванова Елена Сергеевна',
        subjectId: 'sub_42_math',
        subjectName: 'Математика',
        title: 'Контрольная по дробям',
        createdAt: '2026-11-20T16:02:00.000Z',
        lastMessageAt: '2026-11-21T08:15:00.000Z',
        lastMessagePreview: 'Да, конечно. Приходите в четверг после шестого урока.',
        unreadCount: 1,
      },
    ],
    messages: [
      {
        id: 'msg_mem_1',
        threadId: 'thr_demo_maria_math',
        authorId: 'usr_parent_ivanova',
        authorName: 'Иванова Елена Сергеевна',
        authorRole: 'parent',
        text: 'Сергей Николаевич, добрый день! Можно Маше переписать контрольную по дробям?',
        attachments: [],
        sentAt: '2026-11-20T16:02:00.000Z',
        readBy: [{ userId: ORLOV.id, readAt: '2026-11-21T08:10:00.000Z' }],
      },
      {
        id: 'msg_mem_2',
        threadId: 'thr_demo_maria_math',
        authorId: ORLOV.id,
        authorName: 'Орлов Сергей Николаевич',
        authorRole: 'teacher',
        text: 'Да, конечно. Приходите в четверг после шестого урока.',
        attachments: [],
        sentAt: '2026-11-21T08:15:00.000Z',
        readBy: [],
      },
    ],
    notifications: [
      {
        userId: 'usr_parent_ivanova',
        id: 'ntf_mem_1',
        kind: 'substitution',
        title: 'Замена урока 25 ноября',
        body: '5 А, 3-й урок: вместо литературы — математика, каб. 204.',
        childId: 'chd_maria',
        targetId: 'sbs_mem_1',
        createdAt: '2026-11-24T07:30:00.000Z',
      },
      {
        userId: 'usr_parent_ivanova',
        id: 'ntf_mem_2',
        kind: 'message',
        title: 'Новое сообщение',
        body: 'Орлов Сергей Николаевич: Да, конечно. Приходите в четверг…',
        childId: 'chd_maria',
        targetId: 'thr_demo_maria_math',
        createdAt: '2026-11-21T08:15:00.000Z',
      },
    ],
    schools: [
      school('sch_42', '770042', 'Школа № 42', 'ГБОУ «Школа № 42»', true, ['математический']),
      school('sch_17', '770017', 'Лицей № 17', 'ГБОУ «Лицей № 17»', true, [
        'физико-математический',
      ]),
      school('sch_108', '770108', 'Школа № 108', 'ГБОУ «Школа № 108»', false, []),
    ],
    roster: [
      {
        schoolId: 'sch_42',
        rosterId: 'R42-5A-99',
        lastName: 'Смирнова',
        firstName: 'Анна',
        birthDate: '2015-03-14',
        classId: 'cls_42_5a',
        className: '5А',
      },
    ],
    schoolLinks: [
      link('scl_mem_maria', 'chd_maria', 'cls_42_5a', '5А', 'R42-5A-01'),
      link('scl_mem_petr', 'chd_petr', 'cls_42_8b', '8Б', 'R42-8B-07'),
    ],
    applications: [],
    tickets: [],
    absenceNotices: [],
    assessments: demoAssessments(lessons),
    news: demoNews(),
    auditLog: demoAuditLog(),
    childHistory: [
      {
        id: 'aud_mem_card_1',
        at: '2026-09-02T16:20:00.000Z',
        childId: 'chd_maria',
        action: 'updated',
        fields: ['snils', 'birthCertificate'],
        actorName: 'Иванова Елена Сергеевна',
        actorRole: 'parent',
      },
    ],
    portfolio: [
      {
        id: 'pfl_mem_diploma',
        childId: 'chd_maria',
        kind: 'diploma',
        title: 'Диплом II степени, конкурс чтецов «Живое слово»',
        date: '2026-10-15',
        subjectId: 'sub_42_literature',
        periodId: 'per_42_2026_q1',
        level: 'municipal',
        attachment: {
          id: 'att_mem_diploma',
          name: 'Диплом.pdf',
          size: 182_044,
          contentType: 'application/pdf',
        },
        comments: [
          {
            id: 'pcm_mem_1',
            authorId: 'usr_teacher_russian',
            authorName: 'Белова Ирина Александровна',
            text: 'Мария прекрасно прочитала Пушкина — поздравляю!',
            createdAt: '2026-10-16T09:00:00.000Z',
          },
        ],
        createdBy: 'usr_parent_ivanova',
        createdAt: '2026-10-15T15:00:00.000Z',
      },
      {
        id: 'pfl_mem_project',
        childId: 'chd_maria',
        kind: 'project',
        title: 'Проект «Дроби вокруг нас»',
        description: 'Презентация о дробях в рецептах и на карте.',
        date: '2026-11-12',
        subjectId: 'sub_42_math',
        periodId: 'per_42_2026_q2',
        level: 'school',
        comments: [],
        createdBy: 'usr_parent_ivanova',
        createdAt: '2026-11-12T15:00:00.000Z',
      },
    ],
    uploads: [],
    thresholds: [
      { id: 'thr_mem_maria_all', childId: 'chd_maria', threshold: 3.5 },
      { id: 'thr_mem_maria_math', childId: 'chd_maria', subjectId: 'sub_42_math', threshold: 4 },
    ],
    previousYearMarks: mariaLastYear,
    snils: { usr_parent_ivanova: '123-456-789 64', usr_parent_ivanov: '112-233-445 95' },
    guardianClaims: [
      {
        id: 'gcl_maria_ivanov',
        childId: 'chd_maria',
        childName: 'Иванова Мария Андреевна',
        parentId: 'usr_parent_ivanov',
        parentName: 'Иванов Андрей Павлович',
        parentPhone: '+79990000004',
        status: 'pending',
        createdAt: '2026-09-02T09:00:00.000Z',
      },
    ],
    notificationSettings: {},
  };
}

function school(
  id: string,
  code: string,
  shortName: string,
  name: string,
  diaryConnected: boolean,
  profiles: string[],
): School {
  return {
    id,
    code,
    name,
    shortName,
    region: 'Москва',
    address: `Москва, ул. Школьная, д. ${code.slice(-2)}`,
    levels: ['primary', 'basic', 'secondary'],
    profiles,
    diaryConnected,
    timeZone: 'Europe/Moscow',
    requiresSnils: false,
  };
}

function link(
  id: string,
  childId: string,
  classId: string,
  className: string,
  rosterId: string,
): SchoolLink {
  return {
    id,
    childId,
    schoolId: 'sch_42',
    schoolName: 'Школа № 42',
    classId,
    className,
    rosterId,
    linkedAt: CREATED,
  };
}

const STAGE_SVG =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 160 90'%3E%3Crect width='160' height='90' fill='%23163a5f'/%3E%3Cpath d='M80 12 60 70h40z' fill='%232e7d32'/%3E%3Crect y='72' width='160' height='18' fill='%238d6e63'/%3E%3C/svg%3E";

/** Школа № 42's news and events: holidays, a parents' meeting, a concert with a picture. */
function demoNews(): NewsItem[] {
  const item = (n: Partial<NewsItem> & Pick<NewsItem, 'id' | 'title' | 'body' | 'publishedAt'>) =>
    ({ schoolId: 'sch_42', kind: 'news', ...n }) as NewsItem;
  return [
    item({
      id: 'nws_mem_concert',
      kind: 'event',
      title: 'Новогодний концерт',
      body: 'Ученики начальной и средней школы покажут новогоднюю программу. Вход по записи у классных руководителей.',
      publishedAt: '2026-11-23T12:00:00.000Z',
      eventDate: '2026-12-22',
      startTime: '17:00',
      location: 'Актовый зал',
      image: { url: STAGE_SVG, alt: 'Сцена актового зала с ёлкой' },
    }),
    item({
      id: 'nws_mem_meeting',
      kind: 'event',
      title: 'Родительское собрание 5-х классов',
      body: 'Обсудим адаптацию к средней школе, питание и экскурсии.',
      publishedAt: '2026-11-22T09:00:00.000Z',
      eventDate: '2026-11-27',
      startTime: '18:30',
      endTime: '19:30',
      location: 'Кабинет 105',
    }),
    item({
      id: 'nws_mem_math',
      title: 'Неделя математики',
      body: 'Олимпиада для 5–11 классов, математический бой и конкурс стенгазет.',
      publishedAt: '2026-11-21T09:00:00.000Z',
    }),
    item({
      id: 'nws_mem_holidays',
      title: 'Зимние каникулы',
      body: 'Зимние каникулы продлятся с 29 декабря по 11 января.',
      publishedAt: '2026-11-18T09:00:00.000Z',
    }),
  ];
}

/** A week of Школа № 42's audit log: sign-ins, a refused one, the setup and a mark corrected. */
function demoAuditLog(): (AuditEntry & { readonly schoolId: string })[] {
  const entry = (
    id: string,
    at: string,
    action: AuditEntry['action'],
    outcome: AuditEntry['outcome'],
    actor?: { readonly id: string; readonly role: AuditEntry['actorRole'] },
    target?: string,
  ): AuditEntry & { readonly schoolId: string } => ({
    id,
    schoolId: 'sch_42',
    at,
    action,
    ip: '192.0.2.10',
    outcome,
    ...(actor ? { actorId: actor.id, actorRole: actor.role } : {}),
    ...(target ? { target } : {}),
  });
  const admin = { id: 'usr_admin_42', role: 'school_admin' } as const;
  const teacher = { id: 'usr_teacher_math', role: 'teacher' } as const;
  return [
    entry('aud_mem_1', '2026-11-16T06:05:00.000Z', 'auth.login', 'success', admin),
    entry(
      'aud_mem_2',
      '2026-11-16T06:20:00.000Z',
      'setup.school_created',
      'success',
      admin,
      'sch_42',
    ),
    entry(
      'aud_mem_3',
      '2026-11-17T07:45:00.000Z',
      'auth.login',
      'failure',
      undefined,
      '+79990000003',
    ),
    entry('aud_mem_4', '2026-11-18T08:10:00.000Z', 'auth.login', 'success', teacher),
    entry(
      'aud_mem_5',
      '2026-11-18T08:30:00.000Z',
      'marks.update',
      'success',
      teacher,
      'mrk_maria_1',
    ),
    entry('aud_mem_6', '2026-11-19T09:00:00.000Z', 'auth.phone_change_start', 'denied', teacher),
    entry('aud_mem_7', '2026-11-20T10:15:00.000Z', 'news.publish', 'success', admin, 'nws_concert'),
    entry('aud_mem_8', '2026-11-23T05:55:00.000Z', 'auth.logout', 'success', admin),
  ];
}
