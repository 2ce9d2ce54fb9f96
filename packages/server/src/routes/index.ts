import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { absencesHandlers } from './absences';
import { adminHandlers } from './admin';
import { applicationsHandlers } from './applications';
import { assessmentsHandlers } from './assessments';
import { attachmentsHandlers } from './attachments';
import { attendanceHandlers } from './attendance';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { childrenHandlers } from './children';
import { devHandlers } from './dev';
import { eventsHandlers } from './events';
import { classMarksHandlers, gradesHandlers, thresholdsHandlers } from './grades';
import { homeworkHandlers } from './homework';
import { importsHandlers } from './imports';
import { journalHandlers } from './journal';
import { newsHandlers } from './news';
import { notesHandlers } from './notes';
import { notificationSettingsHandlers } from './notification-settings';
import { notificationsHandlers } from './notifications';
import { periodHandlers } from './periods';
import { portfolioHandlers } from './portfolio';
import { scheduleHandlers } from './schedule';
import { setupHandlers } from './setup';
import { setupCalendarHandlers } from './setup-calendar';
import { setupEditHandlers } from './setup-edit';
import { classesHandlers, schoolsHandlers } from './schools';
import { supportHandlers } from './support';
import { threadsHandlers } from './threads';

/** Every handler of the server, by route-table group. */
export function createHandlers(s: Services): Handlers {
  return {
    auth: authHandlers(s),
    dev: devHandlers(s),
    admin: adminHandlers(s),
    setup: { ...setupHandlers(s), ...setupEditHandlers(s), ...setupCalendarHandlers(s) },
    imports: importsHandlers(s),
    children: { ...childrenHandlers(s), ...periodHandlers(s) },
    schools: schoolsHandlers(s),
    classes: { ...classesHandlers(s), ...classMarksHandlers(s) },
    applications: applicationsHandlers(s),
    grades: gradesHandlers(s),
    thresholds: thresholdsHandlers(s),
    schedule: scheduleHandlers(s),
    homework: homeworkHandlers(s),
    assessments: assessmentsHandlers(s),
    attendance: attendanceHandlers(s),
    absences: absencesHandlers(s),
    journal: journalHandlers(s),
    support: supportHandlers(s),
    audit: auditHandlers(s),
    notifications: { ...notificationsHandlers(s), ...notificationSettingsHandlers(s) },
    events: eventsHandlers(s),
    threads: threadsHandlers(s),
    attachments: attachmentsHandlers(s),
    portfolio: portfolioHandlers(s),
    news: newsHandlers(s),
    notes: notesHandlers(s),
  };
}
