import type { GuardianClaim, User } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler, type MemoryRequest } from './memory-access';
import type { MemoryDiary } from './memory-diary';

/** The parent whose phone and SNILS (as on file) are both these, or `undefined`. */
function parentBy(diary: MemoryDiary, phone: unknown, snils: unknown): User | undefined {
  const onFile = diary.data.snils ?? {};
  return diary.data.users.find(
    (u) => u.role === 'parent' && u.phone === phone && onFile[u.id] === snils,
  );
}

/** Whether a parent has a child at the admin's school (a phone alone finds only these). */
function connectedTo(diary: MemoryDiary, user: User, schoolId: string | undefined): boolean {
  return diary.data.family.some(
    (f) =>
      f.userId === user.id &&
      diary.data.children.some((c) => c.id === f.childId && c.schoolId === schoolId),
  );
}

/** A pending or decided claim to a child of the admin's school, or a 404. */
function claimOf(diary: MemoryDiary, request: MemoryRequest): GuardianClaim {
  const admin = signedIn(request);
  const claim = (diary.data.guardianClaims ?? []).find((c) => c.id === request.params.claimId);
  const child = diary.data.children.find((c) => c.id === claim?.childId);
  if (!claim || !child || child.schoolId !== admin.schoolId) throw notFound();
  return claim;
}

/**
 * The memory client's answers for a school admin's identity desk, as the server gives them: a
 * parent found by phone and SNILS together (anyone) or by phone alone (the school's families),
 * the identity confirmed in person (404 unless the phone and SNILS match the user named), and
 * second guardians' claims to the school's children, approved into the child's family.
 */
export const ADMIN_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'admin.findUser': (diary, request) => {
    const admin = signedIn(request);
    const { phone, snils } = request.query;
    const items = snils
      ? [parentBy(diary, phone, snils)].filter((u): u is User => u !== undefined)
      : diary.data.users.filter(
          (u) => u.role === 'parent' && u.phone === phone && connectedTo(diary, u, admin.schoolId),
        );
    return { items };
  },
  'admin.confirmIdentityInPerson': (diary, request) => {
    signedIn(request);
    const parent = parentBy(diary, request.body.phone, request.body.snils);
    if (!parent || parent.id !== request.params.userId) throw notFound();
    const confirmed: User = { ...parent, identityStatus: 'confirmed_in_person' };
    diary.data.users.splice(diary.data.users.indexOf(parent), 1, confirmed);
    return confirmed;
  },
  'admin.guardianClaims': (diary, request) => {
    const admin = signedIn(request);
    const items = (diary.data.guardianClaims ?? [])
      .filter(
        (c) =>
          c.status === 'pending' &&
          diary.data.children.some(
            (child) => child.id === c.childId && child.schoolId === admin.schoolId,
          ),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { items };
  },
  'admin.approveGuardian': (diary, request) => {
    const claim = claimOf(diary, request);
    if (claim.status === 'approved') return claim;
    const approved: GuardianClaim = { ...claim, status: 'approved' };
    const claims = diary.data.guardianClaims ?? [];
    claims.splice(claims.indexOf(claim), 1, approved);
    diary.data.family.push({ userId: claim.parentId, childId: claim.childId });
    return approved;
  },
};
