// The zod schemas of every entity and request of the diary.

export * from './rule.js';
export * from './identifiers.js';
export * from './common.js';
export * from './error-response.js';
export * from './user.js';
export * from './identity-provider.js';
export * from './school.js';
export * from './child.js';
export * from './application.js';
export * from './calendar.js';
export * from './attachment.js';
export * from './timetable.js';
export * from './mark.js';
export * from './attendance.js';
export * from './absence-notice.js';
export * from './chat.js';
export * from './notification.js';
export * from './notification-defaults.js';
export * from './portfolio.js';
export * from './news.js';
export * from './support.js';
export * from './events.js';
export * from './school-setup.js';
export * from './journal.js';
