/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { finalMark, roundAverage, weightedAverage, type Mark } from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';
import '../define';
import { deepActiveElement, settle, textOf, typeInto } from '../test-support/dom';
import {
  WORLD,
  flakyFetch,
  markDate,
  signedInClient,
  signedOutClient,
} from '../test-support/grades-world';
import type { DiaryGradeTable } from './diary-grade-table';

const root = (table: DiaryGradeTable) => table.shadowRoot as ShadowRoot;
const $ = <E extends Element = HTMLElement>(table: DiaryGradeTable, selector: string) =>
  root(table).querySelector<E>(selector);
const $$ = (table: DiaryGradeTable, selector: string) => [
  ...root(table).querySelectorAll<HTMLElement>(selector),
];
const subjects = (table: DiaryGradeTable) =>
  $$(table, 'tbody tr[data-subject] th .diary-subject').map(textOf);

async function mount(
  client: unknown,
  options: { lang?: string; childId?: string; timeZone?: string } = {},
) {
  const provider = await fixture(
    html`<diary-provider
      .client=${client}
      lang=${options.lang ?? 'ru'}
      time-zone=${options.timeZone ?? 'Europe/Moscow'}
    >
      <diary-grade-table child-id=${options.childId ?? WORLD.maria}></diary-grade-table>
    </diary-provider>`,
  );
  const table = provider.querySelector('diary-grade-table') as DiaryGradeTable;
  await waitUntil(
    () =>
      !['loading', undefined].includes($(table, '[part="base"]')?.dataset['state']) ||
      $(table, '[part="unavailable"]'),
    'the table did not load',
    { timeout: 15_000 },
  );
  await settle(table);
  return table;
}

async function select(table: DiaryGradeTable, id: string, value: string) {
  const element = $<HTMLSelectElement>(table, `#${id}`);
  if (!element) throw new Error(`no #${id}`);
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(table);
}

