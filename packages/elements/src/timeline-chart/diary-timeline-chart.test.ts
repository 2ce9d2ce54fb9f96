/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia, sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { countsInAverage, trend, type Mark, type Trend } from '@school-diary/core';
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
import type { DiaryTimelineChart } from './diary-timeline-chart';

const root = (chart: DiaryTimelineChart) => chart.shadowRoot as ShadowRoot;
const $ = <E extends Element = HTMLElement>(chart: DiaryTimelineChart, selector: string) =>
  root(chart).querySelector<E>(selector);
const $$ = (chart: DiaryTimelineChart, selector: string) => [
  ...root(chart).querySelectorAll<HTMLElement>(selector),
];
const state = (chart: DiaryTimelineChart) => $(chart, '[part="base"]')?.dataset['state'];

async function mount(
  client: unknown,
  options: {
    lang?: string;
    childId?: string;
    subjects?: string;
    width?: number;
    theme?: string;
  } = {},
) {
  const provider = await fixture(
    html`<diary-provider
      .client=${client}
      lang=${options.lang ?? 'ru'}
      theme=${options.theme ?? 'light'}
    >
      <div style="width: ${options.width ?? 800}px">
        <diary-timeline-chart
          child-id=${options.childId ?? WORLD.maria}
          subjects=${options.subjects ?? nothing}
        ></diary-timeline-chart>
      </div>
    </diary-provider>`,
  );
  const chart = provider.querySelector('diary-timeline-chart') as DiaryTimelineChart;
  await waitUntil(
    () => (state(chart) && state(chart) !== 'loading') || $(chart, '[part="unavailable"]'),
    'the chart did not load',
    { timeout: 15_000 },
  );
  await settle(chart);
  return chart;
}

/** The number of rows of the data table, all pages, as its status says («Строки 1–100 из 137»). */
const tableTotal = (chart: DiaryTimelineChart) =>
  Number(
    textOf($(chart, '[part="table-status"]'))
      .split(/ из | of /)[1]
      ?.replace(/\D/g, ''),
  );

const focusPoint = (chart: DiaryTimelineChart) => $(chart, '[part="focus-point"]') as HTMLElement;

async function press(chart: DiaryTimelineChart, key: string) {
  await sendKeys({ press: key });
  await settle(chart);
}

/** Subjects drawn in full (the others are context lines). */
const full = (chart: DiaryTimelineChart) =>
  $$(chart, 'g.diary-series:not(.diary-context)').map((g) => g.dataset['subject']);
const context = (chart: DiaryTimelineChart) =>
  $$(chart, 'g.diary-series.diary-context').map((g) => g.dataset['subject']);
/** The days of the date axis's ticks. */
const tickDays = (chart: DiaryTimelineChart) =>
  $$(chart, '.diary-axis .diary-tick').map((l) => l.dataset['day'] as string);

/** Core's trend rounded as the reader sees it, and the subject the chart shows by default. */
function attention(marks: readonly Mark[]): string {
  const one = (n: number) => Math.round(n * 10) / 10;
  let fell: { id: string; delta: number } | undefined;
  let lowest: { id: string; to: number } | undefined;
  for (const id of new Set(marks.map((m) => m.subjectId))) {
    const tr = trend(marks.filter((m) => m.subjectId === id && countsInAverage(m))) as Trend;
    if (
      tr.direction === 'down' &&
      one(tr.from) !== one(tr.to) &&
      (!fell || tr.to - tr.from < fell.delta)
    )
      fell = { id, delta: tr.to - tr.from };
    if (!lowest || tr.to < lowest.to) lowest = { id, to: tr.to };
  }
  return (fell ?? lowest)?.id as string;
}

/**
 * The marks the chart received and how many subjects count among them: other test files add
 * marks to the shared server, so expectations come from what this chart was given.
 */
function received(chart: DiaryTimelineChart) {
  const marks = chart.shownMarks;
  const subjectCount = new Set(marks.filter(countsInAverage).map((m) => m.subjectId)).size;
  return { marks, subjectCount };
}

