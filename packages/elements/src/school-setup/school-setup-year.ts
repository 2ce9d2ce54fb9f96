import { PERIOD_COUNTS, type Holiday, type PeriodKind } from '@school-diary/core';
import { html } from 'lit';
import { textNotice } from '../shared/notices';
import { byLastSegment, type SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';
import type { SchoolSetupKey } from './school-setup-text';

const KINDS = [
  'quarter',
  'trimester',
  'half_year',
  'year',
] as const satisfies readonly PeriodKind[];
const ROMAN = ['I', 'II', 'III', 'IV'];

const holidayField = byLastSegment({
  name: 'holiday-name',
  startDate: 'holiday-start',
  endDate: 'holiday-end',
});

/** `periods.1.endDate` → `period-1-end`; the year's own fields by name. */
const newYearField = (path: string): string | undefined => {
  const period = /^periods(?:\.(\d+)\.(startDate|endDate))?/.exec(path);
  if (period) return `period-${period[1] ?? 0}-${period[2] === 'endDate' ? 'end' : 'start'}`;
  const own: Record<string, string> = {
    name: 'year-name',
    startDate: 'year-start',
    endDate: 'year-end',
    periodKind: 'year-kind',
  };
  return own[path];
};

/** The name of period `i` of a kind in the admin's language: «II четверть», `Quarter 2`. */
function periodName(form: SetupForm, kind: PeriodKind, i: number): string {
  return form.t(`period_${kind}` satisfies SchoolSetupKey, {
    roman: ROMAN[i] ?? String(i + 1),
    number: i + 1,
  });
}

/** The school year: a form to create one, or its periods, renaming, deleting and holidays. */
export function renderYear(form: SetupForm, loaded: Loaded) {
  const { year } = loaded;
  if (!year) return form.section('year', form.t('newYear'), renderNewYear(form, loaded));
  const period = (from: string, to: string) => `${form.date(from)} — ${form.date(to)}`;
  const renaming = form.value('editing') === `year:${year.id}`;
  return form.section(
    'year',
    form.t('year', { name: year.name }),
    html`<p>
        ${form.t('yearDates', { from: form.date(year.startDate), to: form.date(year.endDate) })}
      </p>
      ${
        renaming
          ? html`${form.field('year-rename', form.t('yearName'), {
              hint: form.t('yearNameHint'),
              width: 'year',
              value: year.name,
            })}
            ${form.button('year', 'save', form.t('save'), () => void renameYear(form, loaded))}
            ${form.button('year', 'cancel', form.t('cancel'), () => form.set({ editing: '' }))}`
          : html`${form.button(
              'year',
              'rename',
              form.t('rename'),
              () => {
                form.set({ editing: `year:${year.id}`, 'year-rename': year.name });
                void form.focus('year-rename');
              },
              form.t('renameYear', { name: year.name }),
            )}
            ${form.button(
              'year',
              'remove',
              form.t('remove'),
              () => void removeYear(form, loaded),
              form.t('removeYear', { name: year.name }),
            )}`
      }
      <p>${form.t('periods')}</p>
      <ul part="list">
        ${year.periods.map(
          (p) => html`<li part="item">${p.name}: ${period(p.startDate, p.endDate)}</li>`,
        )}
      </ul>
      <p>${form.t('holidays')}</p>
      ${
        loaded.holidays.length === 0
          ? html`<p>${form.t('noHolidays')}</p>`
          : html`<ul part="list">
              ${loaded.holidays.map(
                (h) =>
                  html`<li part="item">
                    <span>${h.name}: ${period(h.startDate, h.endDate)}</span>
                    ${form.button(
                      'year',
                      'remove',
                      form.t('remove'),
                      () => void removeHoliday(form, loaded, h),
                      form.t('removeHoliday', { name: h.name }),
                    )}
                  </li>`,
              )}
            </ul>`
      }
      ${form.field('holiday-name', form.t('holidayName'))}
      ${form.field('holiday-start', form.t('startDate'), { hint: form.t('dateHint') })}
      ${form.field('holiday-end', form.t('endDate'), { hint: form.t('dateHint') })}
      ${form.button('year', 'add', form.t('addHoliday'), () => void addHoliday(form, loaded))}`,
  );
}

function kindOf(form: SetupForm): PeriodKind {
  const kind = form.value('year-kind');
  return KINDS.find((k) => k === kind) ?? 'quarter';
}

function renderNewYear(form: SetupForm, loaded: Loaded) {
  const kind = kindOf(form);
  const count = PERIOD_COUNTS[kind];
  return html`${textNotice(form.t('noYear'))}
  ${form.field('year-name', form.t('yearName'), { hint: form.t('yearNameHint'), width: 'year' })}
  ${form.field('year-start', form.t('startDate'), { hint: form.t('dateHint') })}
  ${form.field('year-end', form.t('endDate'), { hint: form.t('dateHint') })}
  ${form.select(
    'year-kind',
    form.t('periodKind'),
    KINDS.map((k) => ({ value: k, label: form.t(`kind_${k}` satisfies SchoolSetupKey) })),
    'quarter',
  )}
  ${Array.from(
    { length: count },
    (_, i) =>
      html`<fieldset part="group">
        <legend>${periodName(form, kind, i)}</legend>
        ${form.field(`period-${i}-start`, form.t('startDate'), { hint: form.t('dateHint') })}
        ${form.field(`period-${i}-end`, form.t('endDate'), { hint: form.t('dateHint') })}
      </fieldset>`,
  )}
  ${form.button('year', 'add', form.t('addYear'), () => void createYear(form, loaded))}`;
}

async function createYear(form: SetupForm, loaded: Loaded) {
  const kind = kindOf(form);
  const name = form.value('year-name');
  await form.run('year', newYearField, async (client) => {
    await client.setup.createSchoolYear({
      schoolId: loaded.schoolId,
      name,
      startDate: form.value('year-start'),
      endDate: form.value('year-end'),
      periodKind: kind,
      periods: Array.from({ length: PERIOD_COUNTS[kind] }, (_, i) => ({
        name: periodName(form, kind, i),
        startDate: form.value(`period-${i}-start`),
        endDate: form.value(`period-${i}-end`),
      })),
    });
    return form.t('yearAdded', { name });
  });
}

async function renameYear(form: SetupForm, loaded: Loaded) {
  const year = loaded.year;
  if (!year) return;
  const name = form.value('year-rename');
  await form.run(
    'year',
    (path) => (path === 'name' ? 'year-rename' : undefined),
    async (client) => {
      await client.setup.updateSchoolYear({
        schoolYearId: year.id,
        name,
        startDate: year.startDate,
        endDate: year.endDate,
        periods: year.periods.map((p) => ({
          name: p.name,
          startDate: p.startDate,
          endDate: p.endDate,
        })),
      });
      form.set({ editing: '' });
      return form.t('yearRenamed', { name });
    },
  );
}

async function removeYear(form: SetupForm, loaded: Loaded) {
  const year = loaded.year;
  if (!year) return;
  await form.run(
    'year',
    () => undefined,
    async (client) => {
      await client.setup.removeSchoolYear({ schoolYearId: year.id });
      return form.t('yearRemoved', { name: year.name });
    },
  );
}

async function addHoliday(form: SetupForm, loaded: Loaded) {
  const year = loaded.year;
  if (!year) return;
  await form.run('year', holidayField, async (client) => {
    const holiday = {
      name: form.value('holiday-name'),
      startDate: form.value('holiday-start'),
      endDate: form.value('holiday-end'),
    };
    await client.setup.setHolidays({
      schoolYearId: year.id,
      items: [...loaded.holidays, holiday],
    });
    form.clear('holiday-name', 'holiday-start', 'holiday-end');
    return form.t('holidayAdded');
  });
}

async function removeHoliday(form: SetupForm, loaded: Loaded, holiday: Holiday) {
  const year = loaded.year;
  if (!year) return;
  await form.run('year', holidayField, async (client) => {
    const items = loaded.holidays.filter((h) => h !== holiday);
    await client.setup.setHolidays({ schoolYearId: year.id, items });
    return form.t('holidayRemoved', { name: holiday.name });
  });
}
