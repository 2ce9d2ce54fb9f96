// The lesson panel a lesson's head opens: its topic, homework, and the weight and kind of its
// marks (a test lesson weighs more), saved through the outbox like the cells.
import { WORK_KINDS, type Journal, type WorkKind } from '@school-diary/core';
import { html, nothing } from 'lit';
import { workKindName } from '../shared/work-kind-text';
import type { JournalContext } from './journal-context';
import { shortDate } from './journal-grid';
import { renderHomework } from './journal-homework';
import { journalText } from './journal-text';

const WEIGHTS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5];

/** Opens the panel of the lesson in a column. */
export function openLesson(ctx: JournalContext, col: number): void {
  if (col >= (ctx.journal?.lessons.length ?? 0)) return;
  ctx.lessonPanel = col;
  ctx.panelMessage = undefined;
}

function closeLesson(ctx: JournalContext): void {
  ctx.lessonPanel = undefined;
  ctx.focusCell();
}

async function saveLesson(ctx: JournalContext, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { journal, client, classId } = ctx;
  const lesson = ctx.lessonPanel === undefined ? undefined : journal?.lessons[ctx.lessonPanel];
  if (!journal?.writable || !lesson || !client || !classId) return;
  const data = new FormData(event.target as HTMLFormElement);
  const kind = String(data.get('kind')) as WorkKind;
  const weight = Number(data.get('weight'));
  const topic = String(data.get('topic') ?? '');
  await client.outbox.saveJournal(classId, {
    subjectId: journal.subjectId,
    lessonId: lesson.id,
    topic,
    weight,
    kind,
    rows: [],
  });
  const now = ctx.journal ?? journal;
  const lessons = now.lessons.map((l) => (l.id === lesson.id ? { ...l, topic, weight, kind } : l));
  ctx.journal = { ...now, lessons };
  ctx.lessonPanel = undefined;
  ctx.active = { row: -1, col: lessons.findIndex((l) => l.id === lesson.id) };
  ctx.focusCell();
}

/** The panel of the lesson in a column. */
export function renderLessonPanel(ctx: JournalContext, journal: Journal, col: number) {
  const lang = ctx.lang;
  const lesson = journal.lessons[col];
  if (!lesson) return nothing;
  const date = shortDate(lang, lesson.date);
  return html`<section
    class="lesson-panel"
    part="lesson"
    aria-label=${journalText(lang, 'lesson', { date })}
  >
    <p class="diary-text"><strong>${journalText(lang, 'lesson', { date })}</strong></p>
    <form class="lesson-form" @submit=${(e: SubmitEvent) => void saveLesson(ctx, e)}>
      <label class="diary-label" for="topic">${journalText(lang, 'topic')}</label>
      <input
        id="topic"
        name="topic"
        class="diary-input"
        part="input"
        .value=${lesson.topic ?? ''}
        ?readonly=${!journal.writable}
      />
      <div class="lesson-row">
        <label class="diary-label" for="weight">${journalText(lang, 'weight')}</label>
        <select
          id="weight"
          name="weight"
          class="diary-input"
          part="input"
          ?disabled=${!journal.writable}
        >
          ${WEIGHTS.map((w) => html`<option value=${w} ?selected=${w === lesson.weight}>${w}</option>`)}
        </select>
        <label class="diary-label" for="kind">${journalText(lang, 'kind')}</label>
        <select
          id="kind"
          name="kind"
          class="diary-input"
          part="input"
          ?disabled=${!journal.writable}
        >
          ${WORK_KINDS.map(
            (k) =>
              html`<option value=${k} ?selected=${k === lesson.kind}>
                ${workKindName(lang, k)}
              </option>`,
          )}
        </select>
      </div>
      <div class="lesson-row">
        ${
          journal.writable
            ? html`<button type="submit" class="diary-button" part="button save-lesson">
                ${journalText(lang, 'saveLesson')}
              </button>`
            : nothing
        }
      </div>
    </form>
    ${renderHomework(ctx, journal, lesson)}
    <button
      type="button"
      class="diary-button diary-button--secondary"
      part="button close"
      @click=${() => closeLesson(ctx)}
    >
      ${journalText(lang, 'close')}
    </button>
  </section>`;
}
