/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PlannedAssessment } from '@school-diary/core';
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { deepActiveElement, textOf } from '../test-support/dom';
import type { DiaryUpcomingTests } from './diary-upcoming-tests';

/** The demo week's Tuesday, the memory client's "today". */
const now = () => new Date('2026-11-24T09:00:00.000Z');
const $ = (el: DiaryUpcomingTests, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const items = (el: DiaryUpcomingTests) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])].map(textOf);

async function mount(client: MemoryClient, ready: string, lang = 'ru', theme = 'light') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang} theme=${theme}>
      <diary-upcoming-tests child-id="chd_maria" .now=${now}></diary-upcoming-tests>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-upcoming-tests') as DiaryUpcomingTests;
  await waitUntil(() => $(el, ready), `never showed ${ready}`);
  return el;
}

describe('<diary-upcoming-tests>', function () {
  this.timeout(60_000);

  it('asks to sign in, waits, and after a failure retries from the keyboard', async () => {
    const signedOut = createMemoryClient({ signedInAs: null });
    await expect(await mount(signedOut, '[part="notice"]')).to.be.accessible();
    signedOut.close();
    const slow = createMemoryClient({ latencyMs: 2_147_483_647 });
    await expect(await mount(slow, '[part="notice"]')).to.be.accessible();
    slow.close();
    const failing = createMemoryClient({
      failures: { 'assessments.upcoming': { status: 500, code: 'internal' } },
    });
    const el = await mount(failing, '[part="error"]');
    await expect(el).to.be.accessible();
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.getAttribute('part')).to.contain('retry');
    failing.close();
  });

  it('lists the coming tests by day, and follows a teacher planning and cancelling one live', async () => {
    const client = createMemoryClient();
    const el = await mount(client, '[part="list"]');
    expect(textOf($(el, '#day-2026-11-25'))).to.match(/^Завтра, среда, 25 ноября/);
    const first = items(el)[0] ?? '';
    expect(first).to.contain('Контрольная работа');
    expect(first).to.contain('Математика');
    expect(first).to.contain('Сложение дробей');
    expect(first).to.contain('Вес оценки: 3');
    expect(items(el).some((text) => text.includes('Диктант'))).to.equal(true);
    await expect(el).to.be.accessible();

    const planned: PlannedAssessment = {
      id: 'asm_live_1',
      classId: 'cls_42_5a',
      subjectId: 'sub_42_english',
      subjectName: 'Английский язык',
      teacherId: 'usr_teacher_english',
      teacherName: 'Кузнецова М. В.',
      date: '2026-12-01',
      kind: 'vpr',
      topic: 'Present Simple — проверка живого списка',
      weight: 2.5,
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    };
    client.memory.publish(['usr_parent_ivanova'], 'assessment.planned', planned, 'chd_maria');
    await waitUntil(
      () => items(el).some((text) => text.includes('проверка живого списка')),
      'the planned test did not appear',
    );
    expect(items(el).find((text) => text.includes('ВПР'))).to.contain('Вес оценки: 2,5');
    await waitUntil(() => textOf($(el, '[part="live"]')).includes('Английский язык'));
    client.memory.publish(
      ['usr_parent_ivanova'],
      'assessment.cancelled',
      { id: planned.id, classId: planned.classId },
      'chd_maria',
    );
    await waitUntil(
      () => !items(el).some((text) => text.includes('проверка живого списка')),
      'the cancelled test stayed',
    );
    client.close();
  });

  it('reads in English on the dark theme at 360 px, and says when nothing is planned', async () => {
    await setViewport({ width: 360, height: 800 });
    const client = createMemoryClient();
    const el = await mount(client, '[part="list"]', 'en', 'dark');
    expect(textOf($(el, '#day-2026-11-25'))).to.match(/^Tomorrow/);
    expect(items(el)[0]).to.contain('Mark weight: 3');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    el.days = 1;
    await waitUntil(() => $(el, '[part="notice"]'), 'no empty notice');
    expect(textOf($(el, '[part="notice"]'))).to.contain('No tests planned');
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
    client.close();
  });
});
