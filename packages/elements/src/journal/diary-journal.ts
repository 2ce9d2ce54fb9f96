import {
  WORK_KINDS,
  type Journal,
  type JournalBatchResult,
  type MarkValue,
  type WorkKind,
} from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Group, WidgetClient } from '../shared/client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure } from '../shared/failure';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { personName } from '../shared/person-name';
import { controlStyles, hostTokens } from '../shared/theme';
import { workKindName } from '../shared/work-kind-text';
import { journalStyles } from './diary-journal.styles';
import { renderGrid, shortDate } from './journal-grid';
import { gridKey } from './journal-keys';
import {
  EMPTY,
  cellKey,
  cellText,
  fromServer,
  gridCells,
  parseEntry,
  rowAverage,
  sameContent,
  type CellContent,
  type GridCell,
} from './journal-model';
import { journalText } from './journal-text';

/** The SDK client as `<diary-journal>` needs it: the journal, final marks, the outbox. */
export interface JournalClient extends WidgetClient {
  readonly journal: Group<'journal', 'get'>;
  readonly grades: Group<'grades', 'setFinal'>;
  readonly outbox: Pick<
    DiaryClient['outbox'],
    'saveJournal' | 'onJournalSaved' | 'subscribeJournal' | 'journalItems'
  >;
}

const isJournalClient = (client: WidgetClient | undefined): client is JournalClient => {
  const c = client as Partial<JournalClient> | undefined;
  return typeof c?.journal?.get === 'function' && typeof c.outbox?.saveJournal === 'function';
};

/** Detail of `diary-journal-change`. */
export interface DiaryJournalChangeDetail {
  readonly childId: string;
  readonly lessonId: string;
  /** The cell's marks and absence as the teacher set them (not yet confirmed by the server). */
  readonly marks: readonly MarkValue[];
  readonly absence: CellContent['absence'];
}

declare global {
  interface HTMLElementEventMap {
    'diary-journal-change': CustomEvent<DiaryJournalChangeDetail>;
  }
}

/** The last change, for undo. */
interface Change {
  readonly row: number;
  readonly col: number;
  readonly before: CellContent;
}

const newBatchId = () => `jb_${crypto.randomUUID()}`;

/**
 * The teacher's class journal for one class × subject × period: pupils by lessons, marks and
 * absences in the cells, each pupil's running average and the final mark core's rules suggest,
 * which the teacher confirms. Keyboard first, like a spreadsheet (one Tab stop; arrows move,
 * typing `5`, `4/5` or `н` fills a cell, Enter or Tab moves on, Delete clears, Ctrl+Z undoes the
 * last change); pointer and touch through the quick-entry keys. Each change is saved as it is
 * typed, through the SDK's outbox (kept offline and across a reload, written once); a cell that
 * someone else changed meanwhile is shown as a conflict with its current value, never overwritten.
 * A lesson's head opens its topic, homework and the weight and kind of its marks.
 *
 * @summary The class journal: marks and absences by keyboard, saved as typed, conflicts shown.
 * @tag diary-journal
 * @fires {CustomEvent<DiaryJournalChangeDetail>} diary-journal-change - The teacher changed a cell.
 * @csspart base - The widget's box.
 * @csspart region - The scrolling region around the grid.
 * @csspart grid - The grid (a table).
 * @csspart entry - The text box of the cell being typed in.
 * @csspart keypad - The quick-entry keys.
 * @csspart lesson - The lesson panel (topic, homework, weight and kind).
 * @csspart input - Text inputs and selects of the lesson panel.
 * @csspart button - Every button.
 * @csspart status - The polite live region announcing saves and conflicts.
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - The active cell's outline and buttons.
 * @cssprop --diary-color-error - Conflicts and refused entries.
 * @cssprop --diary-color-border - Grid lines.
 * @cssprop --diary-color-surface - Heads and the pupils' names.
 */
export class DiaryJournal extends DiaryElement {
  static override styles = [hostTokens, controlStyles, journalStyles];

