import type {
  ClassInput,
  ClassUpdateInput,
  RosterEntryInput,
  SchoolProfileInput,
  SchoolYearInput,
  SchoolYearUpdateInput,
  StaffInviteInput,
  SubjectInput,
  SubjectUpdateInput,
  TeachingInput,
  User,
} from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { adminOf, classOf, fieldError, inUse, setupState, yearOf } from './memory-setup-state';
import { SETUP_CALENDAR_HANDLERS } from './memory-setup-calendar';

const ROSTER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random roster id, as the server makes them: not guessable from the class or the list. */
export function newRosterId(code: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const tail = [...bytes].map((b) => ROSTER_ALPHABET[b % ROSTER_ALPHABET.length]).join('');
  return `R${code.slice(-3)}-${tail}`;
}

const maskPhone = (phone: string) => `+7 ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`;

function schoolOf(diary: MemoryDiary, schoolId: string | undefined) {
  const school = diary.data.schools.find((s) => s.id === schoolId);
  if (!school) throw notFound();
  return school;
}

function entryOf(diary: MemoryDiary, entryId: string | undefined) {
  const entry = setupState(diary).roster.find((r) => r.id === entryId);
  if (!entry) throw notFound();
  return entry;
}

function assertStaff(diary: MemoryDiary, schoolId: string, userId: string, path: string) {
  const found = diary.data.users.find(
    (u) =>
      u.id === userId && u.schoolId === schoolId && u.role !== 'parent' && u.role !== 'student',
  );
  if (!found) throw fieldError(path, 'unknown_reference');
}

/** Whether anything entered hangs on a class: pupils, lessons, homework. */
function classInUse(diary: MemoryDiary, classId: string): boolean {
  const d = diary.data;
  return (
    d.children.some((c) => c.classId === classId) ||
    d.lessons.some((l) => l.classId === classId) ||
    d.homework.some((h) => h.classId === classId) ||
    setupState(diary).roster.some((r) => r.classId === classId)
  );
}

/**
 * The memory client's answers for a school's own data, as its admins run it: profile, school
 * years and periods, classes, subjects, teaching, roster, staff (and, from
 * `memory-setup-calendar`, holidays, bells, rounding and the repeating week). Checked as the
 * server checks: only the school's own admin, names unique, nothing in use deleted.
 */