/** Mounts a chart of given marks in a box `width` px wide. */
async function given(marks: readonly Mark[], width = 800, lang = 'ru') {
  const chart = await fixture<HTMLDivElement>(
    html`<div style="width: ${width}px">
      <diary-timeline-chart .marks=${marks} lang=${lang}></diary-timeline-chart>
    </div>`,
  ).then((div) => div.querySelector('diary-timeline-chart') as DiaryTimelineChart);
  await settle(chart);
  await settle(chart);
  return chart;
}

/** Synthetic marks of a class's year: `n` marks over 15 subjects. */
function classYear(n: number): Mark[] {
  const marks: Mark[] = [];
  const start = Date.UTC(2026, 8, 1);
  for (let i = 0; i < n; i += 1) {
    const date = new Date(start + ((i * 7919) % 270) * 86_400_000).toISOString().slice(0, 10);
    marks.push({
      id: `m${i}`,
      childId: `c${i % 28}`,
      subjectId: `s${i % 15}`,
      subjectName: `Предмет ${String(i % 15).padStart(2, '0')}`,
      value: ((i * 31) % 4) + 2,
      weight: 1,
      kind: 'classwork',
      date,
      teacherId: 't',
      teacherName: 'Учитель',
      createdAt: '2026-09-01T09:00:00Z',
      updatedAt: '2026-09-01T09:00:00Z',
    } as Mark);
  }
  return marks;
}

