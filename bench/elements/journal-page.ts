// The page of the journal benchmark (bundled by journal.mjs with esbuild, run in headless
// Chromium). One class × subject × year: 35 pupils by 170 lessons, about 6,000 cells. Two ways to
// show it: <diary-journal> (fed by a small in-page data source shaped like the SDK client: the
// benchmark measures rendering, not HTTP) and a hand-written vanilla-DOM table of the same cells,
// heads, names and averages in a shadow root with the widget's own stylesheets. `window.journalBench`
// times the first render of each, and typing a mark into a cell until the cell and its row's average
// show it.
import {
  finalMark,
  roundAverage,
  weightedAverage,
  type Journal,
  type JournalCell,
  type MarkValue,
  type User,
} from '@school-diary/core';
import '@school-diary/elements/define/provider';
import '@school-diary/elements/define/journal';

const PUPILS = 35;
const LESSONS = 170;

const TEACHER: User = {
  id: 'usr_teacher_math',
  role: 'teacher',
  phone: '+79990000011',
  lastName: 'Орлов',
  firstName: 'Сергей',
  identityStatus: 'confirmed_in_person',
  createdAt: '2026-01-10T09:00:00Z',
};

const LAST = ['Иванова', 'Петров', 'Сидорова', 'Кузнецов', 'Смирнова', 'Попов', 'Волкова'];
const FIRST = ['Мария', 'Пётр', 'Анна', 'Иван', 'Ольга', 'Дмитрий', 'Елена'];

/** A year's journal: most cells hold a mark, some two, a few an absence. */
function makeJournal(): Journal {
  let seed = 11;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const students = Array.from({ length: PUPILS }, (_, i) => ({
    id: `chd_b${String(i).padStart(3, '0')}`,
    lastName: `${LAST[i % LAST.length]}-${i}`,
    firstName: FIRST[(i * 3) % FIRST.length] ?? 'Мария',
    average: null,
    suggestedFinal: null,
  }));
  const start = Date.UTC(2026, 8, 1);
  const lessons = Array.from({ length: LESSONS }, (_, i) => ({
    id: `les_b${String(i).padStart(4, '0')}`,
    date: new Date(start + Math.floor(i * 1.6) * 86_400_000).toISOString().slice(0, 10),
    number: 1 + (i % 6),
    ...(i % 5 === 0 ? { topic: `Тема ${i}` } : {}),
    homework: [],
    weight: i % 17 === 0 ? 2 : 1,
    kind: i % 17 === 0 ? ('test' as const) : ('classwork' as const),
  }));
  const cells: JournalCell[] = [];
  for (const pupil of students)
    for (const lesson of lessons) {
      const r = rnd();
      if (r < 0.35) continue;
      const absent = r > 0.96;
      const count = absent ? 0 : r > 0.9 ? 2 : 1;
      const marks = Array.from({ length: count }, (_, k) => ({
        id: `mrk_${pupil.id}_${lesson.id}_${k}`,
        value: (2 + Math.floor(rnd() * 4)) as MarkValue,
        weight: lesson.weight,
        kind: lesson.kind,
      }));
      cells.push({
        childId: pupil.id,
        lessonId: lesson.id,
        marks,
        absence: absent ? 'ill' : null,
        version: '2026-11-01T10:00:00.000Z',
      });
    }
  return {
    classId: 'cls_bench',
    className: '5 А',
    subjectId: 'sub_math',
    subjectName: 'Математика',
    from: lessons[0]?.date ?? '2026-09-01',
    to: lessons.at(-1)?.date ?? '2027-05-31',
    writable: true,
    students,
    lessons,
    cells,
  };
}

const JOURNAL = makeJournal();

/** A data source with the SDK client's shape for the operations the journal calls. */
function source() {
  const none = () => Promise.reject(new Error('not in the benchmark'));
  return {
    session: { user: TEACHER, onChange: () => () => undefined },
    auth: { login: none, verify: none, resend: none, recoveryStart: none, recoveryComplete: none },
    schools: { search: none },
    applications: { create: none },
    children: { create: none, confirm: none, linkSchool: none, search: none },
    journal: { get: async () => JOURNAL },
    grades: { setFinal: none },
    outbox: {
      saveJournal: async () => undefined,
      onJournalSaved: () => () => undefined,
      subscribeJournal: () => () => undefined,
      journalItems: [],
    },
  };
}

/** Lets queued tasks run without a timer's clamping. */
const yieldTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

interface Mounted {
  /** The grid's table. */
  table(): HTMLTableElement;
  /** Brings a cell into view and focuses it, as a teacher would by keyboard (not timed). */
  reach(row: number, col: number): Promise<void>;
  /** Types a mark into a cell (a key, then Enter) until the cell and the row's average show it. */
  type(row: number, col: number, text: string): Promise<void>;
  remove(): void;
}

type JournalElement = HTMLElement & { updateComplete: Promise<boolean> };

