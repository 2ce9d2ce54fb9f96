// The benchmark page: one measurement per fresh page, chosen by the harness. Each case times
// from the data being in hand to the DOM built and laid out (a forced style and layout read; for
// uPlot, its canvas drawn); generating the data is not timed.
import type { Mark } from '@school-diary/core';
import '../../packages/elements/src/define';
import type { DiaryGradeTable } from '../../packages/elements/src/grade-table/diary-grade-table';
import type { DiaryTimelineChart } from '../../packages/elements/src/timeline-chart/diary-timeline-chart';
import { newMark, yearOfMarks } from './data';
import { uplotChart } from './uplot-chart';
import { vanillaChart } from './vanilla-chart';
import { vanillaGradeTable } from './vanilla-grade-table';

const layout = () => document.body.getBoundingClientRect().height;

/**
 * Collects the garbage made so far (Chromium runs with --expose-gc), so that a timed step does not
 * pay for collecting what generating the data or the first render left behind.
 */
const quiet = () => (globalThis as { gc?: () => void }).gc?.();

async function settled(element: { updateComplete: Promise<boolean> }): Promise<void> {
  while (!(await element.updateComplete)) {
    // Another update was requested while this one ran (a measured width): wait for it too.
  }
}

function host(): HTMLElement {
  const div = document.createElement('div');
  div.style.width = '752px';
  document.body.append(div);
  return div;
}

async function tableFirst(marks: Mark[], lit: boolean): Promise<number> {
  const box = host();
  const t0 = performance.now();
  if (lit) {
    const table = document.createElement('diary-grade-table') as DiaryGradeTable;
    table.period = 'year';
    table.marks = marks;
    box.append(table);
    await settled(table);
  } else vanillaGradeTable(box, marks);
  layout();
  return performance.now() - t0;
}

async function tableUpdate(marks: Mark[], lit: boolean): Promise<number> {
  const box = host();
  const mark = newMark(marks);
  if (lit) {
    const table = document.createElement('diary-grade-table') as DiaryGradeTable;
    table.period = 'year';
    table.marks = marks;
    box.append(table);
    await settled(table);
    layout();
    quiet();
    const t0 = performance.now();
    table.marks = [...marks, mark];
    await settled(table);
    layout();
    return performance.now() - t0;
  }
  const update = vanillaGradeTable(box, marks);
  layout();
  quiet();
  const t0 = performance.now();
  update(mark);
  layout();
  return performance.now() - t0;
}

/** The subject the page asks the chart to draw in full, in the case against uPlot. */
export const PEER_SUBJECT = 'sub_0';

async function chart(marks: Mark[], impl: string, subjects?: string): Promise<number> {
  const box = host();
  const t0 = performance.now();
  if (impl === 'lit') {
    const element = document.createElement('diary-timeline-chart') as DiaryTimelineChart;
    element.marks = marks;
    if (subjects) element.subjects = subjects;
    box.append(element);
    await settled(element);
  } else if (impl === 'uplot') await uplotChart(box, marks, subjects as string);
  else vanillaChart(box, marks, subjects);
  layout();
  return performance.now() - t0;
}

/**
 * Runs one case once: `table-first`, `table-update`, `chart` (against the vanilla baseline),
 * `chart-peer` (against uPlot); `lit`, `vanilla` or `uplot`. As in
 * js-framework-benchmark, the page is loaded and warm first: the same case has run once on 30
 * marks (element definitions, style sheets, Intl formatters, lit's template preparation), and is
 * then timed on the full data.
 */
async function run(kind: string, impl: string, count: number): Promise<number> {
  await once(kind, impl, yearOfMarks(30));
  document.body.replaceChildren();
  const marks = yearOfMarks(count);
  // The marks are "in hand" (loaded earlier): the garbage made generating them is collected
  // before the clock starts, so neither variant pays for it.
  quiet();
  return once(kind, impl, marks);
}

function once(kind: string, impl: string, marks: Mark[]): Promise<number> {
  switch (kind) {
    case 'table-first':
      return tableFirst(marks, impl === 'lit');
    case 'table-update':
      return tableUpdate(marks, impl === 'lit');
    case 'chart':
      return chart(marks, impl);
    case 'chart-peer':
      return chart(marks, impl, PEER_SUBJECT);
    default:
      throw new RangeError(`unknown case ${kind}`);
  }
}

/** What the baseline and the widget drew, reduced to what must be equal for a fair comparison. */
function drawn(root: ShadowRoot): Record<string, unknown> {
  const all = [...root.querySelectorAll('*')];
  const text = (selector: string) =>
    [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ''));
  const attr = (selector: string, name: string) =>
    [...root.querySelectorAll(selector)].map((e) => e.getAttribute(name));
  return {
    elements: all.length,
    tags: all.map((e) => e.localName).join(' '),
    text: text('caption, tbody, thead, figcaption, .diary-axis, [part="tooltip"]'),
    labels: attr('[aria-label]', 'aria-label'),
    paths: attr('path', 'd'),
  };
}

/**
 * Draws `kind` (`table` after one new mark, or `chart`) with both implementations on `count`
 * marks and lists what differs (elements, text, accessible names, path data); `[]` when the
 * baseline shows the same as the widget.
 */
async function compare(kind: string, count: number): Promise<string[]> {
  const marks = yearOfMarks(count);
  const widgetBox = host();
  const baselineBox = host();
  if (kind === 'table') {
    const table = document.createElement('diary-grade-table') as DiaryGradeTable;
    table.period = 'year';
    table.marks = marks;
    widgetBox.append(table);
    await settled(table);
    table.marks = [...marks, newMark(marks)];
    await settled(table);
    vanillaGradeTable(baselineBox, marks)(newMark(marks));
  } else {
    const element = document.createElement('diary-timeline-chart') as DiaryTimelineChart;
    element.marks = marks;
    widgetBox.append(element);
    await settled(element);
    vanillaChart(baselineBox, marks);
  }
  const a = drawn(widgetBox.firstElementChild?.shadowRoot ?? (widgetBox.shadowRoot as ShadowRoot));
  const b = drawn(baselineBox.shadowRoot as ShadowRoot);
  document.body.replaceChildren();
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

(globalThis as unknown as { diaryBench: unknown }).diaryBench = { run, compare };
