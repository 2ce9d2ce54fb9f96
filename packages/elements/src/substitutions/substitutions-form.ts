import type { Lang, Lesson, StaffMember, Subject } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  describedBy,
  renderError,
  renderErrorSummary,
  renderHint,
  renderTextField,
  type ShownError,
} from '../shared/form-field';
import { renderHeading, subLevel } from '../shared/heading';
import { personName } from '../shared/person-name';
import { scheduleText } from '../schedule/schedule-text';
import { substitutionsText as t } from './substitutions-text';

/** What the admin has chosen in the form so far (ids empty until chosen). */
export interface SubstitutionDraft {
  readonly teacherId: string;
  /** Empty: the lesson keeps its subject. */
  readonly subjectId: string;
  readonly room: string;
  readonly reason: string;
}

/** The form's controls by the field's path on the wire; `lessonId` is the lesson itself. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  lessonId: 'sub-lesson',
  substituteTeacherId: 'sub-teacher',
  subjectId: 'sub-subject',
  room: 'sub-room',
  reason: 'sub-reason',
};

/** What the form shows and does. */
export interface SubstitutionFormView {
  readonly lang: Lang;
  /** The level of the form's heading. */
  readonly headingLevel: string;
  readonly lesson: Lesson;
  /** The lesson's day, as the list names it («среда, 25 ноября»). */
  readonly day: string;
  readonly draft: SubstitutionDraft;
  readonly teachers: readonly StaffMember[];
  readonly subjects: readonly Subject[];
  /** Field errors by their path on the wire. */
  readonly errors: Readonly<Record<string, string>>;
  /** A failure that names no field. */
  readonly formError: string | undefined;
  readonly busy: boolean;
  readonly onChange: (change: Partial<SubstitutionDraft>) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onClose: () => void;
  readonly onSelect: (target: string) => void;
}

/** `Белова И. А.`: a teacher as the timetable names them. */
export function shortName(p: Pick<StaffMember, 'lastName' | 'firstName' | 'middleName'>): string {
  const initials = [p.firstName, p.middleName].filter(Boolean).map((n) => `${n?.slice(0, 1)}.`);
  return [p.lastName, ...initials].join(' ');
}

/** The lesson as a family's timetable will show it once the substitution is saved. */
export interface ParentView {
  readonly subjectName: string;
  readonly teacherName: string;
  readonly originalSubjectName: string;
  readonly originalTeacherName: string;
  readonly reason: string;
  readonly room: string | undefined;
}

/**
 * A substituted lesson in the words of `<diary-schedule>`, which families read: the badge, the
 * subject and teacher who take it, and what changed.
 */
export function renderParentView(lang: Lang, lesson: Lesson, v: ParentView): TemplateResult {
  const room = v.room || lesson.room;
  return html`<div class="diary-parent-view" part="parent-view">
    <strong class="diary-badge"
      ><span aria-hidden="true">⇄ </span>${scheduleText(lang, 'substituted')}</strong
    >
    <span class="diary-subject">${v.subjectName}</span>
    <span>${v.teacherName}</span>
    <span class="diary-muted">${scheduleText(lang, 'room', { room })}</span>
    <ul class="diary-changes">
      <li>${scheduleText(lang, 'instead', { teacher: v.originalTeacherName })}</li>
      ${
        v.originalSubjectName !== v.subjectName
          ? html`<li>
              ${scheduleText(lang, 'insteadSubject', { subject: v.originalSubjectName })}
            </li>`
          : nothing
      }
      ${v.reason ? html`<li>${scheduleText(lang, 'reason', { reason: v.reason })}</li>` : nothing}
      ${
        v.room && v.room !== lesson.room
          ? html`<li>${scheduleText(lang, 'changedRoom', { room: v.room })}</li>`
          : nothing
      }
    </ul>
  </div>`;
}

function shownErrors(errors: Readonly<Record<string, string>>): ShownError[] {
  return Object.entries(errors).map(([field, message]) => ({
    field,
    message,
    target: FIELD_IDS[field] ?? 'sub-lesson',
  }));
}

/** The preview of the draft: what families will read if it is saved as it stands. */
function renderPreview(v: SubstitutionFormView) {
  const { lang, lesson, draft } = v;
  const teacher = v.teachers.find((m) => m.id === draft.teacherId);
  if (!teacher || !draft.reason.trim()) return nothing;
  const subject = v.subjects.find((s) => s.id === draft.subjectId);
  return html`<section class="diary-preview" aria-labelledby="sub-preview-title">
    ${renderHeading(subLevel(v.headingLevel), t(lang, 'preview'), {
      id: 'sub-preview-title',
    })}
    ${renderParentView(lang, lesson, {
      subjectName: subject?.name ?? lesson.subjectName,
      teacherName: shortName(teacher),
      originalSubjectName: lesson.subjectName,
      originalTeacherName: lesson.teacherName,
      reason: draft.reason.trim(),
      room: draft.room.trim() || undefined,
    })}
  </section>`;
}

