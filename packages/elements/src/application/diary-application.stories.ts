// Stories of <diary-application> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: Мария's application in each state of its lifecycle.
import type { Application, ApplicationStatus } from '@school-diary/core';
import { demoFixtures, type MemoryFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-application',
  component: 'diary-application',
  parameters: {
    docs: {
      description: {
        component:
          "A child's diary application: its number, the steps with their dates, activation when the school approves, live moves.",
      },
    },
  },
};

const DAYS = ['2026-09-01T07:15:00.000Z', '2026-09-03T10:40:00.000Z', '2026-09-05T12:05:00.000Z'];

/**
 * Мария's application that went along `path` (rejected for `reason`, if given; withdrawn because
 * the child was unlinked).
 */
function withApplication(path: readonly ApplicationStatus[], reason?: string): MemoryFixtures {
  const f = demoFixtures();
  const status = path.at(-1) ?? 'submitted';
  const application: Application = {
    id: 'app_story',
    number: 'ЭД-2026-000004',
    childId: 'chd_maria',
    schoolId: 'sch_42',
    schoolYear: '2026/2027',
    status,
    ...(reason ? { rejectionReason: reason } : {}),
    history: path.map((s, i) => ({
      status: s,
      at: DAYS[i] ?? '2026-09-08T09:00:00.000Z',
      ...(s === 'rejected' && reason ? { reason } : {}),
      ...(s === 'withdrawn' ? { reasonCode: 'child_unlinked' as const } : {}),
    })),
    createdAt: DAYS[0] as string,
    updatedAt: DAYS[path.length - 1] ?? '2026-09-08T09:00:00.000Z',
  };
  f.applications.push(application);
  return f;
}

const page = (fixtures: MemoryFixtures, attrs: { lang?: string; theme?: string } = {}) =>
  html`<diary-provider
    .client=${storyClient({ fixtures })}
    lang=${attrs.lang ?? 'ru'}
    theme=${attrs.theme ?? 'light'}
  >
    <diary-application child-id="chd_maria"></diary-application>
  </diary-provider>`;

export const Checking = { render: () => page(withApplication(['submitted', 'checking'])) };

export const ReadyToActivate = {
  render: () => page(withApplication(['submitted', 'checking', 'ready'])),
};

export const Active = {
  render: () => page(withApplication(['submitted', 'checking', 'ready', 'active'])),
};

export const Rejected = {
  render: () =>
    page(withApplication(['submitted', 'checking', 'rejected'], 'Нет СНИЛС ребёнка в заявлении')),
};

/** The parent unlinked Мария from the school while the school was checking the application. */
export const Withdrawn = {
  render: () => page(withApplication(['submitted', 'checking', 'withdrawn'])),
};

export const NoApplicationYet = { render: () => page(demoFixtures()) };

export const EnglishDark = {
  render: () =>
    page(withApplication(['submitted', 'checking', 'ready']), { lang: 'en', theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = {
  render: () =>
    page(withApplication(['submitted', 'checking', 'rejected'], 'Нет СНИЛС ребёнка в заявлении')),
  ...phoneWidth,
};

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient()}>
      <diary-application child-id="chd_maria"></diary-application>
    </diary-provider>`,
};

export const ServerError = {
  render: () =>
    html`<diary-provider .client=${failingClient(['applications.list'])}>
      <diary-application child-id="chd_maria"></diary-application>
    </diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()}>
      <diary-application child-id="chd_maria"></diary-application>
    </diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-application child-id="chd_maria"></diary-application>`,
};
