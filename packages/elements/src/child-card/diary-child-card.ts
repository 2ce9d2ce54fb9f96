import {
  normalizeOneTimeCode,
  normalizeRosterId,
  normalizeSchoolCode,
  todayIn,
  type Challenge,
  type Child,
  type SchoolLink,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isChildCardClient, type ChildCardClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { focusControl, type ShownError } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { cooldownSeconds } from '../shared/one-time-code';
import { controlStyles, hostTokens } from '../shared/theme';
import {
  afterTyping,
  checkCard,
  draftOf,
  renderEditForm,
  updateOf,
  type CardDraft,
  type CardField,
} from './child-card-edit';
import { renderHistory } from './child-card-history';
import { renderSchools, type SchoolAction } from './child-card-school';
import { cardText } from './child-card-text';

type SchoolField = 'schoolCode' | 'rosterId' | 'code';
const EMPTY_SCHOOL_VALUES = { schoolCode: '', rosterId: '', code: '' } as const;

/**
 * A child's card for their parent: the details and documents, edited with the child form's
 * fields and checks, and the child's school, linked, changed or unlinked only after a code sent
 * by SMS to the parent's phone. «История изменений» lists who changed which field and when,
 * naming the fields only.
 *
 * @summary A child's details, documents and school, edited by the parent.
 * @tag diary-child-card
 * @event diary-child-updated - The card was saved; `detail.child` is the saved card.
 * @event diary-school-changed - A change of schools was confirmed; `detail.links` are the child's links now.
 * @csspart base - The widget's box.
 * @csspart section - The details and the school sections.
 * @csspart details - The list of the child's details.
 * @csspart form - The edit form.
 * @csspart field - A form field (also `field-<name>`).
 * @csspart input - Text inputs.
 * @csspart school-links - The child's schools.
 * @csspart school-link - One school of the child.
 * @csspart school-step - The step of a change of schools (what, then the code).
 * @csspart history - The list of the card's changes (who, what, when; never a document's value).
 * @csspart history-entry - One change.
 * @csspart button - Every button (also `edit`, `save`, `cancel`, `link`, `change`, `unlink`, `send-code`, `confirm`, `cancel-school`).
 * @csspart notice - Loading, signed-out and done messages.
 * @csspart error - Error messages.
 * @csspart error-summary - The list of the edit form's errors.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The sections.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryChildCard extends DiaryElement {
  static override styles = [
    hostTokens,
    controlStyles,
    css`
      .diary-base {
        padding: calc(var(--_space) * 2);
        overflow-wrap: anywhere;
      }
      section {
        border-block-start: 1px solid var(--_border);
        padding-block: var(--_space);
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        gap: calc(var(--_space) / 2) var(--_space);
        margin: 0 0 var(--_space);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .diary-links {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      .diary-link-line p {
        margin: 0 0 calc(var(--_space) / 2);
      }
      .diary-step {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-block: var(--_space);
      }
      .diary-history {
        margin: 0;
        padding-inline-start: calc(var(--_space) * 1.5);
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      .diary-history p {
        margin: 0;
      }
      .diary-history-who {
        color: var(--_muted);
      }
      .diary-actions {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--_space) / 2);
      }
    `,
  ];

  /** The child whose card is shown; the provider's selected child when absent. */
  @property({ attribute: 'child-id', reflect: true }) accessor childId: string | undefined;
  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor child: Child | undefined;
  @state() protected accessor links: readonly SchoolLink[] = [];
  @state() protected accessor draft: CardDraft | undefined;
  @state() protected accessor errors: readonly ShownError[] = [];
  @state() protected accessor busy = false;
  @state() protected accessor done: string | undefined;
  @state() protected accessor failure: string | undefined;
  @state() protected accessor action: SchoolAction | undefined;
  @state() protected accessor challenge: Challenge | undefined;
  @state() protected accessor schoolValues: Readonly<Record<SchoolField, string>> =
    EMPTY_SCHOOL_VALUES;
  @state() protected accessor schoolErrors: Readonly<Record<string, string>> = {};
  @state() protected accessor schoolDone: string | undefined;

  readonly #card = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: async ([client, userId, childId], { signal }) => {
      if (!client || !userId || !childId) return initialState;
      const [child, links] = await Promise.all([
        client.children.get({ childId }, { signal }),
        client.children.schoolLinks({ childId }, { signal }),
      ]);
      return { child, links: links.items };
    },
    onComplete: (loaded) => {
      this.child = loaded.child;
      this.links = loaded.links;
    },
  });

  readonly #history = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.id, this.childId] as const,
    task: async ([client, userId, childId], { signal }) =>
      client && userId && childId
        ? (await client.children.history({ childId }, { signal })).items
        : initialState,
  });

  get #client(): ChildCardClient | undefined {
    const client = this.client;
    return isChildCardClient(client) ? client : undefined;
  }

  override render() {
    const title = renderHeading(this.headingLevel, cardText(this.language, 'title'), {
      title: true,
    });
    return html`<div class="diary-base" part="base">${title}${this.#renderBody()}</div>`;
  }

  #renderBody() {
    const lang = this.language;
    if (!this.environment?.session.user) return textNotice(cardText(lang, 'signedOut'));
    // Outside a provider, or the children's list to choose from not loaded (or refused the role).
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    if (!this.childId) return textNotice(cardText(lang, 'noChild'));
    return this.#card.render({
      pending: () => (this.child ? this.#renderCard(this.child) : loadingNotice(lang)),
      error: (error) =>
        failureNotice(
          lang,
          describeFailure(error, this.failureContext()),
          () => void this.#card.run(),
        ),
      complete: () => (this.child ? this.#renderCard(this.child) : nothing),
    });
  }

  #renderCard(child: Child) {
    return html`${this.#renderDetails(child)}${this.#renderSchoolSection(child)}
    ${this.#renderHistory()}`;
  }

  #renderHistory() {
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    const entries = this.#history.value;
    return this.#history.render({
      pending: () =>
        entries
          ? renderHistory({ lang, level, timeZone: this.timeZone, entries })
          : loadingNotice(lang),
      error: (error) =>
        failureNotice(
          lang,
          describeFailure(error, this.failureContext()),
          () => void this.#history.run(),
        ),
      complete: (items) => renderHistory({ lang, level, timeZone: this.timeZone, entries: items }),
    });
  }

  #renderDetails(child: Child) {
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    const draft = this.draft;
    return html`<section part="section" aria-labelledby="details-heading">
      ${renderHeading(level, cardText(lang, 'details'), { id: 'details-heading' })}
      ${child.status === 'confirmed' ? nothing : textNotice(cardText(lang, 'unconfirmed'))}
      ${this.failure ? textNotice(this.failure, 'alert') : nothing}
      ${
        draft
          ? renderEditForm({
              lang,
              draft,
              school: undefined,
              errors: this.errors,
              headingLevel: level,
              busy: this.busy,
              root: () => this.renderRoot as ShadowRoot,
              onSet: (patch, field) => this.#set(patch, field),
              onDocument: (field, value) => this.#set({ [field]: value }, field),
              onSubmit: (event) => void this.#save(event),
              onCancel: () => this.#cancelEdit(),
            })
          : html`${this.#renderList(child)}
              <button
                type="button"
                class="diary-button"
                part="button edit"
                @click=${() => void this.#startEdit(child)}
              >
                ${cardText(lang, 'edit')}
              </button>`
      }
      ${this.done ? textNotice(this.done, 'status') : nothing}
    </section>`;
  }

  #renderList(child: Child) {
    const lang = this.language;
    const given = (value: string | undefined) => value ?? cardText(lang, 'notGiven');
    const name = [child.lastName, child.firstName, child.middleName].filter(Boolean).join(' ');
    const rows: [string, string][] = [
      [cardText(lang, 'name'), name],
      [
        cardText(lang, 'birthDate'),
        formatDate(lang, child.birthDate, { dateStyle: 'long' }, 'UTC'),
      ],
      [cardText(lang, 'sex'), child.sex ? cardText(lang, child.sex) : cardText(lang, 'notGiven')],
      [cardText(lang, 'snils'), given(child.snils)],
      [cardText(lang, 'inn'), given(child.inn)],
      [cardText(lang, 'birthCertificate'), given(child.birthCertificate)],
    ];
    return html`<dl part="details">
      ${rows.map(
        ([term, value]) =>
          html`<dt>${term}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>`;
  }

  #renderSchoolSection(child: Child) {
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    return html`<section part="section" aria-labelledby="school-heading">
      ${renderHeading(level, cardText(lang, 'schools'), { id: 'school-heading' })}
      ${renderSchools({
        lang,
        level: subLevel(level),
        timeZone: this.timeZone,
        links: this.links,
        confirmed: child.status === 'confirmed',
        action: this.action,
        challenge: this.challenge,
        cooldown: cooldownSeconds(this.challenge, new Date()),
        values: this.schoolValues,
        errors: this.schoolErrors,
        busy: this.busy,
        done: this.schoolDone,
        onStart: (action) => void this.#startAction(action),
        onInput: (field, value) => {
          this.schoolValues = { ...this.schoolValues, [field]: value };
        },
        onSendCode: () => void this.#sendCode(child),
        onResend: () => void this.#resend(),
        onConfirm: () => void this.#confirm(child),
        onCancel: () => this.#cancelAction(),
      })}
    </section>`;
  }

  get #today(): string {
    return todayIn(new Date(), this.timeZone);
  }

  async #startEdit(child: Child) {
    this.draft = draftOf(child);
    this.errors = [];
    this.done = undefined;
    await this.updateComplete;
    focusControl(this.renderRoot, 'lastName');
  }

  async #cancelEdit() {
    this.draft = undefined;
    this.errors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="edit"]')?.focus();
  }

  /** Updates the draft; after a failed save, a field typed right loses its error at once. */
  #set(patch: Partial<CardDraft>, field: CardField) {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    this.errors = afterTyping(this.errors, field, this.draft, {
      lang: this.language,
      today: this.#today,
    });
  }

  async #save(event: SubmitEvent) {
    event.preventDefault();
    const client = this.#client;
    const draft = this.draft;
    const child = this.child;
    if (!client || !draft || !child || this.busy) return;
    this.failure = undefined;
    this.errors = checkCard(draft, { lang: this.language, today: this.#today });
    if (this.errors.length) return this.#focusSummary();
    this.busy = true;
    try {
      const saved = await client.children.update({ childId: child.id, ...updateOf(draft) });
      this.child = saved;
      this.draft = undefined;
      void this.#history.run();
      this.done = cardText(this.language, 'saved');
      this.dispatchEvent(
        new CustomEvent('diary-child-updated', {
          detail: { child: saved },
          bubbles: true,
          composed: true,
        }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="edit"]')?.focus();
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  #showFailure(error: unknown) {
    const failure = describeFailure(error, this.failureContext());
    const fields = failure.kind === 'api' ? failure.fields : [];
    const known = new Set(['lastName', 'firstName', 'middleName', 'birthDate', 'sex', 'snils']);
    const shown = fields
      .filter((f) => known.has(f.path) || f.path === 'inn' || f.path === 'birthCertificate')
      .map((f) => ({
        field: f.path,
        target: f.path === 'birthDate' ? 'birthDate-day' : f.path === 'sex' ? 'sex-male' : f.path,
        message: f.message,
      }));
    if (shown.length === 0) {
      this.failure = failure.message;
      return;
    }
    this.errors = shown;
    void this.#focusSummary();
  }

  async #focusSummary() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')?.focus();
  }

  async #startAction(action: SchoolAction) {
    this.action = action;
    this.challenge = undefined;
    this.schoolValues = EMPTY_SCHOOL_VALUES;
    this.schoolErrors = {};
    this.schoolDone = undefined;
    await this.updateComplete;
    const first = action.kind === 'unlink' ? '[part~="send-code"]' : '#schoolCode';
    this.renderRoot.querySelector<HTMLElement>(first)?.focus();
  }

  async #cancelAction() {
    this.action = undefined;
    this.challenge = undefined;
    this.schoolErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="link"], [part~="change"]')?.focus();
  }

  /** Runs a school call; field errors beside their boxes, the rest above the buttons. */
  async #schoolCall(call: (client: ChildCardClient) => Promise<void>) {
    const client = this.#client;
    if (!client || this.busy) return;
    this.busy = true;
    this.schoolErrors = {};
    try {
      await call(client);
    } catch (error) {
      const failure = describeFailure(error, this.failureContext());
      const errors: Record<string, string> = {};
      const fields = failure.kind === 'api' ? failure.fields : [];
      for (const f of fields)
        if (['schoolCode', 'rosterId', 'code'].includes(f.path))
          errors[f.path] =
            failure.kind === 'api' && failure.code !== 'validation_failed'
              ? failure.message
              : f.message;
      if (Object.keys(errors).length === 0) {
        if (this.challenge) errors['code'] = failure.message;
        else errors['form'] = failure.message;
      }
      this.schoolErrors = errors;
      await this.updateComplete;
      const first = Object.keys(errors)[0];
      if (first && first !== 'form')
        this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  async #sendCode(child: Child) {
    const action = this.action;
    if (!action) return;
    await this.#schoolCall(async (client) => {
      const v = this.schoolValues;
      const target = {
        schoolCode: normalizeSchoolCode(v.schoolCode) ?? v.schoolCode,
        rosterId: normalizeRosterId(v.rosterId) ?? v.rosterId,
      };
      const input =
        action.kind === 'link'
          ? { kind: action.kind, ...target }
          : action.kind === 'change'
            ? { kind: action.kind, linkId: action.link.id, ...target }
            : { kind: action.kind, linkId: action.link.id };
      this.challenge = await client.children.startSchoolChange({ childId: child.id, ...input });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#code')?.focus();
    });
  }

  async #resend() {
    const challenge = this.challenge;
    if (!challenge || cooldownSeconds(challenge, new Date()) > 0) return;
    await this.#schoolCall(async (client) => {
      this.challenge = await client.auth.resend({ challengeId: challenge.challengeId });
    });
  }

  async #confirm(child: Child) {
    const challenge = this.challenge;
    const action = this.action;
    if (!challenge || !action) return;
    await this.#schoolCall(async (client) => {
      const code = this.schoolValues.code;
      const { items } = await client.children.confirmSchoolChange({
        childId: child.id,
        challengeId: challenge.challengeId,
        code: normalizeOneTimeCode(code) ?? code,
      });
      this.links = items;
      this.action = undefined;
      this.challenge = undefined;
      const done = { link: 'linked', change: 'changed', unlink: 'unlinked' } as const;
      this.schoolDone = cardText(this.language, done[action.kind]);
      this.dispatchEvent(
        new CustomEvent('diary-school-changed', {
          detail: { links: items },
          bubbles: true,
          composed: true,
        }),
      );
      void this.#card.run();
      void this.#history.run();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-child-card': DiaryChildCard;
  }
}
