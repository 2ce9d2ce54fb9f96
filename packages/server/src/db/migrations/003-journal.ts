import type { Kysely, Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/** Calendar: school years and their reporting periods, per school. */
async function calendar(db: Db): Promise<void> {
  await db.schema
    .createTable('school_years')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_years_school_name', ['school_id', 'name'])
    .execute();
  await db.schema
    .createTable('periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_year_id', 'text', (c) => c.notNull().references('school_years.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addUniqueConstraint('periods_year_number', ['school_year_id', 'number'])
    .execute();
}

/** The timetable: lessons, their substitutions, homework set at them. */
async function timetable(db: Db): Promise<void> {
  await db.schema
    .createTable('lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('room', 'text', (c) => c.notNull())
    // Also the index of the hot read: a class's lessons by date.
    .addUniqueConstraint('lessons_class_date_number', ['class_id', 'date', 'number'])
    .execute();
  await db.schema
    .createIndex('lessons_teacher_date')
    .on('lessons')
    .columns(['teacher_id', 'date'])
    .execute();
  await db.schema
    .createTable('substitutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().unique().references('lessons.id'))
    .addColumn('substitute_teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('room', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('homework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.references('lessons.id'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('assigned_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('homework_class_due')
    .on('homework')
    .columns(['class_id', 'due_date'])
    .execute();
  await db.schema.createIndex('homework_lesson').on('homework').column('lesson_id').execute();
  // attachment_id names a row of `attachments` (migration 004); no foreign key by design, so the
  // two migrations stay independent.
  await db.schema
    .createTable('homework_attachments')
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework.id'))
    .addColumn('attachment_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('homework_attachments_pk', ['homework_id', 'attachment_id'])
    .execute();
  await db.schema
    .createIndex('homework_attachments_attachment')
    .on('homework_attachments')
    .column('attachment_id')
    .execute();
}

/** The journal proper: attendance, marks, final marks, parents' alert thresholds. */
async function journal(db: Db): Promise<void> {
  await db.schema
    .createTable('attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lesson_id', 'text', (c) => c.notNull().references('lessons.id'))
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('minutes_late', 'integer')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('attendance_lesson_child', ['lesson_id', 'child_id'])
    .execute();
  await db.schema
    .createIndex('attendance_child_date')
    .on('attendance')
    .columns(['child_id', 'date'])
    .execute();
  await db.schema
    .createTable('marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('lesson_id', 'text', (c) => c.references('lessons.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marks_child_date')
    .on('marks')
    .columns(['child_id', 'date'])
    .execute();
  await db.schema
    .createIndex('marks_subject_date')
    .on('marks')
    .columns(['subject_id', 'date'])
    .execute();
  await db.schema.createIndex('marks_lesson').on('marks').column('lesson_id').execute();
  await db.schema
    .createTable('final_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
    .addColumn('period_id', 'text', (c) => c.notNull().references('periods.id'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('final_marks_child_subject_period', [
      'child_id',
      'subject_id',
      'period_id',
    ])
    .execute();
  // subject_id NULL means "every subject"; one row per parent, child and subject is kept by the
  // handler (SQLite treats NULLs as distinct in a unique constraint).
  await db.schema
    .createTable('thresholds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id'))
    .addColumn('threshold', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('thresholds_child')
    .on('thresholds')
    .columns(['child_id', 'parent_id'])
    .execute();
}

/** 003: the journal — school years and periods, timetable, substitutions, homework, attendance, marks. */
export const journalMigration: Migration = {
  async up(db: Db) {
    await calendar(db);
    await timetable(db);
    await journal(db);
  },
};
