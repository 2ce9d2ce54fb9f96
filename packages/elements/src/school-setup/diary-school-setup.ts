import type {
  Bell,
  Holiday,
  SchoolClass,
  SchoolYearRecord,
  StaffMember,
  Subject,
} from '@school-diary/core';
import { Task, initialState } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate } from '../shared/dates';
import { isSchoolSetupClient, type SchoolSetupClient } from '../shared/diary-data-client';
import { DiaryElement } from '../shared/diary-element';
import { describeFailure } from '../shared/failure';
import { renderTextField } from '../shared/form-field';
import { renderHeading, subLevel, type HeadingLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import { loadingNotice } from '../shared/loading-notice';
import { failureNotice, textNotice } from '../shared/notices';
import { controlStyles, hostTokens } from '../shared/theme';
import { schoolSetupText, type SchoolSetupKey } from './school-setup-text';

type Section = 'year' | 'classes' | 'subjects' | 'staff' | 'bells';

/** The ids of each section's inputs, by the API's field path. */
const FIELDS: Readonly<Record<Section, Readonly<Record<string, string>>>> = {
  year: { name: 'holiday-name', startDate: 'holiday-start', endDate: 'holiday-end' },
  classes: { name: 'class-name', grade: 'class-grade' },
  subjects: { name: 'subject-name', shortName: 'subject-short' },
  staff: { phone: 'staff-phone', lastName: 'staff-last', firstName: 'staff-first' },
  bells: {},
};

interface Loaded {
  readonly schoolId: string;
  readonly year: SchoolYearRecord | undefined;
  readonly holidays: readonly Holiday[];
  readonly classes: readonly SchoolClass[];
  readonly subjects: readonly Subject[];
  readonly staff: readonly StaffMember[];
  readonly bells: readonly Bell[];
}

/**
 * A school administrator sets up their school: the current school year with its periods and
 * holidays, the classes, the subjects, the staff (a teacher or an admin invited by SMS) and the
 * bell schedule. Deleting a class or a subject that marks or lessons already refer to is refused
 * with the server's explanation, and nothing is lost. An import widget goes in the `import` slot.
 *
 * @summary The school admin's year, holidays, classes, subjects, staff and bells.
 * @tag diary-school-setup
 * @slot import - A place for the roster and timetable import, shown first.
 * @csspart base - The widget's box.
 * @csspart section - Each of year, classes, subjects, staff and bells.
 * @csspart list - The lists of periods, holidays, classes, subjects and staff.
 * @csspart item - One entry of a list.
 * @csspart field - A form field (also `field-<id>`).
 * @csspart input - Text inputs and the role select.
 * @csspart button - Every button (also `add`, `remove`, `invite`, `save`, `retry`).
 * @csspart notice - Loading, signed-out and done messages.
 * @csspart error - Error messages.
 * @cssprop --diary-color-primary - Buttons.
 * @cssprop --diary-color-border - The sections and list entries.
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
      }
    `,
  ];

  /**
   * The level of the widget's headings (`2` by default), or `none` to leave out its title where
   * the page's own heading already says it.
   */
  @property({ attribute: 'heading-level' }) accessor headingLevel: HeadingLevel = '2';
  @state() protected accessor values: Readonly<Record<string, string>> = {};
  @state() protected accessor errors: Readonly<Record<string, string>> = {};
  @state() protected accessor done: Partial<Record<Section, string>> = {};
  @state() protected accessor busy: Section | undefined;
  @state() protected accessor bells: readonly Bell[] = [];

  readonly #setup = new Task(this, {
    args: () => [this.#client, this.environment?.session.user] as const,
    task: async ([client, user], { signal }) => {
      if (!client || !user?.schoolId || user.role !== 'school_admin') return initialState;
      const schoolId = user.schoolId;
      const [years, classes, subjects, staff, bells] = await Promise.all([
        client.setup.schoolYears({ schoolId }, { signal }),
        client.classes.list(undefined, { signal }),
        client.setup.subjects({ schoolId }, { signal }),
        client.setup.staff({ schoolId }, { signal }),
        client.setup.bells({ schoolId }, { signal }),
      ]);
      const today = new Date().toISOString().slice(0, 10);
      const year =
        years.items.find((y) => y.startDate <= today && today <= y.endDate) ?? years.items.at(-1);
      const holidays = year
        ? (await client.setup.holidays({ schoolYearId: year.id }, { signal })).items
        : [];
      const loaded: Loaded = {
        schoolId,
        year,
        holidays,
        classes: classes.items,
        subjects: subjects.items,
        staff: staff.items,
        bells: bells.items,
      };
      return loaded;
    },
    onComplete: (loaded) => {
      this.bells = loaded.bells;
      this.#loaded = loaded;
    },
  });

  /** The last answer: kept on screen while a change reloads, so focus stays where it was. */
  #loaded: Loaded | undefined;

  get #client(): SchoolSetupClient | undefined {
    const client = this.client;
    return isSchoolSetupClient(client) ? client : undefined;
  }

  #t(key: SchoolSetupKey, params?: Record<string, string | number>) {
    return schoolSetupText(this.language, key, params);
  }

  override render() {
    const title = renderHeading(this.headingLevel, this.#t('title'));
    const user = this.environment?.session.user;
    const notice = !user ? 'signedOut' : user.role !== 'school_admin' ? 'notAdmin' : undefined;
    if (notice)
      return html`<div class="diary-base" part="base">${title}${textNotice(this.#t(notice))}</div>`;
    return html`<div class="diary-base" part="base">
      ${title}
      <slot name="import"></slot>
      ${this.#setup.render({
        pending: () =>
          this.#loaded ? this.#renderSections(this.#loaded) : loadingNotice(this.language),
        error: (error) =>
          failureNotice(
            this.language,
            describeFailure(error, {
              lang: this.language,
              now: new Date(),
              timeZone: this.timeZone,
            }).message,
            () => void this.#setup.run(),
          ),
        complete: (loaded) => this.#renderSections(loaded),
      })}
    </div>`;
  }

  #renderSections(loaded: Loaded) {
    return html`${this.#renderYear(loaded)}${this.#renderClasses(loaded)}
    ${this.#renderSubjects(loaded)}${this.#renderStaff(loaded)}${this.#renderBells(loaded)}`;
  }

  #section(name: Section, heading: string, body: TemplateResult): TemplateResult {
    return html`<section part="section" aria-labelledby="${name}-heading">
      <div id="${name}-heading">${renderHeading(subLevel(this.headingLevel), heading)}</div>
      ${body}${this.done[name] ? textNotice(this.done[name], 'status') : nothing}
    </section>`;
  }

  #field(id: string, label: string, hint?: string): TemplateResult {
    return renderTextField({
      id,
      name: id,
      label,
      value: this.values[id] ?? '',
      hint,
      error: this.errors[id],
      errorPrefix: sharedText(this.language, 'errorPrefix'),
      part: `field-${id}`,
      onInput: (event) => {
        this.values = { ...this.values, [id]: (event.target as HTMLInputElement).value };
      },
    });
  }

  #button(section: Section, part: string, label: string, onClick: () => void, aria?: string) {
    return html`<button
      type="button"
      class="diary-button${part === 'remove' ? ' diary-button--secondary' : ''}"
      part="button ${part}"
      aria-label=${aria ?? nothing}
      aria-disabled=${this.busy === section ? 'true' : nothing}
      @click=${() => {
        // aria-disabled, not disabled: a disabled button would drop the keyboard user's focus.
        if (this.busy !== section) onClick();
      }}
    >
      ${label}
    </button>`;
  }

  #date(date: string) {
    return formatDate(this.language, date, { dateStyle: 'medium' }, this.timeZone);
  }

  #renderYear(loaded: Loaded) {
    const { year } = loaded;
    if (!year) return this.#section('year', this.#t('holidays'), textNotice(this.#t('noYear')));
    const period = (from: string, to: string) => `${this.#date(from)} — ${this.#date(to)}`;
    return this.#section(
      'year',
      this.#t('year', { name: year.name }),
      html`<p>${this.#t('periods')}</p>
        <ul part="list">
          ${year.periods.map(
            (p) => html`<li part="item">${p.name}: ${period(p.startDate, p.endDate)}</li>`,
          )}
        </ul>
        <p>${this.#t('holidays')}</p>
        ${
          loaded.holidays.length === 0
            ? html`<p>${this.#t('noHolidays')}</p>`
            : html`<ul part="list">
                ${loaded.holidays.map(
                  (h) =>
                    html`<li part="item">
                      <span>${h.name}: ${period(h.startDate, h.endDate)}</span>
                      ${this.#button(
                        'year',
                        'remove',
                        this.#t('remove'),
                        () => void this.#removeHoliday(loaded, h),
                        this.#t('removeHoliday', { name: h.name }),
                      )}
                    </li>`,
                )}
              </ul>`
        }
        ${this.#field('holiday-name', this.#t('holidayName'))}
        ${this.#field('holiday-start', this.#t('startDate'), this.#t('dateHint'))}
        ${this.#field('holiday-end', this.#t('endDate'), this.#t('dateHint'))}
        ${this.#button('year', 'add', this.#t('addHoliday'), () => void this.#addHoliday(loaded))}`,
    );
  }

  #renderClasses(loaded: Loaded) {
    return this.#section(
      'classes',
      this.#t('classes'),
      html`${
        loaded.classes.length === 0
          ? html`<p>${this.#t('noClasses')}</p>`
          : html`<ul part="list">
              ${loaded.classes.map(
                (c) =>
                  html`<li part="item">
                    <span>${c.name}</span>
                    ${this.#button(
                      'classes',
                      'remove',
                      this.#t('remove'),
                      () => void this.#removeClass(c),
                      this.#t('removeClass', { name: c.name }),
                    )}
                  </li>`,
              )}
            </ul>`
      }
      ${this.#field('class-name', this.#t('className'), this.#t('classNameHint'))}
      ${this.#field('class-grade', this.#t('grade'))}
      ${this.#button('classes', 'add', this.#t('addClass'), () => void this.#addClass(loaded))}`,
    );
  }

  #renderSubjects(loaded: Loaded) {
    return this.#section(
      'subjects',
      this.#t('subjects'),
      html`${
        loaded.subjects.length === 0
          ? html`<p>${this.#t('noSubjects')}</p>`
          : html`<ul part="list">
              ${loaded.subjects.map(
                (s) =>
                  html`<li part="item">
                    <span>${s.name} (${s.shortName})</span>
                    ${this.#button(
                      'subjects',
                      'remove',
                      this.#t('remove'),
                      () => void this.#removeSubject(s),
                      this.#t('removeSubject', { name: s.name }),
                    )}
                  </li>`,
              )}
            </ul>`
      }
      ${this.#field('subject-name', this.#t('subjectName'))}
      ${this.#field('subject-short', this.#t('shortName'))}
      ${this.#button('subjects', 'add', this.#t('addSubject'), () => void this.#addSubject(loaded))}`,
    );
  }

  #renderStaff(loaded: Loaded) {
    const role = this.values['staff-role'] ?? 'teacher';
    return this.#section(
      'staff',
      this.#t('staff'),
      html`<ul part="list">
          ${loaded.staff.map(
            (m) =>
              html`<li part="item">
                ${[m.lastName, m.firstName, m.middleName].filter(Boolean).join(' ')} —
                ${this.#t(m.role === 'school_admin' ? 'school_admin' : 'teacher')}, ${m.phone}
              </li>`,
          )}
        </ul>
        ${this.#field('staff-phone', this.#t('phone'), this.#t('phoneHint'))}
        ${this.#field('staff-last', this.#t('lastName'))}
        ${this.#field('staff-first', this.#t('firstName'))}
        <div class="diary-field" part="field field-staff-role">
          <label class="diary-label" part="label" for="staff-role">${this.#t('role')}</label>
          <select
            id="staff-role"
            part="input"
            .value=${role}
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              this.values = { ...this.values, 'staff-role': value };
            }}
          >
            <option value="teacher">${this.#t('teacher')}</option>
            <option value="school_admin">${this.#t('school_admin')}</option>
          </select>
        </div>
        ${this.#button('staff', 'invite', this.#t('invite'), () => void this.#invite(loaded))}`,
    );
  }

  #renderBells(loaded: Loaded) {
    const setBell = (i: number, key: 'startTime' | 'endTime', value: string) => {
      this.bells = this.bells.map((b, n) => (n === i ? { ...b, [key]: value } : b));
    };
    return this.#section(
      'bells',
      this.#t('bells'),
      html`${this.bells.map(
        (b, i) =>
          html`<div class="diary-bell">
            ${this.#timeField(
              `bell-${i}-start`,
              this.#t('starts', { number: b.number }),
              b.startTime,
              (v) => setBell(i, 'startTime', v),
            )}
            ${this.#timeField(
              `bell-${i}-end`,
              this.#t('ends', { number: b.number }),
              b.endTime,
              (v) => setBell(i, 'endTime', v),
            )}
          </div>`,
      )}
      ${this.#button('bells', 'add', this.#t('addBell'), () => {
        const last = this.bells.at(-1);
        this.bells = [
          ...this.bells,
          { number: (last?.number ?? 0) + 1, startTime: '', endTime: '' },
        ];
      })}
      ${this.#button('bells', 'save', this.#t('saveBells'), () => void this.#saveBells(loaded))}`,
    );
  }

  #timeField(id: string, label: string, value: string, set: (value: string) => void) {
    return renderTextField({
      id,
      name: id,
      label,
      value,
      hint: this.#t('timeHint'),
      error: this.errors[id],
      errorPrefix: sharedText(this.language, 'errorPrefix'),
      width: 'short',
      inputmode: 'numeric',
      part: `field-${id}`,
      onInput: (event) => set((event.target as HTMLInputElement).value),
    });
  }

  /** Runs one section's call: errors at its fields (or as its notice), its done message after. */
  async #run(section: Section, call: (client: SchoolSetupClient) => Promise<string>) {
    const client = this.#client;
    if (!client) return;
    const ids = FIELDS[section];
    this.busy = section;
    this.done = { ...this.done, [section]: undefined };
    this.errors = Object.fromEntries(
      Object.entries(this.errors).filter(
        ([id]) => !Object.values(ids).includes(id) && !id.startsWith('bell-'),
      ),
    );
    try {
      const message = await call(client);
      this.done = { ...this.done, [section]: message };
      await this.#setup.run();
    } catch (error) {
      const failure = describeFailure(error, {
        lang: this.language,
        now: new Date(),
        timeZone: this.timeZone,
      });
      const fields = failure.kind === 'api' ? failure.fields : [];
      const errors = { ...this.errors };
      const shown: string[] = [];
      for (const f of fields) {
        const id = ids[f.path.split('.').pop() ?? ''] ?? this.#bellField(f.path);
        if (!id) continue;
        errors[id] = f.message;
        shown.push(id);
      }
      this.errors = errors;
      if (shown.length === 0) this.done = { ...this.done, [section]: failure.message };
      await this.updateComplete;
      if (shown[0]) this.renderRoot.querySelector<HTMLElement>(`#${shown[0]}`)?.focus();
    } finally {
      this.busy = undefined;
    }
  }

  /** `items.2.endTime` → the input `bell-2-end`. */
  #bellField(path: string): string | undefined {
    const match = /^items\.(\d+)\.(startTime|endTime)$/.exec(path);
    return match ? `bell-${match[1]}-${match[2] === 'startTime' ? 'start' : 'end'}` : undefined;
  }

  #value(id: string) {
    return (this.values[id] ?? '').trim();
  }

  #clear(...ids: string[]) {
    this.values = { ...this.values, ...Object.fromEntries(ids.map((id) => [id, ''])) };
  }

  async #addHoliday(loaded: Loaded) {
    const year = loaded.year;
    if (!year) return;
    await this.#run('year', async (client) => {
      const holiday = {
        name: this.#value('holiday-name'),
        startDate: this.#value('holiday-start'),
        endDate: this.#value('holiday-end'),
      };
      await client.setup.setHolidays({
        schoolYearId: year.id,
        items: [...loaded.holidays, holiday],
      });
      this.#clear('holiday-name', 'holiday-start', 'holiday-end');
      return this.#t('holidayAdded');
    });
  }

  async #removeHoliday(loaded: Loaded, holiday: Holiday) {
    const year = loaded.year;
    if (!year) return;
    await this.#run('year', async (client) => {
      const items = loaded.holidays.filter((h) => h !== holiday);
      await client.setup.setHolidays({ schoolYearId: year.id, items });
      return this.#t('holidayRemoved', { name: holiday.name });
    });
  }

  async #addClass(loaded: Loaded) {
    await this.#run('classes', async (client) => {
      const name = this.#value('class-name');
      const grade = Number(this.#value('class-grade'));
      await client.setup.createClass({
        schoolId: loaded.schoolId,
        name,
        grade: Number.isNaN(grade) ? 0 : grade,
        schoolYear: loaded.year?.name ?? '',
      });
      this.#clear('class-name', 'class-grade');
      return this.#t('classAdded', { name });
    });
  }

  async #removeClass(cls: SchoolClass) {
    await this.#run('classes', async (client) => {
      await client.setup.removeClass({ classId: cls.id });
      return this.#t('classRemoved', { name: cls.name });
    });
  }

  async #addSubject(loaded: Loaded) {
    await this.#run('subjects', async (client) => {
      const name = this.#value('subject-name');
      await client.setup.createSubject({
        schoolId: loaded.schoolId,
        name,
        shortName: this.#value('subject-short'),
      });
      this.#clear('subject-name', 'subject-short');
      return this.#t('subjectAdded', { name });
    });
  }

  async #removeSubject(subject: Subject) {
    await this.#run('subjects', async (client) => {
      await client.setup.removeSubject({ subjectId: subject.id });
      return this.#t('subjectRemoved', { name: subject.name });
    });
  }

  async #invite(loaded: Loaded) {
    await this.#run('staff', async (client) => {
      const role = this.values['staff-role'] === 'school_admin' ? 'school_admin' : 'teacher';
      const invitation = await client.setup.inviteStaff({
        schoolId: loaded.schoolId,
        phone: this.#value('staff-phone'),
        lastName: this.#value('staff-last'),
        firstName: this.#value('staff-first'),
        role,
      });
      this.#clear('staff-phone', 'staff-last', 'staff-first');
      return this.#t('invited', { sentTo: invitation.sentTo });
    });
  }

  async #saveBells(loaded: Loaded) {
    await this.#run('bells', async (client) => {
      await client.setup.setBells({ schoolId: loaded.schoolId, items: [...this.bells] });
      return this.#t('bellsSaved');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'diary-school-setup': DiarySchoolSetup;
  }
}
