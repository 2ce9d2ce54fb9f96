// What the journal's parts (keyboard, editing, saves, lesson panel, final column) share: the
// element's state and client, reached through one context object the element builds.
import type { Journal, Lang } from '@school-diary/core';
import type { DiaryClient } from '@school-diary/sdk';
import type { Group, WidgetClient } from '../shared/client';
import type { GridCells } from './journal-cells';
import type { CellContent, RowAverage } from './journal-model';

/** The SDK client as `<diary-journal>` needs it: the journal, final marks, the outbox. */
export interface JournalClient extends WidgetClient {
  readonly journal: Group<'journal', 'get'>;
  readonly grades: Group<'grades', 'setFinal'>;
  readonly outbox: Pick<
    DiaryClient['outbox'],
    'saveJournal' | 'onJournalSaved' | 'subscribeJournal' | 'journalItems'
  >;
  /** Homework of the lesson panel (an SDK client has it). */
  readonly homework?: Group<'homework', 'create' | 'update' | 'remove'>;
  /** Files attached to new homework. */
  readonly attachments?: Group<'attachments', 'upload'>;
  /** Live events: other teachers' and tabs' changes of the journal (an SDK client has them). */
  readonly events?: Pick<DiaryClient['events'], 'on'>;
}

/** Whether a client has what the journal needs. */
export const isJournalClient = (client: WidgetClient | undefined): client is JournalClient => {
  const c = client as Partial<JournalClient> | undefined;
  return typeof c?.journal?.get === 'function' && typeof c.outbox?.saveJournal === 'function';
};

/** The last change, for undo. */
export interface Change {
  readonly row: number;
  readonly col: number;
  readonly before: CellContent;
}

/** The cell being typed in, with its text so far and the error of a text that is no mark. */
export interface Editing {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly error?: string;
}

/** The element's state and services as its parts use them. */
export interface JournalContext {
  readonly host: HTMLElement;
  readonly lang: Lang;
  readonly timeZone: string;
  readonly classId: string | undefined;
  readonly client: JournalClient | undefined;
  readonly averages: ReadonlyMap<string, RowAverage>;
  journal: Journal | undefined;
  cells: GridCells;
  active: { row: number; col: number };
  editing: Editing | undefined;
  announcement: string;
  lastChange: Change | undefined;
  lessonPanel: number | undefined;
  /** What the lesson panel's last homework change came to. */
  panelMessage: { readonly text: string; readonly error: boolean } | undefined;
  /** Moves the focus to the active cell after the next render. */
  focusCell(): void;
}