export const SETUP_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'setup.updateProfile': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const school = schoolOf(diary, request.params.schoolId);
    const changed = { ...school, ...(request.body as SchoolProfileInput) };
    diary.data.schools.splice(diary.data.schools.indexOf(school), 1, changed);
    return changed;
  },
  'setup.schoolYears': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return {
      items: diary.data.schoolYears
        .filter((y) => y.schoolId === request.params.schoolId)
        .sort((a, b) => a.startDate.localeCompare(b.startDate)),
    };
  },
  'setup.createSchoolYear': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const body = request.body as SchoolYearInput;
    const schoolId = String(request.params.schoolId);
    const clash = diary.data.schoolYears.some(
      (y) =>
        y.schoolId === schoolId &&
        (y.name === body.name || (y.startDate <= body.endDate && y.endDate >= body.startDate)),
    );
    if (clash) throw fieldError('name', 'already_registered');
    const year = {
      id: diary.id('sy'),
      schoolId,
      name: body.name,
      startDate: body.startDate,
      endDate: body.endDate,
      periodKind: body.periodKind,
      periods: body.periods.map((p, i) => ({
        id: diary.id('per'),
        kind: body.periodKind,
        number: i + 1,
        ...p,
      })),
    };
    diary.data.schoolYears.push(year);
    return year;
  },
  'setup.updateSchoolYear': (diary, request) => {
    const year = yearOf(diary, request.params.schoolYearId);
    adminOf(request, year.schoolId);
    const body = request.body as SchoolYearUpdateInput;
    if (body.periods.length !== year.periods.length) throw fieldError('periods', 'invalid_option');
    const clash = diary.data.schoolYears.some(
      (y) =>
        y.id !== year.id &&
        y.schoolId === year.schoolId &&
        (y.name === body.name || (y.startDate <= body.endDate && y.endDate >= body.startDate)),
    );
    if (clash) throw fieldError('name', 'already_registered');
    const changed = {
      ...year,
      name: body.name,
      startDate: body.startDate,
      endDate: body.endDate,
      periods: year.periods.map((p, i) => ({ ...p, ...body.periods[i] })),
    };
    diary.data.schoolYears.splice(diary.data.schoolYears.indexOf(year), 1, changed);
    for (const c of setupState(diary).classes)
      if (c.schoolId === year.schoolId && c.schoolYear === year.name)
        Object.assign(c, { schoolYear: body.name });
    return changed;
  },
  'setup.removeSchoolYear': (diary, request) => {
    const year = yearOf(diary, request.params.schoolYearId);
    adminOf(request, year.schoolId);
    const periodIds = new Set(year.periods.map((p) => p.id));
    const used =
      setupState(diary).classes.some(
        (c) => c.schoolId === year.schoolId && c.schoolYear === year.name,
      ) ||
      diary.data.marks.some((m) => m.periodId !== undefined && periodIds.has(m.periodId)) ||
      diary.data.finalMarks.some((f) => periodIds.has(f.periodId));
    if (used) throw inUse();
    diary.data.schoolYears.splice(diary.data.schoolYears.indexOf(year), 1);
    return undefined;
  },

  'classes.list': (diary, request) => {
    const user = signedIn(request);
    const state = setupState(diary);
    const taught = new Set(
      state.teaching.filter((t) => t.teacherId === user.id).map((t) => t.classId),
    );
    const items = state.classes
      .filter((c) =>
        user.role === 'school_admin' ? c.schoolId === user.schoolId : taught.has(c.id),
      )
      .sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name));
    if (user.role === 'school_admin') return { items };
    // A teacher's list names what they teach in each class, as the server's does.
    const subjectsIn = (classId: string) =>
      state.teaching
        .filter((t) => t.teacherId === user.id && t.classId === classId)
        .flatMap((t) => state.subjects.filter((s) => s.id === t.subjectId))
        .map((s) => ({ id: s.id, name: s.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
    return { items: items.map((c) => ({ ...c, subjects: subjectsIn(c.id) })) };
  },
  'setup.createClass': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const body = request.body as ClassInput;
    const schoolId = String(request.params.schoolId);
    const { classes } = setupState(diary);
    if (
      classes.some(
        (c) => c.schoolId === schoolId && c.schoolYear === body.schoolYear && c.name === body.name,
      )
    )
      throw fieldError('name', 'already_registered');
    if (body.homeroomTeacherId)
      assertStaff(diary, schoolId, body.homeroomTeacherId, 'homeroomTeacherId');
    const created = { id: diary.id('cls'), schoolId, ...body };
    classes.push(created);
    return created;
  },
  'setup.updateClass': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    const body = request.body as ClassUpdateInput;
    const { classes } = setupState(diary);
    if (
      body.name !== undefined &&
      classes.some(
        (c) =>
          c.id !== cls.id &&
          c.schoolId === cls.schoolId &&
          c.schoolYear === cls.schoolYear &&
          c.name === body.name,
      )
    )
      throw fieldError('name', 'already_registered');
    if (body.homeroomTeacherId)
      assertStaff(diary, cls.schoolId, body.homeroomTeacherId, 'homeroomTeacherId');
    const { homeroomTeacherId, ...rest } = body;
    const { homeroomTeacherId: _old, ...kept } = cls;
    const teacher = homeroomTeacherId === undefined ? cls.homeroomTeacherId : homeroomTeacherId;
    const changed = { ...kept, ...rest, ...(teacher ? { homeroomTeacherId: teacher } : {}) };
    classes.splice(classes.indexOf(cls), 1, changed);
    return changed;
  },
  'setup.removeClass': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    if (classInUse(diary, cls.id)) throw inUse();
    const state = setupState(diary);
    state.classes.splice(state.classes.indexOf(cls), 1);
    state.teaching.splice(
      0,
      state.teaching.length,
      ...state.teaching.filter((t) => t.classId !== cls.id),
    );
    return undefined;
  },

  'setup.subjects': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return {
      items: setupState(diary)
        .subjects.filter((s) => s.schoolId === request.params.schoolId)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ schoolId: _s, ...s }) => s),
    };
  },
  'setup.createSubject': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const body = request.body as SubjectInput;
    const schoolId = String(request.params.schoolId);
    const { subjects } = setupState(diary);
    if (subjects.some((s) => s.schoolId === schoolId && s.name === body.name))
      throw fieldError('name', 'already_registered');
    const created = { id: diary.id('sub'), ...body };
    subjects.push({ ...created, schoolId });
    return created;
  },
  'setup.updateSubject': (diary, request) => {
    const { subjects } = setupState(diary);
    const subject = subjects.find((s) => s.id === request.params.subjectId);
    if (!subject) throw notFound();
    adminOf(request, subject.schoolId);
    const body = request.body as SubjectUpdateInput;
    if (
      body.name !== undefined &&
      subjects.some(
        (s) => s.id !== subject.id && s.schoolId === subject.schoolId && s.name === body.name,
      )
    )
      throw fieldError('name', 'already_registered');
    const changed = { ...subject, ...body };
    subjects.splice(subjects.indexOf(subject), 1, changed);
    const { schoolId: _s, ...view } = changed;
    return view;
  },
  'setup.removeSubject': (diary, request) => {
    const state = setupState(diary);
    const subject = state.subjects.find((s) => s.id === request.params.subjectId);
    if (!subject) throw notFound();
    adminOf(request, subject.schoolId);
    const d = diary.data;
    if (
      d.marks.some((m) => m.subjectId === subject.id) ||
      d.lessons.some((l) => l.subjectId === subject.id) ||
      d.homework.some((h) => h.subjectId === subject.id)
    )
      throw inUse();
    state.subjects.splice(state.subjects.indexOf(subject), 1);
    state.teaching.splice(
      0,
      state.teaching.length,
      ...state.teaching.filter((t) => t.subjectId !== subject.id),
    );
    return undefined;
  },

  'setup.setTeaching': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    const state = setupState(diary);
    const body = request.body as TeachingInput;
    body.items.forEach((item, n) => {
      assertStaff(diary, cls.schoolId, item.teacherId, `items.${n}.teacherId`);
      if (!state.subjects.some((s) => s.id === item.subjectId && s.schoolId === cls.schoolId))
        throw fieldError(`items.${n}.subjectId`, 'unknown_reference');
    });
    const items = [
      ...new Map(
        body.items.map((i) => [`${i.teacherId}|${i.subjectId}`, { ...i, classId: cls.id }]),
      ).values(),
    ];
    state.teaching.splice(
      0,
      state.teaching.length,
      ...state.teaching.filter((t) => t.classId !== cls.id),
      ...items,
    );
    return { items };
  },

  'setup.roster': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return {
      items: setupState(diary).roster.filter((r) => r.schoolId === request.params.schoolId),
    };
  },
  'setup.addToRoster': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const school = schoolOf(diary, request.params.schoolId);
    const body = request.body as RosterEntryInput;
    const state = setupState(diary);
    if (!state.classes.some((c) => c.id === body.classId && c.schoolId === school.id))
      throw fieldError('classId', 'unknown_reference');
    if (
      body.externalId &&
      state.roster.some((r) => r.schoolId === school.id && r.externalId === body.externalId)
    )
      throw fieldError('externalId', 'already_registered');
    const entry = {
      id: diary.id('ros'),
      schoolId: school.id,
      rosterId: newRosterId(school.code),
      ...body,
    };
    state.roster.push(entry);
    return entry;
  },
  'setup.moveOnRoster': (diary, request) => {
    const entry = entryOf(diary, request.params.entryId);
    adminOf(request, entry.schoolId);
    if (entry.leftAt) throw new MemoryApiError(409, 'conflict');
    const { classId } = request.body as { classId: string };
    if (!setupState(diary).classes.some((c) => c.id === classId && c.schoolId === entry.schoolId))
      throw fieldError('classId', 'unknown_reference');
    entry.classId = classId;
    return entry;
  },
  'setup.leaveRoster': (diary, request) => {
    const entry = entryOf(diary, request.params.entryId);
    adminOf(request, entry.schoolId);
    const { date } = request.body as { date?: string };
    entry.leftAt ??= date ? `${date}T00:00:00.000Z` : diary.now().toISOString();
    return entry;
  },

  'setup.staff': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return {
      items: diary.data.users
        .filter(
          (u) =>
            u.schoolId === request.params.schoolId &&
            (u.role === 'teacher' || u.role === 'school_admin'),
        )
        .sort((a, b) => a.lastName.localeCompare(b.lastName))
        .map((u) => ({
          id: u.id,
          role: u.role,
          lastName: u.lastName,
          firstName: u.firstName,
          ...(u.middleName ? { middleName: u.middleName } : {}),
          phone: maskPhone(u.phone),
        })),
    };
  },
  'setup.inviteStaff': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const body = request.body as StaffInviteInput;
    if (diary.data.users.some((u) => u.phone === body.phone))
      throw fieldError('phone', 'already_registered');
    const user: User = {
      id: diary.id('usr'),
      role: body.role,
      phone: body.phone,
      lastName: body.lastName,
      firstName: body.firstName,
      ...(body.middleName ? { middleName: body.middleName } : {}),
      schoolId: String(request.params.schoolId),
      identityStatus: 'confirmed_sms',
      createdAt: diary.now().toISOString(),
    };
    diary.data.users.push(user);
    return { userId: user.id, role: user.role, sentTo: maskPhone(body.phone) };
  },
  ...SETUP_CALENDAR_HANDLERS,
};
