import {
  routeGroups,
  routeManifest,
  type RouteGroupName,
  type RouteSpec,
  type Routes,
} from '@school-diary/core';
import {
  createLazyClient,
  internalsOf,
  type Client,
  type ClientOptions,
  type GroupLoader,
} from './create-client';
import { LiveEvents, type LiveEventsOptions } from './events';
import { Outbox, type OutboxOptions } from './outbox';

/**
 * Options of {@link createDiaryClient}.
 *
 * @example
 * createDiaryClient({
 *   baseUrl: 'https://diary.school42.ru',
 *   persistSession: localStorageSession(),
 *   events: { maxRetryDelayMs: 60_000 },
 * });
 */
export interface DiaryClientOptions extends ClientOptions {
  /** Reconnection of the live-event stream. */
  readonly events?: LiveEventsOptions;
  /** The offline outbox. */
  readonly outbox?: OutboxOptions;
}

/**
 * The whole diary API as typed methods grouped by resource (`client.grades.list(...)`), with
 * the session (`client.session`), live events (`client.events`) and the offline outbox
 * (`client.outbox`).
 *
 * @example
 * function gradeTable(client: DiaryClient, childId: string) {
 *   return client.grades.list.watch({ childId }, ({ data }) => render(data.items));
 * }
 */
export type DiaryClient = Omit<Client<Routes>, 'events'> & {
  /** Live events of the signed-in user. */
  readonly events: LiveEvents;
  /** Messages written offline, sent when the connection returns. */
  readonly outbox: Outbox;
};

/** Loads one group of core's operations with its schemas: a chunk of its own in a bundle. */
const loadGroup: GroupLoader = async (group) =>
  (await routeGroups[group as RouteGroupName]()).operations as unknown as Readonly<
    Record<string, RouteSpec>
  >;

/**
 * Creates a client of the whole diary API. Methods are derived from core's route table: each
 * takes one object with the path parameters, query and body fields, and an optional
 * `{ signal }`. The page loads only core's schema-free manifest. With `validateResponses: true`
 * every answer is checked against core's schema: zod and the schemas then load on the first call
 * (one chunk, once), so the first call waits for them as well as for the server; by default
 * (`false`) they never load.
 *
 * @example
 * const client = createDiaryClient({
 *   baseUrl: 'https://diary.school42.ru',
 *   language: 'ru',
 *   validateResponses: import.meta.env.DEV,
 *   onSessionChange: (change) => console.log(change.type),
 * });
 * const { challengeId } = await client.auth.login({ phone: '+7 999 000-00-01', password });
 * await client.auth.verify({ challengeId, code: smsCode });
 * const { items: children } = await client.children.list();
 * const stop = client.grades.list.watch({ childId: children[0].id }, ({ data }) => show(data.items));
 */
export function createDiaryClient(options: DiaryClientOptions): DiaryClient {
  const client = createLazyClient<Routes>(options, routeManifest, loadGroup);
  const internals = internalsOf(client);
  return Object.assign(client, {
    events: new LiveEvents(internals, options.events),
    outbox: new Outbox(internals, options.outbox),
  }) as unknown as DiaryClient;
}
