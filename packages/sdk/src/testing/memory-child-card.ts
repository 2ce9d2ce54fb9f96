import {
  canTransition,
  openSchoolYears,
  todayIn,
  type Child,
  type SchoolLink,
  type User,
} from '@school-diary/core';
import { signedIn, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { changedFields, recordCardChange } from './memory-child-history';
import { addApplication, hasOpenApplication, newLink, parentsChild } from './memory-enrolment';

/** A pending change of schools, made once its code is confirmed. */
type PendingChange = {
  readonly childId: string;
  readonly kind: 'link' | 'unlink' | 'change';
  readonly linkId?: string;
  readonly schoolCode?: string;
  readonly rosterId?: string;
};

const pending = new WeakMap<MemoryDiary, Map<string, PendingChange>>();

function pendingOf(diary: MemoryDiary): Map<string, PendingChange> {
  const map = pending.get(diary) ?? new Map<string, PendingChange>();
  pending.set(diary, map);
  return map;
}

function replaceChild(diary: MemoryDiary, child: Child, next: Child): Child {
  diary.data.children.splice(diary.data.children.indexOf(child), 1, next);
  return next;
}

function linkOf(diary: MemoryDiary, child: Child, linkId: string | undefined): SchoolLink {
  const link = diary.data.schoolLinks.find((l) => l.id === linkId && l.childId === child.id);
  if (!link) throw new MemoryApiError(404, 'not_found');
  return link;
}

/** Withdraws the child's applications at a school they leave; returns their school years. */
function withdrawAt(diary: MemoryDiary, childId: string, schoolId: string): string[] {
  const open = diary.data.applications.filter(
    (a) => a.childId === childId && a.schoolId === schoolId && canTransition(a.status, 'withdrawn'),
  );
  for (const a of open) diary.moveApplication(a.id, 'withdrawn', undefined, 'child_unlinked');
  return open.map((a) => a.schoolYear);
}

/** On a change of school, applies at the new school for the withdrawn years still open. */
function reapplyAt(diary: MemoryDiary, child: Child, schoolId: string, years: string[]): void {
  const open = openSchoolYears(todayIn(diary.now(), 'Europe/Moscow'));
  for (const year of new Set(years))
    if (open.includes(year) && !hasOpenApplication(diary, child.id, schoolId, year))
      addApplication(diary, child, schoolId, year);
}

/**
 * Makes a confirmed change as the server does: leaves the old link (withdrawing the applications
 * there) and joins the new school (applying there for the withdrawn years).
 */
function applyChange(diary: MemoryDiary, user: User, child: Child, change: PendingChange): void {
  const leaving = change.kind === 'link' ? undefined : linkOf(diary, child, change.linkId);
  let current = child;
  let years: string[] = [];
  if (leaving) {
    years = withdrawAt(diary, child.id, leaving.schoolId);
    diary.data.schoolLinks.splice(diary.data.schoolLinks.indexOf(leaving), 1);
    recordCardChange(diary, user, child, {
      action: 'school_unlinked',
      fields: [],
      schoolName: leaving.schoolName,
    });
    if (current.schoolId === leaving.schoolId) {
      const { schoolId: _school, classId: _class, ...rest } = current;
      current = replaceChild(diary, current, rest);
    }
  }
  if (change.kind === 'unlink') return;
  const link = newLink(diary, current, change);
  diary.data.schoolLinks.push(link);
  recordCardChange(diary, user, child, {
    action: 'school_linked',
    fields: [],
    schoolName: link.schoolName,
  });
  const placed = { ...current, schoolId: link.schoolId, classId: link.classId };
  replaceChild(diary, current, placed);
  reapplyAt(diary, placed, link.schoolId, years);
}

/**
 * The memory client's answers for the child card: edits checked by core's schemas, and school
 * changes confirmed by the memory code (`123456`).
 */
export const CHILD_CARD_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'children.update': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    const body = request.body as Partial<Record<keyof Child, string>>;
    const others = diary.data.children.filter((c) => c.id !== child.id);
    if (body.snils && others.some((c) => c.snils === body.snils))
      throw new MemoryApiError(400, 'validation_failed', [
        { path: 'snils', code: 'already_registered' },
      ]);
    const changed = { ...child, ...body } as Record<string, unknown>;
    // An empty middle name or document removes it, as on the server.
    const next = Object.fromEntries(
      Object.entries(changed).filter(([, value]) => value !== ''),
    ) as Child;
    const fields = changedFields(child, next);
    if (fields.length) recordCardChange(diary, user, child, { action: 'updated', fields });
    return replaceChild(diary, child, next);
  },
  'children.startSchoolChange': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    if (child.status !== 'confirmed') throw new MemoryApiError(409, 'identity_unconfirmed');
    const change = { ...(request.body as Omit<PendingChange, 'childId'>), childId: child.id };
    if (change.kind !== 'link') linkOf(diary, child, change.linkId);
    if (change.kind !== 'unlink') newLink(diary, child, change);
    const challenge = diary.purposeChallenge(user, `school:${child.id}`);
    pendingOf(diary).set(challenge.challengeId, change);
    return challenge;
  },
  'children.confirmSchoolChange': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    const { challengeId, code } = request.body as { challengeId: string; code: string };
    diary.confirmPurpose(challengeId, code, `school:${child.id}`);
    const change = pendingOf(diary).get(challengeId);
    pendingOf(diary).delete(challengeId);
    if (change) applyChange(diary, user, child, change);
    return { items: diary.data.schoolLinks.filter((l) => l.childId === child.id) };
  },
};
