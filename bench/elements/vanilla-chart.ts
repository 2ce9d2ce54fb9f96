// The hand-written vanilla-DOM baseline of the timeline chart: the same figure as
// <diary-timeline-chart> draws on first render — caption with the chosen subject's trend in words
// and the others counted, subject toggles with their marker swatches and «Все предметы», the date
// fields, the y grid and a date axis with locale labels fitted to the marks, every other subject's
// moving average as a faint line, the chosen subject's line and one marker path with the same
// thinning (points of one value closer than 3 px drawn once), the focus point and its tooltip,
// the hint and the table toggle — in a shadow root with the element's style sheets,
// built with createElement and path strings. The plot is measured once before drawing, as a
// careful developer without a framework would do. The data work is the element's, written
// again by hand: the marks grouped by subject (sorting only a subject whose marks are not in date
// order), each date parsed once, and one walk per subject keeping the moving average (last 5
// marks) and the trend as per-value running sums, as core's maths keeps them — so both give
// core's numbers and the same path data, which run.mjs checks. The chosen subject (the page's, or
// the one whose average fell most, else the weakest) is walked once more for its markers. (The
// element folds the grouping and the walk into one pass; the baseline keeps simple loops.)
// It shares no code with the element beyond core's weight check, the kit's formatting and texts.
import { assertMarkWeight, markValueText, workKindName, type Mark } from '@school-diary/core';
import { formatDay } from '../../packages/elements/src/shared/day-format';
import { formatNumber, plural } from '../../packages/elements/src/shared/plural';
import { controlStyles, hostTokens } from '../../packages/elements/src/shared/theme';
import { timelineChartStyles } from '../../packages/elements/src/timeline-chart/diary-timeline-chart.styles';
import { timelineText as t } from '../../packages/elements/src/timeline-chart/timeline-chart-text';

const NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 280;
const TOP = 12;
const RIGHT = 16;
const BOTTOM = 28;
const LEFT = 32;
const DAY = 86_400_000;
const GAP = 3;
const TICK_ROOM = 64;
const MARKS = { one: '{n} оценка', few: '{n} оценки', many: '{n} оценок', other: '{n} оценки' };

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const k in props) node.setAttribute(k, props[k] as string);
  if (text !== undefined) node.textContent = text;
  return node;
};

const svgEl = (tag: string, props: Record<string, string | number> = {}): SVGElement => {
  const node = document.createElementNS(NS, tag) as SVGElement;
  for (const k in props) node.setAttribute(k, String(props[k]));
  return node;
};

const r = (n: number) => Math.round(n * 10) / 10;

/** Marker path data per shape, around (x, y) with radius s. */
function marker(shape: number, x: number, y: number, s = 4): string {
  const px = r(x);
  const py = r(y);
  switch (shape) {
    case 0:
      return `M${px - s} ${py}a${s} ${s} 0 1 0 ${2 * s} 0a${s} ${s} 0 1 0 ${-2 * s} 0`;
    case 1:
      return `M${px - s} ${py - s}h${2 * s}v${2 * s}h${-2 * s}z`;
    case 2:
      return `M${px} ${py - s - 1}l${s + 1} ${2 * s + 1}h${-2 * s - 2}z`;
    case 3:
      return `M${px} ${py - s - 1}l${s + 1} ${s + 1}l${-s - 1} ${s + 1}l${-s - 1} ${-s - 1}z`;
    case 4: {
      const a = s - 1.5;
      return `M${px - 1.5} ${py - s}h3v${a}h${a}v3h${-a}v${a}h-3v${-a}h${-a}v-3h${a}z`;
    }
    default:
      return `M${px} ${py + s + 1}l${s + 1} ${-2 * s - 1}h${-2 * s - 2}z`;
  }
}

interface Subject {
  id: string;
  name: string;
  marks: Mark[];
  last: string;
  sorted: boolean;
}

