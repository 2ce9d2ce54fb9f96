// The hand-written vanilla-DOM baseline of the grade table: the same markup, styles (in a shadow
// root), labels and grade maths as <diary-grade-table>, built with createElement and updated by
// touching only the changed row — what a careful developer would write without a framework.
import {
  WORK_KINDS,
  arithmeticAverage,
  finalMark,
  roundAverage,
  weightedAverage,
  type Mark,
} from '@school-diary/core';
import { formatDay } from '../../packages/elements/src/shared/day-format';
import { formatNumber, plural } from '../../packages/elements/src/shared/plural';
import { MARK_FORMS } from '../../packages/elements/src/shared/work-kind-text';
import { controlStyles, hostTokens } from '../../packages/elements/src/shared/theme';
import { markValueText, workKindName } from '../../packages/elements/src/shared/work-kind-text';
import { gradeTableStyles } from '../../packages/elements/src/grade-table/diary-grade-table.styles';
import { vanillaDateField } from './vanilla-date-field';
import { nextFinal } from '../../packages/elements/src/grade-table/grade-table-calculator';
import type { SubjectRow } from '../../packages/elements/src/grade-table/grade-rows';

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

const rounded = (x: number | null) => (x === null ? null : roundAverage(x));
const show = (x: number | null) => (x === null ? 'нет' : formatNumber('ru', x));

function markItem(mark: Mark): HTMLLIElement {
  const li = el('li', {
    class: mark.comment ? 'diary-mark diary-mark--comment' : 'diary-mark',
    part: 'mark',
  });
  const label = [
    markValueText('ru', mark.value),
    formatDay('ru', mark.date),
    workKindName('ru', mark.kind),
    `вес ${formatNumber('ru', mark.weight)}`,
  ];
  if (mark.comment) label.push(`комментарий: ${mark.comment}`);
  const button = el(
    'button',
    { type: 'button', tabindex: '-1', 'data-id': mark.id, 'aria-label': label.join(', ') },
    markValueText('ru', mark.value),
  );
  if (mark.weight !== 1) button.dataset['weight'] = `×${formatNumber('ru', mark.weight)}`;
  li.append(button);
  return li;
}

interface Row {
  marks: Mark[];
  list: HTMLUListElement;
  cells: HTMLTableCellElement[];
  /** The subject's header cell, where the calculator toggle comes and goes. */
  head: HTMLTableCellElement;
  toggle: HTMLButtonElement | undefined;
}

