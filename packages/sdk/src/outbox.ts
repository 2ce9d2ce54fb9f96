import {
  routeManifest,
  type FieldError,
  type JournalBatch,
  type JournalBatchResult,
  type Lang,
  type Message,
} from '@school-diary/core';
import { newClientId } from './client-id';
import { internalsOf, type ClientInternals } from './create-client';
import { DiaryApiError, DiaryError, DiaryNetworkError } from './errors';
import { createOutboxLink, type OutboxLink, type OutboxNote } from './outbox-link';
import { browser } from './platform';
import { keptOutboxOf, type KeptOutboxItem } from './shapes';
import type { Unsubscribe } from './watch';

/**
 * A message to send through the outbox.
 *
 * @example
 * const message: OutboxMessage = { threadId: 'thr_1', text: 'Добрый день!' };
 * await client.outbox.send(message);
 */
export interface OutboxMessage {
  readonly threadId: string;
  readonly text?: string;
  readonly attachmentIds?: readonly string[];
}

/**
 * Where a queued message is: `pending` (waiting for the connection, or next in line), `sending`,
 * or `failed` (the server refused it: see `error`; `retry` or `discard` it).
 *
 * @example
 * const waiting = client.outbox.items.filter((item) => item.state === 'pending').length;
 */
export type OutboxState = 'pending' | 'sending' | 'failed';

/**
 * Why the server refused a queued message.
 *
 * @example
 * for (const item of client.outbox.items)
 *   if (item.error) console.log(item.error.code, item.error.message);
 */
export interface OutboxError {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly FieldError[];
}

/**
 * A message in the outbox, with the id the client chose for it.
 *
 * @example
 * client.outbox.subscribe((items: readonly OutboxItem[]) =>
 *   items.forEach((item) => showPending(item.id, item.text, item.state)),
 * );
 */
export interface OutboxItem {
  /** The message's id, chosen here: sending it twice still makes one message. */
  readonly id: string;
  readonly threadId: string;
  readonly text: string;
  readonly attachmentIds: readonly string[];
  /** When it was queued, in milliseconds since the epoch. */
  readonly createdAt: number;
  readonly state: OutboxState;
  readonly error?: OutboxError;
}

/**
 * A lesson's journal batch in the outbox: the class, and the batch as `journal.save` takes it (its
 * `batchId` is the item's id, so a batch sent twice still writes once).
 *
 * @example
 * client.outbox.subscribeJournal((items: readonly OutboxJournalItem[]) => showUnsaved(items));
 */
export interface OutboxJournalItem {
  readonly id: string;
  readonly classId: string;
  readonly batch: JournalBatch;
  /** When it was queued, in milliseconds since the epoch. */
  readonly createdAt: number;
  readonly state: OutboxState;
  readonly error?: OutboxError;
}

/** A journal batch to queue: `batchId` is chosen by the outbox when not given. */
export type OutboxJournalBatch = Omit<JournalBatch, 'batchId'> & { readonly batchId?: string };

const STORE_KEY = 'outbox';

/** `journal.save`: a lesson's cells as one idempotent batch. */
const SAVE_JOURNAL = routeManifest.journal.save;

/** `threads.send`: the client checks its answer with the schemas when it checks answers. */
const SEND = routeManifest.threads.send;

type KeptItem = KeptOutboxItem;

/**
 * Whether a message says nothing (no text, no attachment): the one rule of core's
 * `messageInputSchema` checked before queuing. A text over the length limit is refused by the
 * server when it is sent, and the item is `failed` with the server's field error.
 */
const isEmpty = (item: KeptItem) => item.text.trim() === '' && item.attachmentIds.length === 0;

/**
 * The ru/en message catalogues, for the error of a message that cannot be queued. Not with the
 * page: fetched when something shows the outbox (`subscribe`), so that the error can be told
 * offline too, where nothing more can be fetched.
 */
const loadCatalogue = () => import('@school-diary/core/validation');

/** The `validation_failed` error of a message that cannot be queued. */
async function invalidMessage(item: KeptItem, lang: Lang): Promise<DiaryApiError | undefined> {
  if (!isEmpty(item)) return undefined;
  const { errorMessage, apiErrorMessage } = await loadCatalogue();
  return new DiaryApiError({
    status: 400,
    code: 'validation_failed',
    message: apiErrorMessage('validation_failed', { lang }),
    fields: [
      {
        path: 'text',
        code: 'required',
        message: errorMessage('required', { lang, field: 'text' }),
      },
    ],
  });
}

/**
 * Options of {@link createOutbox}.
 *
 * @example
 * createDiaryClient({ baseUrl, outbox: { newId: () => `msg_${crypto.randomUUID()}` } });
 */
export interface OutboxOptions {
  /** Makes message ids; {@link newClientId} by default. */
  readonly newId?: () => string;
}

