import type { User } from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';

/**
 * A client method as the widgets call it: one input object and optionally the call's options (an
 * abort signal), a promise of the answer.
 */
export type Plain<F> = F extends (input: infer A, options?: infer O) => infer R
  ? undefined extends A
    ? (input?: A, options?: O) => R
    : (input: A, options?: O) => R
  : never;

/** Some operations of one resource group of the SDK client. */
export type Group<G extends keyof DiaryClient, Ops extends keyof DiaryClient[G]> = {
  readonly [O in Ops]: Plain<DiaryClient[G][O]>;
};

/**
 * The part of the SDK's `DiaryClient` the widgets use, derived from its type: any `DiaryClient`
 * (`createDiaryClient`, or the SDK's in-memory client) fits, and so does a small test double.
 * Widgets never do HTTP: every request goes through this.
 */
export interface WidgetClient {
  readonly auth: Group<
    'auth',
    | 'register'
    | 'confirmIdentity'
    | 'login'
    | 'verify'
    | 'resend'
    | 'recoveryStart'
    | 'recoveryComplete'
    | 'logout'
    | 'providers'
    | 'oidcStart'
    | 'oidcComplete'
    | 'oidcLink'
  >;
  readonly children: Group<'children', 'create' | 'confirm' | 'linkSchool' | 'search'>;
  readonly schools: Group<'schools', 'search'>;
  readonly applications: Group<'applications', 'create'>;
  /** The SDK's session: who is signed in, and a subscription to changes. */
  readonly session: Pick<DiaryClient['session'], 'user' | 'onChange'>;
  /** Settles once a kept session has been restored (an SDK client has it). */
  readonly ready?: DiaryClient['ready'];
  /** Changes the language of the server's messages (the provider follows its `lang`). */
  readonly setLanguage?: DiaryClient['setLanguage'];
}

/** A client that can list the parent's children (any SDK client can). */
export interface ChildrenClient extends WidgetClient {
  readonly children: WidgetClient['children'] & Group<'children', 'list'>;
}

/** Whether the client can list the parent's children (a cut-down test double may not). */
export const canListChildren = (client: WidgetClient | undefined): client is ChildrenClient =>
  typeof (client?.children as { list?: unknown } | undefined)?.list === 'function';

/** Whether someone is signed in, as the provider tells its widgets. */
export interface SessionState {
  /** The signed-in user, or `undefined` when signed out. */
  readonly user: User | undefined;
  /** A kept session is still being restored: show a loading state, not «sign in». */
  readonly restoring: boolean;
}
