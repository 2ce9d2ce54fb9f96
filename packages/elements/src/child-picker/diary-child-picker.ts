import type { Child, Role } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { childPickerText } from './child-picker-text';
import { childPickerStyles } from './diary-child-picker.styles';

const nameOf = (child: Child): string => `${child.firstName} ${child.lastName}`;

/**
 * Whether an account of `role` has children of its own to choose from: a parent's, a student
 * themself. Read from the role, as `<diary-support>` does: importing core's route table for one
 * access list would put the whole table in a chunk of its own on every page.
 */
const hasChildren = (role: Role): boolean => role === 'parent' || role === 'student';

/**
 * Lets a parent choose which of their children the page shows. It lists the signed-in parent's
 * children (through the provider) and selects one; every widget inside the same
 * `<diary-provider>` that has no `child-id` of its own shows the selected child. With one child it
 * names the child instead of offering a choice. The choice is kept for the tab, so the next page
 * of the site shows the same child.
 *
 * @summary Chooses the child that the widgets without `child-id` show.
 * @tag diary-child-picker
 * @csspart base - The wrapper.
 * @csspart label - The «Ребёнок» label (or, with one child, the child's name).
 * @csspart select - The native select of the children.
 * @csspart unavailable - A notice instead of the picker (not set up, a failed load that may
 *   succeed again). An account that may not list children (a teacher), or a parent with none yet
 *   (the widgets below say so), sees no picker.
 * @cssprop --diary-color-primary - The focus ring and the select's border on hover.
 * @cssprop --diary-color-border - The select's border.
 * @cssprop --diary-font-family - Font of the widget.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiaryChildPicker extends DiaryElement {
  static override styles = [hostTokens, controlStyles, childPickerStyles];

  /** The picker needs the list: ask the provider for it once a parent or student is signed in. */
  protected override willUpdate(): void {
    const env = this.environment;
    const user = env?.session.user;
    if (user && hasChildren(user.role) && env.children.status === 'idle') env.loadChildren();
  }

  protected override render(): TemplateResult | typeof nothing {
    const unavailable = this.renderUnavailable();
    if (unavailable) return unavailable;
    const env = this.environment;
    const lang = this.language;
    if (env?.session.restoring) return loadingNotice(lang, 'unavailable');
    // Signed out, or an account without children of its own (a teacher): nothing to choose.
    if (!env?.session.user || !hasChildren(env.session.user.role)) return nothing;
    const { status, items, selectedId } = env.children;
    if (status === 'error') {
      const failure = describeFailure(env.children.error, this.failureContext());
      // Refused (an account without children of its own, e.g. a teacher): the widgets that follow
      // the selected child say so once; a second notice here would only repeat them.
      if (!failure.retryable) return nothing;
      return failureNotice(lang, failure, env.loadChildren, {
        part: 'unavailable',
        secondary: true,
      });
    }
    if (status !== 'ready') return loadingNotice(lang, 'unavailable');
    // No children yet: the widgets that follow the selected child say so, with the way forward;
    // the same sentence above them would only repeat it.
    if (items.length === 0) return nothing;
    return html`<div class="diary-picker" part="base" lang=${lang}>
      ${items.length === 1 ? this.#renderOnly(items[0] as Child) : this.#renderSelect(items, selectedId)}
    </div>`;
  }

  #renderOnly(child: Child) {
    return html`<p class="diary-text" part="label">
      ${childPickerText(this.language, 'only', { name: nameOf(child) })}
    </p>`;
  }

  #renderSelect(items: readonly Child[], selectedId: string | undefined) {
    return html`<label class="diary-label" part="label" for="child">
        ${childPickerText(this.language, 'label')}
      </label>
      <select
        id="child"
        class="diary-input"
        part="select"
        @change=${(event: Event) =>
          this.environment?.selectChild((event.target as HTMLSelectElement).value)}
      >
        ${items.map(
          (child) =>
            html`<option value=${child.id} ?selected=${child.id === selectedId}>
              ${nameOf(child)}
            </option>`,
        )}
      </select>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-child-picker': DiaryChildPicker;
  }
}