/** Whether a failure may pass by itself (connection, session, an unwell server). */
const passes = (error: unknown) =>
  error instanceof DiaryNetworkError ||
  (error instanceof DiaryApiError && [401, 408, 429].includes(error.status)) ||
  (error instanceof DiaryApiError && error.status >= 500);

const errorOf = (error: unknown): OutboxError =>
  error instanceof DiaryApiError
    ? { code: error.code, message: error.message, fields: error.fields }
    : {
        code: error instanceof DiaryError ? error.code : 'unknown',
        message: String((error as Error | undefined)?.message ?? error),
        fields: [],
      };

/**
 * Messages written offline, sent in order when the connection returns. Each gets its id when it
 * is queued, so a send that is retried (after a reload, a lost answer, two tabs) still makes one
 * message; the queue is kept in the user's storage (IndexedDB in browsers), so a reload loses
 * nothing. The outbox sends on start, after each `send`, when the browser comes back online, and
 * on `flush()`. The outboxes over one kept queue (the clients of a page, the user's tabs) send it
 * one at a time and tell each other what they sent, so each item is requested once and every
 * outbox's listeners hear of it.
 *
 * @example
 * const item = await client.outbox.send({ threadId: 'thr_1', text: 'Маша завтра не придёт' });
 * client.outbox.subscribe((items) => renderPending(items));
 */
export class Outbox {
  readonly #client: ClientInternals;
  readonly #newId: () => string;
  readonly #listeners = new Set<(items: readonly OutboxItem[]) => void>();
  readonly #sentListeners = new Set<(message: Message, item: OutboxItem) => void>();
  readonly #journalListeners = new Set<(items: readonly OutboxJournalItem[]) => void>();
  readonly #savedListeners = new Set<
    (result: JournalBatchResult, item: OutboxJournalItem) => void
  >();
  readonly #sending = new Set<string>();
  /** Ids this outbox has seen queued and not yet seen sent: whose sending its listeners await. */
  readonly #known = new Set<string>();
  #kept: KeptItem[] = [];
  #changes: Promise<void> = Promise.resolve();
  #flushing: Promise<void> | undefined;
  #again = false;
  /** The link to the other outboxes of the kept queue, and the queue (store namespace) it is for. */
  #link:
    | { readonly namespace: string; readonly link: OutboxLink; readonly stop: () => void }
    | undefined;

