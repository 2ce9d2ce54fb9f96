// The small React app of the hydration test (react-hydration.e2e.test.ts): a page heading and
// three widgets through the kit's React wrappers, rendered by react-dom/server in Node and
// hydrated in Chromium from the same module, as docs/frameworks.md tells a Next.js page to do.
import { createElement as h, useSyncExternalStore, type ReactNode } from 'react';
import { DiaryGradeTable } from '../react-grade-table';
import { DiaryLogin } from '../react-login';
import { DiaryProvider } from '../react-provider';
import { DiarySchedule } from '../react-schedule';

const never = () => () => undefined;

/**
 * Its children only in the browser, after hydration: the server and the hydrating client both
 * render nothing here. `<diary-login>` writes its form into the page's DOM (password managers
 * look for it there) as soon as its provider has a client, which could come before hydration.
 */
function ClientOnly({ children }: { readonly children: ReactNode }) {
  const client = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  return client ? children : null;
}

/**
 * The page: the provider configured by attribute (`base-url` survives server HTML), the
 * shadow-DOM widgets rendered on the server as tags, the login only in the browser.
 */
export function HydrationApp({ baseUrl }: { readonly baseUrl: string }) {
  return h(
    DiaryProvider,
    { 'base-url': baseUrl, lang: 'ru' } as Record<string, string>,
    h(
      'main',
      null,
      h('h1', null, 'Электронный дневник'),
      h('p', null, 'Войдите, чтобы увидеть оценки и расписание.'),
      h(ClientOnly, null, h(DiaryLogin, null)),
      h(DiaryGradeTable, { childId: 'chd_maria' }),
      h(DiarySchedule, { childId: 'chd_maria' }),
    ),
  );
}
