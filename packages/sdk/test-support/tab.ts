// Test-only: the script of tab.html, a page that plays one browser tab of a site using the SDK.
// Query: ?server=<diary server URL>&key=<storage key>. The session is kept in localStorage and the
// cache and outbox in IndexedDB, as a site that opts in would; "offline" is a localStorage flag.
import { createDiaryClient } from '../src/create-diary-client';
import { localStorageSession } from '../src/session-storage';
import { indexedDbStorage } from '../src/storage';
import { offlineKey, type TabState } from './tab-state';

interface TabGlobals {
  readonly location: { readonly search: string };
  readonly localStorage: { getItem(key: string): string | null };
  diary?: unknown;
  tab?: TabState;
}

const page = globalThis as unknown as TabGlobals;
const query = new URLSearchParams(page.location.search);
const server = query.get('server') ?? '';
const key = query.get('key') ?? 'tab';
const tab: TabState = { skew: 0, refreshes: 0, requests: [], changes: [] };

page.tab = tab;
page.diary = createDiaryClient({
  validateResponses: true,
  baseUrl: server,
  persistSession: localStorageSession(`${key}:session`),
  storage: indexedDbStorage(key),
  retry: { limit: 0 },
  now: () => Date.now() + tab.skew,
  onSessionChange: (change) =>
    tab.changes.push(
      change.type === 'signed-out' ? `${change.type}:${change.reason}` : change.type,
    ),
  fetch: async (input, init) => {
    if (page.localStorage.getItem(offlineKey(key)) === '1') throw new TypeError('Failed to fetch');
    const request = new Request(input, init);
    if (request.url.endsWith('/auth/refresh')) tab.refreshes += 1;
    tab.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return fetch(request);
  },
});
