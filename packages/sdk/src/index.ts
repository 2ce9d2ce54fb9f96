/**
 * The typed client of the School Diary API: `createDiaryClient`, its errors, session, cache,
 * outbox and live events, and the named types of every operation.
 *
 * @packageDocumentation
 * @module @school-diary/sdk
 */
// This file only re-exports.

// Clients
export * from './create-diary-client';
export { createClient, type Client, type ClientBase, type ClientOptions } from './create-client';
export * from './route-method';
export * from './diary-api';

// Errors
export * from './errors';

// Session
export { DiarySession, type SessionChange, type SignOutReason } from './session';
export { localStorageSession, type SessionStorage, type StoredSession } from './session-storage';

// Transport options
export type { RetryOptions } from './transport';

// Offline: cache, watching, outbox
export { indexedDbStorage, memoryStorage, type DiaryStorage, type KeyValueStore } from './storage';
export type { Snapshot, Unsubscribe, WatchOptions } from './watch';
export * from './outbox';
export * from './client-id';

// Live events
export * from './events';

// Helpers
export * from './csv';
export * from './pdf';
export * from './save-file';
export {
  arithmeticAverage,
  finalMark,
  marksNeeded,
  marksNeededOptions,
  summarizeBySubject,
  weightedAverage,
} from '@school-diary/core';
