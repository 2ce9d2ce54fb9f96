// The homework of a lesson in the lesson panel: its texts changed or removed, new homework with a
// due date and files, through the homework operations (`homework.create`, `update`, `remove`).
import type { Journal, JournalLesson } from '@school-diary/core';
import { html, nothing } from 'lit';
import { describeFailure } from '../shared/failure';
import type { JournalContext } from './journal-context';
import {
  homeworkOf,
  RefusedFileError,
  renderHomeworkFiles,
  uploadFiles,
  withHomework,
} from './journal-homework-files';
import { journalText } from './journal-text';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The day homework set at a lesson is due by default: the subject's next lesson, else a week on. */
export function defaultDue(journal: Journal, lesson: JournalLesson): string {
  return journal.lessons.find((l) => l.date > lesson.date)?.date ?? addDays(lesson.date, 7);
}

async function run(ctx: JournalContext, done: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    ctx.panelMessage = { text: done, error: false };
  } catch (error) {
    const text =
      error instanceof RefusedFileError
        ? error.message
        : describeFailure(error, { lang: ctx.lang, now: new Date(), timeZone: ctx.timeZone })
            .message;
    ctx.panelMessage = { text, error: true };
  }
}

async function addHomework(ctx: JournalContext, lesson: JournalLesson, event: SubmitEvent) {
  event.preventDefault();
  const { client, journal, classId } = ctx;
  const homework = client?.homework;
  if (!homework || !journal || !classId) return;
  const form = event.target as HTMLFormElement;
  const data = new FormData(form);
  const text = String(data.get('homework-text') ?? '').trim();
  if (!text) {
    ctx.panelMessage = { text: journalText(ctx.lang, 'homeworkEmpty'), error: true };
    return;
  }
  const files = form.querySelector<HTMLInputElement>('#homework-files')?.files ?? [];
  await run(ctx, journalText(ctx.lang, 'homeworkAdded'), async () => {
    const attachmentIds = (await uploadFiles(ctx, files)).map((a) => a.id);
    const created = await homework.create({
      lessonId: lesson.id,
      classId,
      subjectId: journal.subjectId,
      text,
      assignedDate: lesson.date,
      dueDate: String(data.get('homework-due') || defaultDue(journal, lesson)),
      attachmentIds,
    });
    const added = { id: created.id, text: created.text, files: created.attachments };
    withHomework(ctx, lesson.id, (items) => [...items, added]);
    form.reset();
  });
}

async function changeHomework(ctx: JournalContext, lesson: JournalLesson, event: SubmitEvent) {
  event.preventDefault();
  const homework = ctx.client?.homework;
  const form = event.target as HTMLFormElement;
  const id = form.dataset.id;
  if (!homework || !id) return;
  const remove = (event.submitter as HTMLButtonElement | null)?.value === 'remove';
  const text = String(new FormData(form).get('text') ?? '').trim();
  if (remove)
    await run(ctx, journalText(ctx.lang, 'homeworkRemoved'), async () => {
      await homework.remove({ homeworkId: id });
      withHomework(ctx, lesson.id, (items) => items.filter((h) => h.id !== id));
    });
  else if (!text) ctx.panelMessage = { text: journalText(ctx.lang, 'homeworkEmpty'), error: true };
  else
    await run(ctx, journalText(ctx.lang, 'homeworkSaved'), async () => {
      const changed = await homework.update({ homeworkId: id, text });
      withHomework(ctx, lesson.id, (items) =>
        items.map((h) =>
          h.id === id ? { id, text: changed.text, files: changed.attachments } : h,
        ),
      );
    });
}

/** A lesson's homework: read only, or editable by the teacher when the client can. */
export function renderHomework(ctx: JournalContext, journal: Journal, lesson: JournalLesson) {
  const lang = ctx.lang;
  const ids = lesson.homeworkIds ?? [];
  const editable =
    journal.writable && Boolean(ctx.client?.homework) && ids.length === lesson.homework.length;
  const message = ctx.panelMessage;
  if (!editable)
    return html`<p class="diary-text">
      ${journalText(lang, 'homework')}:
      ${lesson.homework.length ? lesson.homework.join('; ') : journalText(lang, 'noHomework')}
    </p>`;
  return html`<fieldset class="homework" part="homework">
    <legend class="diary-label">${journalText(lang, 'homework')}</legend>
    ${
      lesson.homework.length === 0
        ? html`<p class="diary-text">${journalText(lang, 'noHomework')}</p>`
        : nothing
    }
    ${homeworkOf(lesson).map(
      (homework, i) =>
        html`<form
          class="homework-item"
          data-id=${homework.id}
          @submit=${(e: SubmitEvent) => void changeHomework(ctx, lesson, e)}
        >
          <label class="diary-label" for=${`homework-${i}`}
            >${journalText(lang, 'homeworkNumber', { n: i + 1 })}</label
          >
          <textarea
            id=${`homework-${i}`}
            name="text"
            class="diary-input"
            part="input"
            rows="2"
            .value=${homework.text}
          ></textarea>
          ${renderHomeworkFiles(ctx, (done, work) => run(ctx, done, work), lesson, homework, i + 1)}
          <div class="lesson-row">
            <button
              type="submit"
              value="save"
              class="diary-button diary-button--secondary"
              part="button"
            >
              ${journalText(lang, 'homeworkSave')}
            </button>
            <button
              type="submit"
              value="remove"
              class="diary-button diary-button--secondary"
              part="button"
            >
              ${journalText(lang, 'homeworkRemove')}
            </button>
          </div>
        </form>`,
    )}
    <form class="homework-new" @submit=${(e: SubmitEvent) => void addHomework(ctx, lesson, e)}>
      <label class="diary-label" for="homework-text">${journalText(lang, 'homeworkNew')}</label>
      <textarea
        id="homework-text"
        name="homework-text"
        class="diary-input"
        part="input"
        rows="2"
      ></textarea>
      <div class="lesson-row">
        <label class="diary-label" for="homework-due">${journalText(lang, 'homeworkDue')}</label>
        <input
          id="homework-due"
          name="homework-due"
          type="date"
          class="diary-input"
          part="input"
          .value=${defaultDue(journal, lesson)}
          min=${lesson.date}
        />
        <label class="diary-label" for="homework-files"
          >${journalText(lang, 'homeworkFiles')}</label
        >
        <input
          id="homework-files"
          type="file"
          multiple
          class="diary-input"
          part="input file-input"
        />
      </div>
      <button type="submit" class="diary-button" part="button add-homework">
        ${journalText(lang, 'homeworkAdd')}
      </button>
    </form>
    ${
      message
        ? html`<p
            class=${message.error ? 'diary-error' : 'diary-text'}
            part=${message.error ? 'error' : 'status'}
            role=${message.error ? 'alert' : 'status'}
          >
            ${message.text}
          </p>`
        : nothing
    }
  </fieldset>`;
}