  constructor(client: ClientInternals, options: OutboxOptions = {}) {
    this.#client = client;
    this.#newId = options.newId ?? newClientId;
    const stopSession = client.session.onChange((change) => {
      if (change.type === 'signed-out') {
        this.#known.clear();
        this.#replace([]);
      } else if (change.type === 'signed-in') void this.#reload();
      this.#linkNow();
    });
    const online = () => void this.flush();
    browser.addEventListener?.('online', online);
    client.onClose(() => {
      stopSession();
      browser.removeEventListener?.('online', online);
      this.#unlink();
    });
    void client.session.ready.then(() => this.#reload());
  }

  /** The queued messages, oldest first. */
  get items(): readonly OutboxItem[] {
    return this.#kept
      .filter((item) => !item.journal)
      .map((item) => (this.#sending.has(item.id) ? { ...item, state: 'sending' } : item));
  }

  /** The queued journal batches, oldest first. */
  get journalItems(): readonly OutboxJournalItem[] {
    return this.#kept.flatMap((item) => (item.journal ? [this.#journalItem(item)] : []));
  }

  /**
   * Queues a lesson's journal batch and starts sending: batches go in the order they were
   * queued, survive a reload, and each is written once however often it is sent. Resolves once
   * it is safely queued; the server's answer (saved rows, conflicts) comes to `onJournalSaved`.
   *
   * @example
   * await client.outbox.saveJournal('cls_42_5a', { subjectId, lessonId, rows: [
   *   { childId: 'chd_maria', marks: [5], absence: null, seen: null },
   * ] });
   */
  async saveJournal(classId: string, batch: OutboxJournalBatch): Promise<OutboxJournalItem> {
    const id = batch.batchId ?? this.#newId();
    const item: KeptItem = {
      id,
      threadId: '',
      text: '',
      attachmentIds: [],
      createdAt: this.#client.now(),
      state: 'pending',
      journal: { classId, batch: { ...batch, batchId: id } },
    };
    await this.#change((items) => [...items, item]);
    void this.flush();
    return this.#journalItem(item);
  }

  /**
   * Listens to the queued journal batches; the listener gets them after each change.
   *
   * @example
   * const stop = client.outbox.subscribeJournal((items) => (unsaved.value = items.length));
   */
  subscribeJournal(listener: (items: readonly OutboxJournalItem[]) => void): Unsubscribe {
    this.#journalListeners.add(listener);
    return () => this.#journalListeners.delete(listener);
  }

  /**
   * Listens to the answers of journal batches the server took.
   *
   * @example
   * client.outbox.onJournalSaved((result) => result.rows.forEach(showRow));
   */
  onJournalSaved(
    listener: (result: JournalBatchResult, item: OutboxJournalItem) => void,
  ): Unsubscribe {
    this.#savedListeners.add(listener);
    return () => this.#savedListeners.delete(listener);
  }

  #journalItem(item: KeptItem): OutboxJournalItem {
    const { journal } = item;
    return {
      id: item.id,
      classId: journal?.classId ?? '',
      batch: journal?.batch as unknown as JournalBatch,
      createdAt: item.createdAt,
      state: this.#sending.has(item.id) ? 'sending' : item.state,
      ...(item.error ? { error: item.error } : {}),
    };
  }

  /**
   * Queues a message and starts sending. Resolves once it is safely queued (not sent); rejects
   * with a {@link DiaryApiError} (`validation_failed`, with field errors) when the message itself
   * is invalid, e.g. empty.
   *
   * @example
   * const { id } = await client.outbox.send({ threadId, text: form.text.value });
   */
  async send(message: OutboxMessage): Promise<OutboxItem> {
    const item: KeptItem = {
      id: this.#newId(),
      threadId: message.threadId,
      text: message.text ?? '',
      attachmentIds: [...(message.attachmentIds ?? [])],
      createdAt: this.#client.now(),
      state: 'pending',
    };
    const invalid = await invalidMessage(item, this.#client.language());
    if (invalid) throw invalid;
    await this.#change((items) => [...items, item]);
    void this.flush();
    return item;
  }

  /**
   * Sends every pending message, in order; resolves when the queue is done or stuck (offline).
   *
   * @example
   * await client.outbox.flush();
   */
  flush(): Promise<void> {
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    // One sender at a time over the kept queue, among the page's clients and the user's tabs.
    const link = this.#linkNow();
    const drain = () => this.#drain();
    this.#flushing = (link ? link.exclusive(drain) : drain()).finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /**
   * Puts a failed message back in line and sends.
   *
   * @example
   * await client.outbox.retry(item.id);
   */
  async retry(id: string): Promise<void> {
    await this.#change((items) =>
      items.map((i) => (i.id === id ? { ...withoutError(i), state: 'pending' as const } : i)),
    );
    await this.flush();
  }

  /**
   * Drops a message from the queue without sending it.
   *
   * @example
   * await client.outbox.discard(item.id);
   */
  async discard(id: string): Promise<void> {
    await this.#change((items) => items.filter((i) => i.id !== id));
  }

  /**
   * Listens to the queue; the listener gets every item after each change.
   *
   * @example
   * const stop = client.outbox.subscribe((items) => (badge.textContent = String(items.length)));
   */
  subscribe(listener: (items: readonly OutboxItem[]) => void): Unsubscribe {
    // Whoever shows the queue may send next: fetch what a refusal says while still online.
    loadCatalogue().catch(() => undefined);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Listens to messages the server accepted.
   *
   * @example
   * client.outbox.onSent((message) => chat.confirm(message.id, message.sentAt));
   */
  onSent(listener: (message: Message, item: OutboxItem) => void): Unsubscribe {
    this.#sentListeners.add(listener);
    return () => this.#sentListeners.delete(listener);
  }

  async #drain(): Promise<void> {
    do {
      this.#again = false;
      for (;;) {
        // The kept queue as it is now: another outbox may have sent or queued items meanwhile.
        await this.#change((items) => items);
        const next = this.#kept.find((i) => i.state === 'pending');
        if (!next || !this.#client.session.signedIn) break;
        if (!(await this.#sendOne(next))) break;
      }
    } while (this.#again);
  }

  /** Sends one item; false when the queue should wait (offline, signed out, server unwell). */
  async #sendOne(item: KeptItem): Promise<boolean> {
    this.#sending.add(item.id);
    this.#emit();
    try {
      if (item.journal) {
        const input = { ...item.journal.batch, classId: item.journal.classId };
        const result = (await this.#client.call(
          'journal.save',
          SAVE_JOURNAL,
          input,
        )) as JournalBatchResult;
        this.#sending.delete(item.id);
        await this.#change((items) => items.filter((i) => i.id !== item.id));
        this.#known.delete(item.id);
        this.#onSaved(item, result);
        this.#link?.link.post({ kind: 'saved', item, result });
        return true;
      }
      const input = {
        threadId: item.threadId,
        id: item.id,
        text: item.text,
        attachmentIds: item.attachmentIds,
      };
      const message = (await this.#client.call('threads.send', SEND, input)) as Message;
      this.#sending.delete(item.id);
      await this.#change((items) => items.filter((i) => i.id !== item.id));
      this.#known.delete(item.id);
      this.#onSent(item, message);
      this.#link?.link.post({ kind: 'sent', item, message });
      return true;
    } catch (error) {
      this.#sending.delete(item.id);
      if (passes(error)) {
        this.#emit();
        return false;
      }
      const { code, message, fields } = errorOf(error);
      const failed: KeptItem = {
        ...item,
        state: 'failed',
        error: { code, message, fields: [...fields] },
      };
      await this.#change((items) => items.map((i) => (i.id === item.id ? failed : i)));
      return true;
    }
  }

  /** What follows a message the server accepted, whichever outbox of the queue sent it. */
  #onSent(item: KeptItem, message: Message): void {
    this.#client.cache.revalidate((read) => read.operation.startsWith('threads.'));
    for (const listener of this.#sentListeners) listener(message, item);
  }

  /** What follows a journal batch the server took, whichever outbox of the queue sent it. */
  #onSaved(item: KeptItem, result: JournalBatchResult): void {
    this.#client.cache.revalidate((read) => read.operation.startsWith('journal.'));
    for (const listener of this.#savedListeners) listener(result, this.#journalItem(item));
  }

  /**
   * Another outbox of the queue changed it or sent from it: read it again, then tell of what it
   * sent, when this outbox had it queued (another store of the same user is not this queue).
   */
  #onNote(note: OutboxNote): void {
    const reread = this.#change((items) => items).catch(() => undefined);
    if (note.kind === 'changed' || !this.#known.delete(note.item.id)) return;
    void reread.then(() =>
      note.kind === 'sent'
        ? this.#onSent(note.item, note.message)
        : this.#onSaved(note.item, note.result),
    );
  }

  /**
   * The link to the other outboxes of the signed-in user's kept queue, made when the user (the
   * store's namespace) changes; `undefined` without storage or a user.
   */
  #linkNow(): OutboxLink | undefined {
    const namespace = this.#client.cache.store() ? this.#client.cache.namespace() : undefined;
    if (this.#link?.namespace === namespace) return this.#link?.link;
    this.#unlink();
    if (namespace === undefined) return undefined;
    const link = createOutboxLink(namespace);
    const stop = link.listen((note) => this.#onNote(note));
    this.#link = { namespace, link, stop };
    return link;
  }

  #unlink(): void {
    this.#link?.stop();
    this.#link?.link.close();
    this.#link = undefined;
  }

  /** Loads the signed-in user's kept queue and sends what is pending. */
  async #reload(): Promise<void> {
    await this.#change((items) => items);
    await this.flush();
  }

  /**
   * Applies a change to the kept queue: read, change, write, in turn with other changes. Reading
   * the store first keeps what another tab queued meanwhile.
   */
  #change(change: (items: KeptItem[]) => KeptItem[]): Promise<void> {
    const run = this.#changes.then(async () => {
      const store = this.#client.cache.store();
      let items = this.#kept;
      if (store) {
        const kept: unknown = await store.get(STORE_KEY).catch(() => undefined);
        items = keptOutboxOf(kept) ?? [];
      }
      const next = change(items);
      if (store && next !== items) {
        await store.set(STORE_KEY, next);
        this.#linkNow()?.post({ kind: 'changed' });
      }
      // A read that finds the queue as it was shows nothing new.
      if (next !== items || !sameQueue(next, this.#kept)) this.#replace(next);
    });
    // A failed write fails its caller, not every later change.
    this.#changes = run.catch(() => undefined);
    return run;
  }

  #replace(items: KeptItem[]): void {
    for (const item of items) this.#known.add(item.id);
    this.#kept = items;
    this.#emit();
  }

  #emit(): void {
    const items = this.items;
    for (const listener of this.#listeners) listener(items);
    const journal = this.journalItems;
    for (const listener of this.#journalListeners) listener(journal);
  }
}

/** Whether two reads of the kept queue hold the same items in the same states. */
const sameQueue = (a: readonly KeptItem[], b: readonly KeptItem[]) =>
  a.length === b.length &&
  a.every(
    (item, i) =>
      item.id === b[i]?.id &&
      item.state === b[i]?.state &&
      item.error?.message === b[i]?.error?.message,
  );

function withoutError(item: KeptItem): KeptItem {
  const { error: _error, ...rest } = item;
  return rest;
}

/**
 * Adds an outbox to a client made by `createClient` (`createDiaryClient` already has one as
 * `client.outbox`).
 *
 * @example
 * const outbox = createOutbox(client);
 * await outbox.send({ threadId, text: 'Спасибо!' });
 */
export function createOutbox(client: object, options?: OutboxOptions): Outbox {
  return new Outbox(internalsOf(client), options);
}
