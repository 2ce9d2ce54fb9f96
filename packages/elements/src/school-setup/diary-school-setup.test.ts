/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ImportReport } from '@school-diary/core';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { settle, textOf } from '../test-support/dom';
import type { DiarySchoolSetup } from './diary-school-setup';

const $ = (el: DiarySchoolSetup, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const type = (el: DiarySchoolSetup, id: string, value: string) => {
  const input = $(el, `#${id}`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
/** `waitUntil` with room for a loaded machine. */
const until = (check: () => unknown, message?: string) =>
  waitUntil(check, message, { timeout: 10_000 });
const click = (el: DiarySchoolSetup, section: string, part: string) =>
  $(el, `[aria-labelledby="${section}-heading"] [part~="${part}"]`)?.click();

async function mount(
  options: Parameters<typeof createMemoryClient>[0],
  { theme = 'light', lang = 'ru', client = createMemoryClient(options) } = {},
) {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} theme=${theme} lang=${lang}>
      <diary-school-setup><p slot="import">Импорт появится здесь</p></diary-school-setup>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-school-setup') as DiarySchoolSetup;
  await settle(el);
  return el;
}

/** A lesson row of a timetable report, as the server words it. */
const lesson = (row: number, label: string, action: ImportReport['rows'][number]['action']) => ({
  file: 'timetable.csv',
  row,
  kind: 'lesson' as const,
  action,
  key: label.split(' ').slice(0, 3).join(' '),
  label,
});

/**
 * A memory client whose imports answer as the server does for the timetable fixtures (the server's
 * own tests check how it reads them): errors for `timetable-errors.csv`, two lessons otherwise.
 */
function importingClient(calls: string[]) {
  const client = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
  const answer =
    (step: 'preview' | 'apply') =>
    async (input: { file: Blob; fileName?: string }): Promise<ImportReport> => {
      calls.push(`${step} ${input.fileName} ${input.file.size}`);
      if (input.fileName === 'timetable-errors.csv')
        return {
          format: 'timetable_csv',
          applied: false,
          rowsRead: 2,
          counts: { create: 1, update: 0, unchanged: 0, error: 1 },
          rows: [lesson(2, '5А Mon 1 Математика', 'create'), lesson(3, '5Я Mon 2', 'error')],
          errors: [
            {
              file: 'timetable-errors.csv',
              row: 3,
              column: 'Класс',
              code: 'unknown_reference',
              message: 'The school has no class “5Я” — add it or correct the name',
            },
          ],
        };
      return {
        format: 'timetable_csv',
        applied: step === 'apply',
        rowsRead: 2,
        counts: { create: 1, update: 1, unchanged: 0, error: 0 },
        rows: [
          lesson(2, '5А Пн 1 Математика', 'create'),
          { ...lesson(3, '5А Пн 2 Русский язык', 'update'), changes: ['room'] },
        ],
        errors: [],
      };
    };
  Object.defineProperty(client, 'imports', {
    value: { ...client.imports, preview: answer('preview'), apply: answer('apply') },
  });
  return client;
}

/** Picks `name` in the widget's file input, as a person choosing a file would. */
function choose(el: DiarySchoolSetup, name: string) {
  const input = $(el, '#import-file') as HTMLInputElement;
  const files = new DataTransfer();
  files.items.add(new File(['Класс;День недели;Урок;Предмет;Учитель;Кабинет\n'], name));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
}

describe('<diary-school-setup>', function () {
  this.timeout(60_000);

  it('asks a parent for an administrator', async () => {
    const el = await mount({ signedInAs: 'parent' });
    expect(textOf(el.shadowRoot)).to.contain('только её администратор');
    await expect(el).to.be.accessible();
  });

  it('shows the year, classes, subjects, staff and bells, at 360 px, in dark theme', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await mount({ signedInAs: 'school_admin' }, { theme: 'dark' });
    await until(() => $(el, '[aria-labelledby="bells-heading"]'), 'the setup did not load');
    const text = textOf(el.shadowRoot);
    for (const words of ['Учебный год 2026/2027', 'I четверть', '5А', 'Математика', 'Орлов'])
      expect(text).to.contain(words);
    expect(
      (el.shadowRoot?.querySelector('slot[name="import"]') as HTMLSlotElement).assignedElements(),
    ).to.have.length(1);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 1024, height: 800 });
  });

  it('adds a class from the keyboard, refuses a class in use, and shows field errors in English', async () => {
    const el = await mount({ signedInAs: 'school_admin', language: 'en' }, { lang: 'en' });
    await until(() => $(el, '#class-name'), 'the setup did not load');
    ($(el, '#class-name') as HTMLInputElement).focus();
    await sendKeys({ type: '7Я' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => textOf(el.shadowRoot).includes('Class 7Я has been added.'));
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Add the class');
    expect(textOf(el.shadowRoot)).to.contain('7Я');
    await until(
      () => $(el, '[aria-label="Delete class 7Я"]:not([aria-disabled])'),
      'the classes did not reload',
    );
    $(el, '[aria-label="Delete class 5А"]')?.click();
    await until(() => textOf(el.shadowRoot).includes('cannot be deleted'));
    expect(textOf(el.shadowRoot)).to.contain('5А');

    type(el, 'holiday-name', 'Winter');
    type(el, 'holiday-start', '2027-07-01');
    type(el, 'holiday-end', '2027-07-10');
    click(el, 'year', 'add');
    await until(() => $(el, '#holiday-start-error'), 'no field error');
    expect($(el, '#holiday-start-error')?.textContent).to.contain(
      'inside the school year 2026/2027: from 2026-09-01',
    );
    expect(el.shadowRoot?.activeElement?.id).to.equal('holiday-start');
    await expect(el).to.be.accessible();

    await until(() => $(el, '[part~="invite"]:not([aria-disabled])'), 'still busy');
    type(el, 'staff-phone', '+79990001234');
    type(el, 'staff-last', 'Зайцева');
    type(el, 'staff-first', 'Ольга');
    click(el, 'staff', 'invite');
    await until(() => textOf(el.shadowRoot).includes('The invitation has been sent'));
    await until(() => textOf(el.shadowRoot).includes('Зайцева'), 'the staff list did not reload');
  });

  it('sets a lesson from its cell, adds a change, makes the lessons, renames and rounds', async () => {
    const el = await mount({ signedInAs: 'school_admin' });
    await until(() => $(el, '[part~="cell"]'), 'the timetable did not load');
    const cell = () =>
      [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="cell"]') ?? [])].find((b) =>
        b.textContent?.includes('Суббота, урок 1:'),
      );
    cell()?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot?.activeElement?.id === 'tt-subject', 'the editor did not open');
    const subject = $(el, '#tt-subject') as HTMLSelectElement;
    subject.value = [...subject.options].find((o) => o.text === 'Литература')?.value ?? '';
    subject.dispatchEvent(new Event('change'));
    type(el, 'tt-room', '204');
    click(el, 'timetable', 'save');
    await until(() => textOf(el.shadowRoot).includes('Суббота, урок 1: сохранено.'));
    await until(() => cell()?.textContent?.includes('204'), 'the grid did not show the lesson');

    type(el, 'ex-date', '2026-09-12');
    type(el, 'ex-number', '1');
    click(el, 'timetable', 'add');
    await until(() => textOf(el.shadowRoot).includes('Изменение добавлено.'));
    expect(textOf(el.shadowRoot)).to.contain('урок 1: отменён');

    type(el, 'gen-from', '2026-09-01');
    type(el, 'gen-to', '2026-09-30');
    click(el, 'generate', 'generate');
    await until(() => textOf(el.shadowRoot).includes('сформировано: создано уроков — 3'));

    $(el, '[aria-label="Переименовать предмет «Литература»"]')?.click();
    await until(() => el.shadowRoot?.activeElement?.id === 'rename-subjects');
    type(el, 'rename-subjects', 'Литературное чтение');
    click(el, 'subjects', 'save');
    await until(() => textOf(el.shadowRoot).includes('теперь называется «Литературное чтение»'));

    $(el, '[aria-label="Удалить учебный год 2026/2027"]')?.click();
    await until(() => textOf(el.shadowRoot).includes('Удалить нельзя'), 'no in_use message');

    type(el, 'rounding-four', '4,6');
    click(el, 'rounding', 'save');
    await until(() => $(el, '#rounding-four-error'), 'no threshold error');
    expect(el.shadowRoot?.activeElement?.id).to.equal('rounding-four');
    await expect(el).to.be.accessible();
    type(el, 'rounding-four', '3,6');
    click(el, 'rounding', 'save');
    await until(() => textOf(el.shadowRoot).includes('Пороги итоговых оценок сохранены.'));
  });

  it('checks a timetable file, shows its errors by line and column, then writes a clean one', async () => {
    const calls: string[] = [];
    const el = await mount({}, { lang: 'en', client: importingClient(calls) });
    await until(() => $(el, '#import-file'), 'the import section did not show');
    click(el, 'import', 'preview');
    await until(() => textOf(el.shadowRoot).includes('Choose a file'));
    expect(el.shadowRoot?.activeElement?.id).to.equal('import-file');

    choose(el, 'timetable-errors.csv');
    click(el, 'import', 'preview');
    await until(() => textOf(el.shadowRoot).includes('with errors: 1'), 'no preview');
    const text = textOf(el.shadowRoot);
    expect(text).to.contain('Timetable: 2 lines. To add: 1');
    expect(text).to.contain('Line 3, “Класс”: The school has no class “5Я”');
    expect(text).to.contain('nothing was written');
    expect($(el, '[part~="apply"]')).to.equal(null);

    choose(el, 'timetable.csv');
    click(el, 'import', 'preview');
    await until(() => $(el, '[part~="apply"]'), 'no apply button for a clean file');
    const cells = [
      ...(el.shadowRoot?.querySelectorAll('[aria-labelledby="import-heading"] tbody td') ?? []),
    ].map((td) => td.textContent?.trim());
    expect(cells).to.deep.equal([
      '2',
      '5А Пн 1 Математика',
      'add',
      '3',
      '5А Пн 2 Русский язык',
      'change',
    ]);
    await expect(el).to.be.accessible();
    click(el, 'import', 'apply');
    await until(() => textOf(el.shadowRoot).includes('Written to the diary.'), 'not applied');
    expect(calls.map((c) => c.split(' ').slice(0, 2).join(' '))).to.deep.equal([
      'preview timetable-errors.csv',
      'preview timetable.csv',
      'apply timetable.csv',
    ]);
    expect($(el, '[part~="apply"]')).to.equal(null);
  });
});
