import { checkAttachment, type Attachment, type Lang } from '@school-diary/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ChatClient } from '../shared/diary-data-client';
import { sharedText } from '../shared/localize';
import { readDraft, writeDraft } from './chat-drafts';
import { icon } from './chat-icons';
import { fileSize } from './chat-message';
import { chatText } from './chat-text';

/** A file chosen for the next message: being uploaded (with the bytes sent), uploaded, or refused. */
export interface PendingFile {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly state: 'uploading' | 'ready' | 'error';
  /** Bytes sent so far while uploading. */
  readonly loaded: number;
  readonly attachment?: Attachment;
  readonly error?: string;
}

/** What the composer reads from the chat. */
export interface ComposerOptions {
  readonly client: () => ChatClient | undefined;
  readonly lang: () => Lang;
  /** Why an SDK call failed, in the widget's words. */
  readonly describe: (error: unknown) => string;
  /**
   * Sends the message (creating the conversation first when it is a new one); rejects with the
   * reason to show when it cannot.
   */
  readonly send: (text: string, attachmentIds: readonly string[]) => Promise<void>;
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.txt,.doc,.docx,.xls,.xlsx,.odt';

/**
 * The form for a new message: its text (kept as a draft per conversation), files picked with a
 * labelled button in the widget's language or dropped, each uploaded at once through the SDK with
 * its progress (bytes sent) and a cancel button, and the send.
 */
export class Composer implements ReactiveController {
  draft = '';
  files: readonly PendingFile[] = [];
  error: string | undefined;
  dragging = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: ComposerOptions;
  readonly #uploads = new Map<number, AbortController>();
  #draftKey: string | undefined;
  #fileKey = 0;

  constructor(host: ReactiveControllerHost, options: ComposerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#cancelAll();
  }

  /** Starts over for a conversation: its saved draft, no files, no error. */
  reset(draftKey: string | undefined): void {
    this.#cancelAll();
    this.#draftKey = draftKey;
    this.draft = draftKey ? readDraft(draftKey) : '';
    this.files = [];
    this.error = undefined;
    this.#host.requestUpdate();
  }

  get uploading(): boolean {
    return this.files.some((f) => f.state === 'uploading');
  }

  #cancelAll(): void {
    for (const abort of this.#uploads.values()) abort.abort();
    this.#uploads.clear();
  }

  #setFile(key: number, next: Partial<PendingFile>): void {
    this.files = this.files.map((f) => (f.key === key ? { ...f, ...next } : f));
    this.#host.requestUpdate();
  }

  #onDraft = (event: InputEvent): void => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.error && this.draft.trim()) this.error = undefined;
    if (this.#draftKey) writeDraft(this.#draftKey, this.draft);
    this.#host.requestUpdate();
  };

  /** Checks each file's type and size, then uploads the acceptable ones. */
  addFiles(list: FileList | readonly File[] | null | undefined): void {
    const lang = this.#options.lang();
    for (const file of Array.from(list ?? [])) {
      const key = ++this.#fileKey;
      const base = { key, name: file.name, size: file.size, loaded: 0 };
      const problem = checkAttachment({ size: file.size, contentType: file.type });
      if (problem) {
        const message = chatText(lang, problem === 'file_type' ? 'fileType' : 'fileTooLarge', {
          name: file.name,
        });
        this.files = [...this.files, { ...base, state: 'error', error: message }];
        continue;
      }
      this.files = [...this.files, { ...base, state: 'uploading' }];
      void this.#upload(key, file);
    }
    this.#host.requestUpdate();
  }