  /** The class whose journal is shown. */
  @property({ attribute: 'class-id', reflect: true }) accessor classId: string | undefined;
  /** The subject of the journal. */
  @property({ attribute: 'subject-id', reflect: true }) accessor subjectId: string | undefined;
  /** The period (term); the current one by default. */
  @property({ attribute: 'period-id', reflect: true }) accessor periodId: string | undefined;
  /** The first day shown (`YYYY-MM-DD`), instead of a period; with `to`. */
  @property({ reflect: true }) accessor from: string | undefined;
  /** The last day shown (`YYYY-MM-DD`), instead of a period; with `from`. */
  @property({ reflect: true }) accessor to: string | undefined;
  /** The level of the widget's heading (`2` by default), or `none`. */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor journal: Journal | undefined;
  @state() protected accessor cells: ReadonlyMap<string, GridCell> = new Map();
  @state() protected accessor active = { row: 0, col: 0 };
  @state() protected accessor editing:
    { row: number; col: number; text: string; error?: string } | undefined;
  @state() protected accessor announcement = '';
  @state() protected accessor lastChange: Change | undefined;
  @state() protected accessor lessonPanel: number | undefined;
  @state() protected accessor unsaved = 0;

  readonly #load = new Task(this, {
    args: () =>
      [
        this.#client,
        this.environment?.session.user?.id,
        this.classId,
        this.subjectId,
        this.periodId,
        this.from,
        this.to,
      ] as const,
    task: async ([client, userId, classId, subjectId, periodId, from, to], { signal }) => {
      if (!client || !userId || !classId || !subjectId) return initialState;
      const range = {
        ...(periodId ? { periodId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
      return client.journal.get({ classId, subjectId, ...range }, { signal });
    },
    onComplete: (journal) => {
      this.journal = journal;
      this.cells = gridCells(journal);
    },
  });

  #averages = new Map<string, { average: number | null; suggested: number | null }>();
  #stop: (() => void)[] = [];
  #liveClient: JournalClient | undefined;
  #focusCell = false;

  get #client(): JournalClient | undefined {
    const client = this.client;
    return isJournalClient(client) ? client : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe();
  }

  #unsubscribe(): void {
    for (const stop of this.#stop) stop();
    this.#stop = [];
    this.#liveClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const client = this.#client;
    if (client !== this.#liveClient) {
      this.#unsubscribe();
      this.#liveClient = client;
      if (client)
        this.#stop = [
          client.outbox.onJournalSaved((result) => this.#onSaved(result)),
          client.outbox.subscribeJournal((items) => {
            this.unsaved = items.filter((i) => i.classId === this.classId).length;
          }),
        ];
    }
    if (changed.has('cells') || changed.has('journal')) this.#computeAverages();
  }

