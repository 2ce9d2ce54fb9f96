import {
  checkOneTimeCode,
  errorMessage,
  type Application,
  type Child,
  type Lang,
  type School,
  todayIn,
} from '@school-diary/core';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { emit } from '../shared/events';
import { describeFailure, type Failure } from '../shared/failure';
import { focusControl, type ShownError } from '../shared/form-field';
import type { HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { sharedText } from '../shared/localize';
import { codeText, cooldownSeconds } from '../shared/one-time-code';
import { SchoolSearch } from '../shared/school-combobox';
import { schoolComboboxStyles } from '../shared/school-combobox.styles';
import { controlStyles, hostTokens } from '../shared/theme';
import { formValue, setCustomState } from './child-form-association';
import { renderConfirmStep } from './child-form-confirm-step';
import { renderDetailsStep } from './child-form-details-step';
import { renderDoneStep } from './child-form-done-step';
import { ChildRegistration, currentSchoolYear } from './child-form-registration';
import { placeFailure } from './child-form-server-errors';
import { childText } from './child-form-text';
import {
  EMPTY_DRAFT,
  ageProblem,
  checkDraft,
  checkField,
  type ChildDraft,
  type ChildField,
} from './child-form-validation';
import { childFormStyles } from './diary-child-form.styles';

/** The screens of the child form. */
export type ChildFormStep = 'form' | 'confirm' | 'done';

/** Detail of `diary-child-registered`. */
export interface DiaryChildRegisteredDetail {
  /** The confirmed child card. */
  readonly child: Child;
  /** The application for the diary service, with its number and status. */
  readonly application: Application;
}

export { SNILS_EXAMPLE } from './child-form-details-step';

/**
 * Registers a child and applies for the e-diary: surname, first name, patronymic (optional),
 * date of birth (three boxes), sex, SNILS (optional unless the school requires it), the school
 * from the registry and the student's number there; then the SMS code that confirms the card,
 * the link to the school and the application, whose number and status are shown.
 *
 * Follows the GOV.UK Design System: validation on submit, an error summary focused on submit
 * with links to the fields, each field's message beside it in the same words, fixed errors
 * disappearing as the user types, no input masks. Rules and messages are core's. It is
 * form-associated: inside a site's own `<form>` it contributes its values (`<name>.lastName` …)
 * and its validity, and restores a draft when the browser restores the page.
 *
 * @summary Child registration with SMS confirmation and the diary application.
 * @tag diary-child-form
 * @event {CustomEvent<DiaryChildRegisteredDetail>} diary-child-registered - The card is confirmed, linked and the application submitted.
 * @event {CustomEvent<DiaryErrorsDetail>} diary-errors - Errors shown or cleared; prefix the page `<title>` with `detail.titlePrefix`.
 * @csspart base - The widget's box.
 * @csspart error-summary - The error summary.
 * @csspart field - Every field wrapper (also `field-<name>`, e.g. `field-snils`).
 * @csspart label - Every label.
 * @csspart legend - The legends of the date of birth and sex.
 * @csspart hint - Every hint.
 * @csspart error - Every field's error message.
 * @csspart input - Every text input.
 * @csspart radio - The sex options.
 * @csspart listbox - The school suggestions.
 * @csspart option - A school suggestion (`option-active` for the highlighted one).
 * @csspart button - Every button (also `submit`, `retry`, `edit`, `another`).
 * @csspart notice - Explanations: the age window, network errors, the result.
 * @csspart summary-list - The data shown for checking before the code.
 * @cssstate user-invalid - The user tried to submit and errors are shown.
 * @cssstate busy - A request is running.
 * @cssprop --diary-color-primary - Buttons, links and the highlighted option.
 * @cssprop --diary-color-error - Errors.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-font-family - Font.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryChildForm extends DiaryElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [hostTokens, controlStyles, schoolComboboxStyles, childFormStyles];

  /** Name under which the values join a surrounding `<form>` (`child.lastName` …). */
  @property({ reflect: true }) accessor name = 'child';
  /** School year of the application, `YYYY/YYYY`; the current one by default. */
  @property({ attribute: 'school-year' }) accessor schoolYear: string | undefined;
  /** Milliseconds after the last keystroke before the school search runs. */
  @property({ type: Number, attribute: 'search-delay' }) accessor searchDelay = 300;
  /** The screen shown: `form`, `confirm` (the SMS code) or `done`. */
  @property({ reflect: true }) accessor step: ChildFormStep = 'form';
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  /** The clock for today's date and the code timers (tests inject one). */
  @property({ attribute: false }) accessor now: () => Date = () => new Date();
  @state() protected accessor draft: ChildDraft = EMPTY_DRAFT;
  @state() protected accessor school: School | undefined;
  @state() protected accessor errors: readonly ShownError[] = [];
  @state() protected accessor ageIssue: 'too_young' | 'too_old' | null = null;
  @state() protected accessor failure: Failure | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor code = '';
  @state() protected accessor codeError: string | undefined;
  @state() protected accessor notice: string | undefined;

  readonly #internals: ElementInternals | undefined;
  readonly #search = new SchoolSearch(this, {
    search: (q, signal) => this.#searchSchools(q, signal),
    delay: () => this.searchDelay,
    onSelect: (school) => this.#selectSchool(school),
  });
  #submitted = false;
  readonly #registration = new ChildRegistration();
  #retry: (() => Promise<void>) | undefined;
  #focusAfterRender: string | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.#internals = this.attachInternals?.();
    // A surrounding form's submit found us invalid. `invalid` also fires for a silent
    // `checkValidity()`; only a real submit attempt moves focus to our anchor, so errors are
    // shown (and `user-invalid` set) only then.
    this.addEventListener('invalid', () => {
      setTimeout(() => {
        if (this.matches(':focus-within')) this.#showErrors(this.#check());
      });
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ticker = setInterval(() => {
      if (this.step === 'confirm') this.requestUpdate();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals?.form ?? null;
  }

  /** The element's validity, as for a native control (for a surrounding form). */
  get validity(): ValidityState | undefined {
    return this.#internals?.validity;
  }

  /** The first error message, as for a native control. */
  get validationMessage(): string {
    return this.#internals?.validationMessage ?? '';
  }

  /** Whether everything typed passes core's rules (nothing is shown). */
  checkValidity(): boolean {
    return this.#internals?.checkValidity() ?? this.#check().length === 0;
  }

  /** Validates and shows the errors as a submit does; returns whether the form is valid. */
  reportValidity(): boolean {
    const errors = this.#check();
    this.#showErrors(errors);
    return errors.length === 0;
  }

  /** Called by a surrounding form's reset. */
  formResetCallback(): void {
    this.draft = EMPTY_DRAFT;
    this.#search.restore(undefined, '');
    this.school = undefined;
    this.#submitted = false;
    this.errors = [];
    this.ageIssue = null;
  }

  /** Called when the browser restores the page (back/forward): nothing typed is lost. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const saved = JSON.parse(state) as { draft?: Partial<ChildDraft>; school?: School };
      this.draft = { ...EMPTY_DRAFT, ...saved.draft };
      this.school = saved.school;
      this.#search.restore(saved.school, '');
    } catch {
      // A state from another version of the form: start empty rather than fail.
    }
  }

  get #today(): string {
    return todayIn(this.now(), this.school?.timeZone ?? this.timeZone);
  }

  #check(): ShownError[] {
    return checkDraft(this.draft, this.school, { lang: this.language, today: this.#today });
  }

  /** Shows errors (summary focused), tells the page, and marks the `user-invalid` state. */
  #showErrors(errors: readonly ShownError[]): void {
    this.#submitted = true;
    this.errors = errors;
    this.#announce();
    if (errors.length) this.#focusAfterRender = 'summary';
  }

  #announce(): void {
    const lang = this.language;
    setCustomState(this.#internals?.states, 'user-invalid', this.errors.length > 0);
    emit(this, 'diary-errors', {
      errors: this.errors.map(({ field, message }) => ({ field, message })),
      titlePrefix: this.errors.length ? sharedText(lang, 'titlePrefix') : '',
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    setCustomState(this.#internals?.states, 'busy', this.busy);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncForm();
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (!target || !this.renderRoot) return;
    const root = this.renderRoot as ShadowRoot;
    const box = root.querySelector<HTMLElement>(
      target === 'summary' ? '.diary-summary' : `[data-focus="${target}"]`,
    );
    if (box) box.focus();
    else focusControl(root, target);
  }

  /** Hands the values and the validity to a surrounding form (no events are fired). */
  #syncForm(): void {
    const internals = this.#internals;
    if (!internals?.setFormValue) return;
    const { data, state } = formValue(this.name, this.draft, this.school);
    internals.setFormValue(data, state);
    const errors = this.#check();
    const first = errors[0];
    if (!first) {
      internals.setValidity({});
      return;
    }
    const anchor = this.renderRoot?.querySelector<HTMLElement>(`#${first.target}`) ?? undefined;
    internals.setValidity({ customError: true }, first.message, anchor);
  }

  async #searchSchools(q: string, signal: AbortSignal): Promise<readonly School[]> {
    const client = this.client;
    if (!client) return [];
    const page = await client.schools.search({ q, page: 1, pageSize: 8 }, { signal });
    return page.items;
  }

  #selectSchool(school: School | undefined): void {
    this.school = school;
    if (this.#submitted) this.#recheck('school', true);
    if (this.#submitted && school) this.#recheck('snils', true);
  }

  /** Updates a box of the draft; after a failed submit, a fixed field loses its error at once. */
  #set(patch: Partial<ChildDraft>, field: ChildField): void {
    this.draft = { ...this.draft, ...patch };
    if (field === 'birthDate') this.ageIssue = null;
    if (this.#submitted) this.#recheck(field, false);
  }

  /**
   * Re-checks a field that shows an error, after a failed submit: while typing, the error goes
   * away as soon as it is fixed (its words wait for the next submit); a school picked from the
   * list brings the words of the school and SNILS up to date. Leaving a box changes nothing, so
   * no button moves under a pointer pressing it. A field without an error gets none before the
   * next submit (GOV.UK: validate on submit).
   */
  #recheck(field: ChildField, full: boolean): void {
    if (!this.errors.some((e) => e.field === field)) return;
    const now = checkField(field, this.draft, this.school, {
      lang: this.language,
      today: this.#today,
    });
    if (now && !full) return;
    const next = this.errors.map((e) => (e.field === field ? now : e));
    this.errors = next.filter((e): e is ShownError => e !== undefined);
    this.#announce();
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    this.notice = undefined;
    this.#retry = action;
    try {
      await action();
      this.#retry = undefined;
    } catch (error) {
      this.#fail(error);
    } finally {
      this.busy = false;
    }
  }

  /** Shows a failed request: field errors on their fields, the rest above the form. */
  #fail(error: unknown): void {
    const lang = this.language;
    const failure = describeFailure(error, this.failureContext(this.now()));
    const place = placeFailure(failure, lang, this.step === 'confirm');
    switch (place.to) {
      case 'code':
        this.codeError = place.message;
        this.#focusAfterRender = 'code';
        return;
      case 'fields':
        this.step = 'form';
        if (place.ageIssue) this.ageIssue = place.ageIssue;
        this.#showErrors(place.errors);
        if (!place.errors.length) this.#focusAfterRender = 'age';
        return;
      case 'form':
        this.failure = failure;
        this.#focusAfterRender = 'failure';
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    if (this.step === 'confirm') void this.#confirm();
    else void this.#submit();
  }

  async #submit(): Promise<void> {
    const errors = this.#check();
    this.#showErrors(errors);
    if (errors.length) return;
    this.ageIssue = ageProblem(this.draft, this.#today);
    if (this.ageIssue) {
      this.#focusAfterRender = 'age';
      return;
    }
    const client = this.client;
    if (!client) return;
    await this.#run(async () => {
      if ((await this.#registration.submitDetails(client, this.draft)) === 'confirmed') {
        await this.#finish();
        return;
      }
      this.code = '';
      this.codeError = undefined;
      this.step = 'confirm';
      this.#focusAfterRender = 'code';
    });
  }

  async #confirm(): Promise<void> {
    const lang = this.language;
    const codeProblem = checkOneTimeCode(this.code);
    this.codeError = codeProblem ? errorMessage(codeProblem, { lang, field: 'code' }) : undefined;
    if (this.codeError) {
      this.#focusAfterRender = 'code';
      return;
    }
    const client = this.client;
    if (!client || !this.#registration.challenge) return;
    await this.#run(async () => {
      await this.#registration.confirm(client, this.code);
      await this.#finish();
    });
  }

  /** Links the confirmed child to the school and applies for the diary. */
  async #finish(): Promise<void> {
    const client = this.client;
    const school = this.school;
    if (!client || !school) return;
    const year = this.schoolYear || currentSchoolYear(this.#today);
    const application = await this.#registration.finish(client, school, this.draft.rosterId, year);
    const child = this.#registration.child;
    if (!application || !child) return;
    this.step = 'done';
    this.#focusAfterRender = 'done';
    emit(this, 'diary-child-registered', { child, application });
  }

  async #resend(): Promise<void> {
    const client = this.client;
    const challenge = this.#registration.challenge;
    if (!client || !challenge || this.busy || cooldownSeconds(challenge, this.now()) > 0) return;
    await this.#run(async () => {
      const sent = await this.#registration.resend(client);
      this.code = '';
      this.codeError = undefined;
      if (sent) this.notice = codeText(this.language, 'resent', { sentTo: sent.sentTo });
      this.#focusAfterRender = 'code';
    });
  }

  #edit(): void {
    this.step = 'form';
    this.failure = undefined;
    this.notice = undefined;
    this.#focusAfterRender = 'lastName';
  }

  /** Starts again, empty, for another child (no reload). */
  #another = (): void => {
    this.formResetCallback();
    this.#registration.reset();
    this.failure = undefined;
    this.notice = undefined;
    this.step = 'form';
    this.#focusAfterRender = 'lastName';
  };

  protected override render() {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const lang = this.language;
    const session = this.environment?.session;
    if (session?.restoring) {
      return html`<div class="diary-base" part="base" lang=${lang}>
        ${loadingNotice(lang, 'loading')}
      </div>`;
    }
    if (!session?.user) {
      return html`<div class="diary-base" part="base" lang=${lang}>
        <p class="diary-notice" part="notice" role="status">${childText(lang, 'signedOut')}</p>
      </div>`;
    }
    return html`<div class="diary-base" part="base" lang=${lang}>${this.#renderStep(lang)}</div>`;
  }

  #renderStep(lang: Lang) {
    const onSubmit = (event: SubmitEvent) => this.#onSubmit(event);
    const failure = this.#renderFailure(lang);
    const { application, challenge } = this.#registration;
    if (this.step === 'done' && application)
      return renderDoneStep({
        lang,
        headingLevel: this.headingLevel,
        application,
        onAnother: this.#another,
      });
    if (this.step === 'confirm' && challenge)
      return renderConfirmStep({
        lang,
        headingLevel: this.headingLevel,
        draft: this.draft,
        school: this.school,
        challenge,
        now: this.now(),
        timeZone: this.timeZone,
        code: this.code,
        codeError: this.codeError,
        notice: this.notice,
        busy: this.busy,
        failure,
        onSubmit,
        onCode: (code) => {
          this.code = code;
          if (this.codeError && checkOneTimeCode(code) === null) this.codeError = undefined;
        },
        onEdit: () => this.#edit(),
        onResend: () => void this.#resend(),
      });
    return renderDetailsStep({
      lang,
      headingLevel: this.headingLevel,
      draft: this.draft,
      school: this.school,
      errors: this.errors,
      ageIssue: this.ageIssue,
      busy: this.busy,
      search: this.#search,
      failure,
      root: () => this.renderRoot as ShadowRoot,
      onSubmit,
      onSet: (patch, field) => this.#set(patch, field),
    });
  }

  #renderFailure(lang: Lang) {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div
      class="diary-notice diary-notice--error"
      part="notice"
      data-focus="failure"
      tabindex="-1"
      role="alert"
    >
      <p class="diary-text">${failure.message}</p>
      ${
        failure.kind !== 'api' && this.#retry
          ? html`<button
              type="button"
              class="diary-button diary-button--secondary"
              part="button retry"
              @click=${() => this.#retry && void this.#run(this.#retry)}
            >
              ${sharedText(lang, 'retry')}
            </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-child-form': DiaryChildForm;
  }
  interface HTMLElementEventMap {
    'diary-child-registered': CustomEvent<DiaryChildRegisteredDetail>;
  }
}
