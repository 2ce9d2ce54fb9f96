import {
  TIMETABLE_CHANGES,
  withTimetableLessons,
  type TemplateLesson,
  type TimetableException,
  type TimetableTemplate,
} from '@school-diary/core';
import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { loadingNotice } from '../shared/loading-notice';
import { textNotice } from '../shared/notices';
import type { Choice, SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';
import type { SchoolSetupKey } from './school-setup-text';

const WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;
type Change = (typeof TIMETABLE_CHANGES)[number];

/** The editor's inputs by the last segment of an API path into a lesson or an exception. */
const LESSON_FIELDS: Readonly<Record<string, string>> = {
  weekday: 'tt-day',
  number: 'tt-number',
  subjectId: 'tt-subject',
  teacherId: 'tt-teacher',
  room: 'tt-room',
  week: 'tt-week',
};
const EXCEPTION_FIELDS: Readonly<Record<string, string>> = {
  date: 'ex-date',
  number: 'ex-number',
  change: 'ex-change',
  subjectId: 'ex-subject',
  teacherId: 'ex-teacher',
  room: 'ex-room',
  toDate: 'ex-to-date',
  toNumber: 'ex-to-number',
};
const templateField = (path: string) => {
  const [list, , name = ''] = path.split('.');
  if (list === 'items') return LESSON_FIELDS[name];
  if (list === 'exceptions') return EXCEPTION_FIELDS[name];
  return undefined;
};
const generateField = (path: string) => ({ from: 'gen-from', to: 'gen-to' })[path];

/** The week a lesson of the grid is on, as the editor's select holds it. */
type WeekChoice = 'every' | 'odd' | 'even';

/**
 * The week without the lessons of one time in `week` (both weeks for `every`): a lesson of every
 * week loses only that week and stays on the other.
 */
function withoutLessons(
  items: readonly TemplateLesson[],
  at: { weekday: number; number: number },
  week: WeekChoice,
): TemplateLesson[] {
  return items.flatMap((l) => {
    if (l.weekday !== at.weekday || l.number !== at.number) return [l];
    if (week === 'every' || l.week === week) return [];
    if (l.week) return [l];
    return [{ ...l, week: week === 'odd' ? 'even' : 'odd' }];
  });
}

/** A whole number as typed, or NaN (which the server names as the field's error). */
const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);

/**
 * The weekly timetable of one class at a time: a grid of weekdays × lesson numbers whose cells
 * open the lesson in the editor below it, the dates where the week does not repeat, and making
 * the lessons of a date range from it («Сформировать расписание») with what that did.
 */
export class TimetableEditor {
  readonly #form: SetupForm;
  readonly #loaded: () => Loaded | undefined;
  readonly #template: Task<readonly [string | undefined], TimetableTemplate | undefined>;

  /** The class's week as last read. */
  #shown: { readonly classId: string; readonly template: TimetableTemplate } | undefined;

