import { createContext } from '@lit/context';
import type { Child, Lang } from '@school-diary/core';
import type { SessionState, WidgetClient } from './client';

/**
 * The signed-in parent's children as the provider knows them, and which one the widgets without
 * a `child-id` show. The list is loaded the first time a widget asks for it.
 */
export interface ChildrenState {
  /** `idle` until a widget asks, then `loading`, `ready` or `error`. */
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** The children, in the server's order (empty until `ready`). */
  readonly items: readonly Child[];
  /** The selected child: the one the parent chose, else the first (the only one, often). */
  readonly selectedId: string | undefined;
  /** Why the list could not be loaded (`status: 'error'`). */
  readonly error?: unknown;
}

/** What `<diary-provider>` hands to every widget inside it. */
export interface DiaryEnvironment {
  /** The SDK client; `undefined` when the provider has neither a client nor a `base-url`. */
  readonly client: WidgetClient | undefined;
  /** The provider's language (a widget's own `lang` wins). */
  readonly lang: Lang;
  /** The school's IANA time zone for dates and times. */
  readonly timeZone: string;
  /** Who is signed in. */
  readonly session: SessionState;
  /** The parent's children and the selected one. */
  readonly children: ChildrenState;
  /** Loads the children once per sign-in (again after an error); a no-op when under way or done. */
  readonly loadChildren: () => void;
  /** Selects the child that widgets without `child-id` show. */
  readonly selectChild: (childId: string) => void;
}

/**
 * The context key. A string (not a `Symbol()`) so that a provider and widgets coming from two
 * copies of the kit on one page still find each other.
 */
export const diaryContext = createContext<DiaryEnvironment>('school-diary:environment');
