// End-to-end helpers for the grade widgets: real SDK clients signed in to the real demo server
// (parent, teacher), and a `fetch` in front of that server that can drop chosen requests, as a
// lost connection would (the server itself stays real).
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { diaryServerUrl, latestCode } from './diary-server';

/** Demo accounts and ids of `--seed demo` (packages/server/src/seed/demo-world.ts). */
export const WORLD = {
  parent: '+79990000001',
  otherParent: '+79990000002',
  mathTeacher: '+79990000011',
  maria: 'chd_maria',
  alexander: 'chd_alexander',
  math: 'sub_42_math',
} as const;

/** A fetch that fails the next `count` requests whose path contains `path`, then passes. */
export interface FlakyFetch {
  readonly fetch: typeof fetch;
  failNext(path: string, count?: number): void;
}

export function flakyFetch(): FlakyFetch {
  const plans: { path: string; left: number }[] = [];
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const plan = plans.find((p) => p.left > 0 && url.pathname.includes(p.path));
    if (plan) {
      plan.left -= 1;
      throw new TypeError('fetch failed');
    }
    return fetch(input, init);
  };
  return {
    fetch: wrapped as typeof fetch,
    failNext: (path, count = 1) => void plans.push({ path, left: count }),
  };
}

/** A real client of the test server, signed in with the password and the SMS code. */
export async function signedInClient(
  phone: string,
  options: { fetch?: typeof fetch } = {},
): Promise<{ client: DiaryClient; url: string }> {
  const url = await diaryServerUrl();
  const client = createDiaryClient({
    baseUrl: url,
    storage: false,
    syncTabs: false,
    retry: { limit: 0 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { challengeId } = await client.auth.login({ phone, password: 'school-diary-demo' });
  await client.auth.verify({ challengeId, code: await latestCode(url, phone) });
  return { client, url };
}

/** A client of the test server that nobody signed in to. */
export async function signedOutClient(): Promise<DiaryClient> {
  return createDiaryClient({ baseUrl: await diaryServerUrl(), storage: false, syncTabs: false });
}

/** A school day of the demo year that is not in the future (marks must not be). */
export function markDate(): string {
  const today = new Date().toISOString().slice(0, 10);
  return today >= '2026-09-01' && today <= '2027-05-31' ? today : '2026-11-24';
}
