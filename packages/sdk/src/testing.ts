/**
 * An in-memory client for stories and integrators' tests: `createMemoryClient` and its fixtures.
 *
 * @packageDocumentation
 * @module @school-diary/sdk/testing
 */
// Re-exports only.
export * from './testing/memory-client';
export * from './testing/fixtures';
export { MemoryDiary, MemoryApiError, MEMORY_CODE, MEMORY_PASSWORD } from './testing/memory-diary';
export { memoryFetch, type MemoryFailure, type MemoryFetchOptions } from './testing/memory-fetch';
export * from './testing/class-journal-fixtures';
