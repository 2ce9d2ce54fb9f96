import { DEMO } from '../seed/demo';
import type { TestServer } from './harness';

/** Ids of seeded or created journal entities the authorization matrix calls routes on. */
export interface JournalFixtures {
  /** A seeded mathematics mark of Мария (5А). */
  readonly markId: string;
  /** Seeded mathematics homework of 5А. */
  readonly homeworkId: string;
  /** A threshold Мария's parent set. */
  readonly thresholdId: string;
  /** A 5А mathematics lesson in the demo week. */
  readonly lessonId: string;
}

/**
 * Finds (in the demo seed) or creates the journal entities the authorization matrix needs.
 *
 * @example
 * const journal = await createJournalFixtures(server, { owner: ownerToken });
 */
export async function createJournalFixtures(
  server: TestServer,
  tokens: { owner: string | undefined },
): Promise<JournalFixtures> {
  const db = server.database.db;
  const mark = await db
    .selectFrom('marks')
    .select('id')
    .where('child_id', '=', DEMO.children.maria.id)
    .where('subject_id', '=', 'sub_42_math')
    .where('date', '>=', '2026-09-01')
    .orderBy('date')
    .executeTakeFirstOrThrow();
  const homework = await db
    .selectFrom('homework')
    .select('id')
    .where('class_id', '=', DEMO.classes.c5a.id)
    .where('subject_id', '=', 'sub_42_math')
    .orderBy('due_date')
    .executeTakeFirstOrThrow();
  const threshold = await server.call<{ id: string }>(
    'PUT',
    `/api/v1/children/${DEMO.children.maria.id}/thresholds`,
    { token: tokens.owner, body: { threshold: 3 } },
  );
  if (threshold.status !== 200) throw new Error(`threshold fixture: ${threshold.text}`);
  return {
    markId: mark.id,
    homeworkId: homework.id,
    thresholdId: threshold.body.id,
    lessonId: 'les_42_5a_20261124_1',
  };
}
