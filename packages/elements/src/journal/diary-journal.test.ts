/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { finalMark, roundAverage, weightedAverage } from '@school-diary/core';
import { nothing } from 'lit';
import { classJournalFixtures, createMemoryClient } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryJournal } from './diary-journal';
import { COLUMN_PX } from './journal-columns';

const C5A = 'cls_42_5a';
const MATHS = 'sub_42_math';

const $ = (el: DiaryJournal, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const cell = (el: DiaryJournal, row: number, col: number) =>
  $(el, `tr[data-r="${row}"] [data-c="${col}"]`);

async function journalPage(
  lang = 'ru',
  theme = 'light',
  lessons = 8,
  client = createMemoryClient({
    fixtures: classJournalFixtures({ pupils: 5, lessons }),
    signedInAs: 'usr_teacher_math',
    language: lang === 'en' ? 'en' : 'ru',
  }),
) {
  const page = await fixture<DiaryProvider>(
    html`<diary-provider .client=${client} lang=${lang} theme=${theme}>
      <diary-journal
        class-id=${C5A}
        subject-id=${MATHS}
        from=${lessons > 20 ? '2026-01-01' : nothing}
        to=${lessons > 20 ? '2026-11-30' : nothing}
      ></diary-journal>
    </diary-provider>`,
  );
  const el = page.querySelector('diary-journal') as DiaryJournal;
  await waitUntil(() => $(el, 'table'), 'the journal did not load', { timeout: 20_000 });
  return { el, client };
}

describe('<diary-journal>', function () {
  this.timeout(60_000);

  it('is entered by keyboard alone: marks, several marks, absences, clear and undo', async () => {
    const { el, client } = await journalPage();
    await expect(el).to.be.accessible();
    expect(el.shadowRoot?.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    const lessons = el.shadowRoot?.querySelectorAll('th.lesson').length ?? 0;
    const last = lessons - 1;
    (cell(el, 0, 0) as HTMLElement).focus();
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(deepActiveElement()).to.equal(cell(el, 0, lessons));
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(deepActiveElement()).to.equal(cell(el, 0, last));

    await sendKeys({ type: '2' });
    await settle(el);
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('2');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => textOf(cell(el, 0, last)) === '2' && !cell(el, 0, last)?.matches('.pending'),
    );
    expect(deepActiveElement()).to.equal(cell(el, 1, last));
    expect(textOf($(el, '[role="status"]'))).to.contain(': 2');

    await sendKeys({ type: '4/5' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(
      () => textOf(cell(el, 1, last)) === '4/5' && !cell(el, 1, last)?.matches('.pending'),
    );
    await sendKeys({ press: 'ArrowDown' });
    // Enter opens the cell's text box (a Russian layout's «н» key opens it too).
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ type: 'н' });
    await sendKeys({ press: 'Enter' });
    // Shown at once, saved when it is no longer pending: only then does the server have it.
    await waitUntil(
      () => textOf(cell(el, 2, last)) === 'Н' && !cell(el, 2, last)?.matches('.pending'),
    );

    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const pupils = journal.students.map((p) => p.id);
    const lessonId = journal.lessons[last]?.id;
    const saved = (row: number) =>
      journal.cells.find((c) => c.childId === pupils[row] && c.lessonId === lessonId);
    expect(saved(1)?.marks.map((m) => m.value)).to.deep.equal([4, 5]);
    expect(saved(2)?.absence).to.equal('absent_unexcused');

    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Delete' });
    await waitUntil(() => textOf(cell(el, 2, last)) === '');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => textOf(cell(el, 2, last)) === 'Н', 'undo restores the absence');

    // A text that is no mark stays in the cell with its error.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ type: '7' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(textOf($(el, '#entry-error'))).to.contain('не отметка');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(deepActiveElement()).to.equal(cell(el, 3, last));
  });

  it('opens the teacher’s first journal when the page names none, and switches by the select', async () => {
    const fixtures = classJournalFixtures({ pupils: 3, lessons: 4 });
    const maths = fixtures.lessons.find((l) => l.subjectId === MATHS);
    if (!maths) throw new Error('the fixtures have no maths lesson');
    const geometry = { id: 'sub_42_geom', name: 'Геометрия', shortName: 'Геом.' };
    const client = createMemoryClient({
      signedInAs: 'usr_teacher_math',
      fixtures: {
        ...fixtures,
        teachers: fixtures.teachers.map((t) =>
          t.id === maths.teacherId ? { ...t, subjects: [...t.subjects, geometry] } : t,
        ),
        lessons: [
          ...fixtures.lessons,
          { ...maths, id: 'les_geom_1', subjectId: geometry.id, subjectName: geometry.name },
        ],
      },
    });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}><diary-journal></diary-journal></diary-provider>`,
    );
    const el = page.querySelector('diary-journal') as DiaryJournal;
    await waitUntil(() => $(el, 'table'), 'no journal opened', { timeout: 20_000 });
    const select = $(el, '#journal-choice') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent?.trim())).to.deep.equal([
      '5А · Геометрия',
      '5А · Математика',
    ]);
    expect(textOf(el.shadowRoot)).to.contain('Журнал: Геометрия, 5А');
    expect([el.classId, el.subjectId]).to.deep.equal([C5A, geometry.id]);
    await expect(el).to.be.accessible();
    select.value = `${C5A}|${MATHS}`;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => textOf(el.shadowRoot).includes('Журнал: Математика, 5А'), 'no switch');
    expect(el.subjectId).to.equal(MATHS);
  });

  it('opens the only journal of a teacher with one class and subject, with no choice to make', async () => {
    const client = createMemoryClient({ signedInAs: 'usr_teacher_math', language: 'en' });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client} lang="en"
        ><diary-journal></diary-journal
      ></diary-provider>`,
    );
    const el = page.querySelector('diary-journal') as DiaryJournal;
    await waitUntil(() => $(el, 'table'), 'no journal opened', { timeout: 20_000 });
    expect(textOf(el.shadowRoot)).to.contain('Journal: Математика, 5А');
    expect($(el, '#journal-choice'), 'one journal needs no choice').to.equal(null);
  });

  it('offers no choice of classes to anyone but a teacher', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}><diary-journal></diary-journal></diary-provider>`,
    );
    const el = page.querySelector('diary-journal') as DiaryJournal;
    await waitUntil(() => textOf(el.shadowRoot).includes('Укажите класс и предмет'), 'no notice');
    expect($(el, '#journal-choice')).to.equal(null);
  });

  it("updates the typed pupil's average and suggested final, every other row left as it was", async () => {
    const { el, client } = await journalPage();
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const [pupil, lesson] = [journal.students[1], journal.lessons[0]];
    if (!pupil || !lesson) throw new Error('no pupil or lesson');
    const finals = () => [...(el.shadowRoot?.querySelectorAll('tbody td.final') ?? [])].map(textOf);
    // A row's markup but for the grid's one Tab stop, which leaves the first cell for the typed one.
    const rowHtml = (r: number) =>
      $(el, `tr[data-r="${r}"]`)?.innerHTML.replace(/ tabindex="-?\d"/g, '');
    const before = finals();
    const untouched = [0, 3, 4].map(rowHtml);
    const typed = cell(el, 1, 0) as HTMLElement;
    typed.focus();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(cell(el, 1, 0)) === '2' && !cell(el, 1, 0)?.matches('.pending'));
    // The cell kept its element (and so its place for assistive technology) through the edit.
    expect(cell(el, 1, 0)).to.equal(typed);

    // Core's average of the pupil's other marks and the one typed, with the lesson's weight.
    const mine = journal.cells.filter((c) => c.childId === pupil.id);
    const old = mine.find((c) => c.lessonId === lesson.id)?.marks[0];
    const marks = mine
      .filter((c) => c.lessonId !== lesson.id)
      .flatMap((c) => c.marks.map((m) => ({ value: m.value, weight: m.weight })));
    marks.push({ value: 2, weight: old?.weight ?? lesson.weight });
    const average = roundAverage(weightedAverage(marks) ?? 0);
    const after = finals();
    expect(after[1]).to.contain(average.toLocaleString('ru-RU'));
    expect(after[1]).to.contain(`предлагается ${finalMark(average)}`);
    expect(after[1]).to.not.equal(before[1]);
    expect(after.filter((_, r) => r !== 1)).to.deep.equal(before.filter((_, r) => r !== 1));
    expect([0, 3, 4].map(rowHtml)).to.deep.equal(untouched);
  });

  it('renders only the lessons in view and reaches every other one by keyboard', async () => {
    const { el } = await journalPage('ru', 'light', 90);
    const table = $(el, 'table') as HTMLTableElement;
    // The sticky heads and names hide the lessons scrolled under them, with no token set by the
    // page (the default theme): a transparent one would print a date over a name.
    for (const sticky of ['th.corner', 'th.final-head', 'th.name', 'thead th.lesson'])
      expect(getComputedStyle($(el, sticky) as HTMLElement).backgroundColor, sticky).to.not.equal(
        'rgba(0, 0, 0, 0)',
      );
    const region = $(el, '[part="region"]') as HTMLElement;
    // Every lesson is counted (with the names and the final column), not only the rendered ones.
    const last = Number(table.getAttribute('aria-colcount')) - 3;
    expect(last).to.be.at.least(89);
    const rows = table.querySelectorAll('tr').length;
    expect(table.getAttribute('aria-rowcount')).to.equal(String(rows));
    expect(
      [...table.querySelectorAll('tr')].map((tr) => tr.getAttribute('aria-rowindex')),
    ).to.deep.equal(Array.from({ length: rows }, (_, i) => String(i + 1)));
    const heads = () => [...table.querySelectorAll<HTMLElement>('th.lesson')];
    expect(heads().length).to.be.greaterThan(0).and.lessThan(40);
    expect(heads().every((th) => th.getBoundingClientRect().width === COLUMN_PX)).to.equal(true);
    const placed = () =>
      [...table.querySelectorAll<HTMLElement>('[data-c]')].every(
        (c) => c.getAttribute('aria-colindex') === String(Number(c.dataset.c) + 2),
      );
    expect(placed()).to.equal(true);

    // Scrolled by pointer to the middle: those lessons are rendered, the scroll extent unchanged.
    const extent = region.scrollWidth;
    region.scrollLeft = 45 * COLUMN_PX;
    await waitUntil(() => cell(el, 0, 46), 'the lessons scrolled to are rendered');
    expect(region.scrollWidth).to.equal(extent);
    // Lessons far from the view are not rendered; the active cell (the grid's Tab stop) is kept.
    expect(cell(el, 0, 10) === null).to.equal(true);
    expect(cell(el, 0, 0)?.getAttribute('tabindex')).to.equal('0');
    expect(placed()).to.equal(true);
    await expect(el).to.be.accessible();

    // By keyboard to the last lesson, far out of view: the grid scrolls to it, the focus lands.
    (cell(el, 0, 46) as HTMLElement).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => deepActiveElement() === cell(el, 0, last), 'the last lesson has focus');
    const shown = (target: HTMLElement) => {
      const box = target.getBoundingClientRect();
      const names = ($(el, 'th.corner') as HTMLElement).getBoundingClientRect();
      const final = ($(el, 'th.final-head') as HTMLElement).getBoundingClientRect();
      return box.left >= names.right - 1 && box.right <= final.left + 1;
    };
    expect(shown(cell(el, 0, last) as HTMLElement)).to.equal(true);
    expect(cell(el, 0, last)?.getAttribute('aria-colindex')).to.equal(String(last + 2));
    // Typed there and moved on by Enter, as anywhere else.
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => textOf(cell(el, 0, last)) === '4' && !cell(el, 0, last)?.matches('.pending'),
    );
    expect(deepActiveElement()).to.equal(cell(el, 1, last));
    // Home goes back to the first lesson; the view follows arrows step by step too.
    await sendKeys({ press: 'Home' });
    await waitUntil(() => deepActiveElement() === cell(el, 1, 0), 'Home reaches the first lesson');
    expect(region.scrollLeft).to.equal(0);
    for (let i = 0; i < 30; i += 1) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => deepActiveElement() === cell(el, 1, 30), 'arrows reach lesson 31');
    expect(shown(cell(el, 1, 30) as HTMLElement)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("takes other tabs' changes live and shows a cell changed under a save as a conflict", async () => {
    const { el, client } = await journalPage();
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const lesson = journal.lessons[0];
    const [first, second] = journal.students;
    if (!lesson || !first || !second) throw new Error('no lesson or pupils');
    const seen = (childId: string) =>
      journal.cells.find((c) => c.childId === childId && c.lessonId === lesson.id)?.version ?? null;
    // Another tab of a teacher of the class saves a cell: the grid shows it at once.
    await client.journal.save({
      classId: C5A,
      batchId: 'bat_other_tab',
      subjectId: MATHS,
      lessonId: lesson.id,
      rows: [{ childId: second.id, marks: [3], absence: 'late', seen: seen(second.id) }],
    });
    await waitUntil(() => textOf(cell(el, 1, 0)) === '3 ОЗ', "the other tab's change is shown");
    expect(textOf($(el, '[role="status"]'))).to.contain('изменено в другом месте');

    // A mark entered another way changes the first pupil's cell without the grid knowing: the
    // teacher's save against the old cell is refused and the current cell shown.
    client.memory.addMark({
      childId: first.id,
      subjectId: MATHS,
      value: 4,
      kind: lesson.kind,
      date: lesson.date,
      lessonId: lesson.id,
    });
    (cell(el, 0, 0) as HTMLElement).focus();
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cell(el, 0, 0)?.matches('.conflict'), 'the conflict is shown');
    expect(textOf(cell(el, 0, 0))).to.contain('4');
    expect(textOf($(el, '[role="status"]'))).to.contain('другой учитель');
  });

  it('works at 360 px in English and dark: the grid scrolls in its own region', async () => {
    await setViewport({ width: 360, height: 800 });
    try {
      const { el, client } = await journalPage('en', 'dark');
      expect(textOf($(el, '.legend'))).to.contain('Type a mark');
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      const region = $(el, '[part="region"]') as HTMLElement;
      expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
      // The final column scrolls with the lessons, its head too: it covers no other head.
      const edge = (selector: string) => ($(el, selector) as HTMLElement).getBoundingClientRect();
      expect(edge('th.final-head').left).to.be.at.least(edge('thead th.lesson').right - 1);
      await expect(el).to.be.accessible();
      // The lesson head opens the lesson's topic, weight and kind.
      (el.shadowRoot?.querySelector('th.lesson') as HTMLElement).click();
      await settle(el);
      expect($(el, '[part="lesson"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      // Homework set there by keyboard reaches the lesson, and can be changed and removed.
      ($(el, '#homework-text') as HTMLTextAreaElement).focus();
      await sendKeys({ type: 'Exercise 12, page 40' });
      ($(el, '[part~="add-homework"]') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => textOf($(el, '.homework [role="status"]')) === 'Homework set');
      const item = () => $(el, '.homework-item textarea') as HTMLTextAreaElement | null;
      await waitUntil(() => item()?.value === 'Exercise 12, page 40');
      const lessonId = (await client.journal.get({ classId: C5A, subjectId: MATHS })).lessons[0];
      expect(lessonId?.homework).to.include('Exercise 12, page 40');
      ($(el, '.homework-item button[value="remove"]') as HTMLButtonElement).click();
      await waitUntil(() => textOf($(el, '.homework [role="status"]')) === 'Homework removed');
      expect(item()).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });

  it('adds files to homework already set and takes them off, refusing a file it cannot take', async () => {
    const { el, client } = await journalPage();
    (el.shadowRoot?.querySelector('th.lesson') as HTMLElement).click();
    await settle(el);
    const pdf = (name: string) =>
      new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' });
    const pick = (input: HTMLInputElement, ...files: File[]) => {
      const picked = new DataTransfer();
      files.forEach((f) => picked.items.add(f));
      input.files = picked.files;
    };
    const said = () => textOf($(el, '.homework [part~="status"], .homework [part~="error"]'));
    const files = () =>
      [...(el.shadowRoot?.querySelectorAll('.homework-item [data-file] .diary-text') ?? [])].map(
        textOf,
      );
    ($(el, '#homework-text') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Задачи 1–5' });
    pick($(el, '#homework-files') as HTMLInputElement, pdf('Условия.pdf'));
    ($(el, '[part~="add-homework"]') as HTMLButtonElement).click();
    await waitUntil(() => said() === 'Задание добавлено');
    expect(files()).to.deep.equal(['Условия.pdf']);

    const add = $(el, '.homework-item [part~="add-file"]') as HTMLInputElement;
    pick(add, pdf('Ответы.pdf'));
    add.dispatchEvent(new Event('change'));
    await waitUntil(() => said() === 'Прикреплено: «Ответы.pdf»');
    expect(files()).to.deep.equal(['Условия.pdf', 'Ответы.pdf']);
    await expect(el).to.be.accessible();

    pick(add, new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    add.dispatchEvent(new Event('change'));
    await waitUntil(() => $(el, '.homework [role="alert"]'));
    expect(said()).to.contain('«setup.exe» не прикрепить');
    expect(files()).to.have.length(2);
    await expect(el).to.be.accessible();

    // Taken off by keyboard: the focus stays in the homework, on its file picker.
    ($(el, '[part~="remove-file"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => said() === 'Файл «Условия.pdf» убран из задания');
    expect(files()).to.deep.equal(['Ответы.pdf']);
    expect(deepActiveElement()?.matches('[part~="add-file"]')).to.equal(true);
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const lesson = journal.lessons[0];
    const at = lesson?.homework.indexOf('Задачи 1–5') ?? -1;
    expect(lesson?.homeworkFiles?.[at]?.map((f) => f.name)).to.deep.equal(['Ответы.pdf']);
  });

  it('shows what the outbox still holds as pending when the journal opens again', async () => {
    const offline = createMemoryClient({
      fixtures: classJournalFixtures({ pupils: 5, lessons: 8 }),
      signedInAs: 'usr_teacher_math',
      failures: { 'journal.save': 'network' },
    });
    const first = await journalPage('ru', 'light', 8, offline);
    (cell(first.el, 3, 0) as HTMLElement).focus();
    await sendKeys({ type: '3' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => offline.outbox.journalItems.length === 1, 'queued in the outbox');
    first.el.closest('diary-provider')?.remove();

    // A journal opened again (as after a reload) lays the queued entry over the server's cells.
    const { el } = await journalPage('ru', 'light', 8, offline);
    await waitUntil(() => cell(el, 3, 0)?.matches('.pending') && textOf(cell(el, 3, 0)) === '3');
    expect(textOf($(el, '.unsaved'))).to.equal('Не сохранено: 1');
  });
});
