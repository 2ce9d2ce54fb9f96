import { randomBytes } from 'node:crypto';

/** Makes new entity ids; injected so tests can predict them. */
export type IdGenerator = (prefix: string) => string;

/** Random, URL-safe ids with a readable prefix: `chd_5f1c9a0b2e7d4c11`. */
export const randomIds: IdGenerator = (prefix) =>
  `${prefix}_${randomBytes(9).toString('base64url')}`;
