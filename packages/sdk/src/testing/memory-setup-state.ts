import type {
  Bell,
  FinalMarkRounding,
  Holiday,
  RosterEntry as SetupRosterEntry,
  SchoolClass,
  SchoolYearRecord,
  Subject,
  TeachingAssignment,
  TimetableTemplate,
  User,
} from '@school-diary/core';
import { signedIn, type MemoryRequest } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** A school's own data as its admins run it in the memory client. */
export interface SetupState {
  readonly classes: SchoolClass[];
  readonly subjects: (Subject & { readonly schoolId: string })[];
  readonly teaching: TeachingAssignment[];
  readonly roster: (SetupRosterEntry & { middleName?: string })[];
  readonly holidays: Map<string, Holiday[]>;
  readonly bells: Map<string, Bell[]>;
  readonly rounding: Map<string, FinalMarkRounding>;
  readonly templates: Map<string, TimetableTemplate>;
}

const states = new WeakMap<MemoryDiary, SetupState>();

/** The grade of a class name: `5А` → 5 (1 when the name has no number). */
const gradeOf = (name: string) => Number(/^\d+/.exec(name)?.[0] ?? 1);

/**
 * The setup state of a memory diary, made on first use from its fixtures: the classes, subjects,
 * roster, bells and teaching the timetable, links and children already imply.
 */
export function setupState(diary: MemoryDiary): SetupState {
  const known = states.get(diary);
  if (known) return known;
  const d = diary.data;
  const schoolOfClass = new Map<string, { schoolId: string; name: string }>();
  for (const l of d.schoolLinks)
    schoolOfClass.set(l.classId, { schoolId: l.schoolId, name: l.className });
  for (const r of d.roster)
    schoolOfClass.set(r.classId, { schoolId: r.schoolId, name: r.className });
  const yearOf = (schoolId: string) =>
    d.schoolYears.find((y) => y.schoolId === schoolId)?.name ?? '2026/2027';
  const classes: SchoolClass[] = [...schoolOfClass.entries()].map(([id, c]) => ({
    id,
    schoolId: c.schoolId,
    name: c.name,
    grade: gradeOf(c.name),
    schoolYear: yearOf(c.schoolId),
  }));
  const subjects = new Map<string, Subject & { schoolId: string }>();
  const teaching = new Map<string, TeachingAssignment>();
  for (const t of d.teachers) {
    const schoolId = d.users.find((u) => u.id === t.id)?.schoolId ?? 'sch_42';
    for (const s of t.subjects) subjects.set(s.id, { ...s, schoolId });
  }
  for (const l of d.lessons)
    teaching.set(`${l.classId}|${l.teacherId}|${l.subjectId}`, {
      classId: l.classId,
      teacherId: l.teacherId,
      subjectId: l.subjectId,
    });
  const bells = new Map<string, Bell[]>();
  for (const l of d.lessons) {
    const schoolId = schoolOfClass.get(l.classId)?.schoolId;
    if (!schoolId) continue;
    const list = bells.get(schoolId) ?? [];
    if (!list.some((b) => b.number === l.number))
      list.push({ number: l.number, startTime: l.startTime, endTime: l.endTime });
    bells.set(
      schoolId,
      list.sort((a, b) => a.number - b.number),
    );
  }
  const roster = [
    ...d.roster.map((r, i) => ({
      id: `ros_mem_${i}`,
      schoolId: r.schoolId,
      classId: r.classId,
      rosterId: r.rosterId,
      lastName: r.lastName,
      firstName: r.firstName,
      birthDate: r.birthDate,
    })),
    ...d.schoolLinks.flatMap((l) => {
      const child = d.children.find((c) => c.id === l.childId);
      return child
        ? [
            {
              id: `ros_mem_${l.id}`,
              schoolId: l.schoolId,
              classId: l.classId,
              rosterId: l.rosterId,
              lastName: child.lastName,
              firstName: child.firstName,
              birthDate: child.birthDate,
            },
          ]
        : [];
    }),
  ];
  const state: SetupState = {
    classes,
    subjects: [...subjects.values()],
    teaching: [...teaching.values()],
    roster,
    holidays: new Map(),
    bells,
    rounding: new Map(),
    templates: new Map(),
  };
  states.set(diary, state);
  return state;
}

/** The caller when they administer `schoolId`, else a 403 (as the server answers). */
export function adminOf(request: MemoryRequest, schoolId: string | undefined): User {
  const user = signedIn(request);
  if (user.role !== 'school_admin' || !schoolId || user.schoolId !== schoolId)
    throw new MemoryApiError(403, 'forbidden');
  return user;
}

/** A field error answer. */
export const fieldError = (
  path: string,
  code: string,
  params?: Readonly<Record<string, string | number>>,
): MemoryApiError =>
  new MemoryApiError(400, 'validation_failed', [{ path, code, ...(params ? { params } : {}) }]);

/** The answer to deleting what marks, lessons or pupils refer to. */
export const inUse = (): MemoryApiError => new MemoryApiError(409, 'in_use');

/** A class of the memory diary (404 when there is none). */
export function classOf(diary: MemoryDiary, classId: string | undefined): SchoolClass {
  const found = setupState(diary).classes.find((c) => c.id === classId);
  if (!found) throw new MemoryApiError(404, 'not_found');
  return found;
}

/** A school year of the memory diary (404 when there is none). */
export function yearOf(diary: MemoryDiary, yearId: string | undefined): SchoolYearRecord {
  const found = diary.data.schoolYears.find((y) => y.id === yearId);
  if (!found) throw new MemoryApiError(404, 'not_found');
  return found;
}