function renderSelect(
  v: SubstitutionFormView,
  o: {
    id: string;
    field: string;
    label: string;
    value: string;
    options: readonly { value: string; text: string }[];
    onChange: (value: string) => void;
  },
) {
  const error = v.errors[o.field];
  return html`<div
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-${o.field}"
  >
    <label class="diary-label" part="label" for=${o.id}>${o.label}</label>
    ${renderError(o.id, error, t(v.lang, 'errorPrefix'))}
    <select
      class="diary-input"
      part="input"
      id=${o.id}
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(o.id, undefined, error) ?? nothing}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map(
        (option) =>
          html`<option value=${option.value} ?selected=${option.value === o.value}>
            ${option.text}
          </option>`,
      )}
    </select>
  </div>`;
}

/**
 * The substitution of one lesson: who teaches it, the subject (the same by default), the room
 * and the reason families read, with the preview of what they will see. A field the server
 * refuses shows its message beside the field and in the summary; a refusal of the lesson itself
 * (it is over) shows beside the lesson's name.
 */
export function renderSubstitutionForm(v: SubstitutionFormView): TemplateResult {
  const { lang, lesson, draft } = v;
  const level = v.headingLevel;
  const prefix = t(lang, 'errorPrefix');
  const lessonError = v.errors.lessonId;
  return html`<form
    class="diary-form"
    part="form"
    novalidate
    aria-labelledby="sub-lesson"
    @submit=${v.onSubmit}
  >
    ${renderHeading(
      level,
      t(lang, 'formTitle', {
        day: v.day,
        n: lesson.number,
        subject: lesson.subjectName,
        teacher: lesson.teacherName,
      }),
      { id: 'sub-lesson', className: 'diary-subheading', focusable: true },
    )}
    ${
      lessonError
        ? html`<p
            class="diary-error diary-lesson-error"
            part="error"
            id="sub-lesson-error"
            role="alert"
          >
            <span class="diary-visually-hidden">${prefix}</span>${lessonError}
          </p>`
        : nothing
    }
    ${renderErrorSummary({
      title: t(lang, 'summaryTitle'),
      errors: shownErrors(v.errors).filter((e) => e.field !== 'lessonId'),
      titleId: 'sub-summary-title',
      level: subLevel(level),
      onSelect: v.onSelect,
    })}
    ${renderSelect(v, {
      id: 'sub-teacher',
      field: 'substituteTeacherId',
      label: t(lang, 'teacher'),
      value: draft.teacherId,
      options: [
        { value: '', text: t(lang, 'chooseTeacher') },
        ...v.teachers
          .filter((m) => m.id !== lesson.teacherId)
          .map((m) => ({ value: m.id, text: personName(m) })),
      ],
      onChange: (teacherId) => v.onChange({ teacherId }),
    })}
    ${renderSelect(v, {
      id: 'sub-subject',
      field: 'subjectId',
      label: t(lang, 'subject'),
      value: draft.subjectId,
      options: [
        { value: '', text: t(lang, 'sameSubject', { subject: lesson.subjectName }) },
        ...v.subjects
          .filter((s) => s.id !== lesson.subjectId)
          .map((s) => ({ value: s.id, text: s.name })),
      ],
      onChange: (subjectId) => v.onChange({ subjectId }),
    })}
    ${renderTextField({
      id: 'sub-room',
      name: 'room',
      label: t(lang, 'roomLabel'),
      hint: t(lang, 'roomHint', { room: lesson.room }),
      value: draft.room,
      error: v.errors.room,
      errorPrefix: prefix,
      width: 'short',
      part: 'field-room',
      onInput: (e) => v.onChange({ room: (e.target as HTMLInputElement).value }),
    })}
    <div
      class="diary-field${v.errors.reason ? ' diary-field--error' : ''}"
      part="field field-reason"
    >
      <label class="diary-label" part="label" for="sub-reason">${t(lang, 'reason')}</label>
      ${renderHint('sub-reason', t(lang, 'reasonHint'))}
      ${renderError('sub-reason', v.errors.reason, prefix)}
      <textarea
        class="diary-input"
        part="input"
        id="sub-reason"
        name="reason"
        rows="2"
        aria-invalid=${v.errors.reason ? 'true' : nothing}
        aria-describedby=${describedBy('sub-reason', true, v.errors.reason) ?? nothing}
        .value=${live(draft.reason)}
        @input=${(e: InputEvent) => v.onChange({ reason: (e.target as HTMLTextAreaElement).value })}
      ></textarea>
    </div>
    ${renderPreview(v)}
    ${
      v.formError
        ? html`<p class="diary-error" part="error" role="alert">${v.formError}</p>`
        : nothing
    }
    <div class="diary-actions">
      <button class="diary-button" part="button save" type="submit" ?disabled=${v.busy}>
        ${v.busy ? t(lang, 'saving') : t(lang, 'save')}
      </button>
      <button
        class="diary-button diary-button--secondary"
        part="button close"
        type="button"
        @click=${v.onClose}
      >
        ${t(lang, 'close')}
      </button>
    </div>
  </form>`;
}
