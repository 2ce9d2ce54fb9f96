// Every group's routes in one module, so that a client's first call loads zod and all schemas as
// one chunk: one request on a slow connection instead of a waterfall of group and entity chunks,
// and less in total, since one chunk compresses as a whole.
export * as auth from './auth.js';
export * as admin from './admin.js';
export * as setup from './setup.js';
export * as imports from './imports.js';
export * as children from './children.js';
export * as schools from './schools.js';
export * as classes from './classes.js';
export * as applications from './applications.js';
export * as grades from './grades.js';
export * as thresholds from './thresholds.js';
export * as schedule from './schedule.js';
export * as homework from './homework.js';
export * as attendance from './attendance.js';
export * as absences from './absences.js';
export * as journal from './journal.js';
export * as threads from './threads.js';
export * as attachments from './attachments.js';
export * as notifications from './notifications.js';
export * as portfolio from './portfolio.js';
export * as news from './news.js';
export * as notes from './notes.js';
export * as support from './support.js';
export * as audit from './audit.js';
export * as events from './events.js';
export * as dev from './dev.js';
