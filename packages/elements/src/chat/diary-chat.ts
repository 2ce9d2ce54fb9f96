import {
  checkAttachment,
  type Attachment,
  type Message,
  type Teacher,
  type Thread,
} from '@school-diary/core';
import { saveFile, type OutboxItem } from '@school-diary/sdk';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { isChatClient, type ChatClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { sharedText } from '../shared/localize';
import { formatNumber, plural } from '../shared/plural';
import { controlStyles, hostTokens } from '../shared/theme';
import { chatText, unreadForms } from './chat-text';
import { chatStyles } from './diary-chat.styles';
import { messageTime } from './message-time';

/** Detail of `diary-thread-open`. */
export interface DiaryThreadOpenDetail {
  /** The conversation now open, or `undefined` when the user went back to the list. */
  readonly threadId: string | undefined;
}

/** Detail of `diary-message-sent`. */
export interface DiaryMessageSentDetail {
  /** The message as the server accepted it. */
  readonly message: Message;
}

declare global {
  interface HTMLElementEventMap {
    'diary-thread-open': CustomEvent<DiaryThreadOpenDetail>;
    'diary-message-sent': CustomEvent<DiaryMessageSentDetail>;
  }
}

/** Messages kept in the DOM at most while the reader is at the newest ones. */
const WINDOW = 120;
/** How many more are shown (or fetched) each time the reader reaches the top. */
const PAGE = 50;
/** Pixels from the top of the history at which older messages are brought in. */
const NEAR_TOP = 48;

/** A read receipt to send: the thread, read up to this message. */
interface ReadReceipt {
  readonly threadId: string;
  readonly upToMessageId: string;
}

/** A file chosen for the next message: being uploaded, uploaded, or refused. */
interface PendingFile {
  readonly key: number;
  readonly name: string;
  readonly state: 'uploading' | 'ready' | 'error';
  readonly attachment?: Attachment;
  readonly error?: string;
}

const draftKey = (userId: string, threadId: string) => `diary-chat-draft:${userId}:${threadId}`;

function readDraft(key: string): string {
  try {
    return globalThis.sessionStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(key: string, text: string): void {
  try {
    if (text) globalThis.sessionStorage?.setItem(key, text);
    else globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Storage may be off (private mode, a sandboxed frame): the draft then lives in memory only.
  }
}

/** The size of a file for people: `2,4 МБ`, `900 КБ`. */
function fileSize(lang: 'ru' | 'en', bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatNumber(lang, mb, 1)} ${lang === 'ru' ? 'МБ' : 'MB'}`;
  return `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)), 0)} ${lang === 'ru' ? 'КБ' : 'KB'}`;
}

/**
 * Conversations between a family and a child's teachers: the teachers with their subjects and
 * contact hours, the threads with unread counts, and a thread view whose history is a
 * `role="log"` labelled by the thread's heading (present before the messages arrive, so new ones
 * are announced). Messages are sent optimistically through the SDK's offline outbox — pending and
 * failed ones are shown, with retry — with attachments chosen or dropped, checked for type and
 * size before upload. Read receipts, a draft per thread that survives leaving it, and long
 * histories brought in page by page while scrolling up, without the view jumping. Only a window
 * of messages is in the DOM, so appending stays cheap however long the history.
 *
 * @summary Chat with a child's teachers, with attachments, receipts and an offline outbox.
 * @tag diary-chat
 * @fires {CustomEvent<DiaryThreadOpenDetail>} diary-thread-open - A conversation was opened, or closed (back to the list).
 * @fires {CustomEvent<DiaryMessageSentDetail>} diary-message-sent - The server accepted a message written here.
 * @csspart base - The widget's box.
 * @csspart teachers - The teachers list (each item `teacher`).
 * @csspart threads - The conversations list (each item `thread`).
 * @csspart unread - An unread count badge.
 * @csspart thread-heading - The open conversation's heading.
 * @csspart log - The message history (`role="log"`).
 * @csspart message - A message (also `message-own`, `message-pending`, `message-failed`).
 * @csspart receipt - A message's read receipt or sending state.
 * @csspart composer - The form for a new message (also the drop zone).
 * @csspart textarea - The message text.
 * @csspart file-input - The file picker.
 * @csspart files - The chosen files.
 * @csspart status - The `role="status"` line: sending, sent.
 * @csspart button - Every button (also `send`, `retry`, `discard`, `back`, `earlier`, `open`, `write`, `download`).
 * @csspart notice - Loading, empty and signed-out messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - Buttons and own messages' accent.
 * @cssprop --diary-color-surface - Others' messages.
 * @cssprop --diary-chat-height - Height of the message history (default 28rem).
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryChat extends DiaryElement {
  static override styles = [hostTokens, controlStyles, chatStyles];

  /** The child whose teachers and conversations are shown. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /** The open conversation, or none (the lists are shown). */
  @property({ attribute: 'thread-id', reflect: true }) accessor threadId: string | undefined;
  /** The clock (tests and benchmarks inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The conversations, newest first (live messages move theirs to the top). */
  @state() protected accessor threads: readonly Thread[] = [];
  @state() protected accessor hasMore = false;
  /** Index of the first message in the DOM. */
  @state() protected accessor from = 0;
  @state() protected accessor outboxItems: readonly OutboxItem[] = [];
  @state() protected accessor draft = '';
  @state() protected accessor files: readonly PendingFile[] = [];
  @state() protected accessor composeError: string | undefined;
  @state() protected accessor downloadError: string | undefined;
  @state() protected accessor listError: Failure | undefined;
  @state() protected accessor olderError: Failure | undefined;
  @state() protected accessor status = '';
  @state() protected accessor dragging = false;

  /** The child's teachers and conversations. */
  readonly #lists = new Task(this, {
    args: () => [this.#client, this.#userId, this.childId] as const,
    task: async ([client, userId, childId], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      const [teachers, threads] = await Promise.all([
        client.children.teachers({ childId }, { signal }),
        client.threads.list({ childId }, { signal }),
      ]);
      return { teachers: teachers.items, threads: threads.items };
    },
    onComplete: ({ threads }) => {
      this.threads = [...threads].sort((a, b) =>
        (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt),
      );
    },
  });

  /** The open conversation's latest page of messages. */
  readonly #thread = new Task(this, {
    args: () => [this.#client, this.#userId, this.threadId] as const,
    task: ([client, userId, threadId], { signal }) =>
      client && userId && threadId
        ? client.threads.messages({ threadId }, { signal })
        : initialState,
    onComplete: (page) => this.#showThread(page.items, page.hasMore),
  });

  /** The open conversation's messages, oldest first (mutated in place: appending is O(1)). */
  #messages: Message[] = [];
  #ids = new Set<string>();
  #openedFor: string | undefined;
  #fileKey = 0;
  #subscribedTo: ChatClient | undefined;
  #unsubscribe: (() => void)[] = [];
  #stickToBottom = true;
  #anchor: { height: number; top: number } | undefined;
  /** Whether the log's content may have changed since the last update (scroll work to do). */
  #logChanged = false;
  /** The newest message to mark read once the receipt in flight is answered. */
  #readNext: ReadReceipt | undefined;
  #readInFlight = false;
  #olderLoading = false;
  /** The thread load's status at the last update (a change moves the log). */
  #drawnStatus: TaskStatus = TaskStatus.INITIAL;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening();
    this.#openedFor = undefined;
  }

  /** The messages of the open conversation that the server has, oldest first. */
  get messages(): readonly Message[] {
    return this.#messages;
  }

  get #client(): ChatClient | undefined {
    const client = this.client;
    return isChatClient(client) ? client : undefined;
  }

  get #userId(): string | undefined {
    return this.environment?.session.user?.id;
  }

  get #log(): HTMLElement | null | undefined {
    return this.renderRoot?.querySelector?.<HTMLElement>('[role="log"]');
  }

  #stopListening(): void {
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(): void {
    const client = this.#client;
    const user = this.#userId;
    if (client !== this.#subscribedTo) {
      this.#stopListening();
      if (client) this.#listen(client);
    }
    const open = client && user && this.threadId ? `${user}|${this.threadId}` : undefined;
    if (open !== this.#openedFor) {
      this.#openedFor = open;
      this.#resetThread();
    }
  }

  #listen(client: ChatClient): void {
    this.#subscribedTo = client;
    const onItems = (items: readonly OutboxItem[]) => {
      this.outboxItems = items;
      if (items.some((i) => i.threadId === this.threadId && i.state === 'sending'))
        this.status = chatText(this.language, 'sending');
    };
    onItems(client.outbox.items);
    this.#unsubscribe.push(
      client.outbox.subscribe(onItems),
      client.outbox.onSent((message) => {
        if (message.threadId === this.threadId) {
          this.#append(message);
          this.status = chatText(this.language, 'sent');
        }
        this.#touchThread(message, false);
        emit(this, 'diary-message-sent', { message });
      }),
      client.events.on('message.created', (event) => {
        const message = event.data;
        const open =
          message.threadId === this.threadId && this.#thread.status === TaskStatus.COMPLETE;
        if (open) {
          this.#append(message);
          if (message.authorId !== this.#userId) void this.#markRead(message.id);
        }
        if (!this.threads.some((t) => t.id === message.threadId) && this.childId) {
          void this.#lists.run();
          return;
        }
        this.#touchThread(message, !open && message.authorId !== this.#userId);
      }),
      client.events.on('message.read', (event) => {
        const { threadId, userId, upToMessageId } = event.data;
        if (threadId !== this.threadId || userId === this.#userId) return;
        const upTo = this.#messages.findIndex((m) => m.id === upToMessageId);
        if (upTo < 0) return;
        const readAt = event.at;
        for (let i = 0; i <= upTo; i += 1) {
          const m = this.#messages[i];
          if (m && !m.readBy.some((r) => r.userId === userId))
            this.#messages[i] = { ...m, readBy: [...m.readBy, { userId, readAt }] };
        }
        this.#logChanged = true;
        this.requestUpdate();
      }),
    );
  }

  /** Moves a thread with a new message to the top, with its preview and unread count. */
  #touchThread(message: Message, unread: boolean): void {
    const thread = this.threads.find((t) => t.id === message.threadId);
    if (!thread) return;
    const updated: Thread = {
      ...thread,
      lastMessageAt: message.sentAt,
      lastMessagePreview: message.text.slice(0, 140),
      unreadCount: thread.unreadCount + (unread ? 1 : 0),
    };
    this.threads = [updated, ...this.threads.filter((t) => t.id !== thread.id)];
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, {
      lang: this.language,
      now: this.now(),
      timeZone: this.timeZone,
    });
  }

  #resetThread(): void {
    this.#messages = [];
    this.#ids = new Set();
    this.from = 0;
    this.hasMore = false;
    this.olderError = undefined;
    this.files = [];
    this.composeError = undefined;
    this.downloadError = undefined;
    this.status = '';
    this.#stickToBottom = true;
    const user = this.#userId;
    this.draft = user && this.threadId ? readDraft(draftKey(user, this.threadId)) : '';
  }

  #showThread(items: readonly Message[], hasMore: boolean): void {
    this.#messages = [];
    this.#ids = new Set();
    for (const m of items) this.#push(m);
    this.hasMore = hasMore;
    this.from = Math.max(0, this.#messages.length - WINDOW);
    this.#stickToBottom = true;
    const last = this.#messages.at(-1);
    if (last && last.authorId !== this.#userId) void this.#markRead(last.id);
  }

  /**
   * Marks the thread read up to a message. One receipt is in flight at a time: a burst of new
   * messages sends one more for the newest, not one request (and one re-render) per message.
   */
  async #markRead(upToMessageId: string): Promise<void> {
    const threadId = this.threadId;
    if (!threadId) return;
    this.#readNext = { threadId, upToMessageId };
    if (this.#readInFlight) return;
    this.#readInFlight = true;
    try {
      let next: ReadReceipt | undefined = this.#readNext;
      while (next) {
        this.#readNext = undefined;
        await this.#sendRead(next.threadId, next.upToMessageId);
        next = this.#readNext;
      }
    } finally {
      this.#readInFlight = false;
    }
  }

  async #sendRead(threadId: string, upToMessageId: string): Promise<void> {
    const client = this.#client;
    if (!client) return;
    try {
      const unread = await client.threads.read({ threadId, upToMessageId });
      const count = unread.threads.find((t) => t.threadId === threadId)?.unreadCount ?? 0;
      if (this.threads.some((t) => t.id === threadId && t.unreadCount !== count))
        this.threads = this.threads.map((t) =>
          t.id === threadId ? { ...t, unreadCount: count } : t,
        );
    } catch {
      // A receipt that did not go through is sent again with the next message read.
    }
  }

  #push(message: Message): boolean {
    this.#logChanged = true;
    if (this.#ids.has(message.id)) return false;
    this.#ids.add(message.id);
    this.#messages.push(message);
    return true;
  }

  /** Adds a message at the end; while the reader is at the bottom the window slides with it. */
  #append(message: Message): void {
    if (!this.#push(message)) {
      // Already shown (a live event and the outbox's answer for the same message): keep the newer.
      const index = this.#messages.findIndex((m) => m.id === message.id);
      if (index >= 0) this.#messages[index] = message;
      this.requestUpdate();
      return;
    }
    if (this.#stickToBottom && this.#messages.length - this.from > WINDOW)
      this.from = this.#messages.length - WINDOW;
    this.requestUpdate();
  }

  async #older(): Promise<void> {
    const log = this.#log;
    if (this.#olderLoading) return;
    if (this.from > 0) {
      if (log) this.#anchor = { height: log.scrollHeight, top: log.scrollTop };
      this.from = Math.max(0, this.from - PAGE);
      return;
    }
    const client = this.#client;
    const threadId = this.threadId;
    const first = this.#messages[0];
    if (!client || !threadId || !first || !this.hasMore) return;
    this.#olderLoading = true;
    try {
      const page = await client.threads.messages({ threadId, before: first.id });
      if (threadId !== this.threadId) return;
      const older = page.items.filter((m) => !this.#ids.has(m.id));
      for (const m of older) this.#ids.add(m.id);
      const current = this.#log;
      if (current) this.#anchor = { height: current.scrollHeight, top: current.scrollTop };
      this.#messages.unshift(...older);
      this.#logChanged = true;
      this.hasMore = page.hasMore;
      this.requestUpdate();
    } catch (error) {
      this.olderError = this.#describe(error);
    } finally {
      this.#olderLoading = false;
    }
  }

  #onScroll(event: Event): void {
    const log = event.target as HTMLElement;
    this.#stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    if (log.scrollTop < NEAR_TOP && (this.from > 0 || this.hasMore)) void this.#older();
  }

  protected override updated(changed: PropertyValues): void {
    // Scroll anchoring reads the layout (scrollHeight), which forces it to be computed now: do it
    // once, and only after an update that changed what the log holds.
    const logChanged =
      this.#logChanged ||
      changed.has('from') ||
      changed.has('outboxItems') ||
      changed.has('threadId') ||
      this.#thread.status !== this.#drawnStatus;
    this.#drawnStatus = this.#thread.status;
    this.#logChanged = false;
    if (!logChanged) return;
    const log = this.#log;
    if (!log) return;
    if (this.#anchor) {
      // Keep the message the reader was looking at where it was: no jump when older ones arrive.
      log.scrollTop = this.#anchor.top + (log.scrollHeight - this.#anchor.height);
      this.#anchor = undefined;
    } else if (this.#stickToBottom) {
      log.scrollTop = log.scrollHeight;
    }
  }

  #open(threadId: string | undefined): void {
    if (threadId === this.threadId) return;
    this.threadId = threadId;
    emit(this, 'diary-thread-open', { threadId });
    void this.updateComplete.then(() => {
      const target = threadId
        ? this.renderRoot.querySelector<HTMLElement>('#thread-heading')
        : this.renderRoot.querySelector<HTMLElement>('#lists-heading');
      target?.focus();
    });
  }

  async #write(teacher: Teacher): Promise<void> {
    const existing = this.threads.find((t) => t.teacherId === teacher.id);
    if (existing) {
      this.#open(existing.id);
      return;
    }
    const client = this.#client;
    const childId = this.childId;
    if (!client || !childId) return;
    try {
      const subjectId = teacher.subjects[0]?.id;
      const thread = await client.threads.create({
        childId,
        teacherId: teacher.id,
        ...(subjectId ? { subjectId } : {}),
      });
      this.threads = [thread, ...this.threads.filter((t) => t.id !== thread.id)];
      this.#open(thread.id);
    } catch (error) {
      this.listError = this.#describe(error);
    }
  }

  #onDraft(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.composeError && this.draft.trim()) this.composeError = undefined;
    const user = this.#userId;
    if (user && this.threadId) writeDraft(draftKey(user, this.threadId), this.draft);
  }

  #addFiles(list: FileList | readonly File[] | null | undefined): void {
    const lang = this.language;
    for (const file of Array.from(list ?? [])) {
      const key = ++this.#fileKey;
      const problem = checkAttachment({ size: file.size, contentType: file.type });
      if (problem) {
        const message = chatText(lang, problem === 'file_type' ? 'fileType' : 'fileTooLarge', {
          name: file.name,
        });
        this.files = [...this.files, { key, name: file.name, state: 'error', error: message }];
        continue;
      }
      this.files = [...this.files, { key, name: file.name, state: 'uploading' }];
      void this.#upload(key, file);
    }
  }

  async #upload(key: number, file: File): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const set = (next: Partial<PendingFile>) =>
      (this.files = this.files.map((f) => (f.key === key ? { ...f, ...next } : f)));
    try {
      const attachment = await client.attachments.upload({ file, fileName: file.name });
      set({ state: 'ready', attachment });
    } catch (error) {
      const reason = this.#describe(error).message;
      set({
        state: 'error',
        error: chatText(this.language, 'uploadFailed', { name: file.name, reason }),
      });
    }
  }

  /**
   * Downloads an attachment through the SDK (the file route needs the bearer token, which a plain
   * link would not send) and offers it under its original name.
   */
  async #download(attachment: Attachment): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const lang = this.language;
    const name = attachment.name;
    this.downloadError = undefined;
    this.status = chatText(lang, 'downloading', { name });
    try {
      const blob = await client.attachments.download({ attachmentId: attachment.id });
      saveFile(blob, name);
      this.status = chatText(lang, 'downloaded', { name });
    } catch (error) {
      this.status = '';
      const reason = this.#describe(error).message;
      this.downloadError = chatText(lang, 'downloadFailed', { name, reason });
    }
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    this.#addFiles(event.dataTransfer?.files);
  }

  #onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    const threadId = this.threadId;
    if (!client || !threadId) return;
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#message');
    const text = this.draft;
    const ready = this.files.filter((f) => f.state === 'ready' && f.attachment);
    if (this.files.some((f) => f.state === 'uploading')) return;
    if (!text.trim() && ready.length === 0) {
      this.composeError = chatText(this.language, 'emptyMessage');
      textarea?.focus();
      return;
    }
    this.composeError = undefined;
    try {
      await client.outbox.send({
        threadId,
        text,
        attachmentIds: ready.map((f) => f.attachment?.id ?? ''),
      });
      this.status = chatText(this.language, 'sending');
      this.draft = '';
      this.files = [];
      this.#stickToBottom = true;
      const user = this.#userId;
      if (user) writeDraft(draftKey(user, threadId), '');
    } catch (error) {
      const failure = this.#describe(error);
      this.composeError =
        failure.kind === 'api' && failure.fields[0] ? failure.fields[0].message : failure.message;
      textarea?.focus();
    }
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  protected override render() {
    const lang = this.language;
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const session = this.environment?.session;
    if (!this.#client)
      return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
        <p class="diary-text">${sharedText(lang, 'noClient')}</p>
      </div>`;
    if (session?.restoring) return this.#notice(sharedText(lang, 'loading'), 'status');
    if (!session?.user) return this.#notice(chatText(lang, 'signedOut'));
    if (!this.childId) return this.#notice(chatText(lang, 'noChild'), 'alert');
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      <h2 class="diary-heading" id="title">${chatText(lang, 'title')}</h2>
      ${this.threadId ? this.#renderThread(this.threadId) : this.#renderLists()}
    </section>`;
  }

  #notice(text: string, role?: 'status' | 'alert') {
    return html`<div class="diary-notice" part="notice" role=${role ?? nothing}>
      <p class="diary-text">${text}</p>
    </div>`;
  }

  #failureBlock(failure: Failure, retry: () => void) {
    return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
      <p class="diary-text">${failure.message}</p>
      <button type="button" class="diary-button" part="button retry" @click=${retry}>
        ${sharedText(this.language, 'retry')}
      </button>
    </div>`;
  }

  #unread(count: number) {
    if (count === 0) return nothing;
    return html`<span class="diary-unread" part="unread"
      >${plural(this.language, count, unreadForms[this.language])}</span
    >`;
  }

  #teacherName(t: Teacher): string {
    return [t.lastName, t.firstName, t.middleName].filter(Boolean).join(' ');
  }

  #renderLists() {
    return this.#lists.render({
      initial: () => this.#loading(),
      pending: () => this.#loading(),
      error: (error) => this.#failureBlock(this.#describe(error), () => void this.#lists.run()),
      complete: ({ teachers }) => this.#renderListsOf(teachers),
    });
  }

  #loading() {
    return html`<div class="diary-notice" part="notice" role="status">
      <span class="diary-spinner" aria-hidden="true"></span>
      <p class="diary-text">${sharedText(this.language, 'loading')}</p>
    </div>`;
  }

  #renderListsOf(teachers: readonly Teacher[]) {
    const lang = this.language;
    return html`${
        this.listError
          ? html`<p class="diary-error" part="error" role="alert">${this.listError.message}</p>`
          : nothing
      }
      <h3 class="diary-subheading diary-visually-hidden" id="lists-heading" tabindex="-1">
        ${chatText(lang, 'threads')}
      </h3>
      <div class="diary-lists">
        <section aria-labelledby="threads-heading">
          <h3 class="diary-subheading" id="threads-heading">${chatText(lang, 'threads')}</h3>
          ${
            this.threads.length === 0
              ? this.#notice(chatText(lang, 'noThreads'))
              : html`<ul class="diary-items" part="threads">
                  ${this.threads.map(
                    (t) =>
                      html`<li part="thread" data-thread=${t.id}>
                        <button
                          type="button"
                          class="diary-thread-button"
                          part="button open"
                          @click=${() => this.#open(t.id)}
                        >
                          <span class="diary-strong">${t.title}</span>
                          ${this.#unread(t.unreadCount)}
                          ${
                            t.lastMessagePreview
                              ? html`<span class="diary-muted diary-preview"
                                  >${t.lastMessagePreview}</span
                                >`
                              : nothing
                          }
                        </button>
                      </li>`,
                  )}
                </ul>`
          }
        </section>
        <section aria-labelledby="teachers-heading">
          <h3 class="diary-subheading" id="teachers-heading">${chatText(lang, 'teachers')}</h3>
          ${
            teachers.length === 0
              ? this.#notice(chatText(lang, 'noTeachers'))
              : html`<ul class="diary-items" part="teachers">
                  ${teachers.map((t) => {
                    const thread = this.threads.find((th) => th.teacherId === t.id);
                    const name = this.#teacherName(t);
                    return html`<li part="teacher" data-teacher=${t.id}>
                      <span class="diary-strong">${name}</span>
                      <span>${t.subjects.map((s) => s.name).join(', ')}</span>
                      ${
                        t.contactHours
                          ? html`<span class="diary-muted"
                              >${chatText(lang, 'contactHours', { hours: t.contactHours })}</span
                            >`
                          : nothing
                      }
                      <button
                        type="button"
                        class="diary-button diary-button--secondary"
                        part=${thread ? 'button open' : 'button write'}
                        @click=${() => void this.#write(t)}
                      >
                        ${chatText(lang, thread ? 'open' : 'write')}<span
                          class="diary-visually-hidden"
                          >: ${name}</span
                        >
                      </button>
                    </li>`;
                  })}
                </ul>`
          }
        </section>
      </div>`;
  }

  #renderThread(threadId: string) {
    const lang = this.language;
    const thread = this.threads.find((t) => t.id === threadId);
    const pending = this.outboxItems.filter((i) => i.threadId === threadId && !this.#ids.has(i.id));
    const shown = this.#messages.slice(this.from);
    return html`<button
        type="button"
        class="diary-link diary-back"
        part="button back"
        @click=${() => this.#open(undefined)}
      >
        <span aria-hidden="true">← </span>${chatText(lang, 'back')}
      </button>
      <h3 class="diary-subheading" id="thread-heading" part="thread-heading" tabindex="-1">
        ${thread?.title ?? chatText(lang, 'title')}
      </h3>
      ${
        this.#thread.render({
          error: (error) =>
            this.#failureBlock(this.#describe(error), () => void this.#thread.run()),
        }) ?? nothing
      }
      ${
        this.olderError
          ? html`<p class="diary-error" part="error" role="alert">${this.olderError.message}</p>`
          : nothing
      }
      <div
        class="diary-log"
        part="log"
        role="log"
        aria-labelledby="thread-heading"
        aria-busy=${this.#thread.status === TaskStatus.PENDING ? 'true' : 'false'}
        tabindex="0"
        @scroll=${this.#onScroll}
      >
        ${
          this.from > 0 || this.hasMore
            ? html`<button
                type="button"
                class="diary-link diary-earlier"
                part="button earlier"
                @click=${() => void this.#older()}
              >
                ${chatText(lang, 'earlier')}
              </button>`
            : nothing
        }
        ${
          this.#thread.status === TaskStatus.PENDING
            ? html`<p class="diary-muted diary-log-loading">
                <span class="diary-spinner" aria-hidden="true"></span>${sharedText(lang, 'loading')}
              </p>`
            : nothing
        }
        ${
          this.#thread.status === TaskStatus.COMPLETE &&
          this.#messages.length === 0 &&
          pending.length === 0
            ? html`<p class="diary-muted">${chatText(lang, 'noMessages')}</p>`
            : nothing
        }
        ${repeat(
          shown,
          (m) => m.id,
          // A message's markup is only rebuilt when it (or the language) changes: appending
          // costs the same whatever the window holds.
          (m) => guard([m, lang, this.timeZone], () => this.#renderMessage(m)),
        )}
        ${pending.map((item) => this.#renderPending(item))}
      </div>
      ${
        this.downloadError
          ? html`<p class="diary-error" part="error" role="alert">${this.downloadError}</p>`
          : nothing
      }
      <p class="diary-status" part="status" role="status">${this.status}</p>
      ${this.#renderComposer()}`;
  }

  #renderMessage(m: Message) {
    const lang = this.language;
    const own = m.authorId === this.#userId;
    const readByOthers = m.readBy.some((r) => r.userId !== m.authorId);
    return html`<article
      class=${own ? 'diary-message diary-message--own' : 'diary-message'}
      part=${own ? 'message message-own' : 'message'}
      data-message=${m.id}
    >
      <p class="diary-meta">
        <span class="diary-strong">${own ? chatText(lang, 'you') : m.authorName}</span>
        <time datetime=${m.sentAt}>${messageTime(lang, m.sentAt, this.timeZone)}</time>
      </p>
      ${m.text ? html`<p class="diary-text diary-message-text">${m.text}</p>` : nothing}
      ${
        m.attachments.length
          ? html`<ul class="diary-attachments" aria-label=${chatText(lang, 'attachments')}>
              ${m.attachments.map(
                (a) =>
                  html`<li>
                    <button
                      type="button"
                      class="diary-link"
                      part="button download"
                      data-attachment=${a.id}
                      @click=${() => void this.#download(a)}
                    >
                      <span aria-hidden="true">📎 </span>${a.name}<span
                        class="diary-visually-hidden"
                        >, ${chatText(lang, 'download')}</span
                      >
                    </button>
                    <span class="diary-muted">(${fileSize(lang, a.size)})</span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        own
          ? html`<p class="diary-receipt" part="receipt">
              <span aria-hidden="true">${readByOthers ? '✓✓' : '✓'}</span>
              ${chatText(lang, readByOthers ? 'read' : 'delivered')}
            </p>`
          : nothing
      }
    </article>`;
  }

  #renderPending(item: OutboxItem) {
    const lang = this.language;
    const failed = item.state === 'failed';
    return html`<article
      class="diary-message diary-message--own ${failed ? 'diary-message--failed' : 'diary-message--pending'}"
      part=${failed ? 'message message-own message-failed' : 'message message-own message-pending'}
      data-pending=${item.id}
    >
      <p class="diary-meta"><span class="diary-strong">${chatText(lang, 'you')}</span></p>
      ${item.text ? html`<p class="diary-text diary-message-text">${item.text}</p>` : nothing}
      <p class="diary-receipt" part="receipt">
        ${
          failed
            ? html`<span aria-hidden="true">⚠ </span>${chatText(lang, 'failed', {
                  reason: item.error?.message ?? '',
                })}`
            : html`<span aria-hidden="true">🕓 </span>${chatText(
                  lang,
                  item.state === 'sending' ? 'sending' : 'pending',
                )}`
        }
      </p>
      ${
        failed
          ? html`<div class="diary-actions">
              <button
                type="button"
                class="diary-button"
                part="button retry"
                @click=${() => void this.#client?.outbox.retry(item.id)}
              >
                ${chatText(lang, 'retry')}
              </button>
              <button
                type="button"
                class="diary-button diary-button--secondary"
                part="button discard"
                @click=${() => void this.#client?.outbox.discard(item.id)}
              >
                ${chatText(lang, 'discard')}
              </button>
            </div>`
          : nothing
      }
    </article>`;
  }

  #renderComposer() {
    const lang = this.language;
    const uploading = this.files.some((f) => f.state === 'uploading');
    return html`<form
      class="diary-composer ${this.dragging ? 'diary-composer--drop' : ''}"
      part="composer"
      novalidate
      @submit=${(e: SubmitEvent) => void this.#send(e)}
      @dragover=${this.#onDragOver}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.#onDrop}
    >
      <label class="diary-label" for="message">${chatText(lang, 'messageLabel')}</label>
      ${
        this.composeError
          ? html`<p class="diary-error" id="message-error" part="error">
              <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                this.composeError
              }
            </p>`
          : nothing
      }
      <textarea
        class="diary-input diary-textarea"
        part="textarea"
        id="message"
        name="message"
        rows="3"
        maxlength="4000"
        .value=${this.draft}
        aria-invalid=${this.composeError ? 'true' : nothing}
        aria-describedby=${this.composeError ? 'message-error' : nothing}
        @input=${this.#onDraft}
        @keydown=${this.#onKeydown}
      ></textarea>
      <div class="diary-attach">
        <label class="diary-label" for="files">${chatText(lang, 'attach')}</label>
        <p class="diary-hint" id="files-hint">${chatText(lang, 'dropHint')}</p>
        <input
          class="diary-file"
          part="file-input"
          type="file"
          id="files"
          multiple
          aria-describedby="files-hint"
          accept=".pdf,.jpg,.jpeg,.png,.webp,.txt,.doc,.docx,.xls,.xlsx,.odt"
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            this.#addFiles(input.files);
            input.value = '';
          }}
        />
      </div>
      ${
        this.files.length
          ? html`<ul class="diary-files" part="files">
              ${this.files.map(
                (f) =>
                  html`<li
                    class=${f.state === 'error' ? 'diary-error' : ''}
                    data-file-state=${f.state}
                  >
                    ${
                      f.state === 'error'
                        ? html`<span class="diary-visually-hidden"
                              >${sharedText(lang, 'errorPrefix')}</span
                            >${f.error}`
                        : f.state === 'uploading'
                          ? chatText(lang, 'uploading', { name: f.name })
                          : html`📎 ${f.name}`
                    }
                    <button
                      type="button"
                      class="diary-link"
                      part="button remove-file"
                      @click=${() => (this.files = this.files.filter((x) => x.key !== f.key))}
                    >
                      ${chatText(lang, 'removeFile', { name: f.name })}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <button class="diary-button" part="button send" ?disabled=${uploading}>
        ${chatText(lang, 'send')}
      </button>
    </form>`;
  }
}