async function mountWidget(): Promise<Mounted> {
  const provider = document.createElement('diary-provider') as HTMLElement & { client: unknown };
  provider.setAttribute('lang', 'ru');
  provider.client = source();
  const el = document.createElement('diary-journal') as JournalElement;
  el.setAttribute('class-id', JOURNAL.classId);
  el.setAttribute('subject-id', JOURNAL.subjectId);
  provider.append(el);
  document.body.append(provider);
  const table = () => el.shadowRoot?.querySelector('table') ?? null;
  for (let i = 0; i < 200 && !table(); i += 1) {
    await el.updateComplete;
    if (!table()) await yieldTask();
  }
  const found = table();
  if (!found) throw new Error('the journal did not render');
  void found.offsetHeight;
  const key = (target: Element, k: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
  const cellAt = (row: number, col: number) =>
    el.shadowRoot?.querySelector<HTMLElement>(`tr[data-r="${row}"] [data-c="${col}"]`);
  return {
    table: () => table() as HTMLTableElement,
    async reach(row, col) {
      // Only the lessons in view are rendered: the keyboard goes there (End, then back a column
      // from the final one), the grid scrolls, and the scroll renders the columns around it.
      const start = cellAt(row, 0);
      if (!start) throw new Error('no cell');
      start.focus();
      await el.updateComplete;
      key(start, 'End');
      await el.updateComplete;
      const final = cellAt(row, JOURNAL.lessons.length);
      if (!final) throw new Error('no final cell');
      key(final, 'ArrowLeft');
      await el.updateComplete;
      for (let i = 0; i < 3; i += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await el.updateComplete;
      }
      const cell = cellAt(row, col);
      if (!cell || el.shadowRoot?.activeElement !== cell)
        throw new Error('the cell was not reached');
      void table()?.offsetHeight;
    },
    async type(row, col, text) {
      const cell = cellAt(row, col);
      if (!cell) throw new Error('no cell');
      cell.focus();
      await el.updateComplete;
      key(cell, text);
      await el.updateComplete;
      const input = el.shadowRoot?.querySelector<HTMLInputElement>('input.entry');
      if (!input) throw new Error('no text box');
      key(input, 'Enter');
      await el.updateComplete;
      void table()?.offsetHeight;
    },
    remove: () => provider.remove(),
  };
}

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  day: '2-digit',
  month: '2-digit',
  timeZone: 'UTC',
});
const ABSENCE: Record<string, string> = {
  absent_unexcused: 'Н',
  ill: 'Б',
  absent_excused: 'ОП',
  late: 'ОЗ',
};
const cellText = (cell: { marks: readonly MarkValue[]; absence: string | null }) =>
  [cell.marks.join('/'), cell.absence ? (ABSENCE[cell.absence] ?? '') : '']
    .filter(Boolean)
    .join(' ');
const averageText = (value: number | null) =>
  value === null ? '—' : value.toLocaleString('ru-RU');

