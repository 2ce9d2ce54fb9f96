import type { Attachment, Message, Role, Teacher, Thread } from '@school-diary/core';
import { saveFile, type OutboxItem } from '@school-diary/sdk';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isChatClient, type ChatClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice } from '../shared/notices';
import { sharedText } from '../shared/localize';
import { personName } from '../shared/person-name';
import { controlStyles, hostTokens } from '../shared/theme';
import { Composer } from './chat-composer';
import { draftKey } from './chat-drafts';
import { icon } from './chat-icons';
import { renderLists } from './chat-lists';
import { listenToChat } from './chat-live';
import { messageArticle, renderMessage, renderPending, type MessageView } from './chat-message';
import { ReadReceipts } from './chat-receipts';
import { chatText } from './chat-text';
import { ThreadLog } from './chat-thread-log';
import { chatStyles } from './diary-chat.styles';

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

/**
 * Conversations between a family and a child's teachers: the teachers with their subjects and
 * contact hours, the threads with unread counts, and a thread view whose history is a
 * `role="log"` labelled by the thread's heading (present before the messages arrive, so new ones
 * are announced). Messages are sent optimistically through the SDK's offline outbox — pending and
 * failed ones are shown, with retry — with attachments picked with a labelled button or dropped,
 * checked for type and size, and uploaded with their progress and a cancel button. «Написать»
 * opens an empty conversation with the teacher that is created with its first message. Read receipts, a draft per thread that survives leaving it, and long
 * histories brought in page by page while scrolling up, without the view jumping. Only a window
 * of messages is in the DOM, so appending stays cheap however long the history.
 *
 * Signed in as a teacher, it shows the families' conversations with that teacher, about every
 * child they teach (no `child-id` needed; one given narrows the list to that child), each with the
 * family member's name and unread count, to read and answer; families start the conversations.
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
 * @csspart file-input - The file picker (visually hidden; its label is the «Прикрепить файлы» button).
 * @csspart files - The chosen files.
 * @csspart status - The `role="status"` line: sending, sent.
 * @csspart button - Every button (also `send`, `retry`, `discard`, `back`, `earlier`, `open`, `write`, `download`, `remove-file`).
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
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock (tests and benchmarks inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  /** The conversations, newest first (live messages move theirs to the top). */
  @state() protected accessor threads: readonly Thread[] = [];
  /** The teacher of a new conversation, created with its first message. */
  @state() protected accessor newWith: Teacher | undefined;
  @state() protected accessor outboxItems: readonly OutboxItem[] = [];
  @state() protected accessor downloadError: string | undefined;
  @state() protected accessor olderError: Failure | undefined;
  @state() protected accessor status = '';

  /** The child's teachers and conversations; a teacher's conversations with the families. */
  readonly #lists = new Task(this, {
    args: () => [this.#client, this.#userId, this.childId, this.#teacher] as const,
    task: async ([client, userId, childId, teacher], { signal }) => {
      if (!client || !userId) return initialState;
      if (teacher) {
        const threads = await client.threads.list(childId ? { childId } : {}, { signal });
        return { teachers: undefined, threads: threads.items };
      }
      if (!childId) return initialState;
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
    onComplete: (page) => {
      this.#log.show(page.items, page.hasMore);
      const last = this.#log.messages.at(-1);
      if (last && last.authorId !== this.#userId) this.#markRead(last.id);
    },
  });

  readonly #log = new ThreadLog(this, {
    fetchOlder: async (before) => {
      const client = this.#client;
      const threadId = this.threadId;
      if (!client || !threadId) return { items: [], hasMore: false };
      return client.threads.messages({ threadId, before });
    },
    drawing: {
      node: (message) => messageArticle(this.#messageView, message),
      content: (message) => renderMessage(this.#messageView, message),
    },
  });

  readonly #composer = new Composer(this, {
    client: () => this.#client,
    lang: () => this.language,
    describe: (error) => this.#describe(error).message,
    send: (text, attachmentIds) => this.#send(text, attachmentIds),
  });

  readonly #receipts = new ReadReceipts(async (threadId, upToMessageId) => {
    const client = this.#client;
    if (!client) return;
    const unread = await client.threads.read({ threadId, upToMessageId });
    const count = unread.threads.find((t) => t.threadId === threadId)?.unreadCount ?? 0;
    if (this.threads.some((t) => t.id === threadId && t.unreadCount !== count))
      this.threads = this.threads.map((t) =>
        t.id === threadId ? { ...t, unreadCount: count } : t,
      );
  });

  #openedFor: string | undefined;
  #subscribedTo: ChatClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #drawnStatus: TaskStatus = TaskStatus.INITIAL;
  /** The language and time zone the messages were drawn in. */
  #drawnIn = '';
  #checkedClient: unknown;
  #chatClient: ChatClient | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening();
    this.#openedFor = undefined;
  }

  /** The messages of the open conversation that the server has, oldest first. */
  get messages(): readonly Message[] {
    return this.#log.messages;
  }

  /** The provider's client if it has every operation the chat calls (checked once per client). */
  get #client(): ChatClient | undefined {
    const client = this.client;
    if (client !== this.#checkedClient) {
      this.#checkedClient = client;
      this.#chatClient = isChatClient(client) ? client : undefined;
    }
    return this.#chatClient;
  }

  get #userId(): string | undefined {
    return this.environment?.session.user?.id;
  }

  /** Whether the signed-in account is a teacher: the families write to them. */
  get #teacher(): boolean {
    return this.environment?.session.user?.role === 'teacher';
  }

  /** A teacher's chat lists the conversations about every child they teach, not one child's. */
  protected override followsChildAs(role: Role): boolean {
    return role !== 'teacher';
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext(this.now()));
  }

  #stopListening(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const client = this.#client;
    const user = this.#userId;
    if (client !== this.#subscribedTo) {
      this.#stopListening();
      this.#subscribedTo = client;
      if (client) this.#unsubscribe = this.#listen(client);
    }
    const conversation = this.threadId ?? (this.newWith ? `new:${this.newWith.id}` : undefined);
    const open = client && user && conversation ? `${user}|${conversation}` : undefined;
    if (open !== this.#openedFor) {
      this.#openedFor = open;
      this.#log.reset();
      this.olderError = undefined;
      this.downloadError = undefined;
      this.status = '';
      this.#composer.reset(user && conversation ? draftKey(user, conversation) : undefined);
    }
    if (changed.has('outboxItems') || this.#thread.status !== this.#drawnStatus) this.#log.touch();
    this.#drawnStatus = this.#thread.status;
    const drawIn = `${this.language}|${this.timeZone}`;
    if (drawIn !== this.#drawnIn) {
      this.#drawnIn = drawIn;
      this.#log.redraw();
    }
  }

  #listen(client: ChatClient): () => void {
    return listenToChat(client, {
      outbox: (items) => {
        this.outboxItems = items;
        if (items.some((i) => i.threadId === this.threadId && i.state === 'sending'))
          this.status = chatText(this.language, 'sending');
      },
      sent: (message) => {
        if (message.threadId === this.threadId) {
          this.#log.append(message);
          this.status = chatText(this.language, 'sent');
        }
        this.#touchThread(message, false);
        emit(this, 'diary-message-sent', { message });
      },
      arrived: (message) => {
        const open =
          message.threadId === this.threadId && this.#thread.status === TaskStatus.COMPLETE;
        if (open) {
          this.#log.append(message);
          if (message.authorId !== this.#userId) this.#markRead(message.id);
        }
        if (
          !this.threads.some((t) => t.id === message.threadId) &&
          (this.childId || this.#teacher)
        ) {
          void this.#lists.run();
          return;
        }
        this.#touchThread(message, !open && message.authorId !== this.#userId);
      },
      read: (threadId, userId, upToMessageId, readAt) => {
        if (threadId !== this.threadId || userId === this.#userId) return;
        const messages = this.#log.messages;
        const upTo = messages.findIndex((m) => m.id === upToMessageId);
        for (let i = 0; i <= upTo; i += 1) {
          const m = messages[i];
          if (m && !m.readBy.some((r) => r.userId === userId))
            this.#log.replace(i, { ...m, readBy: [...m.readBy, { userId, readAt }] });
        }
      },
    });
  }

  #markRead(upToMessageId: string): void {
    if (this.threadId) void this.#receipts.mark(this.threadId, upToMessageId);
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

  #open(threadId: string | undefined): void {
    this.newWith = undefined;
    if (threadId === this.threadId) return;
    this.threadId = threadId;
    emit(this, 'diary-thread-open', { threadId });
    this.#focusHeading(Boolean(threadId));
  }

  #focusHeading(thread: boolean): void {
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(thread ? '#thread-heading' : '#lists-heading')
        ?.focus(),
    );
  }

  /** «Написать»: an empty conversation with the teacher, created when its first message is sent. */
  #write = (teacher: Teacher): void => {
    this.newWith = teacher;
    this.#focusHeading(true);
  };

  /** Sends through the outbox, creating the conversation first when it is a new one. */
  async #send(text: string, attachmentIds: readonly string[]): Promise<void> {
    const client = this.#client;
    const childId = this.childId;
    if (!client) return;
    let threadId = this.threadId;
    const teacher = this.newWith;
    try {
      if (!threadId && teacher && childId) {
        const subjectId = teacher.subjects[0]?.id;
        const thread = await client.threads.create({
          childId,
          teacherId: teacher.id,
          ...(subjectId ? { subjectId } : {}),
        });
        threadId = thread.id;
        this.threads = [thread, ...this.threads.filter((t) => t.id !== thread.id)];
      }
      if (!threadId) return;
      await client.outbox.send({ threadId, text, attachmentIds: [...attachmentIds] });
    } catch (error) {
      const failure = this.#describe(error);
      throw new Error(
        failure.kind === 'api' && failure.fields[0] ? failure.fields[0].message : failure.message,
        { cause: error },
      );
    }
    this.status = chatText(this.language, 'sending');
    this.#log.stickToBottom();
    if (teacher && threadId !== this.threadId) {
      this.newWith = undefined;
      this.threadId = threadId;
      emit(this, 'diary-thread-open', { threadId });
    }
  }

  /**
   * Downloads an attachment through the SDK (the file route needs the bearer token, which a plain
   * link would not send) and offers it under its original name.
   */
  #download = async (attachment: Attachment): Promise<void> => {
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
  };

  protected override render() {
    const lang = this.language;
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const session = this.environment?.session;
    if (!this.#client)
      return html`<div class="diary-notice diary-notice--error" part="error" role="alert">
        <p class="diary-text">${sharedText(lang, 'noClient')}</p>
      </div>`;
    if (session?.restoring) return this.#loading();
    if (!session?.user) return this.#notice(chatText(lang, 'signedOut'));
    if (!this.childId && !this.#teacher) return this.#notice(chatText(lang, 'noChild'), 'alert');
    const open = this.threadId || this.newWith;
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, chatText(lang, this.#teacher ? 'teacherTitle' : 'title'), {
        title: true,
        id: 'title',
      })}
      ${open ? this.#renderThread() : this.#renderLists()}
    </section>`;
  }

  #notice(text: string, role?: 'status' | 'alert') {
    return html`<div class="diary-notice" part="notice" role=${role ?? nothing}>
      <p class="diary-text">${text}</p>
    </div>`;
  }

  #loading() {
    return loadingNotice(this.language);
  }

  #failureBlock(failure: Failure, retry: () => void) {
    return failureNotice(this.language, failure, retry);
  }

  #renderLists() {
    return this.#lists.render({
      initial: () => this.#loading(),
      pending: () => this.#loading(),
      error: (error) => this.#failureBlock(this.#describe(error), () => void this.#lists.run()),
      complete: ({ teachers }) =>
        renderLists({
          lang: this.language,
          headingLevel: subLevel(this.headingLevel),
          threads: this.threads,
          teachers,
          withFamily: this.#teacher,
          onOpen: (id) => this.#open(id),
          onWrite: this.#write,
        }),
    });
  }

  #renderThread() {
    const lang = this.language;
    const threadId = this.threadId;
    const thread = this.threads.find((t) => t.id === threadId);
    const teacher = this.newWith;
    const title =
      (thread && this.#teacher ? `${thread.title} · ${thread.participantName}` : thread?.title) ??
      (teacher
        ? `${personName(teacher)}${teacher.subjects[0] ? `, ${teacher.subjects[0].name}` : ''}`
        : chatText(lang, 'title'));
    const pending = this.outboxItems.filter((i) => i.threadId === threadId && !this.#log.has(i.id));
    const status = this.#thread.status;
    const empty = !threadId || (status === TaskStatus.COMPLETE && this.#log.messages.length === 0);
    return html`<button
        type="button"
        class="diary-link diary-back"
        part="button back"
        @click=${() => this.#open(undefined)}
      >
        ${icon('back')}${chatText(lang, 'back')}
      </button>
      ${renderHeading(subLevel(this.headingLevel), title, {
        id: 'thread-heading',
        part: 'thread-heading',
        className: 'diary-subheading',
        focusable: true,
      })}
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
        aria-busy=${status === TaskStatus.PENDING ? 'true' : 'false'}
        tabindex="0"
        @scroll=${this.#onScroll}
      >
        ${
          this.#log.from > 0 || this.#log.hasMore
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
          threadId && status === TaskStatus.PENDING
            ? html`<p class="diary-muted diary-log-loading">
                <span class="diary-spinner" aria-hidden="true"></span>${sharedText(lang, 'loading')}
              </p>`
            : nothing
        }
        ${
          empty && pending.length === 0
            ? html`<p class="diary-muted">
                ${chatText(lang, threadId ? 'noMessages' : 'firstMessage')}
              </p>`
            : nothing
        }
        <div class="diary-messages"></div>
        ${pending.map((item) => renderPending(this.#pendingView, item))}
      </div>
      ${
        this.downloadError
          ? html`<p class="diary-error" part="error" role="alert">${this.downloadError}</p>`
          : nothing
      }
      <p class="diary-status" part="status" role="status">${this.status}</p>
      ${this.#composer.render()}`;
  }

  get #messageView(): MessageView {
    return {
      lang: this.language,
      timeZone: this.timeZone,
      userId: this.#userId,
      onDownload: this.#download,
    };
  }

  get #pendingView() {
    return {
      lang: this.language,
      onRetry: (id: string) => void this.#client?.outbox.retry(id),
      onDiscard: (id: string) => void this.#client?.outbox.discard(id),
    };
  }

  #onScroll = (event: Event): void => {
    if (this.#log.scrolled(event.target as HTMLElement)) void this.#older();
  };

  async #older(): Promise<void> {
    try {
      await this.#log.older();
    } catch (error) {
      this.olderError = this.#describe(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-chat': DiaryChat;
  }
}
