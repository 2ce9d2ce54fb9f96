/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  MEMORY_CODE,
  MEMORY_PASSWORD,
  createMemoryClient,
  demoFixtures,
} from '@school-diary/sdk/testing';
import { createDiaryClient } from '@school-diary/sdk';
import '../define';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import type { DiaryGradeTable } from '../grade-table/diary-grade-table';
import type { DiaryProvider } from '../provider/diary-provider';
import { settle, textOf } from '../test-support/dom';
import type { DiaryChildPicker } from './diary-child-picker';

type Client = ReturnType<typeof createMemoryClient>;

async function page(client: Client, table = html`<diary-grade-table></diary-grade-table>`) {
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client}
      ><diary-child-picker></diary-child-picker>${table}</diary-provider
    >`,
  );
  const picker = provider.querySelector('diary-child-picker') as DiaryChildPicker;
  const grades = provider.querySelector('diary-grade-table') as DiaryGradeTable;
  await waitUntil(
    () => provider.selectedChildId !== undefined || textOf(picker.shadowRoot).includes('нет'),
    'no children came',
  );
  await settle(picker);
  await settle(grades);
  return { provider, picker, grades };
}

const select = (picker: DiaryChildPicker) =>
  picker.shadowRoot?.querySelector('select') as HTMLSelectElement;

describe('<diary-child-picker>', () => {
  beforeEach(() => sessionStorage.clear());

  it('lists the parent’s children; widgets without child-id show the selected one', async () => {
    const { provider, picker, grades } = await page(createMemoryClient());
    const options = [...select(picker).options].map((o) => textOf(o));
    expect(options).to.deep.equal(['Мария Иванова', 'Пётр Иванов']);
    expect(textOf(picker.shadowRoot?.querySelector('label'))).to.equal('Ребёнок');
    expect(select(picker).value).to.equal('chd_maria');
    expect(grades.childId).to.equal('chd_maria');
    await expect(picker).to.be.accessible();

    const changed = oneEvent(provider, 'diary-child-change');
    select(picker).value = 'chd_petr';
    select(picker).dispatchEvent(new Event('change', { bubbles: true }));
    expect((await changed).detail.childId).to.equal('chd_petr');
    await settle(grades);
    expect(grades.childId).to.equal('chd_petr');
    expect(provider.selectedChildId).to.equal('chd_petr');
  });

  it('keeps the choice for the next page of the tab', async () => {
    const first = await page(createMemoryClient());
    first.provider.selectChild('chd_petr');
    first.provider.remove();
    const next = await page(createMemoryClient());
    expect(select(next.picker).value).to.equal('chd_petr');
    expect(next.grades.childId).to.equal('chd_petr');
  });

  it('names the only child instead of offering a choice, and the widgets show that child', async () => {
    const fixtures = demoFixtures();
    const family = fixtures.family.filter((f) => f.childId !== 'chd_petr');
    const { picker, grades } = await page(
      createMemoryClient({ fixtures: { ...fixtures, family } }),
    );
    expect(select(picker)).to.equal(null);
    expect(textOf(picker.shadowRoot)).to.equal('Ребёнок: Мария Иванова');
    expect(grades.childId).to.equal('chd_maria');
  });

  it('leaves a widget with its own child-id alone', async () => {
    const { provider, grades } = await page(
      createMemoryClient(),
      html`<diary-grade-table child-id="chd_petr"></diary-grade-table>`,
    );
    expect(provider.selectedChildId).to.equal('chd_maria');
    expect(grades.childId).to.equal('chd_petr');
  });

  it('says once that the parent has no children yet: the widget does, the picker is silent', async () => {
    const fixtures = demoFixtures();
    const family = fixtures.family.filter((f) => f.userId !== 'usr_parent_ivanova');
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ fixtures: { ...fixtures, family } })}
        ><diary-child-picker></diary-child-picker><diary-grade-table></diary-grade-table
      ></diary-provider>`,
    );
    const picker = provider.querySelector('diary-child-picker') as DiaryChildPicker;
    const grades = provider.querySelector('diary-grade-table') as DiaryGradeTable;
    await waitUntil(() => textOf(grades.shadowRoot).includes('нет'), 'no answer came');
    await settle(picker);
    expect(textOf(picker.shadowRoot)).to.equal('');
    expect(textOf(grades.shadowRoot)).to.contain('Детей в дневнике пока нет. Запишите ребёнка');
    expect(textOf(grades.shadowRoot)).not.to.contain('child-id');
  });

  it('shows a teacher no picker and never asks for children the teacher has none of', async () => {
    // The real server, and every request the teacher's client makes.
    const url = await diaryServerUrl();
    const requested: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      requested.push(input instanceof Request ? input.url : String(input));
      return globalThis.fetch(input, init);
    };
    const client = createDiaryClient({ baseUrl: url, storage: false, syncTabs: false, fetch });
    const phone = '+79990000011';
    const { challengeId } = await client.auth.login({ phone, password: 'school-diary-demo' });
    await client.auth.verify({ challengeId, code: await latestCode(url, phone) });
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}
        ><diary-child-picker></diary-child-picker
      ></diary-provider>`,
    );
    const picker = provider.querySelector('diary-child-picker') as DiaryChildPicker;
    await settle(picker);
    // One round trip to the server: time enough for a request the picker would have made.
    await client.threads.unread();
    expect(textOf(picker.shadowRoot)).to.equal('');
    expect(requested.filter((r) => new URL(r).pathname === '/api/v1/children')).to.deep.equal([]);
    client.close();
  });

  it('shows nothing while nobody is signed in, and the children once the parent signs in', async () => {
    const client = createMemoryClient({ signedInAs: null });
    const provider = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}
        ><diary-child-picker></diary-child-picker
      ></diary-provider>`,
    );
    const picker = provider.querySelector('diary-child-picker') as DiaryChildPicker;
    await settle(picker);
    expect(textOf(picker.shadowRoot)).to.equal('');
    const { challengeId } = await client.auth.login({
      phone: '+79990000001',
      password: MEMORY_PASSWORD,
    });
    await client.auth.verify({ challengeId, code: MEMORY_CODE });
    await waitUntil(() => select(picker), 'the picker did not appear');
    expect(select(picker).value).to.equal('chd_maria');
  });
});
