import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 020: planned assessments (контрольные, проверочные, зачёты …) of a class in a subject on a date,
 * at one of its lessons when the teacher chose one, that families see ahead and are reminded of.
 */
export const plannedAssessmentsMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('planned_assessments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
      .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.references('lessons.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('planned_assessments_class_date')
      .on('planned_assessments')
      .columns(['class_id', 'date'])
      .execute();
    await db.schema
      .createIndex('planned_assessments_date')
      .on('planned_assessments')
      .column('date')
      .execute();
  },
};
