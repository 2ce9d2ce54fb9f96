/**
 * The contract of the School Diary Kit: schemas, the route table, Russian identifier validators,
 * grade maths and CSV.
 *
 * @packageDocumentation
 * @module @school-diary/core
 */
// This file only re-exports.

export * from './messages/index.js';
export * from './identifiers/index.js';
export * from './schemas/index.js';
export * from './grades/index.js';
export * from './routes/index.js';
export * from './csv/index.js';
export * from './calendar/index.js';
export * from './import/index.js';
