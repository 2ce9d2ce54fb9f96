import {
  addDays,
  formatIsoWeek,
  isoWeekOf,
  shiftWeek,
  todayIn,
  weekMonday,
  type Lesson,
  type SchoolClass,
  type StaffMember,
  type Subject,
  type Substitution,
  type WeekTimetable,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { focusControl } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import type { DiaryWeekChangeDetail } from '../schedule/diary-schedule';
import { substitutionsStyles } from './diary-substitutions.styles';
import { isSubstitutionsClient, type SubstitutionsClient } from './substitutions-client';
import { renderSubstitutionForm, type SubstitutionDraft } from './substitutions-form';
import { substitutionsText as t } from './substitutions-text';
import { dayName, renderWeek } from './substitutions-week';

/** Detail of `diary-substitution-change`. */
export interface DiarySubstitutionChangeDetail {
  /** The lesson substituted, or whose substitution was removed. */
  readonly lessonId: string;
  /** The substitution now in force, or `null` once it is removed. */
  readonly substitution: Substitution | null;
}

declare global {
  interface HTMLElementEventMap {
    'diary-substitution-change': CustomEvent<DiarySubstitutionChangeDetail>;
    'diary-week-change': CustomEvent<DiaryWeekChangeDetail>;
  }
}

/** The school's lists the form chooses from. */
interface SchoolLists {
  readonly classes: readonly SchoolClass[];
  readonly teachers: readonly StaffMember[];
  readonly subjects: readonly Subject[];
}

const EMPTY_DRAFT: SubstitutionDraft = { teacherId: '', subjectId: '', room: '', reason: '' };

/** The lesson with its substitution set, or removed with `null`, in a week. */
function withLesson(
  week: WeekTimetable,
  lessonId: string,
  sub: Substitution | null,
): WeekTimetable {
  const apply = (l: Lesson): Lesson => {
    if (l.id !== lessonId) return l;
    const { substitution: _old, ...rest } = l;
    return sub ? { ...rest, substitution: sub } : rest;
  };
  return { ...week, days: week.days.map((d) => ({ ...d, lessons: d.lessons.map(apply) })) };
}

/**
 * The school admin's substitutions. Choose a class and an ISO week (previous, this, next), see
 * the week's lessons day by day, and for a lesson set who teaches it instead (a teacher of the
 * school), the subject if it changes, the room if it moves and the reason, with a preview of
 * exactly what families will read in their timetable; a substituted lesson shows that view and
 * can be changed or have its substitution removed. A field the server refuses shows its message
 * beside the field; a lesson that is already over is refused by the server, and its message shows
 * beside the lesson's name.
 *
 * @summary A school administrator's lesson substitutions for a class's week.
 * @tag diary-substitutions
 * @fires {CustomEvent<DiarySubstitutionChangeDetail>} diary-substitution-change - A lesson was substituted, or its substitution removed.
 * @fires {CustomEvent<DiaryWeekChangeDetail>} diary-week-change - The admin moved to another week.
 * @csspart base - The widget's box.
 * @csspart nav - The class and week choice.
 * @csspart caption - The class and week shown.
 * @csspart list - A day's lessons.
 * @csspart lesson - One lesson (also `lesson-substituted`).
 * @csspart parent-view - A substitution as families see it.
 * @csspart form - The substitution form.
 * @csspart field - Every field (with `field-<name>`).
 * @csspart label - The fields' labels.
 * @csspart input - The selects, text input and text area.
 * @csspart hint - The fields' hints.
 * @csspart error - Error messages.
 * @csspart error-summary - The list of the form's errors, linked to their fields.
 * @csspart button - Every button (also `previous`, `this-week`, `next`, `pick`, `remove`, `save`, `close`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart live - The polite live region announcing what was saved.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-warning - The substituted lesson's frame and label.
 * @cssprop --diary-color-border - The lessons' frames.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiarySubstitutions extends DiaryElement {
  static override styles = [hostTokens, controlStyles, substitutionsStyles];

  /** The class shown (`cls_…`); the school's first class by default. */
  @property({ attribute: 'class-id', reflect: true }) accessor classId: string | undefined;
  /** The ISO week shown, `YYYY-Www`; this week by default (in the school's time zone). */
  @property({ reflect: true }) accessor week: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for "this week" (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The week shown, with the substitutions saved here applied. */
  @state() protected accessor timetable: WeekTimetable | undefined;
  /** The lesson whose form is open. */
  @state() protected accessor picked: string | undefined;
  @state() protected accessor draft: SubstitutionDraft = EMPTY_DRAFT;
  /** Field errors by their path on the wire. */
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  /** A failure that names no field (no connection, a refusal). */
  @state() protected accessor formError: string | undefined;
  /** A failed removal, shown above the week. */
  @state() protected accessor removeError: string | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor announcement = '';

  readonly #lists = new Task(this, {
    args: () =>
      [
        this.#client,
        this.environment?.session.user?.role,
        this.environment?.session.user?.schoolId,
      ] as const,
    task: async ([client, role, schoolId], { signal }) => {
      if (!client || role !== 'school_admin' || !schoolId) return initialState;
      const [classes, staff, subjects] = await Promise.all([
        client.classes.list(undefined, { signal }),
        client.setup.staff({ schoolId }, { signal }),
        client.setup.subjects({ schoolId }, { signal }),
      ]);
      const lists: SchoolLists = {
        classes: classes.items,
        teachers: staff.items.filter((m) => m.role === 'teacher'),
        subjects: subjects.items,
      };
      return lists;
    },
  });

  readonly #week = new Task(this, {
    args: () => [this.#client, this.#shownClass()?.id, this.shownWeek] as const,
    task: ([client, classId, week], { signal }) =>
      client && classId ? client.schedule.week({ classId, week }, { signal }) : initialState,
    onComplete: (timetable) => (this.timetable = timetable),
  });

  #focusAfter: string | undefined;

  get #client(): SubstitutionsClient | undefined {
    const client = this.client;
    return isSubstitutionsClient(client) ? client : undefined;
  }

  /** The week shown: the `week` property when it is a real ISO week, else this week. */
  get shownWeek(): string {
    const week = this.week;
    if (week && weekMonday(week)) return week;
    return formatIsoWeek(isoWeekOf(todayIn(this.now(), this.timeZone)));
  }

  /** The class shown: the `class-id` one when the school has it, else its first class. */
  #shownClass(): SchoolClass | undefined {
    const classes = this.#lists.value?.classes ?? [];
    return classes.find((c) => c.id === this.classId) ?? classes[0];
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    if (id.startsWith('.') || id.startsWith('['))
      this.renderRoot.querySelector<HTMLElement>(id)?.focus();
    else focusControl(this.renderRoot, id);
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  #closeForm(): void {
    this.picked = undefined;
    this.draft = EMPTY_DRAFT;
    this.errors = {};
    this.formError = undefined;
  }

  #goTo(week: string | undefined): void {
    if (!week || week === this.shownWeek) return;
    this.#closeForm();
    this.week = week;
    emit(this, 'diary-week-change', { week });
  }

  #onClass(event: Event): void {
    this.#closeForm();
    this.classId = (event.target as HTMLSelectElement).value;
  }

  #onPick(lesson: Lesson): void {
    if (this.picked === lesson.id) {
      this.#closeForm();
      return;
    }
    const sub = lesson.substitution;
    this.picked = lesson.id;
    this.errors = {};
    this.formError = undefined;
    this.removeError = undefined;
    this.draft = sub
      ? {
          teacherId: sub.substituteTeacherId,
          subjectId: sub.subjectId === lesson.subjectId ? '' : sub.subjectId,
          room: sub.room ?? '',
          reason: sub.reason,
        }
      : EMPTY_DRAFT;
    this.#focusAfter = 'sub-teacher';
  }

  #onClose(lesson: Lesson): void {
    this.#closeForm();
    this.#focusAfter = `[data-lesson="${lesson.id}"] [part~="pick"]`;
  }

  /** Shows a failed save: at its fields when the server named them, else below the form. */
  #showFailure(error: unknown): void {
    const failure = this.#describe(error);
    const fields = failure.kind === 'api' ? failure.fields : [];
    const errors: Record<string, string> = {};
    for (const f of fields) errors[f.path] ??= f.message;
    this.errors = errors;
    this.formError = fields.length ? undefined : failure.message;
    if (errors.lessonId) this.#focusAfter = 'sub-lesson';
    else if (fields.length) this.#focusAfter = '.diary-summary';
  }

  async #onSubmit(event: SubmitEvent, lesson: Lesson, day: string): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const { teacherId, subjectId, room, reason } = this.draft;
    this.busy = true;
    try {
      const sub = await client.schedule.substitute({
        lessonId: lesson.id,
        substituteTeacherId: teacherId,
        reason: reason.trim(),
        ...(subjectId ? { subjectId } : {}),
        ...(room.trim() ? { room: room.trim() } : {}),
      });
      if (this.timetable) this.timetable = withLesson(this.timetable, lesson.id, sub);
      this.#closeForm();
      this.announcement = t(this.language, 'saved', {
        day,
        n: lesson.number,
        subject: sub.subjectName,
        teacher: sub.substituteTeacherName,
      });
      this.#focusAfter = `[data-lesson="${lesson.id}"] [part~="pick"]`;
      emit(this, 'diary-substitution-change', { lessonId: lesson.id, substitution: sub });
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  async #onRemove(lesson: Lesson): Promise<void> {
    const client = this.#client;
    if (!client || this.busy) return;
    this.busy = true;
    this.removeError = undefined;
    try {
      await client.schedule.cancelSubstitution({ lessonId: lesson.id });
      if (this.timetable) this.timetable = withLesson(this.timetable, lesson.id, null);
      if (this.picked === lesson.id) this.#closeForm();
      this.announcement = t(this.language, 'removed', {
        day: dayName(this.language, lesson.date),
        n: lesson.number,
        subject: lesson.subjectName,
        teacher: lesson.teacherName,
      });
      this.#focusAfter = `[data-lesson="${lesson.id}"] [part~="pick"]`;
      emit(this, 'diary-substitution-change', { lessonId: lesson.id, substitution: null });
    } catch (error) {
      this.removeError = this.#describe(error).message;
      this.#focusAfter = '.diary-remove-error';
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, t(lang, 'signedOut'));
    if (gate) return gate;
    if (this.environment?.session.user?.role !== 'school_admin')
      return textNotice(t(lang, 'notAdmin'));
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, t(lang, 'title'), { title: true, id: 'title' })}
      ${this.#lists.render({
        initial: () => loadingNotice(lang),
        pending: () =>
          this.#lists.value ? this.#renderLists(this.#lists.value) : loadingNotice(lang),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#lists.run()),
        complete: (lists) => this.#renderLists(lists),
      })}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #renderLists(lists: SchoolLists) {
    const lang = this.language;
    const shown = this.#shownClass();
    if (!shown) return textNotice(t(lang, 'noClasses'));
    return html`${this.#renderNav(lists, shown)}
    ${
      this.removeError
        ? html`<p class="diary-error diary-remove-error" part="error" role="alert" tabindex="-1">
            ${this.removeError}
          </p>`
        : nothing
    }
    ${this.#week.render({
      initial: () => loadingNotice(lang),
      pending: () => loadingNotice(lang),
      error: (error) => failureNotice(lang, this.#describe(error), () => void this.#week.run()),
      complete: () => (this.timetable ? this.#renderWeek(lists, this.timetable) : nothing),
    })}`;
  }

  #renderNav(lists: SchoolLists, shown: SchoolClass) {
    const lang = this.language;
    const week = this.shownWeek;
    const thisWeek = formatIsoWeek(isoWeekOf(todayIn(this.now(), this.timeZone)));
    const monday = weekMonday(week) ?? '';
    const range = `${formatDate(lang, monday, { day: 'numeric', month: 'long' })} – ${formatDate(
      lang,
      addDays(monday, 6),
    )}`;
    return html`<div class="diary-nav" part="nav">
      <div class="diary-field" part="field field-class">
        <label class="diary-label" part="label" for="class">${t(lang, 'classLabel')}</label>
        <select class="diary-input" part="input" id="class" @change=${this.#onClass}>
          ${lists.classes.map(
            (c) => html`<option value=${c.id} ?selected=${c.id === shown.id}>${c.name}</option>`,
          )}
        </select>
      </div>
      <nav class="diary-week-nav" aria-label=${t(lang, 'weekNav')}>
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button previous"
          @click=${() => this.#goTo(shiftWeek(week, -1))}
        >
          <span aria-hidden="true">←</span> ${t(lang, 'previous')}
        </button>
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button this-week"
          aria-current=${week === thisWeek ? 'date' : nothing}
          @click=${() => this.#goTo(thisWeek)}
        >
          ${t(lang, 'thisWeek')}
        </button>
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button next"
          @click=${() => this.#goTo(shiftWeek(week, 1))}
        >
          ${t(lang, 'next')} <span aria-hidden="true">→</span>
        </button>
      </nav>
      <p class="diary-caption" part="caption" aria-live="polite">
        ${t(lang, 'weekCaption', { name: shown.name, range })}
      </p>
    </div>`;
  }

  #renderWeek(lists: SchoolLists, timetable: WeekTimetable) {
    const lang = this.language;
    const dayLevel = subLevel(this.headingLevel);
    return renderWeek({
      lang,
      headingLevel: dayLevel,
      timetable,
      picked: this.picked,
      busy: this.busy,
      onPick: (lesson) => this.#onPick(lesson),
      onRemove: (lesson) => void this.#onRemove(lesson),
      renderForm: (lesson, day) =>
        renderSubstitutionForm({
          lang,
          headingLevel: subLevel(dayLevel),
          lesson,
          day,
          draft: this.draft,
          teachers: lists.teachers,
          subjects: lists.subjects,
          errors: this.errors,
          formError: this.formError,
          busy: this.busy,
          onChange: (change) => (this.draft = { ...this.draft, ...change }),
          onSubmit: (event) => void this.#onSubmit(event, lesson, day),
          onClose: () => this.#onClose(lesson),
          onSelect: (target) => focusControl(this.renderRoot, target),
        }),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-substitutions': DiarySubstitutions;
  }
}
