import {
  CHILD_CARD_FIELDS,
  type Child,
  type ChildHistoryEntry,
  type User,
} from '@school-diary/core';
import type { MemoryHandler } from './memory-access';
import type { MemoryDiary } from './memory-diary';
import { parentsChild } from './memory-enrolment';
import { signedIn } from './memory-access';

/** A change of a child's card, with the child it concerns. */
export type MemoryHistoryEntry = ChildHistoryEntry & { readonly childId: string };

const histories = new WeakMap<MemoryDiary, MemoryHistoryEntry[]>();

function historyOf(diary: MemoryDiary): MemoryHistoryEntry[] {
  const found = histories.get(diary);
  if (found) return found;
  const fresh = [...(diary.data.childHistory ?? [])];
  histories.set(diary, fresh);
  return fresh;
}

/** Writes down a change of a card, as the server's audit log does. */
export function recordCardChange(
  diary: MemoryDiary,
  user: User,
  child: Child,
  change: Pick<ChildHistoryEntry, 'action' | 'fields' | 'schoolName'>,
): void {
  historyOf(diary).push({
    id: diary.id('aud'),
    at: diary.now().toISOString(),
    childId: child.id,
    actorName: [user.lastName, user.firstName, user.middleName].filter(Boolean).join(' '),
    actorRole: user.role,
    ...change,
  });
}

/** The card's fields whose values differ between two versions of it. */
export function changedFields(before: Child, after: Child): ChildHistoryEntry['fields'] {
  return CHILD_CARD_FIELDS.filter((f) => (before[f] ?? '') !== (after[f] ?? ''));
}

/** The memory client's answer for the card's history: the family's, newest first. */
export const CHILD_HISTORY_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'children.history': (diary, request) => {
    const user = signedIn(request);
    const child = parentsChild(diary, user.id, request.params.childId);
    const items = historyOf(diary)
      .filter((e) => e.childId === child.id)
      .map(({ childId: _child, ...entry }) => entry)
      .reverse();
    return { items };
  },
};