  constructor(form: SetupForm, loaded: () => Loaded | undefined) {
    this.#form = form;
    this.#loaded = loaded;
    this.#template = new Task(form.host, {
      args: () => [this.#classId(loaded())] as const,
      task: async ([classId], { signal }) => {
        const client = form.env.client();
        if (!client || !classId) return undefined;
        const template = await client.setup.timetableTemplate({ classId }, { signal });
        this.#shown = { classId, template };
        return template;
      },
    });
  }

  #classId(loaded: Loaded | undefined): string | undefined {
    const chosen = this.#form.value('tt-class');
    return loaded?.classes.find((c) => c.id === chosen)?.id ?? loaded?.classes[0]?.id;
  }

  render(loaded: Loaded): TemplateResult {
    const form = this.#form;
    if (loaded.classes.length === 0 || loaded.subjects.length === 0 || loaded.staff.length === 0)
      return form.section('timetable', form.t('timetable'), textNotice(form.t('timetableNeeds')));
    const classId = this.#classId(loaded) ?? '';
    const body = html`${form.select(
      'tt-class',
      form.t('timetableClass'),
      loaded.classes.map((c) => ({ value: c.id, label: c.name })),
      classId,
    )}
    ${this.#template.render({
      // A save reloads the class's week: the last one stays on screen, so focus stays put.
      pending: () =>
        this.#shown?.classId === classId
          ? this.#renderTemplate(loaded, classId, this.#shown.template)
          : loadingNotice(form.env.language()),
      error: () => textNotice(form.t('timetableFailed'), 'alert'),
      complete: (template) =>
        template ? this.#renderTemplate(loaded, classId, template) : nothing,
    })}`;
    return html`${form.section('timetable', form.t('timetable'), body)}
    ${this.#renderGenerate(loaded, classId)}`;
  }

  #day(weekday: number, short = false): string {
    return this.#form.t(`${short ? 'dayShort' : 'day'}${weekday}` as SchoolSetupKey);
  }

  #subjects(loaded: Loaded, none?: string): Choice[] {
    const all = loaded.subjects.map((s) => ({ value: s.id, label: s.name }));
    return none ? [{ value: '', label: none }, ...all] : all;
  }

  #teachers(loaded: Loaded, none?: string): Choice[] {
    const all = loaded.staff.map((m) => ({
      value: m.id,
      label: [m.lastName, m.firstName, m.middleName].filter(Boolean).join(' '),
    }));
    return none ? [{ value: '', label: none }, ...all] : all;
  }

  #renderTemplate(loaded: Loaded, classId: string, template: TimetableTemplate) {
    const form = this.#form;
    const numbers = [
      ...new Set([...loaded.bells.map((b) => b.number), ...template.items.map((l) => l.number)]),
    ].sort((a, b) => a - b);
    const rows = numbers.length > 0 ? numbers : [1, 2, 3, 4, 5, 6];
    const subject = (id: string) => loaded.subjects.find((s) => s.id === id);
    const teacher = (id: string) => this.#teachers(loaded).find((t) => t.value === id)?.label;
    const describe = (l: TemplateLesson) => {
      const what = form.t('cellLesson', {
        subject: subject(l.subjectId)?.name ?? '',
        teacher: teacher(l.teacherId) ?? '',
        room: l.room,
      });
      if (!l.week) return what;
      return form.t(l.week === 'odd' ? 'cellOdd' : 'cellEven', { what });
    };
    const short = (l: TemplateLesson) => {
      const mark = l.week ? `${form.t(l.week === 'odd' ? 'cellOddShort' : 'cellEvenShort')}: ` : '';
      return html`<span>${mark}${subject(l.subjectId)?.shortName}<br />${l.room}</span>`;
    };
    const cell = (weekday: number, number: number) => {
      const lessons = template.items
        .filter((l) => l.weekday === weekday && l.number === number)
        .sort((a, b) => (a.week === 'even' ? 1 : 0) - (b.week === 'even' ? 1 : 0));
      const what = lessons.length > 0 ? lessons.map(describe).join('; ') : form.t('cellEmpty');
      return html`<td>
        <button
          type="button"
          class="diary-cell"
          part="button cell"
          @click=${() => this.#open(weekday, number, lessons[0])}
        >
          ${lessons.length > 0 ? lessons.map(short) : form.t('cellEmptyShort')}<span
            class="diary-visually-hidden"
            >: ${form.t('cellLabel', { day: this.#day(weekday), number, what })}</span
          >
        </button>
      </td>`;
    };
    return html`<div
        class="diary-scroll"
        role="region"
        tabindex="0"
        aria-labelledby="tt-caption"
        part="grid"
      >
        <table>
          <caption id="tt-caption">
            ${form.t('gridCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${form.t('lessonNumber')}</th>
              ${WEEKDAYS.map(
                (d) =>
                  html`<th scope="col">
                    <abbr title=${this.#day(d)}>${this.#day(d, true)}</abbr>
                  </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (n) =>
                html`<tr>
                  <th scope="row">${n}</th>
                  ${WEEKDAYS.map((d) => cell(d, n))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.#renderLessonEditor(loaded, classId, template)}
      ${this.#renderExceptions(loaded, classId, template)}`;
  }

  /** Puts a cell's lesson (or an empty one) into the editor and moves focus there. */
  #open(weekday: number, number: number, lesson: TemplateLesson | undefined) {
    const loaded = this.#loaded();
    this.#form.set({
      'tt-day': String(weekday),
      'tt-number': String(number),
      'tt-subject': lesson?.subjectId ?? loaded?.subjects[0]?.id ?? '',
      'tt-teacher': lesson?.teacherId ?? loaded?.staff[0]?.id ?? '',
      'tt-room': lesson?.room ?? '',
      'tt-week': lesson?.week ?? 'every',
    });
    void this.#form.focus('tt-subject');
  }

  #renderLessonEditor(loaded: Loaded, classId: string, template: TimetableTemplate) {
    const form = this.#form;
    return html`<fieldset part="group">
      <legend>${form.t('lessonEditor')}</legend>
      ${form.select(
        'tt-day',
        form.t('weekday'),
        WEEKDAYS.map((d) => ({ value: String(d), label: this.#day(d) })),
        '1',
      )}
      ${form.field('tt-number', form.t('lessonNumber'), { width: 'short', numeric: true })}
      ${form.select('tt-subject', form.t('subject'), this.#subjects(loaded), loaded.subjects[0]?.id ?? '')}
      ${form.select('tt-teacher', form.t('teacherOf'), this.#teachers(loaded), loaded.staff[0]?.id ?? '')}
      ${form.field('tt-room', form.t('room'), { width: 'short' })}
      ${form.select(
        'tt-week',
        form.t('week'),
        (['every', 'odd', 'even'] as const).map((w) => ({
          value: w,
          label: form.t(w === 'every' ? 'weekEvery' : w === 'odd' ? 'weekOdd' : 'weekEven'),
        })),
        'every',
        (week) => this.#showWeek(template, week as WeekChoice),
      )}
      <div class="diary-actions">
        ${form.button('timetable', 'save', form.t('saveLesson'), () =>
          this.#saveLesson(loaded, classId, template),
        )}
        ${form.button('timetable', 'remove', form.t('removeLesson'), () =>
          this.#removeLesson(classId, template),
        )}
      </div>
    </fieldset>`;
  }

  #where(): { weekday: number; number: number; week: WeekChoice } {
    const week = this.#form.value('tt-week');
    return {
      weekday: Number(this.#form.value('tt-day') || '1'),
      number: whole(this.#form.value('tt-number')),
      week: week === 'odd' || week === 'even' ? week : 'every',
    };
  }

  /** Puts the lesson of the chosen week at the editor's time into the editor, when there is one. */
  #showWeek(template: TimetableTemplate, week: WeekChoice) {
    const { weekday, number } = this.#where();
    const lesson = template.items.find(
      (l) =>
        l.weekday === weekday &&
        l.number === number &&
        (week === 'every' || !l.week || l.week === week),
    );
    if (!lesson) return;
    this.#form.set({
      'tt-subject': lesson.subjectId,
      'tt-teacher': lesson.teacherId,
      'tt-room': lesson.room,
    });
  }

  async #put(
    section: 'timetable' | 'exceptions',
    classId: string,
    template: TimetableTemplate,
    done: string,
  ) {
    const ok = await this.#form.run(
      section,
      templateField,
      async (client) => {
        await client.setup.setTimetableTemplate({ classId, ...template });
        return done;
      },
      { reload: false },
    );
    if (ok) await this.#template.run();
    return ok;
  }

  #saveLesson(loaded: Loaded, classId: string, template: TimetableTemplate) {
    const form = this.#form;
    const { weekday, number, week } = this.#where();
    const lesson: TemplateLesson = {
      weekday,
      number,
      subjectId: form.value('tt-subject') || (loaded.subjects[0]?.id ?? ''),
      teacherId: form.value('tt-teacher') || (loaded.staff[0]?.id ?? ''),
      room: form.value('tt-room'),
      ...(week === 'every' ? {} : { week }),
    };
    const items = withTimetableLessons(template.items, [lesson]);
    const done = form.t('lessonSaved', {
      day: this.#day(weekday),
      number: form.value('tt-number'),
    });
    void this.#put('timetable', classId, { ...template, items }, done);
  }

  #removeLesson(classId: string, template: TimetableTemplate) {
    const where = this.#where();
    const { weekday, number } = where;
    const items = withoutLessons(template.items, where, where.week);
    const done = this.#form.t('lessonRemoved', { day: this.#day(weekday), number });
    void this.#put('timetable', classId, { ...template, items }, done);
  }

  #describe(loaded: Loaded, e: TimetableException): string {
    const form = this.#form;
    const what = { date: form.date(e.date), number: e.number };
    switch (e.change) {
      case 'cancelled':
        return form.t('exCancelled', what);
      case 'replaced': {
        const by = [
          loaded.subjects.find((s) => s.id === e.subjectId)?.name,
          this.#teachers(loaded).find((t) => t.value === e.teacherId)?.label,
          e.room,
        ].filter(Boolean);
        return form.t('exReplaced', { ...what, by: by.join(', ') });
      }
      case 'moved': {
        const to = [
          e.toDate ? form.date(e.toDate) : '',
          e.toNumber === undefined ? '' : form.t('lessonN', { number: e.toNumber }),
        ];
        return form.t('exMoved', { ...what, to: to.filter(Boolean).join(', ') });
      }
    }
  }

  #renderExceptions(loaded: Loaded, classId: string, template: TimetableTemplate) {
    const form = this.#form;
    const change = (TIMETABLE_CHANGES as readonly string[]).includes(form.value('ex-change'))
      ? (form.value('ex-change') as Change)
      : 'cancelled';
    const keep = form.t('keepAsIs');
    return html`<fieldset part="group">
      <legend>${form.t('exceptions')}</legend>
      ${
        template.exceptions.length === 0
          ? html`<p>${form.t('noExceptions')}</p>`
          : html`<ul part="list">
              ${template.exceptions.map((e, i) => {
                const text = this.#describe(loaded, e);
                return html`<li part="item">
                  <span>${text}</span>
                  ${form.button(
                    'exceptions',
                    'remove',
                    form.t('remove'),
                    () =>
                      void this.#put(
                        'exceptions',
                        classId,
                        { ...template, exceptions: template.exceptions.filter((_, n) => n !== i) },
                        form.t('exceptionRemoved'),
                      ),
                    form.t('removeException', { what: text }),
                  )}
                </li>`;
              })}
            </ul>`
      }
      ${form.field('ex-date', form.t('exDate'), { hint: form.t('dateHint') })}
      ${form.field('ex-number', form.t('lessonNumber'), { width: 'short', numeric: true })}
      ${form.select(
        'ex-change',
        form.t('exChange'),
        TIMETABLE_CHANGES.map((c) => ({
          value: c,
          label: form.t(`change_${c}` as SchoolSetupKey),
        })),
        'cancelled',
      )}
      ${
        change === 'replaced'
          ? html`${form.select('ex-subject', form.t('subject'), this.#subjects(loaded, keep), '')}
            ${form.select('ex-teacher', form.t('teacherOf'), this.#teachers(loaded, keep), '')}
            ${form.field('ex-room', form.t('room'), { width: 'short', hint: form.t('keepHint') })}`
          : nothing
      }
      ${
        change === 'moved'
          ? html`${form.field('ex-to-date', form.t('exToDate'), { hint: form.t('dateHint') })}
            ${form.field('ex-to-number', form.t('exToNumber'), { width: 'short', numeric: true })}`
          : nothing
      }
      ${form.button('exceptions', 'add', form.t('addException'), () =>
        this.#addException(classId, template, change),
      )}
      ${form.status('exceptions')}
    </fieldset>`;
  }

  #addException(classId: string, template: TimetableTemplate, change: Change) {
    const form = this.#form;
    const optional = (id: string) => form.value(id) || undefined;
    const toNumber = optional('ex-to-number');
    const exception = {
      date: form.value('ex-date'),
      number: whole(form.value('ex-number')),
      change,
      ...(change === 'replaced'
        ? {
            subjectId: optional('ex-subject'),
            teacherId: optional('ex-teacher'),
            room: optional('ex-room'),
          }
        : {}),
      ...(change === 'moved'
        ? {
            toDate: optional('ex-to-date'),
            toNumber: toNumber === undefined ? undefined : whole(toNumber),
          }
        : {}),
    };
    const clean = Object.fromEntries(
      Object.entries(exception).filter(([, v]) => v !== undefined),
    ) as TimetableException;
    void this.#put(
      'exceptions',
      classId,
      { ...template, exceptions: [...template.exceptions, clean] },
      form.t('exceptionAdded'),
    ).then((ok) => {
      if (ok) form.clear('ex-date', 'ex-number', 'ex-room', 'ex-to-date', 'ex-to-number');
    });
  }

  #renderGenerate(loaded: Loaded, classId: string) {
    const form = this.#form;
    const year = loaded.year;
    const today = new Date().toISOString().slice(0, 10);
    const from = year && today < year.startDate ? year.startDate : today;
    const className = loaded.classes.find((c) => c.id === classId)?.name ?? '';
    return form.section(
      'generate',
      form.t('generate'),
      html`<p>${form.t('generateIntro', { name: className })}</p>
        ${form.field('gen-from', form.t('startDate'), { hint: form.t('dateHint'), value: from })}
        ${form.field('gen-to', form.t('endDate'), {
          hint: form.t('dateHint'),
          value: year?.endDate ?? '',
        })}
        ${form.button('generate', 'generate', form.t('generateButton', { name: className }), () => {
          void form.run('generate', generateField, async (client) => {
            const result = await client.setup.generateTimetable({
              classId,
              from: form.has('gen-from') ? form.value('gen-from') : from,
              to: form.has('gen-to') ? form.value('gen-to') : (year?.endDate ?? ''),
            });
            const made = form.t('generated', { ...result, name: className });
            return result.kept > 0
              ? `${made} ${form.t('generatedKept', { kept: result.kept })}`
              : made;
          });
        })}`,
    );
  }
}
