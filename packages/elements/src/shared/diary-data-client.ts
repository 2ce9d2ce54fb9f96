import type { DiaryClient } from '@school-diary/sdk';
import type { Group, WidgetClient } from './client';

/** The SDK client as `<diary-schedule>` needs it: the child, the class timetable, live events. */
export interface ScheduleClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'get'>;
  readonly schedule: Group<'schedule', 'week' | 'substitutions'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** The SDK client as `<diary-chat>` needs it: teachers, threads, uploads, live events, outbox. */
export interface ChatClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'teachers'>;
  readonly threads: Group<'threads', 'list' | 'create' | 'messages' | 'read'>;
  readonly attachments: Group<'attachments', 'upload' | 'download'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
  readonly outbox: Pick<
    DiaryClient['outbox'],
    'items' | 'send' | 'retry' | 'discard' | 'subscribe' | 'onSent'
  >;
}

/** The SDK client as `<diary-application>` needs it: a child's applications, live events. */
export interface ApplicationClient extends WidgetClient {
  readonly applications: Group<'applications', 'create' | 'list' | 'activate'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** The SDK client as `<diary-support>` needs it: tickets, files, the school registry, live events. */
export interface SupportClient extends WidgetClient {
  readonly support: Group<'support', 'list' | 'create' | 'reply'>;
  readonly attachments: Group<'attachments', 'upload' | 'download'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** The SDK client as `<diary-portfolio>` needs it: the items, files, the child's subjects and terms. */
export interface PortfolioClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'teachers' | 'periods'>;
  readonly portfolio: Group<'portfolio', 'list' | 'create' | 'update' | 'comment'>;
  readonly attachments: Group<'attachments', 'upload' | 'download'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** The SDK client as `<diary-attendance>` needs it: periods, attendance, absence reports, files. */
export interface AttendanceClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'periods'>;
  readonly attendance: Group<'attendance', 'list'>;
  readonly absences: Group<'absences', 'list' | 'report'>;
  readonly attachments: Group<'attachments', 'upload' | 'download'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** The SDK client as `<diary-account>` needs it: one's own profile, phone, password, sessions. */
export interface AccountClient extends WidgetClient {
  readonly auth: WidgetClient['auth'] &
    Group<
      'auth',
      | 'me'
      | 'updateMe'
      | 'changePhone'
      | 'confirmPhone'
      | 'changePassword'
      | 'sessions'
      | 'revokeSession'
      | 'revokeOtherSessions'
    >;
}

/** The SDK client as `<diary-qr-handoff>` needs it: the hand-off on both devices. */
export interface HandoffClient extends WidgetClient {
  readonly auth: WidgetClient['auth'] &
    Group<'auth', 'createHandoff' | 'handoff' | 'decideHandoff' | 'claimHandoff' | 'redeemHandoff'>;
}

/** The SDK client as `<diary-child-card>` needs it: the card, its edits, its school changes. */
export interface ChildCardClient extends WidgetClient {
  readonly auth: WidgetClient['auth'];
  readonly children: WidgetClient['children'] &
    Group<
      'children',
      'get' | 'update' | 'schoolLinks' | 'history' | 'startSchoolChange' | 'confirmSchoolChange'
    >;
}

/** The SDK client as `<diary-audit-log>` needs it: the school's audit log. */
export interface AuditLogClient extends WidgetClient {
  readonly audit: Group<'audit', 'list'>;
}

/** The SDK client as `<diary-news>` needs it: the child (for its school) and the school's news. */
export interface NewsClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'get'>;
  readonly news: Group<'news', 'list' | 'get'>;
}

/** Whether every `group.operation` path names a function of the client. */
function provides(client: object | undefined, paths: readonly string[]): boolean {
  if (!client) return false;
  return paths.every((path) => {
    const [group, op] = path.split('.') as [string, string];
    const part = (client as Record<string, unknown>)[group] as Record<string, unknown> | undefined;
    return typeof part?.[op] === 'function';
  });
}

/** Whether the provider's client can serve `<diary-schedule>` (a full SDK client can). */
export const isScheduleClient = (client: WidgetClient | undefined): client is ScheduleClient =>
  provides(client, ['children.get', 'schedule.week', 'schedule.substitutions', 'events.on']);

/** Whether the client lists a child's homework by due date (the schedule shows it where due). */
export const hasHomeworkList = (
  client: ScheduleClient,
): client is ScheduleClient & { readonly homework: Group<'homework', 'list'> } =>
  provides(client, ['homework.list']);

/**
 * Whether the client reads a child's planned tests (`assessments.upcoming`): the schedule and the
 * homework show them on their day when it can.
 */
export const readsPlannedTests = <C extends object>(
  client: C | undefined,
): client is C & { readonly assessments: Group<'assessments', 'upcoming'> } =>
  provides(client, ['assessments.upcoming']);

/** Whether the provider's client can serve `<diary-chat>` (a full SDK client can). */
export const isChatClient = (client: WidgetClient | undefined): client is ChatClient =>
  provides(client, [
    'children.teachers',
    'threads.list',
    'threads.create',
    'threads.messages',
    'threads.read',
    'attachments.upload',
    'events.on',
    'outbox.send',
    'outbox.subscribe',
  ]);

/** Whether the provider's client can serve `<diary-application>` (a full SDK client can). */
export const isApplicationClient = (
  client: WidgetClient | undefined,
): client is ApplicationClient =>
  provides(client, [
    'applications.list',
    'applications.create',
    'applications.activate',
    'events.on',
  ]);

/** Whether the provider's client can serve `<diary-support>` (a full SDK client can). */
export const isSupportClient = (client: WidgetClient | undefined): client is SupportClient =>
  provides(client, [
    'support.list',
    'support.create',
    'support.reply',
    'attachments.upload',
    'attachments.download',
    'events.on',
  ]);

/** Whether the provider's client can serve `<diary-portfolio>` (a full SDK client can). */
export const isPortfolioClient = (client: WidgetClient | undefined): client is PortfolioClient =>
  provides(client, [
    'children.teachers',
    'children.periods',
    'portfolio.list',
    'portfolio.create',
    'portfolio.update',
    'portfolio.comment',
    'attachments.upload',
    'attachments.download',
    'events.on',
  ]);

/** Whether the provider's client can serve `<diary-attendance>` (a full SDK client can). */
export const isAttendanceClient = (client: WidgetClient | undefined): client is AttendanceClient =>
  provides(client, [
    'children.periods',
    'attendance.list',
    'absences.list',
    'absences.report',
    'attachments.upload',
    'events.on',
  ]);

/** Whether the provider's client can serve `<diary-account>` (a full SDK client can). */
export const isAccountClient = (client: WidgetClient | undefined): client is AccountClient =>
  provides(client, [
    'auth.me',
    'auth.updateMe',
    'auth.changePhone',
    'auth.confirmPhone',
    'auth.changePassword',
    'auth.sessions',
    'auth.revokeSession',
    'auth.revokeOtherSessions',
  ]);

/** Whether the provider's client can serve `<diary-audit-log>` (a full SDK client can). */
export const isAuditLogClient = (client: WidgetClient | undefined): client is AuditLogClient =>
  provides(client, ['audit.list']);

/** Whether the provider's client can serve `<diary-news>` (a full SDK client can). */
export const isNewsClient = (client: WidgetClient | undefined): client is NewsClient =>
  provides(client, ['children.get', 'news.list', 'news.get']);

/** Whether the provider's client can serve `<diary-qr-handoff>` (a full SDK client can). */
export const isHandoffClient = (client: WidgetClient | undefined): client is HandoffClient =>
  provides(client, [
    'auth.createHandoff',
    'auth.handoff',
    'auth.decideHandoff',
    'auth.claimHandoff',
    'auth.redeemHandoff',
  ]);

/** Whether the provider's client can serve `<diary-child-card>` (a full SDK client can). */
export const isChildCardClient = (client: WidgetClient | undefined): client is ChildCardClient =>
  provides(client, [
    'children.get',
    'children.update',
    'children.schoolLinks',
    'children.history',
    'children.startSchoolChange',
    'children.confirmSchoolChange',
    'auth.resend',
  ]);

/** The SDK client as `<diary-school-setup>` needs it: the admin's school year, classes, staff. */
export interface SchoolSetupClient extends WidgetClient {
  readonly classes: Group<'classes', 'list'>;
  readonly schools: Group<'schools', 'search' | 'get'>;
  readonly applications: Group<'applications', 'create' | 'list' | 'setStatus'>;
  readonly imports: Group<
    'imports',
    'preview' | 'apply' | 'exportRoster' | 'exportTimetable' | 'exportOneRoster'
  >;
  readonly setup: Group<
    'setup',
    | 'updateProfile'
    | 'schoolYears'
    | 'createSchoolYear'
    | 'updateSchoolYear'
    | 'removeSchoolYear'
    | 'holidays'
    | 'setHolidays'
    | 'createClass'
    | 'updateClass'
    | 'removeClass'
    | 'subjects'
    | 'createSubject'
    | 'updateSubject'
    | 'removeSubject'
    | 'staff'
    | 'roster'
    | 'inviteStaff'
    | 'bells'
    | 'setBells'
    | 'rounding'
    | 'setRounding'
    | 'timetableTemplate'
    | 'setTimetableTemplate'
    | 'generateTimetable'
  >;
}

/** Whether the provider's client can serve `<diary-school-setup>` (a full SDK client can). */
export const isSchoolSetupClient = (
  client: WidgetClient | undefined,
): client is SchoolSetupClient =>
  provides(client, [
    'classes.list',
    'imports.preview',
    'imports.apply',
    'imports.exportRoster',
    'imports.exportTimetable',
    'imports.exportOneRoster',
    'schools.get',
    'applications.list',
    'applications.setStatus',
    'setup.updateProfile',
    'setup.schoolYears',
    'setup.createSchoolYear',
    'setup.updateSchoolYear',
    'setup.removeSchoolYear',
    'setup.holidays',
    'setup.setHolidays',
    'setup.createClass',
    'setup.updateClass',
    'setup.removeClass',
    'setup.subjects',
    'setup.createSubject',
    'setup.updateSubject',
    'setup.removeSubject',
    'setup.staff',
    'setup.roster',
    'setup.inviteStaff',
    'setup.bells',
    'setup.setBells',
    'setup.rounding',
    'setup.setRounding',
    'setup.timetableTemplate',
    'setup.setTimetableTemplate',
    'setup.generateTimetable',
  ]);
