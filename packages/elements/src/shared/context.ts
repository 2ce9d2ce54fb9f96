import { createContext } from '@lit/context';
import type { Lang } from '@school-diary/core';
import type { SessionState, WidgetClient } from './client';

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
}

/**
 * The context key. A string (not a `Symbol()`) so that a provider and widgets coming from two
 * copies of the kit on one page still find each other.
 */
export const diaryContext = createContext<DiaryEnvironment>('school-diary:environment');
