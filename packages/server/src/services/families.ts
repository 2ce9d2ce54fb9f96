import type { LiveEventType } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import type { PublishInput } from './live-events';

/** A child of a class with the accounts of its family. */
export interface ClassFamily {
  readonly childId: string;
  readonly parents: readonly string[];
  readonly student: string | null;
}

/**
 * Everyone in a family: the parents and the child's own student account.
 *
 * @example
 * familyMembers({ childId, parents: ['usr_a'], student: 'usr_s' }); // ['usr_a', 'usr_s']
 */
export function familyMembers(family: Omit<ClassFamily, 'childId'>): string[] {
  return [...family.parents, ...(family.student ? [family.student] : [])];
}

/**
 * The user ids of a child's family: every parent and the child's own student account.
 *
 * @example
 * const { parents, student } = await familyOf(trx, child.id);
 */
export async function familyOf(
  db: Kysely<Database>,
  childId: string,
): Promise<{ parents: string[]; student: string | null }> {
  const parents = await db
    .selectFrom('parent_children')
    .select('parent_id')
    .where('child_id', '=', childId)
    .execute();
  const child = await db
    .selectFrom('children')
    .select('student_user_id')
    .where('id', '=', childId)
    .executeTakeFirst();
  return { parents: parents.map((p) => p.parent_id), student: child?.student_user_id ?? null };
}

/**
 * The families of a class: each child with its parents and student account.
 *
 * @example
 * const families = await classFamilies(trx, classId);
 */
export async function classFamilies(db: Kysely<Database>, classId: string): Promise<ClassFamily[]> {
  const children = await db
    .selectFrom('children')
    .select(['id', 'student_user_id'])
    .where('class_id', '=', classId)
    .execute();
  if (children.length === 0) return [];
  const links = await db
    .selectFrom('parent_children')
    .select(['parent_id', 'child_id'])
    .where(
      'child_id',
      'in',
      children.map((c) => c.id),
    )
    .execute();
  return children.map((c) => ({
    childId: c.id,
    parents: links.filter((l) => l.child_id === c.id).map((l) => l.parent_id),
    student: c.student_user_id,
  }));
}

/**
 * Publishes a live event to every family of a class, once per person, each tagged with the child
 * it concerns (a parent of twins hears it once). Returns the people reached, per family.
 *
 * @example
 * await publishToClass(s, trx, classId, { type: 'homework.created', data: homework });
 */
export async function publishToClass<T extends LiveEventType>(
  s: Services,
  trx: Kysely<Database>,
  classId: string,
  event: { readonly type: T; readonly data: PublishInput<T>['data'] },
): Promise<{ family: ClassFamily; people: string[] }[]> {
  const reached = new Set<string>();
  const result: { family: ClassFamily; people: string[] }[] = [];
  for (const family of await classFamilies(trx, classId)) {
    const people = familyMembers(family).filter((id) => !reached.has(id));
    if (people.length === 0) continue;
    people.forEach((id) => reached.add(id));
    const input = {
      recipients: people,
      type: event.type,
      childId: family.childId,
      data: event.data,
    };
    await s.live.publish(trx, input);
    result.push({ family, people });
  }
  return result;
}
