// A small stand-in for the SDK client in unit tests: real SDK error classes, every call recorded,
// any operation replaceable. End-to-end tests use the real client against the real server.
import type {
  Application,
  Challenge,
  Child,
  RegisterInput,
  School,
  Session,
  User,
} from '@school-diary/core';
import { DiaryApiError, DiaryNetworkError, type SessionChange } from '@school-diary/sdk';
import type { WidgetClient } from '../shared/client';

/** The instant the fake world stands at. */
export const FAKE_NOW = new Date('2026-11-24T09:00:00Z');

export const PARENT: User = {
  id: 'usr_parent',
  role: 'parent',
  phone: '+79990000001',
  lastName: 'Иванова',
  firstName: 'Елена',
  identityStatus: 'confirmed_in_person',
  createdAt: '2026-01-10T09:00:00Z',
};

export const SCHOOLS: School[] = [
  {
    id: 'sch_42',
    code: '770042',
    name: 'Школа № 42',
    shortName: 'Школа № 42',
    region: 'Москва',
    address: 'Москва, ул. Ленина, 1',
    levels: ['primary', 'basic', 'secondary'],
    profiles: [],
    diaryConnected: true,
    timeZone: 'Europe/Moscow',
    requiresSnils: false,
  },
  {
    id: 'sch_17',
    code: '770017',
    name: 'Лицей № 17',
    shortName: 'Лицей № 17',
    region: 'Москва',
    address: 'Москва, ул. Гагарина, 17',
    levels: ['basic', 'secondary'],
    profiles: ['физико-математический'],
    diaryConnected: true,
    timeZone: 'Europe/Moscow',
    requiresSnils: true,
  },
  {
    id: 'sch_5',
    code: '770005',
    name: 'Школа № 5',
    shortName: 'Школа № 5',
    region: 'Москва',
    address: 'Москва, ул. Мира, 5',
    levels: ['primary'],
    profiles: [],
    diaryConnected: false,
    timeZone: 'Europe/Moscow',
    requiresSnils: false,
  },
];

/** A challenge sent `now`: expires in 10 minutes, may be resent after 60 seconds. */
export function challengeAt(now: Date, id = 'chl_1'): Challenge {
  return {
    challengeId: id,
    expiresAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    resendAfter: new Date(now.getTime() + 60_000).toISOString(),
    sentTo: '+7 999 ***-**-01',
  };
}

export const apiError = (
  status: number,
  code: ConstructorParameters<typeof DiaryApiError>[0]['code'],
  extra: Partial<ConstructorParameters<typeof DiaryApiError>[0]> = {},
) => new DiaryApiError({ status, code, message: `server: ${code}`, ...extra });

export const networkError = () => new DiaryNetworkError('offline');

type Call = { readonly method: string; readonly input: unknown };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A {@link WidgetClient} whose answers a test can replace, with a log of calls. */
export interface FakeClient extends WidgetClient {
  readonly auth: Mutable<WidgetClient['auth']>;
  readonly children: Mutable<WidgetClient['children']>;
  readonly schools: Mutable<WidgetClient['schools']>;
  readonly applications: Mutable<WidgetClient['applications']>;
  readonly calls: Call[];
  signIn(user?: User): void;
  signOut(): void;
  callsOf(method: string): unknown[];
}

