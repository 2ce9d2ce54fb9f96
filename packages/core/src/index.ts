/**
 * The contract of the School Diary Kit: schemas, the route table, Russian identifier validators,
 * grade maths and CSV.
 *
 * @packageDocumentation
 * @module @school-diary/core
 */
// This file only re-exports.

// Errors, messages, languages
export * from './error-codes';
export * from './lang';
export * from './messages';
export * from './field-errors';
export * from './rule';
export * from './api-messages';

// Russian identifiers and personal data
export * from './snils';
export * from './inn';
export * from './phone';
export * from './person-name';
export * from './birth-date';
export * from './email';
export * from './passport';
export * from './birth-certificate';
export * from './school-code';
export * from './password';
export * from './one-time-code';

// Domain schemas
export * from './schemas/common';
export * from './schemas/error-response';
export * from './schemas/user';
export * from './schemas/school';
export * from './schemas/child';
export * from './schemas/application';
export * from './schemas/calendar';
export * from './schemas/attachment';
export * from './schemas/timetable';
export * from './schemas/mark';
export * from './mark-text';
export * from './schemas/attendance';
export * from './schemas/chat';
export * from './schemas/notification';
export * from './schemas/portfolio';
export * from './schemas/news';
export * from './schemas/support';
export * from './schemas/events';

// The route table
export * from './route';
export * from './with-schemas';
export * from './routes';
export * from './route-manifest';
export * from './route-groups';

// Grade maths
export * from './grade-average';
export * from './final-mark';
export * from './period-summary';
export * from './grade-trend';
export * from './year-comparison';
export * from './marks-needed';

// CSV export
export * from './csv';
export * from './marks-csv';
