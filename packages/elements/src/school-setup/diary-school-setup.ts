import type { Bell } from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isSchoolSetupClient, type SchoolSetupClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { renderHeading, type HeadingLevel } from '../shared/heading';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { renderBells, renderRounding } from './school-setup-bells';
import { SetupForm } from './school-setup-form';
import { renderClasses, renderSubjects } from './school-setup-lists';
import { renderApplications } from './school-setup-applications';
import { renderProfile } from './school-setup-profile';
import { renderRoster } from './school-setup-roster';
import { loadSchool, type Loaded } from './school-setup-load';
import { ImportSection } from './school-setup-import';
import { renderStaff } from './school-setup-staff';
import { TimetableEditor } from './school-setup-timetable';
import { renderYear } from './school-setup-year';

/**
 * A school administrator sets up their school: whether its diary is open to parents, the queue
 * of parents' diary applications (checked, approved or rejected with a reason), an import of the roster (the template, or a
 * OneRoster bundle with its teachers, invited by SMS, and their teaching assignments) previewed
 * before it is applied, the school year with its periods (created here on a fresh school) and holidays, the classes and subjects (added, renamed, deleted), the pupils on the roster with
 * the number each family links their child with, the staff
 * (a teacher or an admin invited by SMS), the bell schedule, each class's weekly timetable with
 * the dates where it does not repeat, making the lessons from it, and the final-mark rounding.
 * Deleting what marks or lessons already refer to is refused with the server's explanation, and
 * nothing is lost. An import widget goes in the `import` slot.
 *
 * @summary The school admin's year, classes, subjects, staff, bells, timetable and rounding.
 * @tag diary-school-setup
 * @slot import - A place for the roster and timetable import, shown first.
 * @csspart base - The widget's box.
 * @csspart section - Each of import, profile, applications, year, classes, roster, subjects, staff, bells, timetable, lessons,
 * rounding.
 * @csspart list - The lists of applications, periods, holidays, classes, pupils (one per class), subjects, staff
 * and timetable changes.
 * @csspart item - One entry of a list.
 * @csspart group - A group of fields: a period of a new year, the lesson editor, the changes, a
 * kind of record in an import's preview.
 * @csspart grid - The scrollable box of the weekly timetable's table.
 * @csspart field - A form field (also `field-<id>`).
 * @csspart input - Text inputs and selects.
 * @csspart button - Every button (also `open-diary`, `close-diary`, `check`, `approve`, `reject`, `add`, `remove`, `rename`, `save`, `cancel`, `invite`,
 * `cell`, `generate`, `preview`, `apply`, `retry`).
 * @csspart notice - Loading, signed-out and done messages.
 * @csspart error - Error messages (also each error of an import's preview, with `item`).
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The sections, list entries and timetable cells.
 * @cssprop --diary-radius - Corner radius.
 * @cssprop --diary-spacing - The spacing unit.
 */
export class DiarySchoolSetup extends DiaryElement {
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
      ul {
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        justify-content: space-between;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) / 2) var(--_space);
      }
      .diary-bell {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      select {
        font: inherit;
        min-block-size: 2.75rem;
        max-inline-size: 100%;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin: 0 0 var(--_space);
        padding: var(--_space);
        min-inline-size: 0;
      }
      .diary-scroll {
        overflow-x: auto;
        margin-block-end: var(--_space);
        /* The cells' visually hidden labels are positioned: contained here, the scroll clips
           them too, and the grid's last column cannot widen the page at 360 px. */
        position: relative;
      }
      table {
        border-collapse: collapse;
      }
      caption {
        text-align: start;
        padding-block-end: calc(var(--_space) / 2);
      }
      th,
      td {
        border: 1px solid var(--_border);
        padding: 2px;
        text-align: center;
      }
      abbr {
        text-decoration: none;
      }
      .diary-cell {
        font: inherit;
        color: inherit;
        background: transparent;
        border: 0;
        min-inline-size: 3rem;
        min-block-size: 2.75rem;
        cursor: pointer;
      }
      .diary-cell:focus-visible {
        outline: 3px solid var(--_focus);
      }
    `,
  ];

  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor bells: readonly Bell[] = [];

  readonly #setup = new Task(this, {
    args: () => [this.#client, this.environment?.session.user] as const,
    task: async ([client, user], { signal }) => {
      if (!client || !user?.schoolId || user.role !== 'school_admin') return initialState;
      return loadSchool(client, user.schoolId, new Date().toISOString().slice(0, 10), signal);
    },
    onComplete: (loaded) => {
      // A reload after another section's change keeps the bells being edited; new ones from the
      // server replace them.
      const bells = JSON.stringify(loaded.bells);
      if (bells !== this.#serverBells) this.bells = loaded.bells;
      this.#serverBells = bells;
      this.#loaded = loaded;
    },
  });

  /** The last answer: kept on screen while a change reloads, so focus stays where it was. */
  #loaded: Loaded | undefined;
  /** The bells as the server last gave them. */
  #serverBells = '';
  readonly #form = new SetupForm(
    this,
    {
      language: () => this.language,
      timeZone: () => this.timeZone,
      headingLevel: () => this.headingLevel,
      client: () => this.#client,
    },
    () => this.#setup.run(),
  );
  readonly #timetable = new TimetableEditor(this.#form, () => this.#loaded);
  readonly #import = new ImportSection(this.#form);

  get #client(): SchoolSetupClient | undefined {
    const client = this.client;
    return isSchoolSetupClient(client) ? client : undefined;
  }

  override render() {
    const form = this.#form;
    const title = renderHeading(this.headingLevel, form.t('title'));
    const user = this.environment?.session.user;
    const notice = !user ? 'signedOut' : user.role !== 'school_admin' ? 'notAdmin' : undefined;
    if (notice)
      return html`<div class="diary-base" part="base">${title}${textNotice(form.t(notice))}</div>`;
    return html`<div class="diary-base" part="base">
      ${title}
      <slot name="import"></slot>
      ${this.#setup.render({
        pending: () =>
          this.#loaded ? this.#renderSections(this.#loaded) : loadingNotice(this.language),
        error: (error) =>
          failureNotice(
            this.language,
            describeFailure(error, this.failureContext()),
            () => void this.#setup.run(),
          ),
        complete: (loaded) => this.#renderSections(loaded),
      })}
    </div>`;
  }

  #renderSections(loaded: Loaded) {
    const form = this.#form;
    const draft = { bells: this.bells, set: (bells: readonly Bell[]) => (this.bells = bells) };
    return html`${this.#import.render(loaded)}${renderProfile(form, loaded)}
    ${renderApplications(form, loaded)}${renderYear(form, loaded)}${renderClasses(form, loaded)}
    ${renderRoster(form, loaded)}${renderSubjects(form, loaded)}${renderStaff(form, loaded)}${renderBells(form, loaded, draft)}
    ${this.#timetable.render(loaded)}${renderRounding(form, loaded)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-school-setup': DiarySchoolSetup;
  }
}
