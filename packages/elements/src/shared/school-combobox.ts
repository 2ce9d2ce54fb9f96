import type { Lang, School } from '@school-diary/core';
import { Task } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, renderError, renderHint } from './form-field';
import { translator } from './localize';
import { plural } from './plural';

const text = translator({
  searching: ['Ищем школы…', 'Searching for schools…'],
  none: [
    'Школа не найдена. Проверьте номер или название, или введите часть названия.',
    'No school found. Check the number or the name, or type part of the name.',
  ],
  failed: ['Не удалось загрузить список школ.', 'The list of schools could not be loaded.'],
  tooShort: [
    'Введите хотя бы 2 символа, чтобы начать поиск.',
    'Type at least 2 characters to search.',
  ],
  notConnected: ['не подключена к дневнику', 'not connected to the diary'],
});

const FOUND = {
  ru: {
    one: 'Найдена {n} школа',
    few: 'Найдено {n} школы',
    many: 'Найдено {n} школ',
    other: 'Найдено {n} школы',
  },
  en: { one: '{n} school found', other: '{n} schools found' },
} as const;

/** Where a search stands. */
export type SearchStatus = 'idle' | 'short' | 'loading' | 'done' | 'error';

/** Options of the {@link SchoolSearch} controller. */
export interface SchoolSearchOptions {
  /** Runs the registry search (through the SDK); `signal` aborts a search a newer one replaced. */
  readonly search: (query: string, signal: AbortSignal) => Promise<readonly School[]>;
  /** Milliseconds to wait after the last keystroke before searching. */
  readonly delay: () => number;
  /** Called when the user picks a school (or clears the choice by typing again). */
  readonly onSelect: (school: School | undefined) => void;
}

/**
 * The state and keyboard behaviour of the school autocomplete (WAI-ARIA combobox with a listbox):
 * type-ahead with a debounce, each search a `@lit/task` run (a newer one aborts the one it
 * replaces, so a stale answer never shows), arrows move through the options, Enter picks, Escape
 * closes. Rendering is {@link renderSchoolCombobox}, in the form's own shadow root.
 */
export class SchoolSearch implements ReactiveController {
  query = '';
  results: readonly School[] = [];
  status: SearchStatus = 'idle';
  active = -1;
  open = false;
  selected: School | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #task: Task<readonly [string], readonly School[]>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SchoolSearchOptions,
  ) {
    host.addController(this);
    this.#task = new Task(host, {
      autoRun: false,
      task: ([query], { signal }) => options.search(query, signal),
      // An answer that arrives after the box was emptied or shortened (the search aborted) is dropped.
      onComplete: (results) => {
        if (this.status !== 'loading') return;
        this.results = results;
        this.status = 'done';
        this.active = -1;
        this.open = results.length > 0;
      },
      onError: () => {
        if (this.status !== 'loading') return;
        this.status = 'error';
        this.open = false;
      },
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#task.abort();
  }

  /** Shows a chosen school in the box (a restored draft). */
  restore(school: School | undefined, query: string): void {
    this.selected = school;
    this.query = school ? school.name : query;
    this.host.requestUpdate();
  }

  /** The user typed into the box. */
  input(query: string): void {
    this.query = query;
    if (this.selected) {
      this.selected = undefined;
      this.options.onSelect(undefined);
    }
    clearTimeout(this.#timer);
    if (query.trim().length < 2) {
      this.#task.abort();
      this.status = query.trim() ? 'short' : 'idle';
      this.results = [];
      this.open = false;
      this.host.requestUpdate();
      return;
    }
    this.#timer = setTimeout(() => void this.run(), this.options.delay());
  }

  /** Searches now (also the retry after a failure). */
  async run(): Promise<void> {
    this.status = 'loading';
    await this.#task.run([this.query.trim()]);
  }

  /** Picks the option at `index`. */
  choose(index: number): void {
    const school = this.results[index];
    if (!school) return;
    this.selected = school;
    this.query = school.name;
    this.open = false;
    this.active = -1;
    this.options.onSelect(school);
    this.host.requestUpdate();
  }

  /** Arrow keys, Enter and Escape on the box. */
  keydown(event: KeyboardEvent): void {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        this.open = true;
        this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        this.open = true;
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter':
        if (!this.open || this.active < 0) return;
        event.preventDefault();
        this.choose(this.active);
        return;
      case 'Escape':
        if (!this.open) return;
        event.preventDefault();
        this.open = false;
        this.active = -1;
        break;
      default:
        return;
    }
    this.host.requestUpdate();
  }

  /** Closes the list when focus leaves the box. */
  blur(): void {
    if (!this.open) return;
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }
}

