import {
  checkBirthDate,
  errorMessage,
  parseRuDate,
  type ErrorCode,
  type Lang,
} from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, renderError, renderHint } from './form-field';
import { LOCALES } from './plural';

/** The three boxes of a date of birth, as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** Which box a date error points at (the summary links to it); `day` for the date as a whole. */
export type DatePart = keyof DateParts;

/** A date-of-birth problem: the message and the box to highlight and focus. */
export interface DateProblem {
  readonly code: ErrorCode;
  readonly part: DatePart;
  /** `true` when the whole date is wrong (every box is highlighted). */
  readonly whole: boolean;
  readonly message: string;
}

let monthNames: Map<string, number> | undefined;

/** Month names as `Intl` writes them in Russian and English: nominative, genitive, short. */
function names(): Map<string, number> {
  if (monthNames) return monthNames;
  monthNames = new Map();
  const styles: Intl.DateTimeFormatOptions[] = [
    { month: 'long' },
    { month: 'short' },
    { month: 'long', day: 'numeric' },
  ];
  for (const locale of Object.values(LOCALES)) {
    for (const options of styles) {
      const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month += 1) {
        const part = format
          .formatToParts(new Date(Date.UTC(2001, month - 1, 15)))
          .find((p) => p.type === 'month');
        if (part) monthNames.set(fold(part.value), month);
      }
    }
  }
  return monthNames;
}

const fold = (text: string): string =>
  text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');

/**
 * The month number of a month box: `3`, `03`, or a month's name in Russian or English, full,
 * genitive or abbreviated (`март`, `марта`, `мар`, `March`, `mar`). Any unambiguous start of
 * three letters or more is accepted. `null` when it is none of these.
 *
 * @example
 * parseMonth('сент'); // 9
 */
export function parseMonth(input: string): number | null {
  const text = fold(input);
  if (/^\d{1,2}$/.test(text)) return Number(text);
  if (text.length < 3) return null;
  const exact = names().get(text);
  if (exact !== undefined) return exact;
  const matches = new Set<number>();
  for (const [name, month] of names()) if (name.startsWith(text)) matches.add(month);
  return matches.size === 1 ? ([...matches][0] ?? null) : null;
}

/**
 * The first problem with a date of birth typed into three boxes, in GOV.UK's priority order: the
 * date or a part of it is missing → the year is not 4 digits → the date cannot exist → it breaks
 * a rule (in the future). The rules and the words are core's; the school-age window is not
 * checked here (the form explains it instead of showing an error).
 *
 * @example
 * checkDateParts({ day: '31', month: 'февраля', year: '2016' }, '2026-11-24', 'ru')?.code; // 'impossible_date'
 */
export function checkDateParts(parts: DateParts, today: string, lang: Lang): DateProblem | null {
  const problem = (code: ErrorCode, part: DatePart, field: string, whole = false) => ({
    code,
    part,
    whole,
    message: errorMessage(code, { lang, field }),
  });
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return problem('required', 'day', 'birthDate', true);
  if (!day) return problem('required', 'day', 'birthDay');
  if (!month) return problem('required', 'month', 'birthMonth');
  if (!year) return problem('required', 'year', 'birthYear');
  if (!/^\d{4}$/.test(year)) return problem('format', 'year', 'birthYear');
  const monthNumber = parseMonth(month);
  if (!/^\d{1,2}$/.test(day) || monthNumber === null) {
    return problem('impossible_date', 'day', 'birthDate', true);
  }
  const code = checkBirthDate(`${day}.${monthNumber}.${year}`, { today });
  if (code === null) return null;
  return problem(code === 'format' ? 'impossible_date' : code, 'day', 'birthDate', true);
}

/** The ISO date of three valid boxes, or `null`. */
export function datePartsToIso(parts: DateParts): string | null {
  const month = parseMonth(parts.month);
  if (month === null) return null;
  return parseRuDate(`${parts.day.trim()}.${month}.${parts.year.trim()}`);
}

/** Options of {@link renderDateOfBirth}. */
export interface DateOfBirthOptions {
  /** Id prefix: the boxes are `<id>-day`, `<id>-month`, `<id>-year`. */
  readonly id: string;
  readonly legend: string;
  readonly hint: string;
  readonly labels: Readonly<Record<DatePart, string>>;
  readonly value: DateParts;
  /** The error shown: its words, and the box (or the whole date) it highlights. */
  readonly problem: Pick<DateProblem, 'part' | 'whole' | 'message'> | null;
  readonly errorPrefix: string;
  readonly onInput: (part: DatePart, value: string) => void;
}

/**
 * A date of birth as three boxes in a fieldset whose legend asks the question (GOV.UK date
 * input): `inputmode="numeric"` without a pattern (month names are welcome), no auto-tab, no
 * `bday-*` autocomplete (it is the child's date, not the user's), one error for the date.
 */
export function renderDateOfBirth(o: DateOfBirthOptions): TemplateResult {
  const error = o.problem?.message;
  const invalid = (part: DatePart) =>
    o.problem && (o.problem.whole || o.problem.part === part) ? 'true' : nothing;
  const box = (part: DatePart, width: string) => {
    const id = `${o.id}-${part}`;
    return html`<div>
      <label class="diary-label" part="label" for=${id}>${o.labels[part]}</label>
      <input
        class="diary-input diary-input--${width}"
        part="input input-${part}"
        id=${id}
        name=${id}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${invalid(part)}
        .value=${live(o.value[part])}
        @input=${(event: InputEvent) => o.onInput(part, (event.target as HTMLInputElement).value)}
      />
    </div>`;
  };
  return html`<fieldset
    class="diary-field${error ? ' diary-field--error' : ''}"
    part="field field-birth-date"
    role="group"
    aria-describedby=${describedBy(o.id, o.hint, error) ?? nothing}
  >
    <legend class="diary-legend" part="legend">${o.legend}</legend>
    ${renderHint(o.id, o.hint)} ${renderError(o.id, error, o.errorPrefix)}
    <div class="diary-date">
      ${box('day', 'short')} ${box('month', 'short')} ${box('year', 'year')}
    </div>
  </fieldset>`;
}