  async #upload(key: number, file: File): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    const abort = new AbortController();
    this.#uploads.set(key, abort);
    try {
      const attachment = await client.attachments.upload(
        { file, fileName: file.name },
        {
          signal: abort.signal,
          onUploadProgress: ({ loaded }) => this.#setFile(key, { loaded }),
        },
      );
      this.#setFile(key, { state: 'ready', loaded: file.size, attachment });
    } catch (error) {
      if (abort.signal.aborted) return;
      const reason = this.#options.describe(error);
      const lang = this.#options.lang();
      this.#setFile(key, {
        state: 'error',
        error: chatText(lang, 'uploadFailed', { name: file.name, reason }),
      });
    } finally {
      this.#uploads.delete(key);
    }
  }

  /** Removes a file, cancelling its upload if it is still going. */
  remove(key: number): void {
    this.#uploads.get(key)?.abort();
    this.files = this.files.filter((f) => f.key !== key);
    this.#host.requestUpdate();
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const textarea = form.querySelector<HTMLTextAreaElement>('textarea');
    const text = this.draft;
    const ready = this.files.filter((f) => f.state === 'ready' && f.attachment);
    if (this.uploading) return;
    if (!text.trim() && ready.length === 0) {
      this.error = chatText(this.#options.lang(), 'emptyMessage');
      this.#host.requestUpdate();
      textarea?.focus();
      return;
    }
    this.error = undefined;
    try {
      await this.#options.send(
        text,
        ready.map((f) => f.attachment?.id ?? ''),
      );
      if (this.#draftKey) writeDraft(this.#draftKey, '');
      this.draft = '';
      this.files = [];
    } catch (reason) {
      this.error = String(reason instanceof Error ? reason.message : reason);
      textarea?.focus();
    }
    this.#host.requestUpdate();
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.dragging = false;
    this.addFiles(event.dataTransfer?.files);
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!this.dragging) {
      this.dragging = true;
      this.#host.requestUpdate();
    }
  };

  #onDragLeave = (): void => {
    this.dragging = false;
    this.#host.requestUpdate();
  };

  #onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.addFiles(input.files);
    input.value = '';
  };

  /** The form: label, error, the text box, the file button with its hint, the files, send. */
  render() {
    const lang = this.#options.lang();
    return html`<form
      class="diary-composer ${this.dragging ? 'diary-composer--drop' : ''}"
      part="composer"
      novalidate
      @submit=${this.#onSubmit}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <label class="diary-label" for="message">${chatText(lang, 'messageLabel')}</label>
      ${
        this.error
          ? html`<p class="diary-error" id="message-error" part="error">
              <span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span>${
                this.error
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
        .value=${live(this.draft)}
        aria-invalid=${this.error ? 'true' : nothing}
        aria-describedby=${this.error ? 'message-error' : nothing}
        @input=${this.#onDraft}
        @keydown=${this.#onKeydown}
      ></textarea>
      <div class="diary-attach">
        <input
          class="diary-file diary-visually-hidden"
          part="file-input"
          type="file"
          id="files"
          multiple
          aria-describedby="files-hint"
          accept=${ACCEPT}
          @change=${this.#onPick}
        />
        <label class="diary-button diary-button--secondary diary-file-button" for="files">
          ${icon('paperclip')}${chatText(lang, 'attach')}
        </label>
        <p class="diary-hint" id="files-hint">${chatText(lang, 'dropHint')}</p>
      </div>
      ${this.#renderFiles(lang)}
      <button class="diary-button" part="button send" ?disabled=${this.uploading}>
        ${chatText(lang, 'send')}
      </button>
    </form>`;
  }

  #renderFiles(lang: Lang) {
    if (!this.files.length) return nothing;
    return html`<ul class="diary-files" part="files">
      ${this.files.map((f) => {
        const uploading = f.state === 'uploading';
        return html`<li
          class=${f.state === 'error' ? 'diary-error' : ''}
          data-file-state=${f.state}
        >
          ${
            f.state === 'error'
              ? html`<span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
                  >${f.error}`
              : html`${icon('paperclip')}<span class="diary-file-name">${f.name}</span> ${
                    uploading
                      ? html`<progress
                            class="diary-progress"
                            max=${f.size || 1}
                            .value=${f.loaded}
                            aria-label=${chatText(lang, 'uploading', { name: f.name })}
                          ></progress>
                          <span class="diary-muted" data-progress
                            >${chatText(lang, 'uploaded', {
                              loaded: fileSize(lang, f.loaded),
                              total: fileSize(lang, f.size),
                            })}</span
                          >`
                      : html`<span class="diary-muted">(${fileSize(lang, f.size)})</span>`
                  }`
          }
          <button
            type="button"
            class="diary-link"
            part="button remove-file"
            @click=${() => this.remove(f.key)}
          >
            ${chatText(lang, uploading ? 'cancelUpload' : 'removeFile', { name: f.name })}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
