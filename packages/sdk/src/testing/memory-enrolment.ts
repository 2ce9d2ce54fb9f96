import {
  openSchoolYears,
  todayIn,
  type Application,
  type ApplicationStatus,
  type Child,
  type School,
  type SchoolLink,
} from '@school-diary/core';
import { notFound, signedIn, visibleChild, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { adminOf } from './memory-setup-state';

/** Case- and `ё`-insensitive comparison of names, as the server folds them. */
const fold = (text: string) => text.trim().toLocaleLowerCase('ru').replaceAll('ё', 'е');

const samePerson = (
  a: { lastName: string; firstName: string; birthDate: string },
  b: { lastName: string; firstName: string; birthDate: string },
) =>
  fold(a.lastName) === fold(b.lastName) &&
  fold(a.firstName) === fold(b.firstName) &&
  a.birthDate === b.birthDate;

/** The child if the signed-in user is one of its parents; 404 otherwise. */
export function parentsChild(
  diary: MemoryDiary,
  userId: string,
  childId: string | undefined,
): Child {
  const child = diary.data.children.find((c) => c.id === childId);
  if (!child || !diary.familyOf(child.id).includes(userId)) throw notFound();
  return child;
}

function schoolByCode(diary: MemoryDiary, code: string): School {
  const school = diary.data.schools.find((s) => s.code === code);
  if (!school)
    throw new MemoryApiError(404, 'school_not_found', [
      { path: 'schoolCode', code: 'school_not_found' },
    ]);
  if (!school.diaryConnected) throw new MemoryApiError(409, 'school_not_connected');
  return school;
}

/** A school link after the server's checks, in the order a parent can fix them. */
export function newLink(
  diary: MemoryDiary,
  child: Child,
  body: Record<string, unknown>,
): SchoolLink {
  if (child.status !== 'confirmed') throw new MemoryApiError(409, 'identity_unconfirmed');
  const school = schoolByCode(diary, String(body.schoolCode));
  const entry = diary.data.roster.find(
    (r) => r.schoolId === school.id && r.rosterId === body.rosterId,
  );
  if (!entry || !samePerson(entry, child))
    throw new MemoryApiError(400, 'roster_mismatch', [
      { path: 'rosterId', code: 'roster_mismatch' },
    ]);
  if (school.requiresSnils && !child.snils)
    throw new MemoryApiError(400, 'validation_failed', [{ path: 'snils', code: 'required' }]);
  const links = diary.data.schoolLinks.filter((l) => l.schoolId === school.id);
  if (links.some((l) => l.childId === child.id)) throw new MemoryApiError(409, 'already_linked');
  if (links.some((l) => l.rosterId === entry.rosterId))
    throw new MemoryApiError(409, 'roster_id_taken', [
      { path: 'rosterId', code: 'already_registered' },
    ]);
  return {
    id: diary.id('scl'),
    childId: child.id,
    schoolId: school.id,
    schoolName: school.shortName,
    classId: entry.classId,
    className: entry.className,
    rosterId: entry.rosterId,
    linkedAt: diary.now().toISOString(),
  };
}

function applicationNumber(diary: MemoryDiary): string {
  const year = diary.now().getUTCFullYear();
  const serial = diary.data.applications.filter((a) => a.number.includes(`-${year}-`)).length + 1;
  return `ЭД-${year}-${String(serial).padStart(6, '0')}`;
}

/** Whether the child has an application in progress or active at the school for the year. */
export function hasOpenApplication(
  diary: MemoryDiary,
  childId: string,
  schoolId: string,
  schoolYear: string,
): boolean {
  return diary.data.applications.some(
    (a) =>
      a.childId === childId &&
      a.schoolId === schoolId &&
      a.schoolYear === schoolYear &&
      a.status !== 'rejected' &&
      a.status !== 'withdrawn',
  );
}

/** A new submitted application, numbered; the family hears of it live. */
export function addApplication(
  diary: MemoryDiary,
  child: Child,
  schoolId: string,
  schoolYear: string,
): Application {
  const at = diary.now().toISOString();
  const application: Application = {
    id: diary.id('app'),
    number: applicationNumber(diary),
    childId: child.id,
    schoolId,
    schoolYear,
    ...rosterIdOf(diary, child.id, schoolId),
    status: 'submitted',
    history: [{ status: 'submitted', at }],
    createdAt: at,
    updatedAt: at,
  };
  diary.data.applications.push(application);
  diary.publish(diary.familyOf(child.id), 'application.updated', application, child.id);
  return application;
}

/** The roster id the child is linked to the school with, as the application carries it. */
function rosterIdOf(diary: MemoryDiary, childId: string, schoolId: string) {
  const link = diary.data.schoolLinks.find((l) => l.childId === childId && l.schoolId === schoolId);
  return link ? { rosterId: link.rosterId } : {};
}

function ownApplication(diary: MemoryDiary, userId: string, id: string | undefined): Application {
  const application = diary.data.applications.find((a) => a.id === id);
  if (!application || !diary.familyOf(application.childId).includes(userId)) throw notFound();
  return application;
}

/**
 * The memory client's answers for joining the diary: password recovery, child cards confirmed by
 * a code, school links by school code and roster id, the school registry and applications.
 */
export const ENROLMENT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'auth.recoveryStart': (diary, { body }) => {
    const user = diary.data.users.find((u) => u.phone === body.phone);
    return diary.purposeChallenge(user, 'recovery');
  },
  'auth.recoveryComplete': (diary, { body }) => {
    const userId = diary.confirmPurpose(String(body.challengeId), String(body.code), 'recovery');
    diary.setPassword(userId, String(body.newPassword));
    return undefined;
  },

  'children.search': (diary, request) => {
    const user = signedIn(request);
    const query = request.query as { lastName: string; firstName: string; birthDate: string };
    const ids = diary.data.family.filter((f) => f.userId === user.id).map((f) => f.childId);
    return {
      items: diary.data.children.filter((c) => ids.includes(c.id) && samePerson(c, query)),
    };
  },
  'children.create': (diary, request) => {
    const user = signedIn(request);
    const body = request.body as Partial<Record<keyof Child, string>>;
    const child: Child = {
      id: diary.id('chd'),
      lastName: String(body.lastName),
      firstName: String(body.firstName),
      ...(body.middleName ? { middleName: body.middleName } : {}),
      birthDate: String(body.birthDate),
      sex: body.sex === 'female' ? 'female' : 'male',
      ...(body.snils ? { snils: body.snils } : {}),
      ...(body.inn ? { inn: body.inn } : {}),
      ...(body.birthCertificate ? { birthCertificate: body.birthCertificate } : {}),
      status: 'pending_confirmation',
      createdAt: diary.now().toISOString(),
    };
    diary.data.children.push(child);
    diary.data.family.push({ userId: user.id, childId: child.id });
    return { child, challenge: diary.purposeChallenge(user, `child:${child.id}`) };
  },
  'children.confirm': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    const { challengeId, code } = request.body as { challengeId: string; code: string };
    if (child.status === 'confirmed') return child;
    diary.confirmPurpose(challengeId, code, `child:${child.id}`);
    const confirmed: Child = { ...child, status: 'confirmed' };
    diary.data.children.splice(diary.data.children.indexOf(child), 1, confirmed);
    return confirmed;
  },
  'children.schoolLinks': (diary, request) => {
    const child = visibleChild(diary, request);
    return { items: diary.data.schoolLinks.filter((l) => l.childId === child.id) };
  },
  'children.linkSchool': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    const link = newLink(diary, child, request.body);
    diary.data.schoolLinks.push(link);
    const placed: Child = { ...child, schoolId: link.schoolId, classId: link.classId };
    diary.data.children.splice(diary.data.children.indexOf(child), 1, placed);
    return link;
  },

  'schools.search': (diary, { query }) => {
    const q = query as { q?: string; region?: string; level?: string; profile?: string };
    const page = Number(query.page ?? 1);
    const pageSize = Number(query.pageSize ?? 20);
    const found = diary.data.schools.filter(
      (s) =>
        (!q.q || [s.name, s.shortName, s.code].some((t) => fold(t).includes(fold(q.q ?? '')))) &&
        (!q.region || fold(s.region) === fold(q.region)) &&
        (!q.level || s.levels.some((l) => l === q.level)) &&
        (!q.profile || s.profiles.some((p) => fold(p).includes(fold(q.profile ?? '')))),
    );
    const items = found.slice((page - 1) * pageSize, page * pageSize);
    return { items, total: found.length, page, pageSize };
  },
  'schools.get': (diary, { params }) => {
    const school = diary.data.schools.find((s) => s.id === params.schoolId);
    if (!school) throw notFound();
    return school;
  },

  'applications.create': (diary, request) => {
    const user = signedIn(request);
    const { childId, schoolYear } = request.body as { childId: string; schoolYear: string };
    const child = parentsChild(diary, user.id, childId);
    if (child.status !== 'confirmed') throw new MemoryApiError(409, 'identity_unconfirmed');
    if (!child.schoolId) throw new MemoryApiError(409, 'school_not_linked');
    const [current, next] = openSchoolYears(todayIn(diary.now(), 'Europe/Moscow'));
    if (schoolYear !== current && schoolYear !== next)
      throw new MemoryApiError(400, 'validation_failed', [
        { path: 'schoolYear', code: 'school_year_closed', params: { current, next } },
      ]);
    if (hasOpenApplication(diary, child.id, child.schoolId, schoolYear))
      throw new MemoryApiError(409, 'application_exists');
    return addApplication(diary, child, child.schoolId, schoolYear);
  },
  'applications.list': (diary, request) => {
    const user = signedIn(request);
    const { status, childId } = request.query as { status?: string; childId?: string };
    // The school's admin sees the school's queue; a parent their children's applications.
    const visible = (a: Application) =>
      user.role === 'school_admin'
        ? a.schoolId === user.schoolId
        : diary.familyOf(a.childId).includes(user.id);
    return {
      items: diary.data.applications.filter(
        (a) =>
          visible(a) && (!status || a.status === status) && (!childId || a.childId === childId),
      ),
    };
  },
  'applications.get': (diary, request) =>
    ownApplication(diary, signedIn(request).id, request.params.applicationId),
  'applications.setStatus': (diary, request) => {
    const application = diary.data.applications.find((a) => a.id === request.params.applicationId);
    if (!application) throw notFound();
    adminOf(request, application.schoolId);
    const { status, reason } = request.body as { status: ApplicationStatus; reason?: string };
    if (status === 'rejected' && !reason)
      throw new MemoryApiError(400, 'validation_failed', [{ path: 'reason', code: 'required' }]);
    return diary.moveApplication(application.id, status, reason);
  },
  'applications.activate': (diary, request) => {
    const application = ownApplication(diary, signedIn(request).id, request.params.applicationId);
    return diary.moveApplication(application.id, 'active');
  },
};
