import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/**
 * 015: absences a parent reports ahead, with the lessons each covers (the chosen ones, or every
 * lesson of its days), for the teachers' attendance sheets.
 */
export const absenceNoticesMigration: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('absence_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('parent_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('chosen_lessons', 'integer', (c) => c.notNull())
      .addColumn('attachment_id', 'text', (c) => c.references('attachments.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_by', 'text', (c) => c.references('users.id'))
      .addColumn('acknowledged_at', 'text')
      .execute();
    await db.schema
      .createIndex('absence_notices_child')
      .on('absence_notices')
      .columns(['child_id', 'from_date'])
      .execute();
    await db.schema
      .createTable('absence_notice_lessons')
      .addColumn('notice_id', 'text', (c) => c.notNull().references('absence_notices.id'))
      .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
      .addPrimaryKeyConstraint('absence_notice_lessons_pk', ['notice_id', 'lesson_id'])
      .execute();
    await db.schema
      .createIndex('absence_notice_lessons_lesson')
      .on('absence_notice_lessons')
      .column('lesson_id')
      .execute();
  },
};
