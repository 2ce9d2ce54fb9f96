/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Application, ImportReport } from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, demoFixtures } from '@school-diary/sdk/testing';
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
  options: Parameters<typeof createMemoryClient>[0] | DiaryClient,
  { theme = 'light', lang = 'ru' } = {},
) {
  const client = options && 'imports' in options ? options : createMemoryClient(options);
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} theme=${theme} lang=${lang}>
      <diary-school-setup><p slot="import">Импорт появится здесь</p></diary-school-setup>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-school-setup') as DiarySchoolSetup;
  await settle(el);
  return el;
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
    // Within a page's margins the timetable grid scrolls inside its box, the cells' hidden
    // labels included: none of them widens the page.
    el.style.display = 'block';
    el.style.marginInline = '48px';
    await until(() => $(el, '[part~="cell"]'), 'the timetable did not load');
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

  it('keeps an odd and an even lesson at one time of the grid, and removes one week of them', async () => {
    const el = await mount({ signedInAs: 'school_admin' });
    await until(() => $(el, '[part~="cell"]'), 'the timetable did not load');
    const cell = () =>
      [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="cell"]') ?? [])].find((b) =>
        b.textContent?.includes('Суббота, урок 2:'),
      );
    const choose = (id: string, text: string) => {
      const select = $(el, `#${id}`) as HTMLSelectElement;
      select.value = [...select.options].find((o) => o.text === text)?.value ?? '';
      select.dispatchEvent(new Event('change'));
    };
    cell()?.click();
    await until(() => el.shadowRoot?.activeElement?.id === 'tt-subject', 'the editor did not open');
    choose('tt-subject', 'Литература');
    type(el, 'tt-room', '204');
    choose('tt-week', 'Нечётные недели (числитель)');
    click(el, 'timetable', 'save');
    await until(() => textOf(el.shadowRoot).includes('Суббота, урок 2: сохранено.'));
    choose('tt-week', 'Чётные недели (знаменатель)');
    choose('tt-subject', 'Математика');
    type(el, 'tt-room', '12');
    click(el, 'timetable', 'save');
    await until(() => cell()?.textContent?.includes('II: Матем.'), 'no even week in the cell');
    const label = cell()?.textContent ?? '';
    expect(label).to.contain('I: Лит.');
    expect(label).to.contain('нечётные недели: Литература');
    expect(label).to.contain('чётные недели: Математика');
    await expect(el).to.be.accessible();

    choose('tt-week', 'Нечётные недели (числитель)');
    click(el, 'timetable', 'remove');
    await until(() => !cell()?.textContent?.includes('Лит.'), 'the odd week stayed');
    expect(cell()?.textContent).to.contain('II: Матем.');
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

  it('previews a roster file by kind, lists its errors by line and column, then imports it', async () => {
    const el = await mount({ signedInAs: 'school_admin' });
    await until(() => $(el, '#import-file'), 'the setup did not load');
    click(el, 'import', 'preview');
    await until(() => $(el, '#import-file-error'), 'no file, no error');
    expect(el.shadowRoot?.activeElement?.id).to.equal('import-file');
    const choose = async (text: string) => {
      const files = new DataTransfer();
      files.items.add(new File([text], 'roster.csv', { type: 'text/csv' }));
      const input = $(el, '#import-file') as HTMLInputElement;
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(textOf(el.shadowRoot)).not.to.contain(
        'Строк прочитано',
        'a new file clears the preview',
      );
      click(el, 'import', 'preview');
      await until(() => textOf(el.shadowRoot).includes('Строк прочитано'), 'no preview');
    };
    const header = 'ФИО;Дата рождения;Класс';
    await choose(`${header}\r\nКузнецова Вера Игоревна;02.05.2015;5А\r\nБелов Пётр;01.01.2015;5Я`);
    const text = () => textOf(el.shadowRoot);
    expect(text()).to.contain('roster.csv, строка 3, «Класс»: В школе нет класса «5Я»');
    expect(text()).to.contain('Ученики: добавить — 1');
    expect($(el, '[part~="apply"]'), 'a file with errors is not imported').to.equal(null);
    await expect(el).to.be.accessible();
    await choose(`${header}\r\nКузнецова Вера Игоревна;02.05.2015;5А`);
    expect(text()).to.contain('Строк прочитано: 1. Добавить — 1');
    click(el, 'import', 'apply');
    await until(() => text().includes('Файл загружен в дневник.'), 'not imported');
    expect($(el, '[part~="apply"]'), 'an imported file is not imported twice').to.equal(null);
    // The new pupil joins 5А's list with the number the family links her with.
    const pupil = () =>
      [
        ...(el.shadowRoot?.querySelectorAll<HTMLElement>('[aria-label="Ученики класса 5А"] li') ??
          []),
      ].find((li) => li.textContent?.includes('Кузнецова Вера'));
    await until(pupil, 'the roster did not reload');
    const number = pupil()?.querySelector('code')?.textContent ?? '';
    expect(number).to.match(/^[A-Z0-9]+-[A-Z0-9]+/);
    expect(pupil()?.textContent).to.contain(`номер ученика: ${number}`);
  });

  it('shows the school’s code and opens and closes its diary to parents', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const el = await mount(client);
    const profile = () => textOf($(el, '[aria-labelledby="profile-heading"]'));
    await until(() => profile().includes('код школы 770042'), 'the profile did not load');
    expect(profile()).to.contain('Дневник открыт');
    click(el, 'profile', 'close-diary');
    await until(() => profile().includes('Дневник закрыт для родителей.'), 'not closed');
    expect(profile()).to.contain('родители пока не могут записать детей');
    expect((await client.schools.get({ schoolId: 'sch_42' })).diaryConnected).to.equal(false);
    await until(() => $(el, '[part~="open-diary"]'), 'no button to open it again');
    await expect(el).to.be.accessible();
    click(el, 'profile', 'open-diary');
    await until(() => profile().includes('Дневник открыт для родителей.'), 'not opened');
    expect((await client.schools.get({ schoolId: 'sch_42' })).diaryConnected).to.equal(true);
  });

  it('takes an application to checking and approves it, and rejects another only with a reason', async () => {
    const at = '2026-09-01T08:00:00.000Z';
    const application = (
      id: string,
      number: string,
      childId: string,
      rosterId: string,
    ): Application => ({
      id,
      number,
      childId,
      schoolId: 'sch_42',
      schoolYear: '2026/2027',
      rosterId,
      status: 'submitted',
      history: [{ status: 'submitted', at }],
      createdAt: at,
      updatedAt: at,
    });
    const client = createMemoryClient({
      signedInAs: 'school_admin',
      fixtures: {
        ...demoFixtures(),
        applications: [
          application('app_maria_q', 'ЭД-2026-000011', 'chd_maria', 'R42-5A-01'),
          application('app_petr_q', 'ЭД-2026-000012', 'chd_petr', 'R42-8B-07'),
        ],
      },
    });
    const el = await mount(client);
    const queue = () => textOf($(el, '[aria-labelledby="applications-heading"]'));
    await until(() => queue().includes('ЭД-2026-000011'), 'the queue did not load');
    expect(queue()).to.contain('ЭД-2026-000011: Иванова Мария, 5А, 2026/2027 учебный год — подано');
    await expect(el).to.be.accessible();
    $(el, '[aria-label="Взять на проверку заявление ЭД-2026-000011"]')?.click();
    await until(() => queue().includes('Заявление ЭД-2026-000011 на проверке.'), 'not checking');
    await until(() => $(el, '[aria-label="Одобрить заявление ЭД-2026-000011"]'), 'no approve');
    $(el, '[aria-label="Одобрить заявление ЭД-2026-000011"]')?.click();
    await until(() => queue().includes('одобрено, родитель подключает дневник'), 'not approved');
    const [maria] = (await client.applications.list({ childId: 'chd_maria' })).items;
    expect(maria?.status).to.equal('ready');

    // A rejection needs its reason, which the parent is told.
    $(el, '[aria-label="Отклонить заявление ЭД-2026-000012"]')?.click();
    await until(() => $(el, '#reject-reason'), 'no reason field');
    click(el, 'applications', 'reject');
    await until(() => $(el, '#reject-reason-error'), 'no reason, no error');
    expect(el.shadowRoot?.activeElement?.id).to.equal('reject-reason');
    type(el, 'reject-reason', 'Ребёнок учится в другой школе');
    click(el, 'applications', 'reject');
    await until(() => queue().includes('Заявление ЭД-2026-000012 отклонено'), 'not rejected');
    expect(queue()).not.to.contain('ЭД-2026-000012: Иванов');
    const [petr] = (await client.applications.list({ childId: 'chd_petr' })).items;
    expect([petr?.status, petr?.rejectionReason]).to.deep.equal([
      'rejected',
      'Ребёнок учится в другой школе',
    ]);
  });

  it('lists the pupils of each class with their numbers for parents, in English', async () => {
    const el = await mount({ signedInAs: 'school_admin', language: 'en' }, { lang: 'en' });
    await until(() => $(el, '[aria-labelledby="roster-heading"] li'), 'the roster did not load');
    const list = $(el, '[aria-label="Pupils of class 5А"]');
    expect(textOf(list)).to.contain('Смирнова Анна, 5А');
    expect(textOf(list)).to.contain('pupil’s number: R42-5A-99');
    expect(textOf($(el, '[aria-labelledby="roster-heading"]'))).to.contain(
      'give the number to the pupil’s family',
    );
    await expect(el).to.be.accessible();
  });

  it('previews and imports a timetable of odd and even weeks, then downloads it by keyboard, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await mount({ signedInAs: 'school_admin' });
    await until(() => $(el, '#import-file'), 'the setup did not load');
    const files = new DataTransfer();
    const csv = [
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя',
      '5А;Пн;1;Математика;Орлов С.Н.;204;',
      '5А;Пн;2;Русский язык;Белова И.А.;112;нечётная',
      '5А;Пн;2;Литература;Белова И.А.;112;чётная',
    ].join('\r\n');
    files.items.add(new File([csv], 'timetable.csv', { type: 'text/csv' }));
    const input = $(el, '#import-file') as HTMLInputElement;
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    click(el, 'import', 'preview');
    const text = () => textOf(el.shadowRoot);
    await until(() => text().includes('Строк прочитано'), 'no preview');
    expect(text()).to.contain('Уроки расписания: добавить — 3');
    expect(text()).to.contain('5А Пн 2 (нечётная) Русский язык');
    expect(text()).to.contain('5А Пн 2 (чётная) Литература');
    click(el, 'import', 'apply');
    await until(() => text().includes('Файл загружен в дневник.'), 'not imported');

    ($(el, '[part~="exportTimetable"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text().includes('Файл timetable.csv скачан.'), 'not downloaded');
    const link = $(el, 'a[download]') as HTMLAnchorElement;
    expect(link.download).to.equal('timetable.csv');
    const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
    expect([...bytes.slice(0, 3)], 'Excel needs the BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
    const saved = new TextDecoder().decode(bytes);
    expect(saved).to.contain('Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя');
    expect(saved).to.contain('5А;Пн;2;Русский язык;Белова Ирина Александровна;112;нечётная');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();

    ($(el, '[part~="exportRoster"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text().includes('Файл roster.csv скачан.'), 'no roster');
    expect(($(el, 'a[download]') as HTMLAnchorElement).download).to.equal('roster.csv');
  });

  it('offers the downloads in English', async () => {
    const el = await mount({ signedInAs: 'school_admin' }, { lang: 'en' });
    await until(() => $(el, '[part~="exportOneRoster"]'), 'the setup did not load');
    for (const words of [
      'Export',
      'Download the roster',
      'Download the timetable',
      'Download OneRoster',
    ])
      expect(textOf(el.shadowRoot)).to.contain(words);
  });

  it('shows the teachers to invite and their assignments of a OneRoster preview, in English', async () => {
    const memory = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    // The server's answer to a OneRoster bundle (the memory client reads the CSV template only).
    const report: ImportReport = {
      format: 'oneroster',
      applied: false,
      rowsRead: 30,
      counts: { create: 3, update: 0, unchanged: 2, error: 1 },
      rows: [
        {
          file: 'classes.csv',
          row: 2,
          kind: 'class',
          action: 'unchanged',
          key: '6Г 2026/2027',
          label: '6Г',
        },
        {
          file: 'users.csv',
          row: 5,
          kind: 'staff',
          action: 'error',
          key: 'usr-t1',
          label: 'Орлова Наталья Викторовна',
        },
        {
          file: 'users.csv',
          row: 6,
          kind: 'staff',
          action: 'create',
          key: 'usr-t2',
          label: 'Кузнецов Андрей Павлович',
        },
        {
          file: 'users.csv',
          row: 7,
          kind: 'staff',
          action: 'update',
          key: 'usr-a1',
          label: 'Захарова Ирина Сергеевна',
          changes: ['phone'],
        },
        {
          file: 'enrollments.csv',
          row: 7,
          kind: 'teaching',
          action: 'create',
          key: 'usr-t2|6Г 2026/2027|Математика',
          label: 'Кузнецов Андрей Павлович: 6Г · Математика',
        },
      ],
      errors: [
        {
          file: 'users.csv',
          row: 5,
          column: 'phone',
          code: 'required',
          message:
            'The staff member has no mobile phone — add it (the phone column): the invitation comes by text message',
        },
      ],
    };
    const imports = { ...memory.imports, preview: async () => report };
    const client = new Proxy(memory, {
      get: (target, key) => (key === 'imports' ? imports : Reflect.get(target, key)),
    });
    const el = await mount(client, { lang: 'en' });
    await until(() => $(el, '#import-file'), 'the setup did not load');
    const files = new DataTransfer();
    files.items.add(new File(['PK'], 'oneroster.zip'));
    const input = $(el, '#import-file') as HTMLInputElement;
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    click(el, 'import', 'preview');
    await until(() => $(el, '[data-kind="teaching"]'), 'no assignments');
    const section = (kind: string) => textOf($(el, `[data-kind="${kind}"]`));
    expect(section('staff')).to.contain('Teachers and admins (invited by SMS)');
    expect(section('staff')).to.contain('to add 1, to change 1, unchanged 0');
    expect(section('staff')).to.contain('Захарова Ирина Сергеевна change: phone');
    expect(section('teaching')).to.contain('Кузнецов Андрей Павлович: 6Г · Математика add');
    expect(textOf(el.shadowRoot)).to.contain(
      'users.csv, line 5, “phone”: The staff member has no mobile phone',
    );
    await expect(el).to.be.accessible();
  });

  it('previews a timetable file as lessons with its errors, then imports a clean one', async () => {
    // The memory client reads rosters; a timetable is answered here as the server words it.
    const memory = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const lesson = (row: number, label: string, action: 'create' | 'update' | 'error') => ({
      file: 'timetable.csv',
      row,
      kind: 'lesson' as const,
      action,
      key: label.split(' ').slice(0, 3).join(' '),
      label,
      ...(action === 'update' ? { changes: ['room'] } : {}),
    });
    const answer =
      (applied: boolean) =>
      async (input: { fileName?: string }): Promise<ImportReport> =>
        input.fileName === 'timetable-errors.csv'
          ? {
              format: 'timetable_csv',
              applied: false,
              rowsRead: 2,
              counts: { create: 1, update: 0, unchanged: 0, error: 1 },
              rows: [lesson(2, '5А Пн 1 Математика', 'create'), lesson(3, '5Я Пн 2', 'error')],
              errors: [
                {
                  file: 'timetable-errors.csv',
                  row: 3,
                  column: 'Класс',
                  code: 'unknown_reference',
                  message: 'The school has no class “5Я” — add it or correct the name',
                },
              ],
            }
          : {
              format: 'timetable_csv',
              applied,
              rowsRead: 2,
              counts: { create: 1, update: 1, unchanged: 0, error: 0 },
              rows: [
                lesson(2, '5А Пн 1 Математика', 'create'),
                lesson(3, '5А Пн 2 Русский язык', 'update'),
              ],
              errors: [],
            };
    const sent: string[] = [];
    const imports = {
      ...memory.imports,
      preview: async (input: { fileName?: string }) => (
        sent.push(`preview ${input.fileName}`),
        answer(false)(input)
      ),
      apply: async (input: { fileName?: string }) => (
        sent.push(`apply ${input.fileName}`),
        answer(true)(input)
      ),
    };
    const client = new Proxy(memory, {
      get: (target, key) => (key === 'imports' ? imports : Reflect.get(target, key)),
    });
    const el = await mount(client, { lang: 'en' });
    await until(() => $(el, '#import-file'), 'the setup did not load');
    const choose = (name: string) => {
      const files = new DataTransfer();
      files.items.add(new File(['Класс;День недели;Урок;Предмет;Учитель;Кабинет\n'], name));
      const input = $(el, '#import-file') as HTMLInputElement;
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
    };
    choose('timetable-errors.csv');
    click(el, 'import', 'preview');
    await until(() => $(el, '[data-kind="lesson"]'), 'no lessons');
    expect(textOf(el.shadowRoot)).to.contain(
      'timetable-errors.csv, line 3, “Класс”: The school has no class “5Я”',
    );
    expect($(el, '[part~="apply"]'), 'a file with errors is not imported').to.equal(null);
    choose('timetable.csv');
    click(el, 'import', 'preview');
    await until(() => $(el, '[part~="apply"]'), 'a clean file cannot be imported');
    const lessons = textOf($(el, '[data-kind="lesson"]'));
    expect(lessons).to.contain('Timetable lessons: to add 1, to change 1, unchanged 0');
    expect(lessons).to.contain('5А Пн 2 Русский язык change: room');
    await expect(el).to.be.accessible();
    click(el, 'import', 'apply');
    await until(() => textOf(el.shadowRoot).includes('The file has been imported'), 'not imported');
    expect(sent).to.deep.equal([
      'preview timetable-errors.csv',
      'preview timetable.csv',
      'apply timetable.csv',
    ]);
  });
});
