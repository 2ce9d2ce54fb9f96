/**
 * The demo world's fixed identities. Tests and the README refer to these; every demo account's
 * password is {@link DEMO_PASSWORD}.
 */
export const DEMO_PASSWORD = 'school-diary-demo';

export const DEMO = {
  schools: {
    school42: { id: 'sch_42', code: '770042', name: 'Школа № 42' },
    lyceum17: { id: 'sch_17', code: '770017', name: 'Лицей № 17' },
  },
  users: {
    /** Иванова Елена Сергеевна — two children: Мария (5А) and Пётр (8Б), both at Школа № 42. */
    parentIvanova: {
      id: 'usr_parent_ivanova',
      phone: '+79990000001',
      role: 'parent',
      snils: '123-456-789 64',
    },
    /** Петров Андрей Викторович — one child: Александр (7В) at Лицей № 17. */
    parentPetrov: {
      id: 'usr_parent_petrov',
      phone: '+79990000002',
      role: 'parent',
      snils: '234-567-891 00',
    },
    /** A parent who registered but has no children yet and an unconfirmed identity. */
    parentNew: {
      id: 'usr_parent_new',
      phone: '+79990000003',
      role: 'parent',
      snils: '345-678-912 26',
    },
    admin42: { id: 'usr_admin_42', phone: '+79990000010', role: 'school_admin' },
    /** Математика 5А, 8Б. */
    teacherMath: { id: 'usr_teacher_math', phone: '+79990000011', role: 'teacher' },
    /** Русский язык и литература 5А. */
    teacherRussian: { id: 'usr_teacher_russian', phone: '+79990000012', role: 'teacher' },
    /** Физика 8Б, информатика 8Б. */
    teacherPhysics: { id: 'usr_teacher_physics', phone: '+79990000013', role: 'teacher' },
    admin17: { id: 'usr_admin_17', phone: '+79990000020', role: 'school_admin' },
    /** Математика 7В at Лицей № 17. */
    teacherLyceum: { id: 'usr_teacher_lyceum', phone: '+79990000021', role: 'teacher' },
    /** Мария Иванова's own student account. */
    studentMaria: { id: 'usr_student_maria', phone: '+79990000031', role: 'student' },
  },
  children: {
    maria: { id: 'chd_maria', classId: 'cls_42_5a', schoolId: 'sch_42' },
    petr: { id: 'chd_petr', classId: 'cls_42_8b', schoolId: 'sch_42' },
    alexander: { id: 'chd_alexander', classId: 'cls_17_7v', schoolId: 'sch_17' },
  },
  classes: {
    c5a: { id: 'cls_42_5a', name: '5А', schoolId: 'sch_42' },
    c8b: { id: 'cls_42_8b', name: '8Б', schoolId: 'sch_42' },
    c7v: { id: 'cls_17_7v', name: '7В', schoolId: 'sch_17' },
  },
  /** A roster entry of Школа № 42 not yet linked to any child: for the link flow. */
  unlinkedRoster: {
    schoolCode: '770042',
    rosterId: 'R42-5A-99',
    lastName: 'Смирнова',
    firstName: 'Анна',
    birthDate: '2015-03-14',
    classId: 'cls_42_5a',
    /** The record the school made of her from its roster. */
    recordId: 'chd_roster_anna',
  },
  schoolYear: '2026/2027',
} as const;
