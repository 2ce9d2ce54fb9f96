// Error codes, languages, the ru/en message catalogues and validation with field errors.

export * from './error-codes.js';
export * from './lang.js';
export * from './messages.js';
export * from './field-errors.js';
export * from './api-messages.js';