/** Options of {@link renderSchoolCombobox}. */
export interface SchoolComboboxOptions {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly errorPrefix: string;
  readonly lang: Lang;
  readonly retryLabel: string;
}

/** The school autocomplete: label, hint, error, the combobox input, the listbox and a status line. */
export function renderSchoolCombobox(search: SchoolSearch, o: SchoolComboboxOptions) {
  const listId = `${o.id}-list`;
  const statusText = statusLine(search, o.lang);
  const option = (school: School, index: number) =>
    html`<li
      id="${o.id}-option-${index}"
      class="diary-option${index === search.active ? ' diary-option--active' : ''}"
      part="option${index === search.active ? ' option-active' : ''}"
      role="option"
      aria-selected=${index === search.active ? 'true' : 'false'}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => search.choose(index)}
    >
      <span class="diary-option__name">${school.name}</span>
      <span class="diary-option__meta"
        >${school.address}${
          school.diaryConnected ? nothing : html` — ${text(o.lang, 'notConnected')}`
        }</span
      >
    </li>`;
  return html`<div
    class="diary-field diary-combobox${o.error ? ' diary-field--error' : ''}"
    part="field field-school"
  >
    <label class="diary-label" part="label" for=${o.id}>${o.label}</label>
    ${renderHint(o.id, o.hint)} ${renderError(o.id, o.error, o.errorPrefix)}
    <div class="diary-combobox__box">
      <input
        class="diary-input"
        part="input combobox"
        id=${o.id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${search.open ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${ifDefined(
          search.open && search.active >= 0 ? `${o.id}-option-${search.active}` : undefined,
        )}
        aria-invalid=${o.error ? 'true' : nothing}
        aria-describedby=${ifDefined(describedBy(o.id, o.hint, o.error))}
        .value=${live(search.query)}
        @input=${(event: InputEvent) => search.input((event.target as HTMLInputElement).value)}
        @keydown=${(event: KeyboardEvent) => search.keydown(event)}
        @blur=${() => search.blur()}
      />
      <ul class="diary-listbox" part="listbox" id=${listId} role="listbox" ?hidden=${!search.open}>
        ${search.open ? search.results.map(option) : nothing}
      </ul>
    </div>
    <p class="diary-hint diary-combobox__status" part="search-status" role="status">
      ${
        search.status === 'loading'
          ? html`<span class="diary-spinner" aria-hidden="true"></span>`
          : nothing
      }${statusText}
    </p>
    ${
      search.status === 'error'
        ? html`<button
            type="button"
            class="diary-button diary-button--secondary"
            part="button retry"
            @click=${() => void search.run()}
          >
            ${o.retryLabel}
          </button>`
        : nothing
    }
  </div>`;
}

function statusLine(search: SchoolSearch, lang: Lang): string {
  switch (search.status) {
    case 'short':
      return text(lang, 'tooShort');
    case 'loading':
      return text(lang, 'searching');
    case 'error':
      return text(lang, 'failed');
    case 'done':
      if (search.selected) return '';
      return search.results.length
        ? plural(lang, search.results.length, FOUND[lang])
        : text(lang, 'none');
    default:
      return '';
  }
}
