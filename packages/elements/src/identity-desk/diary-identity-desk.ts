import {
  checkRuPhone,
  checkSnils,
  errorMessage,
  normalizeRuPhone,
  normalizeSnils,
  type GuardianClaim,
  type User,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure, type Failure } from '../shared/failure';
import { renderErrorSummary, renderTextField, type ShownError } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { personName } from '../shared/person-name';
import { controlStyles, hostTokens } from '../shared/theme';
import { identityDeskStyles } from './diary-identity-desk.styles';
import { isIdentityDeskClient, type IdentityDeskClient } from './identity-desk-client';
import { identityDeskText as t } from './identity-desk-text';

/** The document the office checked, as the API names it. */
type IdentityDocument = 'passport' | 'mfc_certificate';

const DOCUMENTS: readonly IdentityDocument[] = ['passport', 'mfc_certificate'];

/** The ids of the controls a field error on the wire belongs to. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  phone: 'phone',
  snils: 'snils',
  document: 'document-passport',
  note: 'note',
};

/** A look-up and what it found: the parent, or `null` when nobody matched. */
interface Lookup {
  readonly phone: string;
  readonly snils: string;
  readonly user: User | null;
}

/**
 * The school office's in-person identity check. The administrator types the phone number and
 * SNILS from the documents a parent shows, sees who was found (name and identity status) or that
 * nobody was, and confirms the identity naming the document checked (passport or MFC
 * certificate). Below, second guardians' pending claims to the school's children, each with
 * «Одобрить». Every field is checked by core's validators before anything is sent, and a field the
 * server refuses shows its message beside that field.
 *
 * @summary A school administrator's in-person identity check and guardian claims.
 * @tag diary-identity-desk
 * @csspart base - The widget's box.
 * @csspart field - Every field (with `field-<name>`).
 * @csspart label - The fields' labels.
 * @csspart input - The text inputs.
 * @csspart hint - The fields' hints.
 * @csspart error - Error messages.
 * @csspart error-summary - The list of a form's errors, linked to their fields.
 * @csspart person - The parent found.
 * @csspart list - The list of guardian claims.
 * @csspart claim - One claim.
 * @csspart button - Every button.
 * @csspart notice - Loading, empty, not found and signed-out messages.
 * @csspart live - The polite live region announcing results.
 * @cssprop --diary-color-primary - Buttons and the edge of the parent found.
 * @cssprop --diary-color-border - The cards' frames.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryIdentityDesk extends DiaryElement {
  static override styles = [hostTokens, controlStyles, identityDeskStyles];

  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor phone = '';
  @state() protected accessor snils = '';
  @state() protected accessor document: IdentityDocument = 'passport';
  @state() protected accessor note = '';
  /** Field errors by their path on the wire. */
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  /** A failure that names no field (no connection, a refusal). */
  @state() protected accessor formError: string | undefined;
  @state() protected accessor lookup: Lookup | undefined;
  @state() protected accessor busy = false;
  @state() protected accessor claims: readonly GuardianClaim[] | undefined;
  @state() protected accessor claimError: string | undefined;
  @state() protected accessor announcement = '';

  readonly #claims = new Task(this, {
    args: () => [this.#client, this.environment?.session.user?.role] as const,
    task: async ([client, role], { signal }) => {
      if (!client || role !== 'school_admin') return initialState;
      return (await client.admin.guardianClaims(undefined, { signal })).items;
    },
    onComplete: (items) => (this.claims = items),
  });

  #focusAfter: string | undefined;

  get #client(): IdentityDeskClient | undefined {
    const client = this.client;
    return isIdentityDeskClient(client) ? client : undefined;
  }

  protected override updated(): void {
    const id = this.#focusAfter;
    if (!id) return;
    this.#focusAfter = undefined;
    this.renderRoot.querySelector<HTMLElement>(id.startsWith('.') ? id : `#${id}`)?.focus();
  }

  #describe(error: unknown): Failure {
    return describeFailure(error, this.failureContext());
  }

  /** Shows a failed call: at its fields when the server named them, else above the form. */
  #showFailure(error: unknown): void {
    const failure = this.#describe(error);
    const fields = failure.kind === 'api' ? failure.fields : [];
    const errors: Record<string, string> = {};
    for (const f of fields) errors[f.path] ??= f.message;
    this.errors = errors;
    this.formError = fields.length ? undefined : failure.message;
    this.#focusAfter = fields.length ? '.diary-summary' : undefined;
  }

  /**
   * The phone and SNILS typed, in their canonical form, checked by core's zod-free rules (the
   * ones its schemas apply); `undefined` after showing each field's error.
   */
  #checkedPerson(): { phone: string; snils: string } | undefined {
    const lang = this.language;
    const errors: Record<string, string> = {};
    const phoneCode = checkRuPhone(this.phone);
    if (phoneCode) errors.phone = errorMessage(phoneCode, { lang, field: 'phone' });
    const snilsCode = checkSnils(this.snils);
    if (snilsCode) errors.snils = errorMessage(snilsCode, { lang, field: 'snils' });
    const phone = normalizeRuPhone(this.phone);
    const snils = normalizeSnils(this.snils);
    if (phone && snils && !phoneCode && !snilsCode) return { phone, snils };
    this.errors = errors;
    this.formError = undefined;
    this.#focusAfter = '.diary-summary';
    return undefined;
  }

  async #onFind(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const person = this.#checkedPerson();
    if (!person) return;
    this.errors = {};
    this.formError = undefined;
    this.lookup = undefined;
    this.busy = true;
    try {
      const { items } = await client.admin.findUser(person);
      this.lookup = { ...person, user: items[0] ?? null };
      this.#focusAfter = 'result-title';
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  async #onConfirm(event: SubmitEvent, lookup: Lookup, user: User): Promise<void> {
    event.preventDefault();
    const client = this.#client;
    if (!client || this.busy) return;
    const note = this.note.trim();
    const input = {
      phone: lookup.phone,
      snils: lookup.snils,
      document: this.document,
      ...(note ? { note } : {}),
    };
    this.busy = true;
    try {
      const confirmed = await client.admin.confirmIdentityInPerson({
        userId: user.id,
        ...input,
      });
      this.lookup = { ...lookup, user: confirmed };
      this.errors = {};
      this.formError = undefined;
      this.note = '';
      this.announcement = t(this.language, 'confirmed', { name: personName(confirmed) });
      this.#focusAfter = 'result-title';
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.busy = false;
    }
  }

  async #onApprove(claim: GuardianClaim): Promise<void> {
    const client = this.#client;
    if (!client || this.busy) return;
    this.busy = true;
    this.claimError = undefined;
    try {
      await client.admin.approveGuardian({ claimId: claim.id });
      this.claims = (this.claims ?? []).filter((c) => c.id !== claim.id);
      this.announcement = t(this.language, 'approved', {
        parent: claim.parentName,
        child: claim.childName,
      });
      this.#focusAfter = 'claims-title';
    } catch (error) {
      this.claimError = this.#describe(error).message;
    } finally {
      this.busy = false;
    }
  }

  #select(target: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  protected override render() {
    const lang = this.language;
    const gate = this.renderSignedInGate(this.#client, t(lang, 'signedOut'));
    if (gate) return gate;
    if (this.environment?.session.user?.role !== 'school_admin')
      return textNotice(t(lang, 'notAdmin'));
    return html`<section class="diary-base" part="base" aria-labelledby="title">
      ${renderHeading(this.headingLevel, t(lang, 'title'), { title: true, id: 'title' })}
      ${this.#renderSearch()} ${this.#renderLookup()} ${this.#renderClaims()}
      <p class="diary-visually-hidden" part="live" role="status" aria-live="polite">
        ${this.announcement}
      </p>
    </section>`;
  }

  #shownErrors(): ShownError[] {
    return Object.entries(this.errors).map(([field, message]) => ({
      field,
      message,
      target: FIELD_IDS[field] ?? field,
    }));
  }

  #renderSearch() {
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    const prefix = t(lang, 'errorPrefix');
    return html`<form novalidate aria-labelledby="search-title" @submit=${this.#onFind}>
      ${renderHeading(level, t(lang, 'searchTitle'), { id: 'search-title' })}
      <p class="diary-hint">${t(lang, 'searchHint')}</p>
      ${renderErrorSummary({
        title: t(lang, 'summaryTitle'),
        errors: this.#shownErrors(),
        level: subLevel(level),
        onSelect: (target) => this.#select(target),
      })}
      ${renderTextField({
        id: 'phone',
        name: 'phone',
        label: t(lang, 'phone'),
        hint: t(lang, 'phoneHint'),
        value: this.phone,
        error: this.errors.phone,
        errorPrefix: prefix,
        type: 'tel',
        inputmode: 'tel',
        part: 'field-phone',
        onInput: (e) => (this.phone = (e.target as HTMLInputElement).value),
      })}
      ${renderTextField({
        id: 'snils',
        name: 'snils',
        label: t(lang, 'snils'),
        hint: t(lang, 'snilsHint'),
        value: this.snils,
        error: this.errors.snils,
        errorPrefix: prefix,
        inputmode: 'numeric',
        width: 'code',
        spellcheck: false,
        part: 'field-snils',
        onInput: (e) => (this.snils = (e.target as HTMLInputElement).value),
      })}
      ${
        this.formError
          ? html`<p class="diary-error" part="error" role="alert">${this.formError}</p>`
          : nothing
      }
      <div>
        <button class="diary-button" part="button find" type="submit" ?disabled=${this.busy}>
          ${this.busy && !this.lookup ? t(lang, 'finding') : t(lang, 'find')}
        </button>
      </div>
    </form>`;
  }

  #renderLookup() {
    const lookup = this.lookup;
    if (!lookup) return nothing;
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    const user = lookup.user;
    if (!user)
      return html`<div class="diary-notice" part="notice" role="alert">
        <p class="diary-text" id="result-title" tabindex="-1">${t(lang, 'notFound')}</p>
      </div>`;
    const status = t(lang, user.identityStatus);
    return html`<div class="diary-person" part="person" aria-labelledby="result-title">
      ${renderHeading(level, `${t(lang, 'foundTitle')}: ${personName(user)}`, {
        id: 'result-title',
      })}
      <p>${user.phone}</p>
      <p data-status=${user.identityStatus}>${t(lang, 'status', { status })}</p>
      ${
        user.identityStatus === 'confirmed_in_person'
          ? html`<p class="diary-text" part="notice">${t(lang, 'alreadyConfirmed')}</p>`
          : this.#renderConfirm(lookup, user)
      }
    </div>`;
  }

  #renderConfirm(lookup: Lookup, user: User) {
    const lang = this.language;
    const prefix = t(lang, 'errorPrefix');
    const documentError = this.errors.document;
    const noteError = this.errors.note;
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.#onConfirm(e, lookup, user)}>
      <fieldset
        class="diary-field${documentError ? ' diary-field--error' : ''}"
        part="field field-document"
        aria-describedby=${documentError ? 'document-error' : nothing}
      >
        <legend class="diary-label" part="label">${t(lang, 'document')}</legend>
        ${
          documentError
            ? html`<p class="diary-error" part="error" id="document-error">
                <span class="diary-visually-hidden">${prefix}</span>${documentError}
              </p>`
            : nothing
        }
        <div class="diary-radios">
          ${DOCUMENTS.map(
            (doc) =>
              html`<label class="diary-radio">
                <input
                  type="radio"
                  name="document"
                  id=${`document-${doc}`}
                  value=${doc}
                  .checked=${this.document === doc}
                  @change=${() => (this.document = doc)}
                />
                ${t(lang, doc)}
              </label>`,
          )}
        </div>
      </fieldset>
      <div class="diary-field${noteError ? ' diary-field--error' : ''}" part="field field-note">
        <label class="diary-label" part="label" for="note">${t(lang, 'note')}</label>
        ${
          noteError
            ? html`<p class="diary-error" part="error" id="note-error">
                <span class="diary-visually-hidden">${prefix}</span>${noteError}
              </p>`
            : nothing
        }
        <textarea
          class="diary-input"
          part="input"
          id="note"
          name="note"
          rows="2"
          maxlength="500"
          aria-invalid=${noteError ? 'true' : nothing}
          aria-describedby=${noteError ? 'note-error' : nothing}
          .value=${this.note}
          @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div>
        <button class="diary-button" part="button confirm" type="submit" ?disabled=${this.busy}>
          ${this.busy ? t(lang, 'confirming') : t(lang, 'confirm')}
        </button>
      </div>
    </form>`;
  }

  #renderClaims() {
    const lang = this.language;
    const level = subLevel(this.headingLevel);
    return html`<section aria-labelledby="claims-title">
      ${renderHeading(level, t(lang, 'claimsTitle'), { id: 'claims-title' })}
      ${
        this.claimError
          ? html`<p class="diary-error" part="error" role="alert">${this.claimError}</p>`
          : nothing
      }
      ${this.#claims.render({
        initial: () => loadingNotice(lang),
        pending: () => (this.claims ? this.#renderClaimList(this.claims) : loadingNotice(lang)),
        error: (error) => failureNotice(lang, this.#describe(error), () => void this.#claims.run()),
        complete: () => this.#renderClaimList(this.claims ?? []),
      })}
    </section>`;
  }

  #renderClaimList(claims: readonly GuardianClaim[]) {
    const lang = this.language;
    if (claims.length === 0) return textNotice(t(lang, 'claimsEmpty'));
    return html`<ul class="diary-list" part="list">
      ${claims.map((claim) => {
        const names = { parent: claim.parentName, child: claim.childName };
        return html`<li class="diary-claim" part="claim" data-claim=${claim.id}>
          <p>${t(lang, 'claim', { ...names, phone: claim.parentPhone })}</p>
          <button
            class="diary-button diary-button--secondary"
            part="button approve"
            type="button"
            aria-label=${t(lang, 'approveLabel', names)}
            ?disabled=${this.busy}
            @click=${() => this.#onApprove(claim)}
          >
            ${t(lang, 'approve')}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-identity-desk': DiaryIdentityDesk;
  }
}