/** Renders the table into a shadow root of `host`; returns the update for one new mark. */
export function vanillaGradeTable(host: HTMLElement, marks: readonly Mark[]): (mark: Mark) => void {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [hostTokens, controlStyles, gradeTableStyles].map(
    (s) => s.styleSheet as CSSStyleSheet,
  );
  const base = el('div', { class: 'diary-base', part: 'base', lang: 'ru', 'data-state': 'ready' });
  const toolbar = el('div', { class: 'diary-toolbar', part: 'toolbar' });
  // As the widget without a school year: the whole year is the only period.
  const period = el('select', { id: 'period', class: 'diary-input', part: 'input' });
  period.append(el('option', { value: 'year' }, 'Весь год'));
  const field = (id: string, label: string, input: HTMLElement) => {
    const div = el('div', { class: 'diary-filter', part: 'field' });
    div.append(el('label', { class: 'diary-label', part: 'label', for: id }, label), input);
    return div;
  };
  const bySubject = new Map<string, Mark[]>();
  for (const m of marks) {
    const list = bySubject.get(m.subjectId);
    if (list) list.push(m);
    else bySubject.set(m.subjectId, [m]);
  }
  const subjects = [...bySubject].sort((a, b) =>
    (a[1][0] as Mark).subjectName.localeCompare((b[1][0] as Mark).subjectName, 'ru'),
  );
  const subject = el('select', { id: 'subject', class: 'diary-input', part: 'input' });
  subject.append(el('option', { value: '' }, 'Все предметы'));
  for (const [id, list] of subjects)
    subject.append(el('option', { value: id }, (list[0] as Mark).subjectName));
  const kind = el('select', { id: 'kind', class: 'diary-input', part: 'input' });
  kind.append(el('option', { value: '' }, 'Все виды работ'));
  for (const k of WORK_KINDS) kind.append(el('option', { value: k }, workKindName('ru', k)));
  const fieldset = el('fieldset', { class: 'diary-filters', part: 'filters' });
  fieldset.append(
    el('legend', { class: 'diary-legend', part: 'legend' }, 'Отбор оценок'),
    field('subject', 'Предмет', subject),
    field('kind', 'Вид работы', kind),
    vanillaDateField('from', 'С даты'),
    vanillaDateField('to', 'По дату'),
  );
  const fold = el('details', { class: 'diary-filters-fold' });
  fold.append(
    el(
      'summary',
      { class: 'diary-button diary-button--secondary', part: 'button filters-toggle' },
      'Отбор оценок',
    ),
    fieldset,
  );
  toolbar.append(
    field('period', 'Период', period),
    fold,
    el('div', { class: 'diary-actions', part: 'actions' }),
  );
  const table = el('table', { class: 'diary-table', part: 'table' });
  const caption = el('caption', { part: 'caption' }, 'Оценки за период: Весь год ');
  const count = el(
    'span',
    { class: 'diary-caption-count' },
    `· ${plural('ru', marks.length, MARK_FORMS.ru)}`,
  );
  caption.append(count);
  const head = el('tr');
  for (const [name, sortable, part] of [
    ['Предмет', 'ascending', 'header-subject'],
    ['Оценки', '', 'header-marks'],
    ['Средний балл', 'none', 'header-average'],
    ['Среднее арифметическое', '', 'header-arithmetic'],
    ['Итоговая', '', 'header-final'],
    ['Пропуски', '', 'header-absences'],
  ] as const) {
    const th = el('th', { scope: 'col', part: `header ${part}` });
    if (sortable) {
      // Sorted by subject: aria-sort and a ▲ on that column, ⇅ on the other sortable one.
      if (sortable === 'ascending') th.setAttribute('aria-sort', 'ascending');
      const button = el(
        'button',
        { type: 'button', class: 'diary-sort', part: 'button sort' },
        name,
      );
      button.append(
        el(
          'span',
          { class: 'diary-sort-icon', 'data-shape': sortable, 'aria-hidden': 'true' },
          sortable === 'ascending' ? '▲' : '⇅',
        ),
        el(
          'span',
          { class: 'diary-visually-hidden' },
          sortable === 'ascending'
            ? ', сортировка по возрастанию'
            : ', нажмите, чтобы отсортировать',
        ),
      );
      th.append(button);
    } else th.textContent = name;
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  const rows = new Map<string, Row>();
  for (const [id, list] of subjects) {
    const tr = el('tr', { part: 'row', 'data-subject': id });
    const th = el('th', { scope: 'row', part: 'cell cell-subject', 'data-label': 'Предмет' });
    th.append(el('span', { class: 'diary-subject' }, (list[0] as Mark).subjectName));
    const marksCell = el('td', { part: 'cell cell-marks', 'data-label': 'Оценки' });
    const ul = el('ul', { class: 'diary-marks', part: 'marks' });
    for (const m of list) ul.append(markItem(m));
    marksCell.append(ul);
    const cells = [
      el('td', { part: 'cell cell-average', class: '', 'data-label': 'Средний балл' }),
      el('td', { part: 'cell cell-arithmetic', 'data-label': 'Среднее арифметическое' }),
      el('td', { part: 'cell cell-final', 'data-label': 'Итоговая' }),
      el('td', {
        part: 'cell cell-absences',
        'data-label': 'Пропуски',
        'aria-label': '0 пропусков',
      }),
    ];
    tr.append(th, marksCell, ...cells);
    tbody.append(tr);
    const row: Row = { marks: [...list], list: ul, cells, head: th, toggle: undefined };
    fill(row);
    rows.set(id, row);
  }
  table.append(caption, thead, tbody);
  const scroll = el('div', { class: 'diary-scroll' });
  scroll.append(
    table,
    el('div', { class: 'diary-tip', part: 'tooltip', 'aria-hidden': 'true', hidden: '' }),
  );
  base.append(toolbar, scroll);
  if (marks.some((m) => m.comment)) {
    const legend = el('ul', { class: 'diary-legend-list', part: 'hint' });
    const item = el('li');
    item.append(
      el(
        'span',
        { class: 'diary-mark-sample diary-mark-sample--comment', 'aria-hidden': 'true' },
        '5',
      ),
      'Оценка с комментарием учителя: наведите на неё или выберите её, чтобы прочитать.',
    );
    legend.append(item);
    base.append(legend);
  }
  base.append(el('p', { class: 'diary-visually-hidden', part: 'status', role: 'status' }));
  root.append(base);
  // One Tab stop for the marks (the widget's roving tabindex).
  root.querySelector('button[data-id]')?.setAttribute('tabindex', '0');
  let total = marks.length;
  return (mark: Mark) => {
    const row = rows.get(mark.subjectId);
    if (!row) return;
    row.marks.push(mark);
    row.list.append(markItem(mark));
    fill(row);
    total += 1;
    count.textContent = `· ${plural('ru', total, MARK_FORMS.ru)}`;
  };
}

function fill(row: Row): void {
  const weighted = rounded(weightedAverage(row.marks));
  const [w, a, f, abs] = row.cells as unknown as [
    HTMLElement,
    HTMLElement,
    HTMLElement,
    HTMLElement,
  ];
  w.textContent = show(weighted);
  a.textContent = show(rounded(arithmeticAverage(row.marks)));
  const final = finalMark(weighted);
  f.textContent = String(final ?? 'нет');
  abs.textContent = '0'; // no attendance is given to either table in the benchmark
  // The calculator is offered only while a higher final mark is reachable.
  const next = nextFinal({ marks: row.marks, weighted, final } as unknown as SubjectRow);
  if (!next) {
    row.toggle?.remove();
    row.toggle = undefined;
    return;
  }
  row.toggle ??= row.head.appendChild(
    el('button', {
      type: 'button',
      class: 'diary-link diary-calc-toggle',
      part: 'button calculator-toggle',
      'aria-expanded': 'false',
    }),
  );
  row.toggle.textContent = `Как получить «${next.mark}»`;
}