/** The hand-written table: the widget's markup and stylesheets, built with the DOM API. */
async function mountVanilla(): Promise<Mounted> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const sheets = (
    customElements.get('diary-journal') as unknown as {
      elementStyles: { styleSheet?: CSSStyleSheet }[];
    }
  ).elementStyles;
  root.adoptedStyleSheets = sheets.flatMap((s) => (s.styleSheet ? [s.styleSheet] : []));
  const journal = await source().journal.get();
  const cells = new Map<
    string,
    { marks: MarkValue[]; weights: number[]; absence: string | null }
  >();
  for (const c of journal.cells)
    cells.set(`${c.childId} ${c.lessonId}`, {
      marks: c.marks.map((m) => m.value),
      weights: c.marks.map((m) => m.weight),
      absence: c.absence,
    });
  const averageOf = (childId: string) => {
    const marks: { value: MarkValue; weight: number }[] = [];
    for (const lesson of journal.lessons) {
      const cell = cells.get(`${childId} ${lesson.id}`);
      cell?.marks.forEach((value, i) => marks.push({ value, weight: cell.weights[i] ?? 1 }));
    }
    const raw = weightedAverage(marks);
    const average = raw === null ? null : roundAverage(raw);
    return { average, suggested: finalMark(average) };
  };
  const region = document.createElement('div');
  region.className = 'region';
  region.setAttribute('role', 'region');
  const table = document.createElement('table');
  table.setAttribute('role', 'grid');
  const thead = table.createTHead();
  const headRow = thead.insertRow();
  headRow.dataset.r = '-1';
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.className = 'corner';
  corner.textContent = 'Ученик';
  headRow.append(corner);
  journal.lessons.forEach((lesson, c) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.c = String(c);
    th.tabIndex = -1;
    const test = lesson.kind === 'test' || lesson.weight > 1;
    th.className = test ? 'lesson test' : 'lesson';
    if (lesson.topic) th.title = lesson.topic;
    th.textContent = dateFormat.format(new Date(`${lesson.date}T00:00:00Z`));
    if (test) {
      const weight = document.createElement('span');
      weight.className = 'weight';
      weight.textContent = `×${lesson.weight}`;
      th.append(weight);
    }
    headRow.append(th);
  });
  const finalHead = document.createElement('th');
  finalHead.scope = 'col';
  finalHead.className = 'final-head';
  finalHead.textContent = 'Средний / Итог';
  headRow.append(finalHead);
  const body = table.createTBody();
  const averages: HTMLElement[] = [];
  journal.students.forEach((pupil, r) => {
    const tr = body.insertRow();
    tr.dataset.r = String(r);
    const name = document.createElement('th');
    name.scope = 'row';
    name.className = 'name';
    name.textContent = `${pupil.lastName} ${pupil.firstName}`;
    tr.append(name);
    journal.lessons.forEach((lesson, c) => {
      const td = document.createElement('td');
      td.dataset.c = String(c);
      td.tabIndex = -1;
      const cell = cells.get(`${pupil.id} ${lesson.id}`);
      td.className = cell ? 'saved' : 'empty';
      if (cell) td.textContent = cellText(cell);
      tr.append(td);
    });
    const final = document.createElement('td');
    final.className = 'final';
    const average = document.createElement('span');
    average.className = 'average';
    const { average: value, suggested } = averageOf(pupil.id);
    average.textContent = averageText(value);
    final.append(average);
    if (suggested !== null) {
      const hint = document.createElement('span');
      hint.className = 'suggested';
      hint.textContent = `предлагается ${suggested}`;
      final.append(hint);
    }
    averages.push(average);
    tr.append(final);
  });
  region.append(table);
  root.append(region);
  void table.offsetHeight;
  return {
    table: () => table,
    async reach(row, col) {
      const td = body.rows[row]?.cells[col + 1];
      if (!td) throw new Error('no cell');
      region.scrollLeft = region.scrollWidth;
      td.focus();
      void table.offsetHeight;
    },
    async type(row, col, text) {
      const pupil = journal.students[row];
      const lesson = journal.lessons[col];
      const td = body.rows[row]?.cells[col + 1];
      if (!pupil || !lesson || !td) throw new Error('no cell');
      const input = document.createElement('input');
      input.className = 'entry';
      input.value = text;
      td.replaceChildren(input);
      input.focus();
      const next = { marks: [Number(text) as MarkValue], weights: [lesson.weight], absence: null };
      cells.set(`${pupil.id} ${lesson.id}`, next);
      td.className = 'pending';
      td.textContent = cellText(next);
      const average = averages[row];
      if (average) average.textContent = averageText(averageOf(pupil.id).average);
      void table.offsetHeight;
    },
    remove: () => host.remove(),
  };
}

const mount = (impl: string) => (impl === 'lit' ? mountWidget() : mountVanilla());

declare global {
  interface Window {
    gc?: () => void;
    journalBench: {
      run(kind: 'first' | 'type', impl: string): Promise<number>;
      compare(): Promise<string[]>;
    };
  }
}

window.journalBench = {
  async run(kind, impl) {
    window.gc?.();
    if (kind === 'first') {
      const t0 = performance.now();
      const mounted = await mount(impl);
      const ms = performance.now() - t0;
      mounted.remove();
      return ms;
    }
    const mounted = await mount(impl);
    await mounted.reach(PUPILS - 1, LESSONS - 1);
    window.gc?.();
    const t0 = performance.now();
    await mounted.type(PUPILS - 1, LESSONS - 1, '5');
    const ms = performance.now() - t0;
    mounted.remove();
    return ms;
  },

  /**
   * Where the baseline's grid differs from the widget's: every lesson cell the widget renders
   * (the columns in view), the names and averages, against the baseline's cell of the same lesson;
   * the number of rows and of lessons.
   */
  async compare() {
    const [lit, vanilla] = [await mount('lit'), await mount('vanilla')];
    const texts = (m: Mounted) =>
      [...m.table().querySelectorAll('tbody tr')].map((tr) => {
        const row = new Map<string, string>();
        for (const c of tr.children) {
          const el = c as HTMLElement;
          if (el.classList.contains('final'))
            row.set('average', (el.querySelector('.average')?.textContent ?? '').trim());
          else if (el.classList.contains('name')) row.set('name', (el.textContent ?? '').trim());
          else if (el.dataset.c !== undefined) row.set(el.dataset.c, (el.textContent ?? '').trim());
        }
        return row;
      });
    const a = texts(lit);
    const b = texts(vanilla);
    const differ: string[] = [];
    if (a.length !== b.length) differ.push(`rows ${a.length} ≠ ${b.length}`);
    if (a.some((row) => row.size < 12)) differ.push('the widget renders fewer than 10 lessons');
    a.forEach((row, r) =>
      row.forEach((text, c) => {
        if (differ.length < 5 && text !== b[r]?.get(c))
          differ.push(`[${r},${c}] «${text}» ≠ «${b[r]?.get(c)}»`);
      }),
    );
    const lessons = Number(lit.table().getAttribute('aria-colcount')) - 2;
    const heads = vanilla.table().querySelectorAll('thead th.lesson').length;
    if (lessons !== heads) differ.push(`lessons ${lessons} ≠ ${heads}`);
    lit.remove();
    vanilla.remove();
    return differ;
  },
};
