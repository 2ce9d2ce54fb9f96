import type { Lang, Role } from '@school-diary/core';
import { createDiaryClient, type DiaryClient } from '../create-diary-client';
import type { SessionChange } from '../session';
import { demoFixtures, type MemoryFixtures } from './fixtures';
import { MemoryDiary } from './memory-diary';
import { memoryFetch, type MemoryFailure } from './memory-fetch';

/**
 * Options of {@link createMemoryClient}.
 *
 * @example
 * createMemoryClient({ signedInAs: null, language: 'en', latencyMs: 800 }); // a login story
 */
export interface MemoryClientOptions {
  /** The data to serve; {@link demoFixtures} by default. */
  readonly fixtures?: MemoryFixtures;
  /**
   * Another memory client's server (`other.memory`), to be a second device of the same diary
   * (then `fixtures` and `now` are that server's).
   */
  readonly memory?: MemoryDiary;
  /**
   * Start signed in as the first fixture user of this role (or as the user with this id);
   * `null` starts signed out, to show a login form.
   * @default 'parent'
   */
  readonly signedInAs?: Role | (string & {}) | null;
  /** @default 'ru' */
  readonly language?: Lang;
  /** Milliseconds every answer takes, to show loading states in stories. */
  readonly latencyMs?: number;
  /**
   * Operations that fail, by `group.name` of core's route table, to show error states:
   * `{ 'grades.list': { status: 500, code: 'internal' } }`, or `'network'` for no connection.
   */
  readonly failures?: Readonly<Record<string, MemoryFailure>>;
  /**
   * The memory server's clock ("today" for the current period, times of new marks and messages).
   * @default () => new Date('2026-11-24T09:00:00.000Z')
   */
  readonly now?: () => Date;
  readonly onSessionChange?: (change: SessionChange) => void;
  /**
   * Check every answer against core's schemas, as `createDiaryClient({ validateResponses })`
   * does: on here, so a story or a test fails loudly on data that breaks the contract.
   * @default true
   */
  readonly validateResponses?: boolean;
}

/**
 * A memory client: a {@link DiaryClient}, and the state behind it as `memory`.
 *
 * @example
 * const client: MemoryClient = createMemoryClient();
 * client.memory.addMark({ childId: 'chd_maria', subjectId: 'sub_42_math', value: 2, kind: 'test' });
 */
export type MemoryClient = DiaryClient & {
  /** The memory server: its data, and helpers that make things happen (`addMark`, `publish`). */
  readonly memory: MemoryDiary;
};

/**
 * Where a memory client pretends the server is.
 *
 * @example
 * client.memory; // the data behind requests to MEMORY_BASE_URL, never the network
 */
export const MEMORY_BASE_URL = 'https://diary.memory.invalid';

/**
 * A client with the same typed interface as `createDiaryClient`'s, over in-memory data: for
 * stories, demos and integrators' tests of their own pages without a server. Input is validated
 * with core's schemas as the server does (a `DiaryApiError` with localised field errors), writes
 * change the data, and live events flow. Log in with any fixture phone, the password
 * {@link MEMORY_PASSWORD} and the code {@link MEMORY_CODE}. Every operation the widgets call is
 * served (see `MEMORY_HANDLERS`), a parent's registration with its code, the portfolio, uploads
 * and the school admin's `setup.*` and `imports.*` (the roster template as CSV, read with core's
 * column rules, and the OneRoster export) too; OpenID Connect sign-in, notes and downloads
 * answer 501. `failures` makes chosen operations fail, for error states.
 *
 * @example
 * import { createMemoryClient } from '@school-diary/sdk/testing';
 *
 * const client = createMemoryClient();            // signed in as Иванова Елена
 * const { items } = await client.grades.list({ childId: 'chd_maria' });
 * client.events.on('mark.created', (e) => console.log(e.data.value));
 * client.memory.addMark({ childId: 'chd_maria', subjectId: 'sub_42_math', value: 5, kind: 'test' });
 */
export function createMemoryClient(options: MemoryClientOptions = {}): MemoryClient {
  const now = options.now ?? (() => new Date('2026-11-24T09:00:00.000Z'));
  const memory = options.memory ?? new MemoryDiary(options.fixtures ?? demoFixtures(), now);
  const client = createDiaryClient({
    baseUrl: MEMORY_BASE_URL,
    fetch: memoryFetch(memory, {
      ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
      ...(options.failures ? { failures: options.failures } : {}),
    }),
    storage: false,
    syncTabs: false,
    retry: { limit: 0 },
    language: options.language ?? 'ru',
    events: { retryDelayMs: 100 },
    validateResponses: options.validateResponses ?? true,
    ...(options.onSessionChange ? { onSessionChange: options.onSessionChange } : {}),
  });
  const who = options.signedInAs === undefined ? 'parent' : options.signedInAs;
  if (who !== null) {
    const user = memory.data.users.find((u) => u.id === who || u.role === who);
    if (!user) throw new RangeError(`No fixture user is "${who}"`);
    void client.session.adopt(memory.issue(user.id));
  }
  return Object.assign(client, { memory });
}
