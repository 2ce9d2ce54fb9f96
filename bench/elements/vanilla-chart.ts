// The hand-written vanilla-DOM baseline of the timeline chart: the same figure as
// <diary-timeline-chart> draws on first render — caption with each subject's trend in words
// (core's `trend`), subject toggles with their marker swatches, the date fields, the y grid and a
// month axis with locale labels, per subject one moving-average line path (core's
// `movingAverage`) and one marker path with the same thinning (points of one value closer than
// 3 px drawn once), the focus point and its tooltip, the keyboard hint and the table toggle — in
// a shadow root with the element's style sheets, built with createElement and path strings. The
// plot is measured once before drawing, as a careful developer without a framework would do. It
// shares no code with the element beyond core's maths, the kit's formatting and texts.
import {
  countsInAverage,
  markValueText,
  movingAverage,
  trend,
  workKindName,
  type GradedMark,
  type Mark,
  type NumericMarkValue,
} from '@school-diary/core';
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
}

/** Draws the chart into a shadow root of `host` (its width decides the plot's). */
export function vanillaChart(host: HTMLElement, marks: readonly Mark[]): void {
  // Subjects of the counted marks, by name in Russian order; each subject's marks by date.
  const bySubject = new Map<string, Subject>();
  for (const mark of marks) {
    if (!countsInAverage(mark)) continue;
    const s = bySubject.get(mark.subjectId);
    if (s) s.marks.push(mark);
    else
      bySubject.set(mark.subjectId, { id: mark.subjectId, name: mark.subjectName, marks: [mark] });
  }
  const collator = new Intl.Collator('ru');
  const subjects = [...bySubject.values()].sort((a, b) => collator.compare(a.name, b.name));
  let first = Infinity;
  let last = -Infinity;
  const graded: GradedMark[][] = subjects.map((s) => {
    // By date (a stable sort: one date's marks keep their order) for the averages.
    s.marks.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const list = s.marks.map((m) => ({
      subject: m.subjectName,
      date: m.date,
      value: m.value,
      weight: m.weight,
    }));
    first = Math.min(first, Date.parse(`${(s.marks[0] as Mark).date}T00:00:00Z`));
    last = Math.max(last, Date.parse(`${(s.marks[s.marks.length - 1] as Mark).date}T00:00:00Z`));
    return list;
  });
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
  subjects.forEach((s, i) => {
    const tr = trend(graded[i] as GradedMark[]);
    if (!tr) return;
    const key =
      tr.direction === 'up' ? 'trendUp' : tr.direction === 'down' ? 'trendDown' : 'trendFlat';
    const params = {
      subject: s.name,
      from: formatNumber('ru', tr.from, 1),
      to: formatNumber('ru', tr.to, 1),
    };
    caption.append(el('span', { class: 'diary-trend', part: 'trend' }, t('ru', key, params)));
  });

  const controls = el('div', { class: 'diary-controls', part: 'controls' });
  const toggles = el('div', {
    class: 'diary-toggles',
    role: 'group',
    'aria-label': t('ru', 'subjects'),
  });
  subjects.forEach((s, i) => {
    const button = el('button', {
      type: 'button',
      class: `diary-toggle c${i % 8}`,
      part: 'toggle',
      'aria-pressed': 'true',
      'data-subject': s.id,
    });
    const swatch = svgEl('svg', { width: 14, height: 14, 'aria-hidden': 'true' });
    swatch.append(svgEl('path', { class: 'diary-swatch', d: marker(i % 6, 7, 7, 5) }));
    button.append(swatch, s.name);
    toggles.append(button);
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
  figure.append(
    caption,
    controls,
    plot,
    el('p', { id: 'keys', class: 'diary-hint', part: 'hint' }, t('ru', 'keys')),
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
      Object.assign(svgEl('text', { x: LEFT - 8, y: y(v) + 4, 'text-anchor': 'end' }), {
        textContent: String(v),
      }),
    );
  }
  const long = to - from > 75 * DAY;
  const months = new Intl.DateTimeFormat('ru-RU', {
    ...(long ? {} : { day: 'numeric' }),
    month: 'short',
    timeZone: 'UTC',
  });
  const bottom = HEIGHT - BOTTOM;
  const tick = (ms: number) => {
    axis.append(
      svgEl('line', { class: 'diary-tick', x1: x(ms), x2: x(ms), y1: bottom, y2: bottom + 4 }),
      Object.assign(svgEl('text', { x: x(ms), y: bottom + 18, 'text-anchor': 'middle' }), {
        textContent: months.format(ms),
      }),
    );
  };
  const span = (to - from) / DAY;
  if (span > 75) {
    const d = new Date(from);
    for (
      let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0), 1);
      m <= to;
      m = Date.UTC(
        new Date(m).getUTCFullYear(),
        new Date(m).getUTCMonth() + (span > 200 ? 2 : 1),
        1,
      )
    )
      tick(m);
  } else {
    const step = span > 16 ? 7 : span > 8 ? 2 : 1;
    let m = Math.ceil(from / DAY) * DAY;
    if (step === 7) while (new Date(m).getUTCDay() !== 1) m += DAY;
    for (; m <= to; m += step * DAY) tick(m);
  }
  chart.append(axis);

  // Per subject: the moving average as one path, the thinned marks as one path.
  let focus:
    | {
        i: number;
        s: Subject;
        mark: Mark;
        px: number;
        py: number;
        count: number;
        average: number | undefined;
      }
    | undefined;
  subjects.forEach((s, i) => {
    let line = '';
    let lastPx = -Infinity;
    const moving = movingAverage(graded[i] as GradedMark[], { window: 5 });
    for (const p of moving) {
      const px = r(x(Date.parse(`${p.date}T00:00:00Z`)));
      if (px - lastPx < 0.5) continue;
      line += `${line ? 'L' : 'M'}${px} ${r(y(p.average))}`;
      lastPx = px;
    }
    let dots = '';
    const lastAt = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
    const countAt = [0, 0, 0, 0, 0, 0];
    let date = '';
    let ms = 0;
    let lastMark: Mark | undefined;
    // Markers in date, then value order.
    const byValue = s.marks
      .slice()
      .sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : (a.value as number) - (b.value as number),
      );
    for (const mark of byValue) {
      if (mark.date !== date) {
        date = mark.date;
        ms = Date.parse(`${date}T00:00:00Z`);
      }
      const v = mark.value as NumericMarkValue;
      const px = x(ms);
      if (px - (lastAt[v] as number) < GAP) {
        countAt[v] = (countAt[v] as number) + 1;
        continue;
      }
      lastAt[v] = px;
      countAt[v] = 1;
      dots += marker(i % 6, px, y(v));
      lastMark = mark;
    }
    const g = svgEl('g', {
      class: `diary-series c${i % 8}`,
      'data-subject': s.id,
      'aria-hidden': 'true',
    });
    g.append(
      svgEl('path', { class: 'diary-line', part: 'line', d: line }),
      svgEl('path', { class: 'diary-markers', part: 'markers', d: dots }),
    );
    chart.append(g);
    if (i === 0 && lastMark) {
      const v = lastMark.value as number;
      let average: number | undefined;
      for (const p of moving) if (p.date <= lastMark.date) average = p.average;
      focus = {
        i,
        s,
        mark: lastMark,
        px: lastAt[v] as number,
        py: y(v),
        count: countAt[v] as number,
        average,
      };
    }
  });
  if (focus) {
    const name = t('ru', 'pointSubject', {
      point: `${t('ru', 'point', {
        date: formatDay('ru', focus.mark.date),
        value: markValueText('ru', focus.mark.value),
        kind: workKindName('ru', focus.mark.kind),
      })}${focus.count > 1 ? ` (${plural('ru', focus.count, MARKS)})` : ''}`,
      subject: focus.s.name,
    });
    const g = svgEl('g', {
      class: `diary-focus c${focus.i % 8}`,
      part: 'focus-point',
      tabindex: 0,
      role: 'graphics-symbol',
      'aria-roledescription': t('ru', 'pointRole'),
      'aria-label': name,
    });
    g.append(
      svgEl('circle', { class: 'diary-ring', cx: focus.px, cy: focus.py, r: 9 }),
      svgEl('path', { class: 'diary-focus-marker', d: marker(focus.i % 6, focus.px, focus.py, 6) }),
    );
    chart.append(g);
    const left = focus.px + 12 > width - 180 ? focus.px - 192 : focus.px + 12;
    const tip = el('div', {
      class: 'diary-tip',
      part: 'tooltip',
      'aria-hidden': 'true',
      hidden: '',
      style: `left:${left}px;top:${Math.max(0, focus.py - 24)}px`,
    });
    tip.append(
      el('strong', {}, focus.s.name),
      el(
        'span',
        {},
        formatDay('ru', focus.mark.date, { day: 'numeric', month: 'long', year: 'numeric' }),
      ),
      el('span', {}, name.split(', ').slice(1, 3).join(', ')),
    );
    if (focus.average !== undefined)
      tip.append(
        el('span', {}, t('ru', 'moving', { average: formatNumber('ru', focus.average, 2) })),
      );
    if (focus.count === 1 && focus.mark.comment)
      tip.append(el('em', {}, `«${focus.mark.comment}»`));
    plot.append(chart, tip);
  } else plot.append(chart);
}