describe('<diary-timeline-chart> against the real server', function () {
  this.timeout(60_000);
  let parent: DiaryClient;

  before(async () => {
    ({ client: parent } = await signedInClient(WORLD.parent));
  });

  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('says so outside a provider', async () => {
    const chart = await fixture<DiaryTimelineChart>(
      html`<diary-timeline-chart child-id="chd_maria"></diary-timeline-chart>`,
    );
    expect(textOf($(chart, '[role="alert"]'))).to.contain('<diary-provider');
    await expect(chart).to.be.accessible();
  });

  it('asks to sign in when nobody is signed in', async () => {
    const chart = await mount(await signedOutClient());
    expect(state(chart)).to.equal('signed-out');
    expect(textOf($(chart, '[part~="notice"]'))).to.equal(
      'Войдите в электронный дневник, чтобы продолжить.',
    );
    await expect(chart).to.be.accessible();
  });

  it('fits the date axis to the marks, and to the chosen period', async () => {
    const chart = await mount(parent);
    const { marks } = received(chart);
    const days = marks
      .filter(countsInAverage)
      .map((m) => m.date)
      .sort();
    const [first, last] = [days[0] as string, days.at(-1) as string];
    const ticks = tickDays(chart);
    expect(ticks.length).to.be.greaterThan(1);
    // No empty months after the last mark (the year runs to May; the marks do not).
    expect(ticks.every((d) => d >= first && d <= last)).to.equal(true);
    const lastMonth = new Date(`${last}T00:00:00Z`);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() + 1, 1);
    expect(ticks.some((d) => d >= lastMonth.toISOString().slice(0, 10))).to.equal(false);
    // A period: its first day to its last mark.
    const select = $(chart, '#period') as HTMLSelectElement;
    const year = await parent.children.periods({ childId: WORLD.maria });
    const period = year.periods.find((p) => p.startDate <= last && p.endDate >= first);
    if (!period) throw new Error('no period with marks');
    const range = oneEvent(chart, 'diary-range-change');
    select.value = period.id;
    select.dispatchEvent(new Event('change'));
    await range;
    await settle(chart);
    expect(chart.period).to.equal(period.id);
    const inPeriod = tickDays(chart);
    expect(inPeriod.every((d) => d >= period.startDate && d <= period.endDate)).to.equal(true);
    expect(textOf($(chart, '[part="status"]'))).to.match(/^Показаны оценки с \d+ [а-я]+ \d{4} г\./);
    await expect(chart).to.be.accessible();
  });

  it('draws one subject in full by default, the rest as context one tap away', async () => {
    const chart = await mount(parent);
    const { marks, subjectCount } = received(chart);
    expect(full(chart)).to.deep.equal([attention(marks)]);
    expect(context(chart)).to.have.length(subjectCount - 1);
    const shown = $(chart, 'g.diary-series:not(.diary-context)') as HTMLElement;
    expect(shown.querySelectorAll('path')).to.have.length(2);
    expect(shown.querySelector('.diary-line')?.getAttribute('d')).to.match(
      /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)*$/,
    );
    expect($$(chart, 'g.diary-context path[part="context"]')).to.have.length(subjectCount - 1);
    const toggles = $$(chart, '[part="toggle"]');
    expect(toggles.filter((b) => b.getAttribute('aria-pressed') === 'true')).to.have.length(1);
    // Marker shapes differ between subjects, not only colours.
    const swatches = toggles.map((b) => b.querySelector('path')?.getAttribute('d') ?? '');
    expect(new Set(swatches.slice(0, 6)).size).to.equal(Math.min(6, swatches.length));
    // One tap adds a subject.
    const other = toggles.find((b) => b.getAttribute('aria-pressed') === 'false') as HTMLElement;
    const changed = oneEvent(chart, 'diary-subjects-change');
    other.click();
    const { detail } = await changed;
    expect(detail.shown).to.have.members([attention(marks), other.dataset['subject']]);
    expect(detail.hidden).to.have.length(subjectCount - 2);
    await settle(chart);
    expect(full(chart)).to.have.length(2);
    expect(other.getAttribute('aria-pressed')).to.equal('true');
    // «Все предметы» draws them all; pressed again, back to the default.
    const all = $(chart, '[part~="show-all"]') as HTMLButtonElement;
    all.click();
    await settle(chart);
    expect(full(chart)).to.have.length(subjectCount);
    expect(all.getAttribute('aria-pressed')).to.equal('true');
    all.click();
    await settle(chart);
    expect(full(chart)).to.deep.equal([attention(marks)]);
    await expect(chart).to.be.accessible();
  });

  it('takes the subjects to draw from the page', async () => {
    const chart = await mount(parent, { subjects: WORLD.math });
    expect(full(chart)).to.deep.equal([WORLD.math]);
  });

  it('sums the trends up short, as core computes them, with the detail in the table', async () => {
    const chart = await mount(parent, { subjects: WORLD.math });
    expect($(chart, 'figure > figcaption')).to.not.equal(null);
    const { marks, subjectCount } = received(chart);
    const math = marks.filter((m) => m.subjectId === WORLD.math && countsInAverage(m));
    const expected = trend(math) as Trend;
    const one = (n: number) => n.toFixed(1).replace('.', ',');
    const sentences = $$(chart, '[part="trend"]').map(textOf);
    expect(sentences).to.have.length(1);
    expect(sentences[0]).to.match(/^Математика: средний балл /);
    expect(sentences[0]).to.contain(one(expected.to));
    const summary = textOf($(chart, '[part="summary"]'));
    expect(summary).to.match(/^Остальные предметы: .+\. Подробно — в таблице\.$/);
    const counted = [...summary.matchAll(/— (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).to.equal(subjectCount - 1);
    ($(chart, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(chart);
    const rows = $$(chart, '[part="trend-table"] tbody tr');
    expect(rows).to.have.length(subjectCount);
    const mathRow = rows.find((r) => r.dataset['subject'] === WORLD.math) as HTMLElement;
    // Columns: subject (th), at the start, now, change.
    const [start, now] = [...mathRow.querySelectorAll('td')].map(textOf);
    expect([start, now]).to.deep.equal([one(expected.from), one(expected.to)]);
    await expect(chart).to.be.accessible();
  });

  it('does not call two averages that round alike a change', async () => {
    const values = [3, 3, 4, 3, 3, 3, 3, 4];
    const few = values.map(
      (value, i) =>
        ({
          ...classYear(1)[0],
          id: `r${i}`,
          subjectId: 's1',
          subjectName: 'Физика',
          value,
          date: `2026-09-${String(i + 10).padStart(2, '0')}`,
        }) as Mark,
    );
    // Core: 3,33 at the start, 3,25 over all: «down» by 0,08, yet both read 3,3.
    expect((trend(few) as Trend).direction).to.equal('down');
    const chart = await given(few);
    expect(textOf($(chart, '[part="trend"]'))).to.equal('Физика: средний балл не изменился — 3,3.');
  });

  it('gives the plot the width on a phone, with the subjects folded under it', async () => {
    const chart = await mount(parent, { width: 360 });
    const svgEl = $(chart, 'svg[part="chart"]') as unknown as SVGSVGElement;
    expect(svgEl.getBoundingClientRect().width).to.be.at.least(340);
    const figure = $(chart, 'figure') as HTMLElement;
    expect(figure.scrollWidth).to.be.at.most(chart.clientWidth);
    // The plot comes before the controls, and the toggles fold behind one button.
    const plot = $(chart, '[part="plot"]') as HTMLElement;
    const controls = $(chart, '[part="controls"]') as HTMLElement;
    expect(plot.compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(
      0,
    );
    const open = $(chart, '[part~="subjects"]') as HTMLButtonElement;
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    expect(($(chart, '#subject-toggles') as HTMLElement).hidden).to.equal(true);
    open.click();
    await settle(chart);
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(($(chart, '#subject-toggles') as HTMLElement).hidden).to.equal(false);
    expect(figure.scrollWidth).to.be.at.most(chart.clientWidth);
    // Axis labels keep apart on the narrow plot.
    const labels = $$(chart, '.diary-axis text[text-anchor="middle"]').map((l) =>
      l.getBoundingClientRect(),
    );
    for (let i = 1; i < labels.length; i += 1)
      expect((labels[i] as DOMRect).left).to.be.greaterThan((labels[i - 1] as DOMRect).right);
    await expect(chart).to.be.accessible();
  });

  it('words its hint for the input in use: pointer, touch or keyboard', async () => {
    const chart = await mount(parent);
    const hint = () => $(chart, '[part="hint"]') as HTMLElement;
    expect(hint().dataset['input']).to.equal('pointer');
    expect(textOf(hint())).to.match(/^Наведите указатель на точку/);
    const svgEl = $(chart, 'svg[part="chart"]') as HTMLElement;
    svgEl.dispatchEvent(
      new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, composed: true }),
    );
    svgEl.dispatchEvent(
      new PointerEvent('pointerup', { pointerType: 'touch', bubbles: true, composed: true }),
    );
    await settle(chart);
    expect(hint().dataset['input']).to.equal('touch');
    expect(textOf(hint())).to.match(/^Коснитесь точки/);
    expect(textOf(hint())).to.not.match(/мыш|Tab|стрелк/i);
    focusPoint(chart).focus();
    await press(chart, 'End');
    expect(hint().dataset['input']).to.equal('keyboard');
    expect(textOf(hint())).to.match(/^Стрелки ← →/);
    expect(textOf(hint())).to.not.match(/мыш|Tab/i);
  });

  it('shows the nearest mark on a tap', async () => {
    const chart = await mount(parent, { width: 360 });
    const svgEl = $(chart, 'svg[part="chart"]') as unknown as SVGSVGElement;
    const markers = $(chart, '.diary-markers')?.getAttribute('d') ?? '';
    const [, x, y] = /M([\d.]+) ([\d.]+)/.exec(markers) ?? [];
    const box = svgEl.getBoundingClientRect();
    const at = { clientX: box.left + Number(x) + 8, clientY: box.top + Number(y) + 8 };
    const init = { pointerType: 'touch', bubbles: true, composed: true, button: 0, ...at };
    svgEl.dispatchEvent(new PointerEvent('pointerdown', init));
    svgEl.dispatchEvent(new PointerEvent('pointerup', init));
    await settle(chart);
    const tip = $(chart, '[part="tooltip"]') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(textOf(tip)).to.match(/\d{4}/);
    expect(tip.getBoundingClientRect().right).to.be.at.most(chart.getBoundingClientRect().right);
  });

  it('labels the date axis in the chosen language, in light and dark', async () => {
    const ru = await mount(parent);
    const ruTicks = $$(ru, '.diary-axis text').map(textOf);
    expect(ruTicks.some((s) => /сент|окт|нояб|дек/.test(s))).to.equal(true);
    const en = await mount(parent, { lang: 'en', theme: 'dark' });
    const enTicks = $$(en, '.diary-axis text').map(textOf);
    expect(enTicks.some((s) => /Sept|Oct|Nov|Dec/.test(s))).to.equal(true);
    expect(textOf($(en, 'figcaption'))).to.contain('Marks and the moving average');
    expect(textOf($(en, '[part="summary"]'))).to.match(
      /^Other subjects: .+\. The table has the detail\.$/,
    );
    expect(textOf($(en, '[part="hint"]'))).to.match(/^Point at a mark/);
    await expect(en).to.be.accessible();
  });

  it('is one tab stop; arrows, Home and End move between named points, Esc hides the tooltip', async () => {
    const chart = await mount(parent);
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    await settle(chart);
    const focusables = $$(chart, 'svg [tabindex]');
    expect(focusables).to.have.length(1);
    expect($(chart, 'svg[part="chart"]')?.getAttribute('role')).to.equal('graphics-document');
    // Tab from the date fields reaches the chart.
    ($(chart, '#to') as HTMLInputElement).focus();
    for (let i = 0; i < 6 && deepActiveElement()?.getAttribute('part') !== 'focus-point'; i += 1)
      await press(chart, 'Tab');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('focus-point');
    const name = () => focusPoint(chart).getAttribute('aria-label') ?? '';
    expect(name()).to.match(/^\d{1,2} [а-я]+, оценка [1-5], .+, .+$/);
    expect(focusPoint(chart).getAttribute('role')).to.equal('graphics-symbol');
    const tip = $(chart, '[part="tooltip"]') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    await press(chart, 'Home');
    const first = name();
    await press(chart, 'ArrowRight');
    expect(name()).to.not.equal(first);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('focus-point');
    await press(chart, 'ArrowLeft');
    expect(name()).to.equal(first);
    await press(chart, 'End');
    expect(name()).to.not.equal(first);
    const subjectOf = (label: string) => label.split(', ').at(-1);
    const before = subjectOf(name());
    await press(chart, 'ArrowDown');
    expect(subjectOf(name())).to.not.equal(before);
    await press(chart, 'ArrowUp');
    expect(subjectOf(name())).to.equal(before);
    await press(chart, 'Escape');
    expect(tip.hidden).to.equal(true);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('focus-point');
    await expect(chart).to.be.accessible();
  });

  it('shows the tooltip on hover', async () => {
    const chart = await mount(parent);
    const svgEl = $(chart, 'svg[part="chart"]') as unknown as SVGSVGElement;
    const markers = $$(chart, '.diary-markers')[0]?.getAttribute('d') ?? '';
    const [, x, y] = /M([\d.]+) ([\d.]+)/.exec(markers) ?? [];
    const box = svgEl.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.left + Number(x) + 4), Math.round(box.top + Number(y))],
    });
    await settle(chart);
    const tip = $(chart, '[part="tooltip"]') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(textOf(tip)).to.match(/\d{4}/);
  });

  it('zooms to a date range by dragging and with the date fields, and back', async () => {
    const chart = await mount(parent);
    const svgEl = $(chart, 'svg[part="chart"]') as unknown as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    const wide = tickDays(chart);
    const range = oneEvent(chart, 'diary-range-change');
    const at = (x: number) =>
      [Math.round(box.left + x), Math.round(box.top + 100)] as [number, number];
    await sendMouse({ type: 'move', position: at(200) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(320) });
    await settle(chart);
    expect($(chart, '.diary-brush')).to.not.equal(null);
    await sendMouse({ type: 'up' });
    const { detail } = await range;
    expect(detail.from).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(detail.to) > String(detail.from)).to.equal(true);
    await settle(chart);
    expect(tickDays(chart)).to.not.deep.equal(wide);
    expect(textOf($(chart, '[part="status"]'))).to.match(
      /^Показаны оценки с \d+ [а-я]+ \d{4} г\. по/,
    );
    ($(chart, '[part~="reset"]') as HTMLButtonElement).click();
    await settle(chart);
    expect(tickDays(chart)).to.deep.equal(wide);
    typeInto($(chart, '#from'), '2026-10-01');
    typeInto($(chart, '#to'), '2026-10-15');
    await settle(chart);
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    ($(chart, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(chart);
    const dates = $$(chart, '[part="table"] tbody tr td:first-child').map(textOf);
    expect(dates.length).to.be.greaterThan(0);
    expect(dates.every((d) => / октября$/.test(d))).to.equal(true);
    typeInto($(chart, '#to'), '2026-09-15');
    await settle(chart);
    expect(textOf($(chart, '#to-error'))).to.equal(
      'Ошибка: Дата окончания должна быть не раньше даты начала',
    );
    expect($(chart, '#to')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the chosen subjects’ marks as a table behind «Показать таблицей»', async () => {
    const chart = await mount(parent);
    const { marks } = received(chart);
    const button = $(chart, '[part~="table-toggle"]') as HTMLButtonElement;
    expect(textOf(button)).to.equal('Показать таблицей');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(chart, '[part="table"]')).to.equal(null);
    button.click();
    await settle(chart);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(button)).to.equal('Скрыть таблицу');
    const one = marks.filter((m) => m.subjectId === attention(marks) && countsInAverage(m));
    expect(tableTotal(chart)).to.equal(one.length);
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    await settle(chart);
    // Every counted mark is a row: the first hundred on this page, the count in the status.
    const counted = marks.filter(countsInAverage).length;
    expect($$(chart, '[part="table"] tbody tr').length).to.equal(Math.min(100, counted));
    expect(tableTotal(chart)).to.equal(counted);
    await expect(chart).to.be.accessible();
  });

  it('pages the table a hundred rows at a time, with buttons and a polite row count', async () => {
    const chart = await given(classYear(1234));
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    ($(chart, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(chart);
    const rows = () => $$(chart, '[part="table"] tbody tr');
    const firstDate = () => textOf(rows()[0]?.querySelector('td'));
    const status = () => $(chart, '[part="table-status"]') as HTMLElement;
    const pageButton = (name: string) => $(chart, `[part~="page-${name}"]`) as HTMLButtonElement;
    expect(rows()).to.have.length(100);
    expect(status().getAttribute('role')).to.equal('status');
    expect(textOf(status())).to.equal('Строки 1–100 из 1 234');
    expect($(chart, 'nav[part="pager"]')?.getAttribute('aria-label')).to.equal('Страницы таблицы');
    expect(pageButton('previous').getAttribute('aria-disabled')).to.equal('true');
    await expect(chart).to.be.accessible();
    const page1 = rows().map(textOf);

    // Keyboard only: Enter on «Следующие» shows rows 101–200, later dates than page 1.
    pageButton('next').focus();
    await sendKeys({ press: 'Enter' });
    await settle(chart);
    expect(textOf(status())).to.equal('Строки 101–200 из 1 234');
    expect(rows()).to.have.length(100);
    expect(rows().map(textOf)).to.not.deep.equal(page1);
    expect(deepActiveElement()).to.equal(pageButton('next'));

    pageButton('last').click();
    await settle(chart);
    expect(textOf(status())).to.equal('Строки 1 201–1 234 из 1 234');
    expect(rows()).to.have.length(34);
    expect(pageButton('next').getAttribute('aria-disabled')).to.equal('true');
    // A disabled step does nothing and keeps the focus where it is.
    pageButton('next').focus();
    await sendKeys({ press: 'Enter' });
    await settle(chart);
    expect(textOf(status())).to.equal('Строки 1 201–1 234 из 1 234');
    expect(deepActiveElement()).to.equal(pageButton('next'));

    pageButton('previous').click();
    await settle(chart);
    expect(textOf(status())).to.equal('Строки 1 101–1 200 из 1 234');
    pageButton('first').click();
    await settle(chart);
    expect(rows().map(textOf)).to.deep.equal(page1);
    expect(firstDate()).to.match(/сентября$/);
  });

  it('starts the table again at its first page when the subjects change, and says when it is empty', async () => {
    const many = classYear(1234);
    const chart = await given(many, 800, 'en');
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    ($(chart, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(chart);
    const status = () => textOf($(chart, '[part="table-status"]'));
    expect(status()).to.equal('Rows 1–100 of 1,234');
    ($(chart, '[part~="page-last"]') as HTMLButtonElement).click();
    await settle(chart);
    expect(status()).to.equal('Rows 1,201–1,234 of 1,234');
    // 14 of 15 subjects off: the rows of one subject, from the first page.
    const toggles = $$(chart, '[part="toggle"]');
    for (const toggle of toggles.slice(1)) {
      toggle.click();
      await settle(chart);
    }
    const one = many.filter((m) => m.subjectId === toggles[0]?.dataset['subject']).length;
    expect(status()).to.equal(`Rows 1–${one} of ${one}`);
    expect($(chart, 'nav[part="pager"]')).to.equal(null);
    (toggles[0] as HTMLElement).click();
    await settle(chart);
    expect(status()).to.equal('No marks in the table.');
    expect($$(chart, '[part="table"] tbody tr')).to.have.length(0);
    await expect(chart).to.be.accessible();
  });

  it('turns transitions off under prefers-reduced-motion', async () => {
    const chart = await mount(parent);
    const line = $(chart, 'g.diary-series:not(.diary-context) .diary-line') as Element;
    expect(getComputedStyle(line).transitionDuration).to.equal('0.25s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(line).transitionDuration).to.equal('0s');
  });

  it('thins tens of thousands of marks into what can be seen, one path per subject', async () => {
    const many = classYear(30_000);
    const chart = await given(many);
    ($(chart, '[part~="show-all"]') as HTMLButtonElement).click();
    await settle(chart);
    const series = $$(chart, 'g.diary-series');
    expect(series).to.have.length(15);
    const drawn = series
      .map(
        (g) => (g.querySelector('.diary-markers')?.getAttribute('d') ?? '').split('M').length - 1,
      )
      .reduce((a, b) => a + b, 0);
    expect(drawn).to.be.greaterThan(100);
    expect(drawn).to.be.lessThan(many.length / 4);
    expect(focusPoint(chart).getAttribute('aria-label')).to.match(/\(\d+ оцен/);
  });

  it('draws a new mark from live events without a reload', async () => {
    const chart = await mount(parent, { subjects: WORLD.math });
    ($(chart, '[part~="table-toggle"]') as HTMLButtonElement).click();
    await settle(chart);
    const rows = () => tableTotal(chart);
    const before = rows();
    const { client: teacher } = await signedInClient(WORLD.mathTeacher);
    const created = await teacher.grades.create({
      childId: WORLD.maria,
      subjectId: WORLD.math,
      value: 3,
      kind: 'oral',
      date: markDate(),
    });
    await waitUntil(() => rows() === before + 1, 'the new mark was not drawn', { timeout: 10_000 });
    await teacher.grades.remove({ markId: created.id });
    await waitUntil(() => rows() === before, 'the deleted mark stayed', { timeout: 10_000 });
  });

  it('shows an error with a retry when the marks cannot be loaded', async () => {
    const flaky = flakyFetch();
    const { client } = await signedInClient(WORLD.parent, { fetch: flaky.fetch });
    flaky.failNext('/grades');
    const chart = await mount(client);
    expect(state(chart)).to.equal('error');
    expect(textOf($(chart, '[role="alert"]'))).to.contain('Нет связи с сервером дневника');
    await expect(chart).to.be.accessible();
    ($(chart, '[part~="retry"]') as HTMLButtonElement).click();
    await waitUntil(() => state(chart) === 'ready', 'the retry did not load', { timeout: 10_000 });
  });
});