describe('<diary-grade-table> against the real server', function () {
  this.timeout(60_000);
  let parent: DiaryClient;
  let marks: Mark[];

  before(async () => {
    ({ client: parent } = await signedInClient(WORLD.parent));
    const year = await parent.children.periods({ childId: WORLD.maria });
    ({ items: marks } = await parent.grades.list({
      childId: WORLD.maria,
      from: year.startDate,
      to: year.endDate,
    }));
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('says so outside a provider', async () => {
    const table = await fixture<DiaryGradeTable>(
      html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
    );
    expect(textOf($(table, '[role="alert"]'))).to.contain('<diary-provider');
    await expect(table).to.be.accessible();
  });

  it('asks to sign in when nobody is signed in', async () => {
    const table = await mount(await signedOutClient());
    expect(textOf($(table, '[part~="notice"]'))).to.equal(
      'Войдите в электронный дневник, чтобы продолжить.',
    );
    expect($(table, 'table')).to.equal(null);
    await expect(table).to.be.accessible();
  });

  it('shows a row per subject for the whole year with core’s averages and final marks', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const expected = new Map<string, Mark[]>();
    for (const m of marks) expected.set(m.subjectName, [...(expected.get(m.subjectName) ?? []), m]);
    expect(subjects(table)).to.deep.equal(
      [...expected.keys()].sort((a, b) => a.localeCompare(b, 'ru')),
    );
    for (const row of $$(table, 'tbody tr[data-subject]')) {
      const name = textOf(row.querySelector('.diary-subject'));
      const list = expected.get(name) as Mark[];
      const average = roundAverage(weightedAverage(list) as number);
      expect(textOf(row.querySelector('[part~="cell-average"]'))).to.match(
        new RegExp(`^${String(average).replace('.', ',')}`),
      );
      expect(textOf(row.querySelector('[part~="cell-final"]'))).to.equal(
        String(finalMark(average)),
      );
      expect(row.querySelectorAll('[part~="mark"]')).to.have.length(list.length);
    }
    expect(textOf($(table, 'caption'))).to.contain('Весь год');
    expect(textOf($(table, 'caption'))).to.match(/\d+ оцен(ка|ки|ок)/);
    await expect(table).to.be.accessible();
  });

  it('names each mark with its date, kind and weight, and shows them on focus', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const mark = marks[0] as Mark;
    const button = $(table, `button[data-id="${mark.id}"]`) as HTMLButtonElement;
    const label = button.getAttribute('aria-label') ?? '';
    expect(label).to.match(new RegExp(`^${mark.value}, \\d+ [а-я]+, .+, вес ${mark.weight}`));
    button.focus();
    const tip = $(table, '[part="tooltip"]') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain(`вес ${mark.weight}`);
    await sendKeys({ press: 'Escape' });
    expect(tip.hidden).to.equal(true);
  });

  it('sorts by subject or average with buttons; aria-sort sits only on the sorted column', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const sorted = () => $$(table, 'th[aria-sort]');
    expect(sorted()).to.have.length(1);
    expect(sorted()[0]?.getAttribute('aria-sort')).to.equal('ascending');
    const icon = (key: string) =>
      $(table, `button[data-sort="${key}"] .diary-sort-icon`)?.getAttribute('data-shape');
    expect(icon('subject')).to.equal('ascending');
    expect(icon('average')).to.equal('none');
    expect($(table, `button[data-sort="average"] .diary-sort-icon`)?.textContent).to.not.equal(
      $(table, `button[data-sort="subject"] .diary-sort-icon`)?.textContent,
    );
    $(table, 'button[data-sort="average"]')?.click();
    await settle(table);
    expect(sorted()).to.have.length(1);
    expect(sorted()[0]?.querySelector('button')?.dataset['sort']).to.equal('average');
    expect(sorted()[0]?.getAttribute('aria-sort')).to.equal('descending');
    const averages = $$(table, '[part~="cell-average"]').map((c) =>
      Number(
        textOf(c)
          .split(/[^\d,]/)[0]
          ?.replace(',', '.'),
      ),
    );
    expect(averages).to.deep.equal([...averages].sort((a, b) => b - a));
    // Keyboard: the same button again flips the order.
    $(table, 'button[data-sort="average"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await settle(table);
    expect(sorted()[0]?.getAttribute('aria-sort')).to.equal('ascending');
    await expect(table).to.be.accessible();
  });

  it('filters by subject, kind of work and dates, and explains a range that ends before it starts', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    await select(table, 'subject', WORLD.math);
    expect(subjects(table)).to.deep.equal(['Математика']);
    await select(table, 'subject', '');
    await select(table, 'kind', 'test');
    const tests = marks.filter((m) => m.kind === 'test');
    expect($$(table, '[part~="mark"]')).to.have.length(tests.length);
    await select(table, 'kind', '');
    typeInto($(table, '#from'), '2026-10-20');
    typeInto($(table, '#to'), '2026-10-01');
    await settle(table);
    expect(textOf($(table, '#to-error'))).to.equal(
      'Ошибка: Дата окончания должна быть не раньше даты начала',
    );
    expect($(table, '#to')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(table, '#to')?.getAttribute('aria-describedby')).to.equal('to-hint to-error');
    expect($$(table, '[part~="mark"]')).to.have.length(marks.length);
    typeInto($(table, '#to'), '2026-10-31');
    await settle(table);
    expect($(table, '#to-error')).to.equal(null);
    const october = marks.filter((m) => m.date >= '2026-10-20' && m.date <= '2026-10-31');
    expect($$(table, '[part~="mark"]')).to.have.length(october.length);
    await expect(table).to.be.accessible();
  });

  it('says when no mark matches the filters and resets them', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    await select(table, 'kind', 'exam');
    if (marks.some((m) => m.kind === 'exam')) return;
    expect(textOf($(table, '[part~="empty"]'))).to.contain('Нет оценок, подходящих под отбор');
    await expect(table).to.be.accessible();
    $(table, '[part~="reset"]')?.click();
    await settle(table);
    expect($$(table, '[part~="mark"]')).to.have.length(marks.length);
  });

  it('highlights marks below the parent’s threshold, not by colour alone', async () => {
    const threshold = await parent.thresholds.set({ childId: WORLD.maria, threshold: 4 });
    try {
      const table = await mount(parent);
      await select(table, 'period', 'year');
      const low = $$(table, '[part~="mark-low"]');
      expect(low.length).to.equal(
        marks.filter((m) => typeof m.value === 'number' && m.value < 4).length,
      );
      expect(low.length).to.be.greaterThan(0);
      const button = low[0]?.querySelector('button');
      expect(button?.getAttribute('aria-label')).to.contain('ниже порога 4');
      expect(getComputedStyle(button as Element).borderTopStyle).to.equal('dashed');
      expect(textOf($(table, '[part="hint"]'))).to.contain('ниже порога');
      await expect(table).to.be.accessible();
    } finally {
      await parent.thresholds.remove({ childId: WORLD.maria, thresholdId: threshold.id });
    }
  });

  it('compares with last year', async () => {
    const table = await mount(parent);
    const comparison = await parent.grades.comparison({ childId: WORLD.maria });
    const box = $<HTMLInputElement>(table, '[part~="compare"] input') as HTMLInputElement;
    box.click();
    await settle(table);
    expect(textOf($(table, '[part~="header-previous"]'))).to.equal('Прошлый год');
    const math = comparison.subjects.find((s) => s.subjectName === 'Математика');
    const cell = textOf(
      $(table, `tr[data-subject="${WORLD.math}"] [part~="cell-previous"]`) as HTMLElement,
    );
    if (math?.previous != null) expect(cell).to.contain(String(math.previous).replace('.', ','));
    await expect(table).to.be.accessible();
  });

  it('offers the calculator only where a higher final mark is reachable, named for that mark', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    for (const row of $$(table, 'tbody tr[data-subject]')) {
      const final = textOf(row.querySelector('[part~="cell-final"]'));
      const toggle = row.querySelector('[part~="calculator-toggle"]');
      if (final === '5' || final === 'нет') expect(toggle, final).to.equal(null);
      else expect(textOf(toggle)).to.equal(`Как получить «${Number(final) + 1}»`);
    }
  });

  it('works out which marks are still needed for a target, and rejects a bad target', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const toggle = $<HTMLButtonElement>(table, '[part~="calculator-toggle"]');
    if (!toggle) throw new Error('no subject below a final 5 in the demo world');
    const subjectId = toggle.closest('tr')?.dataset['subject'];
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await settle(table);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = $(table, `#${toggle.getAttribute('aria-controls')}`) as HTMLElement;
    const input = panel.querySelector('input') as HTMLInputElement;
    typeInto(input, '7');
    await settle(table);
    expect(textOf(panel.querySelector('.diary-error'))).to.equal(
      'Ошибка: Значение должно быть не больше 5',
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    typeInto(input, 'пять');
    await settle(table);
    expect(textOf(panel.querySelector('.diary-error'))).to.equal(
      'Ошибка: Проверьте формат значения',
    );
    typeInto(input, '5');
    await settle(table);
    const own = marks.filter((m) => m.subjectId === subjectId);
    const result = textOf(panel.querySelector('[part="calculator-result"]'));
    if (own.every((m) => m.value === 5)) expect(result).to.contain('уже не ниже 5');
    else expect(result).to.contain('Оценками «4» и «5» такой средний балл не получить');
    typeInto(input, '4,5');
    await settle(table);
    const text = textOf(panel.querySelector('[part="calculator-result"]'));
    expect(text).to.match(/не ниже 4,5/);
    if (!text.includes('уже')) expect(text).to.match(/\d+ оцен(ка|ки|ок) «5» с весом \d/);
    await expect(table).to.be.accessible();
  });

  it('makes the marks one Tab stop, moved through with the arrow keys (grid pattern)', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const stops = $$(table, 'button[data-id]').filter((b) => b.tabIndex === 0);
    expect(stops).to.have.length(1);
    const rows = $$(table, 'tbody tr[data-subject]').filter((r) =>
      r.querySelector('button[data-id]'),
    );
    const first = rows[0]?.querySelectorAll<HTMLElement>('button[data-id]') ?? [];
    (first[0] as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()).to.equal(first[1] ?? first[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()?.closest('tr')).to.equal(rows[1]);
    await sendKeys({ press: 'End' });
    const second = rows[1]?.querySelectorAll<HTMLElement>('button[data-id]') ?? [];
    expect(deepActiveElement()).to.equal(second[second.length - 1]);
    // Still one Tab stop: the mark last focused.
    expect($$(table, 'button[data-id]').filter((b) => b.tabIndex === 0)).to.deep.equal([
      second[second.length - 1],
    ]);
  });

  it('explains the comment marker in a legend and in the mark’s name', async () => {
    const table = await mount(parent);
    await select(table, 'period', 'year');
    const commented = marks.find((m) => m.comment);
    if (!commented) return;
    const button = $(table, `button[data-id="${commented.id}"]`) as HTMLElement;
    expect(button.getAttribute('aria-label')).to.contain(`комментарий: ${commented.comment}`);
    expect(textOf($(table, '[part="hint"]'))).to.contain('Оценка с комментарием учителя');
  });

  it('folds the filters on a phone so the marks come first', async () => {
    await setViewport({ width: 360, height: 700 });
    const table = await mount(parent);
    const fold = $(table, 'details.diary-filters-fold') as HTMLDetailsElement;
    expect(fold.open).to.equal(false);
    const marksTop = ($(table, 'table') as HTMLElement).getBoundingClientRect().top;
    expect(marksTop).to.be.below(400);
    await expect(table).to.be.accessible();
  });

  it('exports the marks as CSV through the SDK', async () => {
    const table = await mount(parent);
    const exported = oneEvent(table, 'diary-grades-export');
    $(table, '[part~="export"]')?.click();
    const { detail } = await exported;
    expect(detail.text.replace(/^\uFEFF/, '')).to.match(/^Дата;Предмет;Оценка;Вес/);
    expect(detail.fileName).to.match(/^оценки-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await settle(table);
    expect(textOf($(table, '[part~="notice"][role="status"]'))).to.equal('Файл с оценками скачан.');
    // Another child: the file was the last child's, so the notice goes.
    table.childId = WORLD.alexander;
    await waitUntil(() => $(table, '[part="base"]')?.dataset['state'] !== 'loading');
    await settle(table);
    expect(textOf($(table, '[part="toolbar"]'))).not.to.contain('Файл с оценками скачан');
  });

  it('offers the period’s report card as PDF, not for the whole year', async () => {
    const table = await mount(parent);
    const downloaded = oneEvent(table, 'diary-report-card-download');
    ($(table, '[part~="export-pdf"]') as HTMLButtonElement).click();
    const { detail } = await downloaded;
    expect(detail.pdf.type).to.equal('application/pdf');
    expect(await detail.pdf.slice(0, 5).text()).to.equal('%PDF-');
    expect(detail.fileName).to.match(/^табель-.+\.pdf$/);
    await select(table, 'period', 'year');
    expect($(table, '[part~="export-pdf"]')).to.equal(null);
  });

  it('shows a pinned mark’s correction and how the class did on the work', async () => {
    const { client: teacher } = await signedInClient(WORLD.mathTeacher);
    const given = await teacher.grades.create({
      ...{ childId: WORLD.maria, subjectId: WORLD.math, value: 3, kind: 'quiz' },
      ...{ date: markDate(), comment: `Пересдача ${Date.now()}` },
    });
    await teacher.grades.update({ markId: given.id, value: 4 });
    // Told at the school's time, here Vladivostok's (UTC+10), not the browser's or UTC.
    const table = await mount(parent, { timeZone: 'Asia/Vladivostok' });
    await select(table, 'period', 'year');
    const tip = $(table, '[part="tooltip"]') as HTMLElement;
    await waitUntil(() => $(table, `button[data-id="${given.id}"]`), 'no corrected mark');
    $(table, `button[data-id="${given.id}"]`)?.click();
    await waitUntil(() => textOf(tip).includes('3 → 4'), 'no correction in the tooltip');
    const { changes } = await parent.grades.history({ markId: given.id });
    const at = new Date(changes.find((c) => c.action === 'updated')?.at ?? '');
    const inSchool = new Date(at.getTime() + 10 * 3600_000);
    const hhmm = inSchool.toISOString().slice(11, 16);
    expect(textOf(tip)).to.match(/Исправлена \d+ [а-я]+ в \d\d:\d\d: 3 → 4 \(\S+ \S\. \S\.\)/);
    expect(textOf(tip)).to.contain(` в ${hhmm}: 3 → 4`);
    await sendKeys({ press: 'Escape' });
    const onLesson = marks.find((m) => m.lessonId && typeof m.value === 'number');
    if (onLesson) {
      $(table, `button[data-id="${onLesson.id}"]`)?.click();
      await waitUntil(() => $(table, '[part="distribution"]'), 'no class marks or note');
      expect(textOf($(table, '[part="distribution"]'))).to.match(
        /^Как написал класс \(оценено: \d+\)5 .*2 \d+$|^Оценки класса не показываются/,
      );
    }
    await teacher.grades.remove({ markId: given.id });
  });

  it('shows and announces a new mark from live events without a reload', async () => {
    const table = await mount(parent);
    const count = () => $$(table, '[part~="mark"]').length;
    await select(table, 'period', 'year');
    const before = count();
    const { client: teacher } = await signedInClient(WORLD.mathTeacher);
    const received = oneEvent(table, 'diary-mark-received');
    const created = await teacher.grades.create({
      childId: WORLD.maria,
      subjectId: WORLD.math,
      value: 2,
      weight: 2,
      kind: 'quiz',
      date: markDate(),
      comment: 'Повторить дроби',
    });
    await received;
    await settle(table);
    expect(count()).to.equal(before + 1);
    const status = $(table, '[part="status"]') as HTMLElement;
    expect(status.getAttribute('role')).to.equal('status');
    expect(textOf(status)).to.equal('Новая оценка по предмету «Математика»: 2.');
    const button = $(table, `button[data-id="${created.id}"]`);
    expect(button?.getAttribute('aria-label')).to.contain('комментарий: Повторить дроби');
    await teacher.grades.remove({ markId: created.id });
    await waitUntil(() => count() === before, 'the deleted mark stayed', { timeout: 10_000 });
    expect(textOf(status)).to.equal('Оценка по предмету «Математика» удалена.');
  });

  it('shows an error with a retry when the marks cannot be loaded', async () => {
    const flaky = flakyFetch();
    const { client } = await signedInClient(WORLD.parent, { fetch: flaky.fetch });
    flaky.failNext('/grades');
    const table = await mount(client);
    const alert = $(table, '[role="alert"]') as HTMLElement;
    expect(textOf(alert)).to.contain('Нет связи с сервером дневника');
    await expect(table).to.be.accessible();
    alert.querySelector<HTMLButtonElement>('[part~="retry"]')?.click();
    await waitUntil(() => $(table, 'table'), 'the retry did not load', { timeout: 10_000 });
  });

  it('refuses another parent’s child with the server’s message', async () => {
    const table = await mount(parent, { childId: WORLD.alexander });
    expect($(table, 'table')).to.equal(null);
    expect(textOf($(table, '[role="alert"]'))).to.not.equal('');
    await expect(table).to.be.accessible();
  });

  it('speaks English with English plurals', async () => {
    const table = await mount(parent, { lang: 'en' });
    await select(table, 'period', 'year');
    expect(textOf($(table, 'caption'))).to.match(/^Marks for: Whole year · \d+ marks$/);
    expect(textOf($(table, 'button[data-sort="average"]'))).to.contain('Average');
    // The school's period names are the widget's words in English, not «II четверть».
    const periods = $$(table, '#period option').map(textOf);
    expect(periods.join(' ')).not.to.match(/четверть|полугодие|триместр/);
    await expect(table).to.be.accessible();
  });

  it('stacks the rows on a phone', async () => {
    await setViewport({ width: 360, height: 700 });
    const table = await mount(parent);
    const cell = $(table, 'tbody td[part~="cell-average"]') as HTMLElement;
    expect(getComputedStyle(cell).display).to.equal('block');
    expect(getComputedStyle(cell, '::before').content).to.contain('Средний балл');
    await expect(table).to.be.accessible();
  });

  it('is usable from the keyboard alone, and fires no native change for programmatic updates', async () => {
    const table = await mount(parent);
    const native: string[] = [];
    for (const type of ['input', 'change']) table.addEventListener(type, () => native.push(type));
    table.period = 'year';
    await settle(table);
    expect(native).to.deep.equal([]);
    expect(($(table, '#period') as HTMLSelectElement).value).to.equal('year');
    // Tab from the period select past the folded filters reaches the sort buttons and the marks.
    ($(table, '#period') as HTMLSelectElement).focus();
    const seen: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement();
      seen.push(active?.getAttribute('data-sort') ?? active?.getAttribute('data-id') ?? '');
    }
    expect(seen).to.include('subject');
    expect(seen).to.include('average');
    expect(seen.some((s) => s.startsWith('mrk_'))).to.equal(true);
  });
});
