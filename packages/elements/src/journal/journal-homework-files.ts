// The files of homework in the lesson panel: checked (type and size, as core allows) and uploaded
// before they are attached; added to and taken off homework already set with `homework.update`.
import {
  checkAttachment,
  type Attachment,
  type JournalLesson,
  type Lang,
} from '@school-diary/core';
import { html, nothing } from 'lit';
import type { JournalContext } from './journal-context';
import { journalText } from './journal-text';

/** A lesson's homework as the panel edits it. */
export interface PanelHomework {
  readonly id: string;
  readonly text: string;
  readonly files: readonly Attachment[];
}

/** The lesson's homework with its ids and files, in order. */
export function homeworkOf(lesson: JournalLesson): PanelHomework[] {
  const ids = lesson.homeworkIds ?? [];
  const files = lesson.homeworkFiles ?? [];
  return lesson.homework.map((text, i) => ({ id: ids[i] ?? '', text, files: files[i] ?? [] }));
}

/** The journal with one lesson's homework changed. */
export function withHomework(
  ctx: JournalContext,
  lessonId: string,
  change: (items: PanelHomework[]) => PanelHomework[],
): void {
  const journal = ctx.journal;
  if (!journal) return;
  const lessons = journal.lessons.map((l) => {
    if (l.id !== lessonId) return l;
    const items = change(homeworkOf(l));
    return {
      ...l,
      homework: items.map((h) => h.text),
      homeworkIds: items.map((h) => h.id),
      homeworkFiles: items.map((h) => [...h.files]),
    };
  });
  ctx.journal = { ...journal, lessons };
}

/** Thrown for a file the diary would refuse, before anything is uploaded. */
export class RefusedFileError extends Error {
  readonly code = 'refused_file';
}

/**
 * Uploads the picked files, all or none: the first file of a type or size the diary refuses
 * stops it with a message naming the file, in the teacher's language.
 */
export async function uploadFiles(
  ctx: JournalContext,
  files: Iterable<File>,
): Promise<Attachment[]> {
  const picked = [...files];
  for (const file of picked) {
    const problem = checkAttachment({ size: file.size, contentType: file.type });
    if (problem) {
      const key = problem === 'file_type' ? 'fileType' : 'fileTooLarge';
      throw new RefusedFileError(journalText(ctx.lang, key, { name: file.name }));
    }
  }
  const uploaded: Attachment[] = [];
  for (const file of picked) {
    const attachment = await ctx.client?.attachments?.upload({ file, fileName: file.name });
    if (attachment) uploaded.push(attachment);
  }
  return uploaded;
}

/** Runs a homework change, telling the teacher in the panel what it came to. */
export type PanelRun = (done: string, work: () => Promise<void>) => Promise<void>;

/** Sets the homework's files and puts what the server now has into the lesson. */
async function setFiles(
  ctx: JournalContext,
  lesson: JournalLesson,
  homework: PanelHomework,
  attachmentIds: string[],
): Promise<void> {
  const update = ctx.client?.homework?.update;
  if (!update) return;
  const changed = await update({ homeworkId: homework.id, attachmentIds });
  withHomework(ctx, lesson.id, (items) =>
    items.map((h) =>
      h.id === homework.id ? { id: h.id, text: changed.text, files: changed.attachments } : h,
    ),
  );
}

async function addFiles(
  ctx: JournalContext,
  run: PanelRun,
  lesson: JournalLesson,
  homework: PanelHomework,
  input: HTMLInputElement,
): Promise<void> {
  const picked = [...(input.files ?? [])];
  if (picked.length === 0) return;
  const names = picked.map((f) => `«${f.name}»`).join(', ');
  await run(journalText(ctx.lang, 'homeworkFileAdded', { names }), async () => {
    const uploaded = await uploadFiles(ctx, picked);
    const ids = [...homework.files, ...uploaded].map((a) => a.id);
    await setFiles(ctx, lesson, homework, ids);
  });
  input.value = '';
}

async function removeFile(
  ctx: JournalContext,
  run: PanelRun,
  lesson: JournalLesson,
  homework: PanelHomework,
  file: Attachment,
): Promise<void> {
  const done = journalText(ctx.lang, 'homeworkFileRemoved', { name: file.name });
  await run(done, async () => {
    const ids = homework.files.filter((a) => a.id !== file.id).map((a) => a.id);
    await setFiles(ctx, lesson, homework, ids);
  });
  // The button is gone: the focus goes to the homework's «add files», not to the page's top.
  await (ctx.host as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  ctx.host.shadowRoot?.querySelector<HTMLElement>(`#homework-${homework.id}-files`)?.focus();
}

/** The files of one homework already set: each with «remove», and a picker that adds more. */
export function renderHomeworkFiles(
  ctx: JournalContext,
  run: PanelRun,
  lesson: JournalLesson,
  homework: PanelHomework,
  n: number,
) {
  const lang: Lang = ctx.lang;
  const inputId = `homework-${homework.id}-files`;
  return html`${
      homework.files.length === 0
        ? nothing
        : html`<ul
            class="homework-files"
            part="homework-files"
            aria-label=${journalText(lang, 'homeworkFilesOf', { n })}
          >
            ${homework.files.map(
              (file) =>
                html`<li data-file=${file.id}>
                  <span class="diary-text">${file.name}</span>
                  <button
                    type="button"
                    class="diary-button diary-button--secondary"
                    part="button remove-file"
                    aria-label=${journalText(lang, 'homeworkFileRemove', { name: file.name })}
                    @click=${() => void removeFile(ctx, run, lesson, homework, file)}
                  >
                    ${journalText(lang, 'homeworkFileRemoveShort')}
                  </button>
                </li>`,
            )}
          </ul>`
    }
    <label class="diary-label" for=${inputId}>${journalText(lang, 'homeworkFileAdd', { n })}</label>
    <input
      id=${inputId}
      type="file"
      multiple
      class="diary-input"
      part="input file-input add-file"
      @change=${(e: Event) =>
        void addFiles(ctx, run, lesson, homework, e.target as HTMLInputElement)}
    />`;
}
