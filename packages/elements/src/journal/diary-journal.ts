import type { Journal } from '@school-diary/core';
import type { OutboxJournalItem } from '@school-diary/sdk';
import { Task, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { journalStyles } from './diary-journal.styles';
import {
  isJournalClient,
  type Change,
  type Editing,
  type JournalClient,
  type JournalContext,
} from './journal-context';
import { onEntryInput, onEntryKey, renderToolbar } from './journal-entry';
import { hasClassList, renderChoice, teacherJournals, type JournalChoice } from './journal-choice';
import { confirmFinal } from './journal-final';
import { cellElement, renderGrid } from './journal-grid';
import { onGridClick, onGridFocus, onGridKey } from './journal-keyboard';
import { renderLessonPanel } from './journal-lesson-panel';
import { onLiveUpdate } from './journal-live';
import { GridCells, RowAverages, gridCells } from './journal-cells';
import type { RowAverage } from './journal-model';
import { onSaved, withQueued } from './journal-saves';
import { journalText } from './journal-text';
import { JournalViewport } from './journal-viewport';

export type { JournalClient } from './journal-context';
export type { DiaryJournalChangeDetail } from './journal-saves';

/**
 * The teacher's class journal for one class × subject × period: pupils by lessons, marks and
 * absences in the cells, each pupil's running average and the final mark core's rules suggest,
 * which the teacher confirms. Keyboard first, like a spreadsheet (one Tab stop; arrows move,
 * typing `5`, `4/5` or `н` fills a cell, Enter or Tab moves on, Delete clears, Ctrl+Z undoes the
 * last change); pointer and touch through the quick-entry keys. A year of lessons stays quick:
 * only the lesson columns in view are rendered, beside the sticky names and final column, and the
 * keyboard reaches every lesson (the grid scrolls to it); a typed mark renders again only its
 * pupil's row. Each change is saved as it is typed, through the SDK's outbox (kept offline and
 * across a reload, written once); a cell that someone else changed meanwhile is shown as a
 * conflict with its current value, never overwritten.
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
  @state() protected accessor cells: GridCells = GridCells.none;
  @state() protected accessor active = { row: 0, col: 0 };
  @state() protected accessor editing: Editing | undefined;
  @state() protected accessor announcement = '';
  @state() protected accessor lastChange: Change | undefined;
  @state() protected accessor lessonPanel: number | undefined;
  @state() protected accessor unsaved = 0;
  @state() protected accessor panelMessage: JournalContext['panelMessage'];

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
      // What the outbox still holds (typed before a reload) shows as pending until it is sent.
      this.cells = withQueued(journal, gridCells(journal), this.#client?.outbox.journalItems ?? []);
    },
  });

  /**
   * Whether the page left the class or the subject out: the journal then offers a signed-in
   * teacher their own classes and subjects (and opens the first).
   */
  #choosing = false;

  readonly #choices = new Task(this, {
    args: () => [this.client, this.environment?.session.user, this.#choosing] as const,
    task: async ([client, user, choosing], { signal }) => {
      if (!choosing || user?.role !== 'teacher' || !hasClassList(client)) return initialState;
      return teacherJournals(client, signal);
    },
    onComplete: (choices) => {
      const first = choices[0];
      if ((!this.classId || !this.subjectId) && first) this.#choose(first);
    },
  });

  #choose(choice: JournalChoice): void {
    this.journal = undefined;
    this.lessonPanel = undefined;
    this.editing = undefined;
    this.active = { row: 0, col: 0 };
    this.classId = choice.classId;
    this.subjectId = choice.subjectId;
  }

  readonly #viewport = new JournalViewport(this);
  readonly #rowAverages = new RowAverages();
  #averages: ReadonlyMap<string, RowAverage> = new Map();
  #focusInGrid = false;
  #stop: (() => void)[] = [];
  #liveClient: JournalClient | undefined;
  #focusCell = false;
  #tabStop: HTMLElement | null = null;
  readonly #ctx: JournalContext = this.#context();

  get #client(): JournalClient | undefined {
    const client = this.client;
    return isJournalClient(client) ? client : undefined;
  }

  /** The element's state and services as the journal's parts use them. */
  #context(): JournalContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the parts reach the element's protected state through it
    const el = this;
    return {
      host: el,
      get lang() {
        return el.language;
      },
      get timeZone() {
        return el.timeZone;
      },
      get classId() {
        return el.classId;
      },
      get client() {
        return el.#client;
      },
      get averages() {
        return el.#averages;
      },
      get journal() {
        return el.journal;
      },
      set journal(value) {
        el.journal = value;
      },
      get cells() {
        return el.cells;
      },
      set cells(value) {
        el.cells = value;
      },
      get active() {
        return el.active;
      },
      set active(value) {
        el.active = value;
      },
      get editing() {
        return el.editing;
      },
      set editing(value) {
        el.editing = value;
      },
      get announcement() {
        return el.announcement;
      },
      set announcement(value) {
        el.announcement = value;
      },
      get lastChange() {
        return el.lastChange;
      },
      set lastChange(value) {
        el.lastChange = value;
      },
      get lessonPanel() {
        return el.lessonPanel;
      },
      set lessonPanel(value) {
        el.lessonPanel = value;
      },
      get panelMessage() {
        return el.panelMessage;
      },
      set panelMessage(value) {
        el.panelMessage = value;
      },
      focusCell() {
        el.#focusCell = true;
        el.requestUpdate();
      },
    };
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
    if (!this.classId || !this.subjectId) this.#choosing = true;
    const client = this.#client;
    if (client !== this.#liveClient) {
      this.#unsubscribe();
      this.#liveClient = client;
      if (client)
        this.#stop = [
          client.outbox.onJournalSaved((result) => onSaved(this.#ctx, result)),
          client.outbox.subscribeJournal((items) => this.#onQueue(items)),
          ...(client.events
            ? [client.events.on('journal.updated', (e) => onLiveUpdate(this.#ctx, e.data))]
            : []),
        ];
      if (client) this.#onQueue(client.outbox.journalItems);
    }
    if (changed.has('cells') || changed.has('journal')) this.#computeAverages();
    this.#focusInGrid = Boolean(this.shadowRoot?.activeElement?.closest('table'));
  }

  /** The outbox's queued batches: counted, and laid over the grid (the kept queue may be read
   * after the journal came). */
  #onQueue(items: readonly OutboxJournalItem[]): void {
    this.unsaved = items.filter((i) => i.classId === this.classId).length;
    if (this.journal) this.cells = withQueued(this.journal, this.cells, items);
  }

  protected override updated(): void {
    this.#viewport.attach(this.renderRoot.querySelector<HTMLElement>('.region'));
    const table = this.renderRoot.querySelector('table');
    if (!table) return;
    const { row, col } = this.active;
    const target = cellElement(table, row, col);
    this.#moveTabStop(target);
    const editing = this.editing;
    const input = editing
      ? cellElement(table, editing.row, editing.col)?.querySelector<HTMLInputElement>('input.entry')
      : undefined;
    const focused = this.shadowRoot?.activeElement;
    if (input && focused !== input) {
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    } else if (this.#focusCell) {
      this.#viewport.reveal(col);
      target?.focus();
    } else if (this.#focusInGrid && target && !focused?.closest('table')) {
      // The focused cell went with columns scrolled out of view: the active cell takes it back.
      target.focus({ preventScroll: true });
    }
    this.#focusCell = false;
  }

  /** The grid's one Tab stop goes to the active cell (the only cell ever given `tabindex="0"`). */
  #moveTabStop(target: HTMLElement | null): void {
    if (target === this.#tabStop) return;
    this.#tabStop?.setAttribute('tabindex', '-1');
    target?.setAttribute('tabindex', '0');
    this.#tabStop = target;
  }

  #computeAverages(): void {
    const journal = this.journal;
    if (!journal) return;
    // Only a row whose cells (or the lessons' weights) changed is averaged again.
    this.#averages = new Map(
      journal.students.map((p) => [
        p.id,
        this.#rowAverages.of(this.cells.row(p.id), journal.lessons),
      ]),
    );
  }

  #onGridKey = (event: KeyboardEvent) => onGridKey(this.#ctx, event);
  #onGridClick = (event: MouseEvent) => onGridClick(this.#ctx, event);
  #onFocusIn = (event: FocusEvent) => onGridFocus(this.#ctx, event);
  #onInput = (event: InputEvent) => onEntryInput(this.#ctx, event);
  #onEditKey = (event: KeyboardEvent) => onEntryKey(this.#ctx, event);

  // —— Render ——

  override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    if (!this.environment?.session.user) return textNotice(journalText(lang, 'signedOut'));
    if (!this.classId || !this.subjectId) return this.#renderNoJournal();
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${this.#renderChoice()}${this.#load.render({
        initial: () => loadingNotice(lang),
        pending: () => (this.journal ? this.#renderJournal(this.journal) : loadingNotice(lang)),
        error: (error) =>
          failureNotice(
            lang,
            describeFailure(error, this.failureContext()),
            () => void this.#load.run(),
          ),
        complete: () => (this.journal ? this.#renderJournal(this.journal) : nothing),
      })}
    </section>`;
  }

  /** Before a class and subject: the teacher's journals loading, or why there is none. */
  #renderNoJournal() {
    const lang = this.language;
    const teacher = this.environment?.session.user?.role === 'teacher';
    if (!this.#choosing || !teacher || !hasClassList(this.client))
      return textNotice(journalText(lang, 'missing'));
    return this.#choices.render({
      initial: () => loadingNotice(lang),
      pending: () => loadingNotice(lang),
      error: (error) =>
        failureNotice(
          lang,
          describeFailure(error, this.failureContext()),
          () => void this.#choices.run(),
        ),
      complete: () => textNotice(journalText(lang, 'noJournals')),
    });
  }

  /** The select of the teacher's journals, when the journal offers them. */
  #renderChoice() {
    const choices = this.#choices.value;
    if (!this.#choosing || !choices || choices.length < 2) return nothing;
    return renderChoice(this.language, choices, this, (choice) => this.#choose(choice));
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
      ${journal.writable ? renderToolbar(this.#ctx, this.unsaved) : nothing}
      ${
        this.lessonPanel !== undefined
          ? renderLessonPanel(this.#ctx, journal, this.lessonPanel)
          : nothing
      }
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
              @scroll=${this.#viewport.onScroll}
            >
              ${renderGrid({
                lang,
                journal,
                cells: this.cells,
                slots: this.#viewport.slots(
                  journal.lessons.length,
                  this.editing ? [this.active.col, this.editing.col] : [this.active.col],
                ),
                averages: this.#averages,
                editing: this.editing,
                onInput: this.#onInput,
                onEditKey: this.#onEditKey,
                onConfirm:
                  journal.writable && journal.periodId
                    ? (row) => void confirmFinal(this.#ctx, row)
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
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-journal': DiaryJournal;
  }
}