/** The weighted average of per-value sums (value order, clamped to the values present). */
function averageOf(w: number[], n: number[]): number {
  let weighted = 0;
  let total = 0;
  let min = 0;
  let max = 0;
  for (let v = 1; v <= 5; v += 1) {
    if (n[v] === 0) continue;
    weighted += v * (w[v] as number);
    total += w[v] as number;
    if (min === 0) min = v;
    max = v;
  }
  return Math.min(max, Math.max(min, weighted / total));
}

/** Draws the chart into a shadow root of `host` (its width decides the plot's). */
/** Ticks of the date axis, no more than `max`: days, 2 days, Mondays, 2 Mondays, 1/2/3/6 months. */
function ticksOf(from: number, to: number, max: number): { ticks: number[]; months: boolean } {
  const limit = Math.max(2, max);
  for (const days of [1, 2, 7, 14]) {
    const ticks: number[] = [];
    let m = Math.ceil(from / DAY) * DAY;
    if (days >= 7) while (new Date(m).getUTCDay() !== 1) m += DAY;
    for (; m <= to; m += days * DAY) ticks.push(m);
    if (ticks.length <= limit) return { ticks, months: false };
  }
  for (const months of [1, 2, 3, 6, 12]) {
    const ticks: number[] = [];
    const d = new Date(from);
    let month = d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0);
    for (let m = Date.UTC(d.getUTCFullYear(), month, 1); m <= to;) {
      ticks.push(m);
      month += months;
      m = Date.UTC(d.getUTCFullYear(), month, 1);
    }
    if (ticks.length <= limit || months === 12) return { ticks, months: true };
  }
  return { ticks: [], months: true };
}

/** One subject's walk: its moving-average line, its trend, and (when asked) its markers. */
interface Walk {
  line: string;
  dots: string;
  from: number;
  to: number;
  last?: { mark: Mark; px: number; py: number; count: number; average: number };
}

/**
 * Draws the chart into a shadow root of `host` (its width decides the plot's); `chosen` is the
 * subject drawn in full (the page's `subjects`), else the one the element picks by default.
 */
