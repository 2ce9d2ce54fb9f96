/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { countsInAverage, trend, type Mark } from '@school-diary/core';
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

async function mount(client: unknown, options: { lang?: string; childId?: string } = {}) {
  const provider = await fixture(
    html`<diary-provider .client=${client} lang=${options.lang ?? 'ru'}>
      <div style="width: 800px">
        <diary-timeline-chart child-id=${options.childId ?? WORLD.maria}></diary-timeline-chart>
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

  it('is a figure whose caption states each subject’s trend in words, as core computes it', async () => {
    const chart = await mount(parent);
    expect($(chart, 'figure > figcaption')).to.not.equal(null);
    const math = marks.filter((m) => m.subjectId === WORLD.math && countsInAverage(m));
    const expected = trend(math) as NonNullable<ReturnType<typeof trend>>;
    const one = (n: number) => n.toFixed(1).replace('.', ',').replace(/,0$/, '');
    const sentence = $$(chart, '[part="trend"]')
      .map(textOf)
      .find((s) => s.startsWith('Математика:'));
    const verb = { up: 'вырос с', down: 'снизился с', flat: 'не изменился' }[expected.direction];
    expect(sentence).to.contain(verb);
    expect(sentence).to.contain(one(expected.to));
    expect($$(chart, '[part="trend"]').length).to.equal(
      new Set(marks.map((m) => m.subjectId)).size,
    );
    await expect(chart).to.be.accessible();
  });

  it('draws each subject as one line path and one marker path, with its own marker shape', async () => {
    const chart = await mount(parent);
    const series = $$(chart, 'g.diary-series');
    expect(series.length).to.equal(new Set(marks.map((m) => m.subjectId)).size);
    for (const g of series) {
      expect(g.querySelectorAll('path')).to.have.length(2);
      expect(g.querySelector('.diary-line')?.getAttribute('d')).to.match(
        /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)*$/,
      );
    }
    const swatches = $$(chart, '[part="toggle"] path').map((p) => p.getAttribute('d') ?? '');
    expect(new Set(swatches.slice(0, 6)).size).to.equal(Math.min(6, swatches.length));
  });

  it('labels the date axis in the chosen language', async () => {
    const ru = await mount(parent);
    const ruTicks = $$(ru, '.diary-axis text').map(textOf);
    expect(ruTicks.some((s) => /сент|окт|нояб/.test(s))).to.equal(true);
    const en = await mount(parent, { lang: 'en' });
    const enTicks = $$(en, '.diary-axis text').map(textOf);
    expect(enTicks.some((s) => /Sept|Oct|Nov/.test(s))).to.equal(true);
    expect(textOf($(en, 'figcaption'))).to.contain('Marks and the moving average');
    await expect(en).to.be.accessible();
  });

  it('is one tab stop; arrows, Home and End move between named points, Esc hides the tooltip', async () => {
    const chart = await mount(parent);
    const focusables = $$(chart, 'svg [tabindex]');
    expect(focusables).to.have.length(1);
    expect($(chart, 'svg[part="chart"]')?.getAttribute('role')).to.equal('graphics-document');
    // Tab from the last toggle and the date fields reaches the chart.
    ($(chart, '#to') as HTMLInputElement).focus();
    for (let i = 0; i < 6 && deepActiveElement()?.getAttribute('part') !== 'focus-point'; i += 1)
      await press(chart, 'Tab');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('focus-point');
    const name = () => focusPoint(chart).getAttribute('aria-label') ?? '';
    expect(name()).to.match(
      /^\d{1,2} [а-я]+, оценка [1-5], [а-я ]+(\(\d+ оцен[а-я]+\) )?, .+$|^\d{1,2} [а-я]+, оценка [1-5], .+$/,
    );
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
    const last = name();
    expect(last).to.not.equal(first);
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

  it('switches subjects on and off', async () => {
    const chart = await mount(parent);
    const toggle = $(chart, `[part="toggle"][data-subject="${WORLD.math}"]`) as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const changed = oneEvent(chart, 'diary-subjects-change');
    toggle.click();
    expect((await changed).detail.hidden).to.deep.equal([WORLD.math]);
    await settle(chart);
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect($(chart, `g.diary-series[data-subject="${WORLD.math}"]`)).to.equal(null);
    expect($$(chart, '[part="trend"]').map(textOf).join(' ')).to.not.contain('Математика');
    await expect(chart).to.be.accessible();
  });

  it('zooms to a date range by dragging and with the date fields, and back', async () => {
    const chart = await mount(parent);
    const svgEl = $(chart, 'svg[part="chart"]') as unknown as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    const ticks = () => $$(chart, '.diary-axis text[text-anchor="middle"]').map(textOf);
    const wide = ticks();
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
    expect(ticks()).to.not.deep.equal(wide);
    expect(textOf($(chart, '[part="status"]'))).to.match(
      /^Показаны оценки с \d+ [а-я]+ \d{4} г\. по/,
    );
    ($(chart, '[part~="reset"]') as HTMLButtonElement).click();
    await settle(chart);
    expect(ticks()).to.deep.equal(wide);
    typeInto($(chart, '#from'), '2026-10-01');
    typeInto($(chart, '#to'), '2026-10-15');
    await settle(chart);
    const table = $(chart, '[part~="table-toggle"]') as HTMLButtonElement;
    table.click();
    await settle(chart);
    const dates = $$(chart, '[part="table"] tbody tr td:first-child').map(textOf);
    expect(dates.every((d) => / октября$/.test(d))).to.equal(true);
    typeInto($(chart, '#to'), '2026-09-15');
    await settle(chart);
    expect(textOf($(chart, '#to-error'))).to.equal(
      'Ошибка: Дата окончания должна быть не раньше даты начала',
    );
    expect($(chart, '#to')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the same data as a table behind «Показать таблицей»', async () => {
    const chart = await mount(parent);
    const button = $(chart, '[part~="table-toggle"]') as HTMLButtonElement;
    expect(textOf(button)).to.equal('Показать таблицей');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(chart, '[part="table"]')).to.equal(null);
    button.click();
    await settle(chart);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(button)).to.equal('Скрыть таблицу');
    // Every counted mark is a row: the first hundred on this page, the count in the status.
    const counted = marks.filter(countsInAverage).length;
    const rows = $$(chart, '[part="table"] tbody tr');
    expect(rows.length).to.equal(Math.min(100, counted));
    expect(tableTotal(chart)).to.equal(counted);
    await expect(chart).to.be.accessible();
  });

  it('pages the table a hundred rows at a time, with buttons and a polite row count', async () => {
    const many = classYear(1234);
    const chart = await fixture<DiaryTimelineChart>(
      html`<div style="width: 800px">
        <diary-timeline-chart .marks=${many}></diary-timeline-chart>
      </div>`,
    ).then((div) => div.querySelector('diary-timeline-chart') as DiaryTimelineChart);
    await settle(chart);
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
    await expect(chart).to.be.accessible();

    pageButton('previous').click();
    await settle(chart);
    expect(textOf(status())).to.equal('Строки 1 101–1 200 из 1 234');
    pageButton('first').click();
    await settle(chart);
    expect(rows().map(textOf)).to.deep.equal(page1);
    expect(firstDate()).to.match(/сентября$/);
  });

  it('starts the table again at its first page when the subjects or the dates change, and says when it is empty', async () => {
    const many = classYear(1234);
    const chart = await fixture<DiaryTimelineChart>(
      html`<div style="width: 800px">
        <diary-timeline-chart .marks=${many} lang="en"></diary-timeline-chart>
      </div>`,
    ).then((div) => div.querySelector('diary-timeline-chart') as DiaryTimelineChart);
    await settle(chart);
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
    const line = $(chart, '.diary-line') as Element;
    expect(getComputedStyle(line).transitionDuration).to.equal('0.25s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(line).transitionDuration).to.equal('0s');
  });

  it('thins tens of thousands of marks into what can be seen, one path per subject', async () => {
    const many = classYear(30_000);
    const chart = await fixture<DiaryTimelineChart>(
      html`<div style="width: 800px">
        <diary-timeline-chart .marks=${many}></diary-timeline-chart>
      </div>`,
    ).then((div) => div.querySelector('diary-timeline-chart') as DiaryTimelineChart);
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
    const chart = await mount(parent);
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
