/// <reference types="mocha" />
// The React integration in Chromium against the real server: react-dom renders the generated
// @lit/react wrappers (and, for React 19's own custom-element support, the bare tags typed by
// ./jsx), passes objects as properties and receives `diary-*` events through `on…` props.
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { DiaryClient } from '@school-diary/sdk';
import { DiaryGradeTable, DiaryLogin, DiaryProvider } from './react';
import type { DiaryGradeTable as GradeTableElement, DiaryPeriodChangeDetail } from './index';
import { settle } from './test-support/dom';
import { WORLD, signedInClient, signedOutClient } from './test-support/grades-world';

const loaded = async (table: GradeTableElement) => {
  await waitUntil(
    () =>
      !['loading', undefined].includes(
        table.shadowRoot?.querySelector<HTMLElement>('[part="base"]')?.dataset['state'],
      ) || table.shadowRoot?.querySelector('[part="unavailable"]'),
    'the table did not load',
    { timeout: 15_000 },
  );
  await settle(table);
};

function choosePeriod(table: GradeTableElement, value: string) {
  const select = table.shadowRoot?.querySelector<HTMLSelectElement>('#period');
  if (!select) throw new Error('no #period select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('React wrappers (@school-diary/elements/react) against the real server', function () {
  this.timeout(60_000);
  let parent: DiaryClient;
  let host: HTMLElement;
  let root: Root;

  const render = (node: ReactNode) => flushSync(() => root.render(node));

  before(async () => {
    ({ client: parent } = await signedInClient(WORLD.parent));
  });

  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('passes the client object as a property and hears diary-period-change via onDiaryPeriodChange', async () => {
    const heard: DiaryPeriodChangeDetail[] = [];
    render(
      createElement(
        DiaryProvider,
        { client: parent, lang: 'en' },
        createElement(DiaryGradeTable, {
          childId: WORLD.maria,
          onDiaryPeriodChange: (event) => heard.push(event.detail),
        }),
      ),
    );
    const provider = host.querySelector('diary-provider');
    const table = host.querySelector('diary-grade-table') as GradeTableElement;
    expect(provider?.client, 'an object prop is set as a property').to.equal(parent);
    expect(provider?.hasAttribute('client'), 'not stringified into an attribute').to.equal(false);
    expect(table.childId).to.equal(WORLD.maria);
    await loaded(table);
    expect(table.shadowRoot?.querySelector('[part="unavailable"]')).to.equal(null);
    expect(table.shadowRoot?.querySelectorAll('tbody tr[data-subject]').length).to.be.greaterThan(
      0,
    );

    choosePeriod(table, 'year');
    await settle(table);
    expect(heard).to.have.length(1);
    expect(heard[0]?.period).to.equal('year');
    expect(heard[0]?.from).to.match(/^\d{4}-\d{2}-\d{2}$/);
    await expect(host).to.be.accessible();
  });

  it('swaps the handler on re-render and stops listening when the prop is removed', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const tree = (handler?: (event: CustomEvent<DiaryPeriodChangeDetail>) => void) =>
      createElement(
        DiaryProvider,
        { client: parent },
        createElement(DiaryGradeTable, {
          childId: WORLD.maria,
          ...(handler ? { onDiaryPeriodChange: handler } : {}),
        }),
      );
    render(tree((event) => first.push(event.detail.period)));
    const table = host.querySelector('diary-grade-table') as GradeTableElement;
    await loaded(table);
    choosePeriod(table, 'year');
    render(tree((event) => second.push(event.detail.period)));
    choosePeriod(table, 'year');
    render(tree());
    choosePeriod(table, 'year');
    await settle(table);
    expect(first).to.deep.equal(['year']);
    expect(second).to.deep.equal(['year']);
  });

  it('renders the bare tag with React 19 (typed by ./jsx): property and ondiary-* listener', async () => {
    const heard: string[] = [];
    render(
      createElement(
        'diary-provider',
        { client: parent, lang: 'ru' },
        createElement('diary-grade-table', {
          'child-id': WORLD.maria,
          'ondiary-period-change': (event: CustomEvent<DiaryPeriodChangeDetail>) =>
            heard.push(event.detail.period),
        }),
      ),
    );
    const table = host.querySelector('diary-grade-table') as GradeTableElement;
    expect(host.querySelector('diary-provider')?.client).to.equal(parent);
    expect(table.getAttribute('child-id')).to.equal(WORLD.maria);
    await loaded(table);
    choosePeriod(table, 'year');
    await settle(table);
    expect(heard).to.deep.equal(['year']);
  });

  it('shows the element’s own sign-in message for a signed-out client, not a crash', async () => {
    const signedOut = await signedOutClient();
    render(
      createElement(
        DiaryProvider,
        { client: signedOut, lang: 'en' },
        createElement(DiaryGradeTable, { childId: WORLD.maria }),
      ),
    );
    const table = host.querySelector('diary-grade-table') as GradeTableElement;
    await loaded(table);
    expect(table.shadowRoot?.querySelectorAll('tbody tr[data-subject]').length).to.equal(0);
    expect(table.shadowRoot?.textContent ?? '').to.match(/sign in/i);
    await expect(host).to.be.accessible();
  });

  it('wraps every tag with its event map (diary-login → onDiaryLogin)', () => {
    render(createElement(DiaryLogin, { lang: 'en' }));
    const login = host.querySelector('diary-login');
    expect(login).to.be.instanceOf(customElements.get('diary-login') as CustomElementConstructor);
    expect(login?.lang).to.equal('en');
  });
});
