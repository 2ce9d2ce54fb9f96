// Validators and normalisers of what people type or upload: Russian identifiers, personal data,
// attachments. Plain functions without zod; their zod schemas are in schemas/identifiers.ts.

export * from './snils.js';
export * from './inn.js';
export * from './phone.js';
export * from './person-name.js';
export * from './birth-date.js';
export * from './email.js';
export * from './passport.js';
export * from './birth-certificate.js';
export * from './school-code.js';
export * from './password.js';
export * from './one-time-code.js';
export * from './attachment.js';
