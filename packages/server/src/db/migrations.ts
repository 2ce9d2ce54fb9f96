import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { journalMigration } from './migrations/003-journal';
import { chatMigration } from './migrations/004-chat';
import { notificationsMigration } from './migrations/005-notifications';
import { scaleOutMigration } from './migrations/006-scale-out';
import { dropChangeTriggersMigration } from './migrations/007-drop-change-triggers';
import { devOutboxMigration } from './migrations/008-dev-outbox';
import { privacyMigration } from './migrations/009-privacy';
import { deliveriesMigration } from './migrations/010-deliveries';
import { sealedDocumentsMigration } from './migrations/011-sealed-documents';
import { userLanguageMigration } from './migrations/012-user-language';
import { supportRoutingMigration } from './migrations/013-support-routing';
import { homeworkDoneMigration } from './migrations/014-homework-done';
import { absenceNoticesMigration } from './migrations/015-absence-notices';
import { newsDetailsMigration } from './migrations/016-news-details';
import { sessionDevicesMigration } from './migrations/017-session-devices';
import { schoolSetupMigration } from './migrations/018-school-setup';
import { journalBatchesMigration } from './migrations/019-journal-batches';
import { plannedAssessmentsMigration } from './migrations/020-planned-assessments';
import { handoffsMigration } from './migrations/021-handoffs';
import { quietHoursMigration } from './migrations/022-quiet-hours';
import { assessmentRemindersMigration } from './migrations/026-assessment-reminders';
import { staffExternalIdsMigration } from './migrations/028-staff-external-ids';
import { schoolChangesMigration } from './migrations/023-school-changes';
import { schoolCalendarMigration } from './migrations/024-school-calendar';
import { identityProvidersMigration } from './migrations/025-identity-providers';
import { applicationWithdrawalsMigration } from './migrations/027-application-withdrawals';
import { portfolioCommentOrderMigration } from './migrations/031-portfolio-comment-order';
import { rosterRecordsMigration } from './migrations/032-roster-records';
import { calendarExternalIdsMigration } from './migrations/036-calendar-external-ids';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists */
type Db = Kysely<any>;

/** 001: identity, onboarding, sessions, audit, notifications, support. */
const identity: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('schools')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('levels', 'text', (c) => c.notNull())
      .addColumn('profiles', 'text', (c) => c.notNull())
      .addColumn('diary_connected', 'integer', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('requires_snils', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('middle_name', 'text')
      .addColumn('email', 'text')
      .addColumn('snils', 'text')
      .addColumn('passport', 'text')
      .addColumn('school_id', 'text', (c) => c.references('schools.id'))
      .addColumn('contact_hours', 'text')
      .addColumn('identity_status', 'text', (c) => c.notNull())
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('subjects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('classes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('grade', 'integer', (c) => c.notNull())
      .addColumn('school_year', 'text', (c) => c.notNull())
      .addColumn('homeroom_teacher_id', 'text', (c) => c.references('users.id'))
      .execute();
    await db.schema
      .createTable('teaching')
      .addColumn('teacher_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
      .addPrimaryKeyConstraint('teaching_pk', ['teacher_id', 'class_id', 'subject_id'])
      .execute();
    await db.schema
      .createTable('roster')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('roster_id', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addUniqueConstraint('roster_school_roster_id', ['school_id', 'roster_id'])
      .execute();
    await db.schema
      .createTable('children')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('middle_name', 'text')
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull())
      .addColumn('snils', 'text')
      .addColumn('inn', 'text')
      .addColumn('birth_certificate', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('school_id', 'text', (c) => c.references('schools.id'))
      .addColumn('class_id', 'text', (c) => c.references('classes.id'))
      .addColumn('student_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('children_class').on('children').column('class_id').execute();
    await db.schema
      .createTable('parent_children')
      .addColumn('parent_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addPrimaryKeyConstraint('parent_children_pk', ['parent_id', 'child_id'])
      .execute();
    await db.schema
      .createTable('school_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
      .addColumn('roster_id', 'text', (c) => c.notNull())
      .addColumn('linked_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('school_links_child_school', ['child_id', 'school_id'])
      .execute();
    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('child_id', 'text', (c) => c.notNull().references('children.id'))
      .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
      .addColumn('school_year', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rejection_reason', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('application_history')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('actor_id', 'text')
      .execute();
    await db.schema
      .createTable('challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text')
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sends', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('resend_after', 'text', (c) => c.notNull())
      .addColumn('consumed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('access_hash', 'text', (c) => c.notNull().unique())
      .addColumn('refresh_hash', 'text', (c) => c.notNull().unique())
      .addColumn('access_expires_at', 'text', (c) => c.notNull())
      .addColumn('refresh_expires_at', 'text', (c) => c.notNull())
      .addColumn('rotated_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_family').on('sessions').column('family_id').execute();
    await db.schema
      .createTable('login_attempts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('login_attempts_ip_at')
      .on('login_attempts')
      .columns(['ip', 'at'])
      .execute();
    await db.schema
      .createTable('ip_blocks')
      .addColumn('ip', 'text', (c) => c.primaryKey())
      .addColumn('blocked_until', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('school_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text')
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('audit_school_at')
      .on('audit')
      .columns(['school_id', 'at'])
      .execute();
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('child_id', 'text')
      .addColumn('target_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('notifications_user')
      .on('notifications')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('tickets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('school_id', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ticket_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** 002: the durable live-event log and per-scope data versions (cache invalidation, ETags). */
const events: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('child_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_user_id').on('events').columns(['user_id', 'id']).execute();
    await db.schema
      .createTable('versions')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
  },
};

/** Every migration, in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_identity': identity,
  '002_events': events,
  '003_journal': journalMigration,
  '004_chat': chatMigration,
  '005_notifications': notificationsMigration,
  '006_scale_out': scaleOutMigration,
  '007_drop_change_triggers': dropChangeTriggersMigration,
  '008_dev_outbox': devOutboxMigration,
  '009_privacy': privacyMigration,
  '010_deliveries': deliveriesMigration,
  '011_sealed_documents': sealedDocumentsMigration,
  '012_user_language': userLanguageMigration,
  '013_support_routing': supportRoutingMigration,
  '014_homework_done': homeworkDoneMigration,
  '015_absence_notices': absenceNoticesMigration,
  '016_news_details': newsDetailsMigration,
  '017_session_devices': sessionDevicesMigration,
  '018_school_setup': schoolSetupMigration,
  '019_journal_batches': journalBatchesMigration,
  '020_planned_assessments': plannedAssessmentsMigration,
  '021_handoffs': handoffsMigration,
  '022_quiet_hours': quietHoursMigration,
  '023_school_changes': schoolChangesMigration,
  '024_school_calendar': schoolCalendarMigration,
  '025_identity_providers': identityProvidersMigration,
  '026_assessment_reminders': assessmentRemindersMigration,
  '027_application_withdrawals': applicationWithdrawalsMigration,
  '028_staff_external_ids': staffExternalIdsMigration,
  '031_portfolio_comment_order': portfolioCommentOrderMigration,
  '032_roster_records': rosterRecordsMigration,
  '036_calendar_external_ids': calendarExternalIdsMigration,
  // next: '037_…' (keep the numbers unique and increasing)
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** Brings the database to the latest schema version; throws if a migration fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
