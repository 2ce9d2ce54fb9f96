// Test-only: the demo world's accounts and how to sign in to it through the SDK.
import { routes } from '@school-diary/core';

/** Demo accounts of `--seed demo`, all with the password {@link DEMO_PASSWORD}. */
export const DEMO = {
  /** Иванова Елена: children chd_maria (5 А) and chd_petr (8 Б). */
  parent: '+79990000001',
  /** Петров Андрей: child chd_alexander. */
  otherParent: '+79990000002',
  /** Орлов Сергей, teaches maths in 5 А. */
  mathTeacher: '+79990000011',
  maria: 'chd_maria',
  petr: 'chd_petr',
  alexander: 'chd_alexander',
  mariaClass: 'cls_42_5a',
  math: 'sub_42_math',
  mariaMathThread: 'thr_demo_maria_math',
} as const;

export const DEMO_PASSWORD = 'school-diary-demo';

/** The newest one-time code the dev outbox holds for a phone. */
export async function readCode(baseUrl: string, phone: string): Promise<string> {
  const response = await fetch(`${baseUrl}${routes.dev.sentMessages.path}`);
  const { items } = (await response.json()) as { items: { to: string; code?: string }[] };
  // Newest first: the first code for the phone is its latest.
  const code = items.find((item) => item.to === phone && item.code)?.code;
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

/** A client that can log in (any client of the SDK has these two methods). */
interface CanLogIn {
  readonly auth: {
    login(input: { phone: string; password: string }): Promise<{ challengeId: string }>;
    verify(input: { challengeId: string; code: string }): Promise<unknown>;
  };
}

/** Logs a client in with the one-time code the server "sent". */
export async function signIn(client: CanLogIn, baseUrl: string, phone: string): Promise<void> {
  const { challengeId } = await client.auth.login({ phone, password: DEMO_PASSWORD });
  await client.auth.verify({ challengeId, code: await readCode(baseUrl, phone) });
}

/** A date within the demo school year that is not in the future (marks must not be). */
export function markDate(): string {
  const today = new Date().toISOString().slice(0, 10);
  return today >= '2026-09-01' && today <= '2027-05-31' ? today : '2026-11-24';
}