  protected override updated(): void {
    const table = this.renderRoot.querySelector('table');
    if (!table) return;
    for (const el of table.querySelectorAll('[tabindex="0"]')) el.setAttribute('tabindex', '-1');
    const target = this.#activeElement();
    target?.setAttribute('tabindex', '0');
    const input = this.renderRoot.querySelector<HTMLInputElement>('input.entry');
    if (input && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    } else if (this.#focusCell) target?.focus();
    this.#focusCell = false;
  }

  #activeElement(): HTMLElement | null {
    const { row, col } = this.active;
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-r="${row}"] [data-c="${col}"]`);
  }

  #computeAverages(): void {
    const journal = this.journal;
    if (!journal) return;
    this.#averages = new Map(
      journal.students.map((p) => [p.id, rowAverage(this.cells, p.id, journal.lessons)]),
    );
  }

  // —— Changes ——

  #content(row: number, col: number): CellContent {
    const key = this.#key(row, col);
    return (key && this.cells.get(key)) || EMPTY;
  }

  #key(row: number, col: number): string | undefined {
    const pupil = this.journal?.students[row];
    const lesson = this.journal?.lessons[col];
    return pupil && lesson ? cellKey(pupil.id, lesson.id) : undefined;
  }

  /** Sets a cell as typed: shown at once, queued in the outbox, announced. */
  async #set(row: number, col: number, next: CellContent, undoing = false): Promise<void> {
    const journal = this.journal;
    const client = this.#client;
    const pupil = journal?.students[row];
    const lesson = journal?.lessons[col];
    if (!journal?.writable || !client || !pupil || !lesson || !this.classId) return;
    const key = cellKey(pupil.id, lesson.id);
    const old = this.cells.get(key);
    const before: CellContent = old ?? EMPTY;
    if (sameContent(before, next)) return;
    const batchId = newBatchId();
    const seen = old?.batchId ? `batch:${old.batchId}` : (old?.seen ?? null);
    const weights = next.marks.map((_, i) => old?.weights[i] ?? lesson.weight);
    const cell: GridCell = { ...next, weights, seen, state: 'pending', batchId };
    this.cells = new Map(this.cells).set(key, cell);
    this.lastChange = undoing ? undefined : { row, col, before };
    const what = { pupil: personName(pupil), date: shortDate(this.language, lesson.date) };
    this.announcement = undoing
      ? journalText(this.language, 'undone', what)
      : cellText(this.language, next)
        ? journalText(this.language, 'saved', { ...what, value: cellText(this.language, next) })
        : journalText(this.language, 'cleared', what);
    emit(this, 'diary-journal-change', {
      childId: pupil.id,
      lessonId: lesson.id,
      marks: next.marks,
      absence: next.absence,
    });
    await client.outbox.saveJournal(this.classId, {
      batchId,
      subjectId: journal.subjectId,
      lessonId: lesson.id,
      rows: [{ childId: pupil.id, marks: [...next.marks], absence: next.absence, seen }],
    });
  }

  /** The server's answer to a batch: confirms, shows a conflict or a refusal. */
  #onSaved(result: JournalBatchResult): void {
    const journal = this.journal;
    if (!journal) return;
    const cells = new Map(this.cells);
    const lessonAt = journal.lessons.findIndex((l) => l.id === result.lesson.id);
    if (lessonAt >= 0) {
      const lessons = [...journal.lessons];
      lessons[lessonAt] = result.lesson;
      this.journal = { ...journal, lessons };
    }
    for (const row of result.rows) {
      const key = cellKey(row.childId, result.lesson.id);
      const mine = cells.get(key);
      if (mine?.batchId !== result.batchId) continue;
      const pupil = journal.students.find((p) => p.id === row.childId);
      const what = {
        pupil: pupil ? personName(pupil) : row.childId,
        date: shortDate(this.language, result.lesson.date),
      };
      if (row.status === 'conflict' && row.cell) {
        const value = cellText(this.language, fromServer(row.cell)) || '—';
        const message = journalText(this.language, 'conflict', { ...what, value });
        cells.set(key, { ...fromServer(row.cell, 'conflict'), message });
        this.announcement = message;
      } else if (row.status === 'invalid') {
        const message = row.errors?.[0]?.message ?? '';
        cells.set(key, { ...mine, state: 'invalid', message });
        this.announcement = journalText(this.language, 'refused', { ...what, message });
      } else if (row.cell) cells.set(key, fromServer(row.cell));
    }
    this.cells = cells;
  }

  // —— Keyboard and pointer ——

  #onGridKey = (event: KeyboardEvent): void => {
    // Keys typed into a cell's text box are the editor's (it handles Enter, Tab and Escape).
    if (this.editing || !this.journal || (event.target as HTMLElement).localName === 'input')
      return;
    if ((event.target as HTMLElement).closest('form')) return;
    const { row, col } = this.active;
    const rows = this.journal.students.length;
    const cols = this.journal.lessons.length + 1;
    const action = gridKey(event, { row, col, rows, cols });
    if (!action) return;
    event.preventDefault();
    const onLesson = col < this.journal.lessons.length;
    switch (action.kind) {
      case 'move':
        this.#moveTo(action.row, action.col);
        return;
      case 'undo':
        void this.#undo();
        return;
      case 'activate':
        if (row < 0) this.#openLesson(col);
        else if (!onLesson) void this.#confirmFinal(row);
        else this.#edit(cellText(this.language, this.#content(row, col)));
        return;
      case 'clear':
        if (row >= 0 && onLesson) void this.#set(row, col, EMPTY);
        return;
      case 'edit':
        if (row >= 0 && onLesson) this.#edit(action.text);
    }
  };

  #moveTo(row: number, col: number): void {
    this.active = { row, col };
    this.#focusCell = true;
  }

  #edit(text: string): void {
    if (!this.journal?.writable) return;
    this.editing = { ...this.active, text };
  }

  #onInput = (event: InputEvent): void => {
    const text = (event.target as HTMLInputElement).value;
    if (this.editing) this.editing = { ...this.editing, text };
  };

  #onEditKey = (event: KeyboardEvent): void => {
    const editing = this.editing;
    if (!editing) return;
    const moves: Record<string, [number, number] | undefined> = {
      Enter: [event.shiftKey ? -1 : 1, 0],
      Tab: [0, event.shiftKey ? -1 : 1],
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.editing = undefined;
      this.#focusCell = true;
      return;
    }
    const step = moves[event.key];
    if (!step) return;
    event.preventDefault();
    const next = parseEntry(editing.text);
    if (!next) {
      this.editing = {
        ...editing,
        error: journalText(this.language, 'badEntry', { text: editing.text }),
      };
      return;
    }
    this.editing = undefined;
    void this.#set(editing.row, editing.col, next);
    const rows = this.journal?.students.length ?? 1;
    const cols = this.journal?.lessons.length ?? 1;
    this.#moveTo(
      Math.min(rows - 1, Math.max(0, editing.row + step[0])),
      Math.min(cols - 1, Math.max(0, editing.col + step[1])),
    );
  };

  /** A cell focused another way (a script, assistive technology) becomes the active one. */
  #onFocusIn = (event: FocusEvent): void => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr')?.dataset.r;
    if (target.dataset.c === undefined || row === undefined) return;
    const at = { row: Number(row), col: Number(target.dataset.c) };
    if (at.row !== this.active.row || at.col !== this.active.col) this.active = at;
  };

  #onGridClick = (event: MouseEvent): void => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-c]');
    const row = target?.closest<HTMLElement>('tr')?.dataset.r;
    if (!target || row === undefined || target.classList.contains('editing')) return;
    const at = { row: Number(row), col: Number(target.dataset.c) };
    const again = at.row === this.active.row && at.col === this.active.col;
    this.editing = undefined;
    this.#moveTo(at.row, at.col);
    if (at.row < 0 && at.col < (this.journal?.lessons.length ?? 0)) this.#openLesson(at.col);
    else if (again && event.detail >= 2)
      this.#edit(cellText(this.language, this.#content(at.row, at.col)));
  };

  #onKeypad(text: string): void {
    const { row, col } = this.active;
    if (row < 0 || col >= (this.journal?.lessons.length ?? 0)) return;
    const next = text === '' ? EMPTY : parseEntry(text);
    if (next) void this.#set(row, col, next);
    this.#focusCell = true;
    this.requestUpdate();
  }

  async #undo(): Promise<void> {
    const change = this.lastChange;
    if (!change) return;
    this.lastChange = undefined;
    this.active = { row: change.row, col: change.col };
    this.#focusCell = true;
    await this.#set(change.row, change.col, change.before, true);
  }

  async #confirmFinal(row: number): Promise<void> {
    const journal = this.journal;
    const client = this.#client;
    const pupil = journal?.students[row];
    const mark = pupil ? this.#averages.get(pupil.id)?.suggested : undefined;
    if (!journal?.writable || !client || !pupil || !mark || !journal.periodId) return;
    try {
      const final = await client.grades.setFinal({
        childId: pupil.id,
        subjectId: journal.subjectId,
        periodId: journal.periodId,
        value: mark as 2 | 3 | 4 | 5,
      });
      const students = journal.students.map((p) =>
        p.id === pupil.id ? { ...p, final: final.value } : p,
      );
      this.journal = { ...journal, students };
      this.announcement = journalText(this.language, 'confirmed', {
        pupil: personName(pupil),
        mark: String(final.value),
      });
    } catch (error) {
      this.announcement = describeFailure(error, {
        lang: this.language,
        now: new Date(),
        timeZone: this.timeZone,
      }).message;
    }
  }

  // —— The lesson panel ——

  #openLesson(col: number): void {
    if (col < (this.journal?.lessons.length ?? 0)) this.lessonPanel = col;
  }

  async #saveLesson(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const journal = this.journal;
    const lesson = this.lessonPanel === undefined ? undefined : journal?.lessons[this.lessonPanel];
    const client = this.#client;
    if (!journal?.writable || !lesson || !client || !this.classId) return;
    const data = new FormData(event.target as HTMLFormElement);
    const kind = String(data.get('kind')) as WorkKind;
    const weight = Number(data.get('weight'));
    await client.outbox.saveJournal(this.classId, {
      subjectId: journal.subjectId,
      lessonId: lesson.id,
      topic: String(data.get('topic') ?? ''),
      weight,
      kind,
      rows: [],
    });
    const lessons = journal.lessons.map((l) =>
      l.id === lesson.id ? { ...l, topic: String(data.get('topic') ?? ''), weight, kind } : l,
    );
    this.journal = { ...journal, lessons };
    this.lessonPanel = undefined;
    this.active = { row: -1, col: lessons.findIndex((l) => l.id === lesson.id) };
    this.#focusCell = true;
  }

  // —— Render ——

  override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    if (!this.environment?.session.user) return textNotice(journalText(lang, 'signedOut'));
    if (!this.classId || !this.subjectId) return textNotice(journalText(lang, 'missing'));
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${this.#load.render({
        initial: () => loadingNotice(lang),
        pending: () => (this.journal ? this.#renderJournal(this.journal) : loadingNotice(lang)),
        error: (error) =>
          failureNotice(
            lang,
            describeFailure(error, { lang, now: new Date(), timeZone: this.timeZone }).message,
            () => void this.#load.run(),
          ),
        complete: () => (this.journal ? this.#renderJournal(this.journal) : nothing),
      })}
    </section>`;
  }

  #renderJournal(journal: Journal) {
    const lang = this.language;
    const title = journalText(lang, 'title', {
      subject: journal.subjectName,
      class: journal.className,
    });
    return html`${renderHeading(this.headingLevel, title, { title: true, id: 'title' })}
      <p class="diary-text legend" id="legend">
        ${journal.writable ? journalText(lang, 'legend') : journalText(lang, 'readOnly')}
      </p>
      ${journal.writable ? this.#renderToolbar() : nothing}
      ${this.lessonPanel !== undefined ? this.#renderLesson(journal, this.lessonPanel) : nothing}
      ${
        journal.lessons.length === 0
          ? textNotice(journalText(lang, 'noLessons'))
          : html`<div
              class="region"
              part="region"
              role="region"
              aria-label=${journalText(lang, 'regionLabel')}
              @keydown=${this.#onGridKey}
              @click=${this.#onGridClick}
              @focusin=${this.#onFocusIn}
            >
              ${renderGrid({
                lang,
                journal,
                cells: this.cells,
                averages: this.#averages,
                editing: this.editing,
                onInput: this.#onInput,
                onEditKey: this.#onEditKey,
                onConfirm:
                  journal.writable && journal.periodId
                    ? (row) => void this.#confirmFinal(row)
                    : undefined,
              })}
            </div>`
      }
      ${
        this.editing?.error
          ? html`<p class="diary-error" id="entry-error" part="error">${this.editing.error}</p>`
          : nothing
      }
      <p class="status" part="status" role="status">${this.announcement}</p>`;
  }

  #renderToolbar() {
    const lang = this.language;
    const keys = ['5', '4', '3', '2', 'н', 'б', 'оп', 'оз'];
    const label = (k: string) =>
      parseEntry(k)?.absence ? journalText(lang, parseEntry(k)?.absence ?? 'late') : k;
    return html`<div class="toolbar">
      <div class="keypad" part="keypad" role="group" aria-label=${journalText(lang, 'keypad')}>
        ${keys.map(
          (k) =>
            html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button key"
              @click=${() => this.#onKeypad(k)}
            >
              ${label(k)}
            </button>`,
        )}
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button key"
          @click=${() => this.#onKeypad('')}
        >
          ${journalText(lang, 'clear')}
        </button>
      </div>
      <button
        type="button"
        class="diary-button diary-button--secondary"
        part="button undo"
        ?disabled=${!this.lastChange}
        @click=${() => void this.#undo()}
      >
        ${journalText(lang, 'undo')}
      </button>
      ${
        this.unsaved > 0
          ? html`<span class="unsaved"
              >${journalText(lang, 'unsaved', { count: this.unsaved })}</span
            >`
          : nothing
      }
    </div>`;
  }

  #renderLesson(journal: Journal, col: number) {
    const lang = this.language;
    const lesson = journal.lessons[col];
    if (!lesson) return nothing;
    const date = shortDate(lang, lesson.date);
    const weights = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5];
    return html`<form
      class="lesson-panel"
      part="lesson"
      aria-label=${journalText(lang, 'lesson', { date })}
      @submit=${(e: SubmitEvent) => void this.#saveLesson(e)}
    >
      <p class="diary-text"><strong>${journalText(lang, 'lesson', { date })}</strong></p>
      <label class="diary-label" for="topic">${journalText(lang, 'topic')}</label>
      <input
        id="topic"
        name="topic"
        class="diary-input"
        part="input"
        .value=${lesson.topic ?? ''}
        ?readonly=${!journal.writable}
      />
      <p class="diary-text">
        ${journalText(lang, 'homework')}:
        ${lesson.homework.length ? lesson.homework.join('; ') : journalText(lang, 'noHomework')}
      </p>
      <div class="lesson-row">
        <label class="diary-label" for="weight">${journalText(lang, 'weight')}</label>
        <select
          id="weight"
          name="weight"
          class="diary-input"
          part="input"
          ?disabled=${!journal.writable}
        >
          ${weights.map(
            (w) => html`<option value=${w} ?selected=${w === lesson.weight}>${w}</option>`,
          )}
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
        <button
          type="button"
          class="diary-button diary-button--secondary"
          part="button close"
          @click=${() => {
            this.lessonPanel = undefined;
            this.#focusCell = true;
          }}
        >
          ${journalText(lang, 'close')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-journal': DiaryJournal;
  }
}