export function vanillaChart(host: HTMLElement, marks: readonly Mark[], chosen?: string): void {
  // Subjects of the counted marks (numeric, weight > 0; a bad weight throws as core's
  // countsInAverage does), by name in Russian order; each subject's marks by date, sorted only
  // when they did not come in date order.
  const bySubject = new Map<string, Subject>();
  for (let k = 0; k < marks.length; k += 1) {
    const mark = marks[k] as Mark;
    const w = mark.weight;
    if (!(w >= 0 && w !== Infinity)) assertMarkWeight(w);
    const v = mark.value;
    if (w === 0 || (v !== 1 && v !== 2 && v !== 3 && v !== 4 && v !== 5)) continue;
    let s = bySubject.get(mark.subjectId);
    if (!s) {
      s = { id: mark.subjectId, name: mark.subjectName, marks: [], last: '', sorted: true };
      bySubject.set(mark.subjectId, s);
    }
    if (mark.date < s.last) s.sorted = false;
    s.last = mark.date;
    s.marks.push(mark);
  }
  const collator = new Intl.Collator('ru');
  const subjects = [...bySubject.values()].sort((a, b) => collator.compare(a.name, b.name));
  const parsed = new Map<string, number>();
  const dayOf = (date: string) => {
    let ms = parsed.get(date);
    if (ms === undefined) parsed.set(date, (ms = Date.parse(`${date}T00:00:00Z`)));
    return ms;
  };
  let first = Infinity;
  let last = -Infinity;
  for (const s of subjects) {
    // A stable sort: one date's marks keep their order, as the averages read them.
    if (!s.sorted) s.marks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    first = Math.min(first, dayOf((s.marks[0] as Mark).date));
    last = Math.max(last, dayOf((s.marks[s.marks.length - 1] as Mark).date));
  }
  const from = first === last ? first - DAY : first;
  const to = first === last ? last + DAY : last;

  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [hostTokens, controlStyles, timelineChartStyles].map(
    (s) => s.styleSheet as CSSStyleSheet,
  );
  const figure = el('figure', {
    class: 'diary-base',
    part: 'base',
    lang: 'ru',
    'data-state': 'ready',
  });
  const caption = el('figcaption', { part: 'caption' });
  caption.append(el('span', { class: 'diary-title' }, t('ru', 'title')));
  const controls = el('div', { class: 'diary-controls', part: 'controls' });
  const toggles = el('div', {
    id: 'subject-toggles',
    class: 'diary-toggles',
    role: 'group',
    'aria-label': t('ru', 'subjects'),
  });
  const range = el('div', { class: 'diary-range' });
  for (const id of ['from', 'to'] as const) {
    const field = el('div', { class: 'diary-filter', part: 'field' });
    field.append(
      el('label', { class: 'diary-label', part: 'label', for: id }, t('ru', id)),
      el('input', { id, type: 'date', class: 'diary-input', part: 'input' }),
    );
    range.append(field);
  }
  controls.append(toggles, range);
  const plot = el('div', { class: 'diary-plot', part: 'plot' });
  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'diary-button diary-button--secondary',
      part: 'button table-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'data-table',
    },
    t('ru', 'showTable'),
  );
  const touch = matchMedia('(hover: none) and (pointer: coarse)').matches;
  figure.append(
    caption,
    controls,
    plot,
    el(
      'p',
      { class: 'diary-hint', part: 'hint', 'data-input': touch ? 'touch' : 'pointer' },
      t('ru', touch ? 'hintTouch' : 'hintPointer'),
    ),
    el('p', { id: 'keys', class: 'diary-visually-hidden' }, t('ru', 'keys')),
    toggle,
    el('div', { id: 'data-table' }),
  );
  root.append(figure, el('p', { class: 'diary-visually-hidden', part: 'status', role: 'status' }));

  // The SVG is drawn in pixels of the plot's width, measured once.
  const width = Math.round(plot.clientWidth) || 720;
  const plotW = Math.max(40, width - LEFT - RIGHT);
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (ms: number) => LEFT + ((ms - from) / (to - from)) * plotW;
  const y = (v: number) => TOP + ((5 - v) / 4) * plotH;

  // One walk in date order: the moving average over the last 5 marks and the trend's sums
  // (per-value running sums, as core's maths keeps them), the line (one vertex per half pixel)
  // and, for the chosen subject, the markers of each date in value order (points of one value
  // closer than 3 px once).
  const walk = (s: Subject, i: number, withDots: boolean): Walk => {
    let line = '';
    let lastPx = -Infinity;
    let dots = '';
    const lastAt = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
    const countAt = [0, 0, 0, 0, 0, 0];
    const cellCount = [0, 0, 0, 0, 0, 0];
    const cellFirst: (Mark | undefined)[] = [];
    const winW = [0, 0, 0, 0, 0, 0];
    const winN = [0, 0, 0, 0, 0, 0];
    const allW = [0, 0, 0, 0, 0, 0];
    const allN = [0, 0, 0, 0, 0, 0];
    const third = Math.ceil(s.marks.length / 3);
    const result: Walk = { line: '', dots: '', from: 0, to: 0 };
    let ms = 0;
    const endOfDate = () => {
      const average = averageOf(winW, winN);
      const lx = r(x(ms));
      if (lx - lastPx >= 0.5) {
        line += `${line ? 'L' : 'M'}${lx} ${r(y(average))}`;
        lastPx = lx;
      }
      if (!withDots) return;
      const px = x(ms);
      for (let v = 1; v <= 5; v += 1) {
        const count = cellCount[v] as number;
        if (count === 0) continue;
        cellCount[v] = 0;
        if (px - (lastAt[v] as number) < GAP) {
          countAt[v] = (countAt[v] as number) + count;
          if (result.last && result.last.py === y(v)) result.last.count = countAt[v] as number;
          continue;
        }
        lastAt[v] = px;
        countAt[v] = count;
        dots += marker(i % 6, px, y(v));
        result.last = { mark: cellFirst[v] as Mark, px, py: y(v), count, average };
      }
    };
    let date = '';
    for (let k = 0; k < s.marks.length; k += 1) {
      const mark = s.marks[k] as Mark;
      if (mark.date !== date) {
        if (k > 0) endOfDate();
        date = mark.date;
        ms = dayOf(date);
      }
      const v = mark.value as number;
      if (withDots) {
        if (cellCount[v] === 0) cellFirst[v] = mark;
        cellCount[v] = (cellCount[v] as number) + 1;
      }
      winW[v] = (winW[v] as number) + mark.weight;
      winN[v] = (winN[v] as number) + 1;
      if (k >= 5) {
        const out = s.marks[k - 5] as Mark;
        const ov = out.value as number;
        const left = (winN[ov] as number) - 1;
        winN[ov] = left;
        winW[ov] = left === 0 ? 0 : (winW[ov] as number) - out.weight;
      }
      allW[v] = (allW[v] as number) + mark.weight;
      allN[v] = (allN[v] as number) + 1;
      if (k + 1 === third) result.from = averageOf(allW, allN);
    }
    endOfDate();
    result.to = averageOf(allW, allN);
    result.line = line;
    result.dots = dots;
    return result;
  };
  const walks = subjects.map((s, i) => walk(s, i, false));

  // Trends in the reader's rounding: averages that round alike are no change.
  const one = (n: number) => formatNumber('ru', n, 1);
  const direction = (w: Walk) => {
    const delta = w.to - w.from;
    if (one(w.from) === one(w.to) || Math.abs(delta) < 0.05 - 1e-9) return 'flat';
    return delta > 0 ? 'up' : 'down';
  };
  // The chosen subject: the page's, else the largest fall, else the weakest.
  let focus = subjects.findIndex((s) => s.id === chosen);
  if (focus < 0) {
    let fell = -1;
    let lowest = -1;
    walks.forEach((w, i) => {
      const fall = w.to - w.from;
      if (
        direction(w) === 'down' &&
        (fell < 0 || fall < (walks[fell] as Walk).to - (walks[fell] as Walk).from)
      )
        fell = i;
      if (lowest < 0 || w.to < (walks[lowest] as Walk).to) lowest = i;
    });
    focus = fell >= 0 ? fell : lowest;
  }
  const focused = walk(subjects[focus] as Subject, focus, true);
  walks[focus] = focused;

  const sentence = { up: 'trendUp', down: 'trendDown', flat: 'trendFlat' } as const;
  const fs = subjects[focus] as Subject;
  caption.append(
    el(
      'span',
      { class: 'diary-trend', part: 'trend' },
      t('ru', sentence[direction(focused)], {
        subject: fs.name,
        from: one(focused.from),
        to: one(focused.to),
      }),
    ),
  );
  if (subjects.length > 1) {
    const count = { down: 0, up: 0, flat: 0 };
    walks.forEach((w, i) => {
      if (i !== focus) count[direction(w)] += 1;
    });
    const parts: string[] = [];
    if (count.down) parts.push(t('ru', 'countDown', { n: count.down }));
    if (count.up) parts.push(t('ru', 'countUp', { n: count.up }));
    if (count.flat) parts.push(t('ru', 'countFlat', { n: count.flat }));
    caption.append(
      el(
        'span',
        { class: 'diary-trend', part: 'summary' },
        t('ru', 'othersSummary', { summary: parts.join(', ') }),
      ),
    );
  }
  subjects.forEach((s, i) => {
    const button = el('button', {
      type: 'button',
      class: `diary-toggle c${i % 8}`,
      part: 'toggle',
      'aria-pressed': i === focus ? 'true' : 'false',
      'data-subject': s.id,
    });
    const swatch = svgEl('svg', { width: 14, height: 14, 'aria-hidden': 'true' });
    swatch.append(svgEl('path', { class: 'diary-swatch', d: marker(i % 6, 7, 7, 5) }));
    button.append(swatch, s.name);
    toggles.append(button);
  });
  if (subjects.length > 1)
    toggles.append(
      el(
        'button',
        {
          type: 'button',
          class: 'diary-button diary-button--secondary diary-show-all',
          part: 'button show-all',
          'aria-pressed': 'false',
        },
        t('ru', 'allSubjects'),
      ),
    );

  const chart = svgEl('svg', {
    part: 'chart',
    role: 'graphics-document',
    'aria-roledescription': t('ru', 'chartRole'),
    'aria-label': t('ru', 'chart'),
    'aria-describedby': 'keys',
    width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
  });
  const axis = svgEl('g', { class: 'diary-axis', 'aria-hidden': 'true' });
  for (let v = 1; v <= 5; v += 1) {
    axis.append(
      svgEl('line', { x1: LEFT, x2: LEFT + plotW, y1: y(v), y2: y(v) }),
      Object.assign(svgEl('text', { x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }), {
        textContent: String(v),
      }),
    );
  }
  const { ticks, months } = ticksOf(from, to, Math.floor(plotW / TICK_ROOM));
  const label = new Intl.DateTimeFormat('ru-RU', {
    ...(months ? {} : { day: 'numeric' }),
    month: 'short',
    timeZone: 'UTC',
  });
  const bottom = HEIGHT - BOTTOM;
  for (const ms of ticks) {
    const day = new Date(ms).toISOString().slice(0, 10);
    axis.append(
      svgEl('line', {
        class: 'diary-tick',
        'data-day': day,
        x1: x(ms),
        x2: x(ms),
        y1: bottom,
        y2: bottom + 4,
      }),
      Object.assign(svgEl('text', { x: x(ms), y: bottom + 18, 'text-anchor': 'middle' }), {
        textContent: label.format(ms + DAY / 2),
      }),
    );
  }
  chart.append(axis);

  // The other subjects as faint context lines, then the chosen one's line and markers.
  subjects.forEach((s, i) => {
    if (i === focus) return;
    const g = svgEl('g', {
      class: 'diary-series diary-context',
      'data-subject': s.id,
      'aria-hidden': 'true',
    });
    g.append(svgEl('path', { class: 'diary-line', part: 'context', d: (walks[i] as Walk).line }));
    chart.append(g);
  });
  const g = svgEl('g', {
    class: `diary-series c${focus % 8}`,
    'data-subject': fs.id,
    'aria-hidden': 'true',
  });
  g.append(
    svgEl('path', { class: 'diary-line', part: 'line', d: focused.line }),
    svgEl('path', { class: 'diary-markers', part: 'markers', d: focused.dots }),
  );
  chart.append(g);

  const at = focused.last;
  if (!at) {
    plot.append(chart);
    return;
  }
  const name = t('ru', 'pointSubject', {
    point: `${t('ru', 'point', {
      date: formatDay('ru', at.mark.date),
      value: markValueText('ru', at.mark.value),
      kind: workKindName('ru', at.mark.kind),
    })}${at.count > 1 ? ` (${plural('ru', at.count, MARKS)})` : ''}`,
    subject: fs.name,
  });
  const focusG = svgEl('g', {
    class: `diary-focus c${focus % 8}`,
    part: 'focus-point',
    tabindex: 0,
    role: 'graphics-symbol',
    'aria-roledescription': t('ru', 'pointRole'),
    'aria-label': name,
  });
  focusG.append(
    svgEl('circle', { class: 'diary-ring', cx: at.px, cy: at.py, r: 9 }),
    svgEl('path', { class: 'diary-focus-marker', d: marker(focus % 6, at.px, at.py, 6) }),
  );
  chart.append(focusG);
  const tipW = Math.min(180, width - 8);
  const left = at.px + 12 + tipW > width ? Math.max(0, at.px - 12 - tipW) : at.px + 12;
  const tip = el('div', {
    class: 'diary-tip',
    part: 'tooltip',
    'aria-hidden': 'true',
    hidden: '',
    style: `left:${left}px;top:${Math.max(0, at.py - 24)}px;width:${tipW}px`,
  });
  tip.append(
    el('strong', {}, fs.name),
    el(
      'span',
      {},
      formatDay('ru', at.mark.date, { day: 'numeric', month: 'long', year: 'numeric' }),
    ),
    el('span', {}, name.split(', ').slice(1, 3).join(', ')),
    el('span', {}, t('ru', 'moving', { average: formatNumber('ru', at.average, 2) })),
  );
  if (at.count === 1 && at.mark.comment) tip.append(el('em', {}, `«${at.mark.comment}»`));
  plot.append(chart, tip);
}
