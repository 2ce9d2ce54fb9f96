// Stories of <diary-support> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: requests to Школа № 42 in each state.
import type { Ticket } from '@school-diary/core';
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
  title: 'Widgets/diary-support',
  component: 'diary-support',
  parameters: {
    docs: {
      description: {
        component:
          'Support requests: the list, a new request, the conversation with the school, live answers.',
      },
    },
  },
};

const message = (id: string, authorId: string, text: string, at: string) => ({
  id,
  authorId,
  authorRole: authorId.startsWith('usr_admin') ? ('school_admin' as const) : ('parent' as const),
  text,
  at,
  attachments: [],
});

/** Two requests of Иванова: one answered by the school, one still open. */
function withTickets(): MemoryFixtures {
  const f = demoFixtures();
  const answered: Ticket = {
    id: 'tkt_story_1',
    number: 'ОБР-000001',
    authorId: 'usr_parent_ivanova',
    subject: 'Не приходит СМС с кодом',
    status: 'answered',
    schoolId: 'sch_42',
    messages: [
      message(
        'tmsg_1',
        'usr_parent_ivanova',
        'Второй день не приходит СМС при входе.',
        '2026-11-20T08:00:00.000Z',
      ),
      message(
        'tmsg_2',
        'usr_admin_42',
        'Проверьте номер телефона в профиле: в нём была опечатка, мы её исправили.',
        '2026-11-20T10:30:00.000Z',
      ),
    ],
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-20T10:30:00.000Z',
  };
  const open: Ticket = {
    id: 'tkt_story_2',
    number: 'ОБР-000002',
    authorId: 'usr_parent_ivanova',
    subject: 'Когда проверят заявление?',
    status: 'open',
    schoolId: 'sch_42',
    applicationNumber: 'ЭД-2026-000001',
    messages: [
      message(
        'tmsg_3',
        'usr_parent_ivanova',
        'Заявление подано неделю назад.',
        '2026-11-23T09:00:00.000Z',
      ),
    ],
    createdAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
  f.tickets.push(open, answered);
  return f;
}

const page = (
  fixtures: MemoryFixtures,
  attrs: { lang?: string; theme?: string; ticketId?: string } = {},
) =>
  html`<diary-provider
    .client=${storyClient({ fixtures })}
    lang=${attrs.lang ?? 'ru'}
    theme=${attrs.theme ?? 'light'}
  >
    <diary-support ticket-id=${attrs.ticketId ?? ''}></diary-support>
  </diary-provider>`;

export const List = { render: () => page(withTickets()) };

export const Conversation = { render: () => page(withTickets(), { ticketId: 'tkt_story_1' }) };

export const NoRequestsYet = { render: () => page(demoFixtures()) };

export const EnglishDark = {
  render: () => page(withTickets(), { lang: 'en', theme: 'dark', ticketId: 'tkt_story_1' }),
  ...darkBackground,
};

export const PhoneWidth = {
  render: () => page(withTickets(), { ticketId: 'tkt_story_1' }),
  ...phoneWidth,
};

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient()}
      ><diary-support></diary-support
    ></diary-provider>`,
};

export const ServerError = {
  render: () =>
    html`<diary-provider .client=${failingClient(['support.list'])}
      ><diary-support></diary-support
    ></diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()}
      ><diary-support></diary-support
    ></diary-provider>`,
};

export const OutsideAProvider = { render: () => html`<diary-support></diary-support>` };
