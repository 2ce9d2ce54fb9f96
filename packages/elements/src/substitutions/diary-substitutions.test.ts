/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { settle, textOf } from '../test-support/dom';
import type { DiarySubstitutionChangeDetail, DiarySubstitutions } from './diary-substitutions';

// The memory client's clock: Tuesday 24 November 2026, 12:00 in Moscow (week 2026-W48).
const NOW = () => new Date('2026-11-24T09:00:00.000Z');
const AHEAD = 'les_mem_5a_20261126_2'; // Thursday, 2nd lesson: biology
const OVER = 'les_mem_5a_20261123_1'; // Monday, 1st lesson: maths
const SUBSTITUTED = 'les_mem_5a_20261125_3'; // Wednesday's 3rd, substituted in the demo data

const $ = (el: DiarySubstitutions, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const lesson = (el: DiarySubstitutions, id: string) => $(el, `[data-lesson="${id}"]`);
const until = (check: () => unknown, message?: string) =>
  waitUntil(check, message, { timeout: 10_000 });

function choose(el: DiarySubstitutions, id: string, value: string) {
  const select = $(el, `#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
function type(el: DiarySubstitutions, id: string, value: string) {
  const input = $(el, `#${id}`) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function mount(client: MemoryClient, lang = 'ru') {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang}>
      <diary-substitutions .now=${NOW}></diary-substitutions>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-substitutions') as DiarySubstitutions;
  await settle(el);
  return el;
}

const admin = (options: Parameters<typeof createMemoryClient>[0] = {}) =>
  createMemoryClient({ signedInAs: 'school_admin', ...options });

async function openForm(el: DiarySubstitutions, lessonId: string) {
  await until(() => lesson(el, lessonId), 'the week did not load');
  lesson(el, lessonId)?.querySelector<HTMLButtonElement>('[part~="pick"]')?.click();
  await until(() => $(el, '#sub-teacher'), 'the form did not open');
}

describe('<diary-substitutions>', function () {
  this.timeout(60_000);

  it('tells a parent that only the school admin arranges substitutions', async () => {
    const el = await mount(createMemoryClient({ signedInAs: 'parent' }));
    expect(textOf(el.shadowRoot)).to.contain('только администратор школы');
    await expect(el).to.be.accessible();
  });

  it("shows this week's lessons of the first class, a substitution as families see it", async () => {
    const el = await mount(admin());
    await until(() => lesson(el, SUBSTITUTED), 'the week did not load');
    expect(($(el, '#class') as HTMLSelectElement).selectedOptions[0]?.textContent).to.contain('5А');
    expect(textOf($(el, '[part~="caption"]'))).to.contain('5А, неделя 23 ноября – 29 ноября 2026');
    expect(el.shadowRoot?.querySelectorAll('[part~="lesson"]').length).to.equal(25);
    const shown = textOf(lesson(el, SUBSTITUTED));
    expect(shown).to.contain('Замена');
    expect(shown).to.contain('вместо: Соколова А. П.');
    expect(shown).to.contain('причина: Учитель на курсах повышения квалификации');
    expect(Boolean(lesson(el, SUBSTITUTED)?.querySelector('[part~="remove"]'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('substitutes a lesson: teacher, subject, room and reason, with the preview families get', async () => {
    const client = admin();
    const el = await mount(client);
    const changes: DiarySubstitutionChangeDetail[] = [];
    el.addEventListener('diary-substitution-change', (e) => changes.push(e.detail));
    await openForm(el, AHEAD);
    const options = [...($(el, '#sub-teacher') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).to.deep.equal(['', 'usr_teacher_russian', 'usr_teacher_math']);
    choose(el, 'sub-teacher', 'usr_teacher_russian');
    choose(el, 'sub-subject', 'sub_42_russian');
    type(el, 'sub-room', '112');
    type(el, 'sub-reason', 'Учитель заболел');
    await settle(el);
    const preview = textOf($(el, '.diary-preview'));
    expect(preview).to.contain('Так увидят родители');
    expect(preview).to.contain('Русский язык');
    expect(preview).to.contain('Белова И. А.');
    expect(preview).to.contain('вместо предмета «Биология»');
    expect(preview).to.contain('кабинет изменён: 112');
    await expect(el).to.be.accessible();
    $(el, '[part~="save"]')?.click();
    await until(() => !$(el, '#sub-teacher'), 'the form did not close');
    const shown = textOf(lesson(el, AHEAD));
    expect(shown).to.contain('Замена');
    expect(shown).to.contain('причина: Учитель заболел');
    expect($(el, '[part~="live"]')?.textContent).to.contain('Замена сохранена');
    expect(changes.map((c) => [c.lessonId, c.substitution?.substituteTeacherId])).to.deep.equal([
      [AHEAD, 'usr_teacher_russian'],
    ]);
    const parent = createMemoryClient({ signedInAs: 'parent', memory: client.memory });
    const week = await parent.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    const seen = week.days.flatMap((d) => d.lessons).find((l) => l.id === AHEAD);
    expect(seen?.substitution?.subjectName).to.equal('Русский язык');
    parent.close();
  });

  it("puts the server's field errors beside their fields and links them from the summary", async () => {
    const el = await mount(admin());
    await openForm(el, AHEAD);
    $(el, '[part~="save"]')?.click();
    await until(() => $(el, '#sub-reason-error'), 'no error beside the reason');
    expect(Boolean($(el, '#sub-teacher-error'))).to.equal(true);
    expect($(el, '#sub-teacher')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#sub-reason')?.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf($(el, '[part~="error-summary"]'))).to.contain('Исправьте ошибки');
    expect(el.shadowRoot?.activeElement?.className).to.contain('diary-summary');
    await expect(el).to.be.accessible();
  });

  it('shows clearly that the server refuses a lesson that is over', async () => {
    const el = await mount(admin());
    await openForm(el, OVER);
    choose(el, 'sub-teacher', 'usr_teacher_russian');
    type(el, 'sub-reason', 'Курсы');
    await settle(el);
    $(el, '[part~="save"]')?.click();
    await until(() => $(el, '#sub-lesson-error'), 'the refusal was not shown');
    expect(textOf($(el, '#sub-lesson-error'))).to.contain('Дата уже прошла');
    expect(el.shadowRoot?.activeElement?.id).to.equal('sub-lesson');
    expect(Boolean(lesson(el, OVER)?.querySelector(':scope > [part~="parent-view"]'))).to.equal(
      false,
    );
    await expect(el).to.be.accessible();
  });

  it('removes a substitution from the keyboard and says so', async () => {
    const client = admin();
    const el = await mount(client);
    await until(() => lesson(el, SUBSTITUTED));
    lesson(el, SUBSTITUTED)?.querySelector<HTMLButtonElement>('[part~="remove"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !textOf(lesson(el, SUBSTITUTED)).includes('Замена'), 'still substituted');
    expect($(el, '[part~="live"]')?.textContent).to.contain('Замена отменена');
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.contain('pick');
    const week = await client.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    const seen = week.days.flatMap((d) => d.lessons).find((l) => l.id === SUBSTITUTED);
    expect(seen?.substitution).to.equal(undefined);
  });

  it('substitutes with the keyboard only, in English', async () => {
    const el = await mount(admin({ language: 'en' }), 'en');
    await until(() => lesson(el, AHEAD));
    expect(textOf(el.shadowRoot)).to.contain('Lesson substitutions');
    lesson(el, AHEAD)?.querySelector<HTMLButtonElement>('[part~="pick"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot?.activeElement?.id === 'sub-teacher', 'focus not in the form');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'The teacher is ill' });
    await settle(el);
    expect(textOf($(el, '.diary-preview'))).to.contain('What parents will see');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(lesson(el, AHEAD)).includes('Substitution'), 'not saved');
    expect(textOf(lesson(el, AHEAD))).to.contain('reason: The teacher is ill');
    await expect(el).to.be.accessible();
  });

  it('moves between weeks and classes, with an empty week said plainly', async () => {
    const el = await mount(admin());
    await until(() => lesson(el, AHEAD));
    const weeks: string[] = [];
    el.addEventListener('diary-week-change', (e) => weeks.push(e.detail.week));
    $(el, '[part~="next"]')?.click();
    await until(() => textOf(el.shadowRoot).includes('нет уроков'), 'no empty state');
    expect(el.week).to.equal('2026-W49');
    $(el, '[part~="this-week"]')?.click();
    await until(() => lesson(el, AHEAD));
    choose(el, 'class', 'cls_42_8b');
    await until(() => textOf($(el, '[part~="caption"]')).includes('8Б'));
    await until(() => textOf(el.shadowRoot).includes('нет уроков'));
    expect(weeks).to.deep.equal(['2026-W49', '2026-W48']);
    await expect(el).to.be.accessible();
  });

  it('fits 360 px with the form open', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await mount(admin());
    await openForm(el, AHEAD);
    choose(el, 'sub-teacher', 'usr_teacher_russian');
    type(el, 'sub-reason', 'Учитель на курсах повышения квалификации до конца недели');
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 1024, height: 800 });
  });

  it('offers a retry when the week cannot be read', async () => {
    const el = await mount(
      admin({ failures: { 'schedule.week': { status: 500, code: 'internal' } } }),
    );
    await until(() => $(el, '[part~="retry"]'), 'no retry');
    await expect(el).to.be.accessible();
  });

  it('says it is loading while the lists are on their way', async () => {
    const el = await mount(admin({ latencyMs: 2_147_483_647 }));
    expect(textOf(el.shadowRoot)).to.contain('Загрузка');
  });
});