/** Makes a fake client; `signedIn` starts with the parent signed in. */
export function fakeClient(options: { signedIn?: boolean; now?: () => Date } = {}): FakeClient {
  const now = options.now ?? (() => FAKE_NOW);
  const calls: Call[] = [];
  const listeners = new Set<(change: SessionChange) => void>();
  let user: User | undefined = options.signedIn === false ? undefined : PARENT;
  let challenges = 0;
  const log =
    <I, O>(method: string, run: (input: I) => Promise<O>) =>
    (input: I) => {
      calls.push({ method, input });
      return run(input);
    };
  const nextChallenge = () => challengeAt(now(), `chl_${(challenges += 1)}`);
  const session = (): Session => ({
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: PARENT,
  });
  let child: Child | undefined;
  let newcomer: User | undefined;
  let newPassword = '';
  let signingIn: User | undefined;
  const client: FakeClient = {
    calls,
    callsOf: (method: string) => calls.filter((c) => c.method === method).map((c) => c.input),
    signIn(next = PARENT) {
      user = next;
      for (const l of listeners) l({ type: 'signed-in', user: next });
    },
    signOut() {
      user = undefined;
      for (const l of listeners) l({ type: 'signed-out', reason: 'logout' });
    },
    session: {
      get user() {
        return user;
      },
      onChange(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } as FakeClient['session'],
    auth: {
      // The reference server answers a taken number like a new one (and tells the owner by SMS);
      // this fake refuses it on the phone field, so a server field error can be tested.
      register: log('auth.register', async (input: RegisterInput) => {
        if (input.phone === PARENT.phone) {
          throw apiError(409, 'conflict', {
            fields: [{ path: 'phone', code: 'already_registered', message: 'x' }],
          });
        }
        newcomer = {
          id: 'usr_new',
          role: 'parent',
          phone: input.phone,
          lastName: input.lastName,
          firstName: input.firstName,
          identityStatus: 'unconfirmed',
          createdAt: now().toISOString(),
        };
        newPassword = input.password;
        return { user: newcomer, challenge: nextChallenge() };
      }),
      confirmIdentity: log(
        'auth.confirmIdentity',
        async (input: { challengeId: string; code: string }) => {
          if (input.code !== '123456' || !newcomer) {
            throw apiError(400, 'code_invalid', {
              fields: [{ path: 'code', code: 'format', message: 'x' }],
            });
          }
          newcomer = { ...newcomer, identityStatus: 'confirmed_sms' };
          return newcomer;
        },
      ),
      login: log('auth.login', async (input: { phone: string; password: string }) => {
        if (input.phone === PARENT.phone && input.password === 'school-diary-demo')
          return nextChallenge();
        if (newcomer?.identityStatus === 'confirmed_sms' && input.phone === newcomer.phone) {
          if (input.password === newPassword) {
            signingIn = newcomer;
            return nextChallenge();
          }
        }
        throw apiError(401, 'invalid_credentials');
      }),
      verify: log('auth.verify', async (input: { challengeId: string; code: string }) => {
        if (input.code !== '123456') {
          throw apiError(400, 'code_invalid', {
            fields: [{ path: 'code', code: 'format', message: 'x' }],
          });
        }
        const who = signingIn ?? PARENT;
        signingIn = undefined;
        client.signIn(who);
        return { ...session(), user: who };
      }),
      resend: log('auth.resend', async () => nextChallenge()),
      recoveryStart: log('auth.recoveryStart', async () => nextChallenge()),
      recoveryComplete: log('auth.recoveryComplete', async () => undefined),
      logout: log('auth.logout', async () => client.signOut()),
    },
    schools: {
      search: log('schools.search', async (input?: { q?: string }) => {
        const q = (input?.q ?? '').toLowerCase();
        const items = SCHOOLS.filter((s) => s.name.toLowerCase().includes(q));
        return { items, total: items.length, page: 1, pageSize: 8 };
      }),
    },
    children: {
      create: log('children.create', async (input: Record<string, string>) => {
        child = {
          id: 'chd_new',
          lastName: input.lastName ?? '',
          firstName: input.firstName ?? '',
          middleName: input.middleName || undefined,
          birthDate: input.birthDate ?? '',
          sex: input.sex === 'female' ? 'female' : 'male',
          snils: input.snils || undefined,
          status: 'pending_confirmation',
          createdAt: now().toISOString(),
        };
        return { child, challenge: nextChallenge() };
      }),
      confirm: log('children.confirm', async (input: { code: string }) => {
        if (input.code !== '123456') {
          throw apiError(400, 'code_invalid', {
            fields: [{ path: 'code', code: 'format', message: 'x' }],
          });
        }
        child = { ...(child as Child), status: 'confirmed' };
        return child;
      }),
      linkSchool: log(
        'children.linkSchool',
        async (input: { childId: string; schoolCode: string; rosterId: string }) => ({
          id: 'lnk_1',
          childId: input.childId,
          schoolId: 'sch_42',
          schoolName: 'Школа № 42',
          classId: 'cls_42_5a',
          className: '5А',
          rosterId: input.rosterId,
          linkedAt: now().toISOString(),
        }),
      ),
      search: log('children.search', async () => ({ items: child ? [child] : [] })),
    },
    applications: {
      create: log(
        'applications.create',
        async (input: { childId: string; schoolYear: string }): Promise<Application> => ({
          id: 'app_1',
          number: 'ЭД-2026-000042',
          childId: input.childId,
          schoolId: 'sch_42',
          schoolYear: input.schoolYear,
          status: 'submitted',
          history: [{ status: 'submitted', at: now().toISOString() }],
          createdAt: now().toISOString(),
          updatedAt: now().toISOString(),
        }),
      ),
    },
  } as unknown as FakeClient;
  return client;
}
