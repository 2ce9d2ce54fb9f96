import {
  errorMessage,
  marksNeededOptions,
  type Lang,
  type MarksNeededPath,
} from '@school-diary/core';
import { html, nothing } from 'lit';
import { sharedText } from '../shared/localize';
import { formatNumber, plural } from '../shared/plural';
import { MARK_FORMS } from '../shared/work-kind-text';
import type { SubjectRow } from './grade-rows';
import { gradeTableText as t } from './grade-table-text';

/** The averages from which the final mark rounds up to 3, 4 and 5. */
const STEPS = [2.5, 3.5, 4.5] as const;

/**
 * The next final mark a subject can reach and the average it takes, or `undefined` when none is
 * (the final mark is already 5, or there are no marks yet): the calculator is offered only then.
 */
export function nextFinal(row: SubjectRow): { mark: number; target: number } | undefined {
  if (row.weighted === null || row.final === null) return undefined;
  const target = STEPS.find((x) => x > (row.weighted ?? 0));
  if (target === undefined) return undefined;
  if (marksNeededOptions(row.marks, { target }).length === 0) return undefined;
  return { mark: Math.round(target), target };
}

/** Parses a target such as `4,5`; an error message from core's catalogue when it is no target. */
function parseTarget(lang: Lang, text: string): number | string {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return errorMessage('required', { lang });
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return errorMessage('format', { lang });
  const value = Number(trimmed);
  if (value < 2) return errorMessage('too_small', { lang, params: { minimum: 2 } });
  if (value > 5) return errorMessage('too_big', { lang, params: { maximum: 5 } });
  return value;
}

function pathText(lang: Lang, path: MarksNeededPath): string {
  return t(lang, 'path', {
    count: plural(lang, path.count, MARK_FORMS[lang]),
    value: String(path.value),
    weight: formatNumber(lang, path.weight),
  });
}

/** What the calculator of one subject needs. */
export interface CalculatorView {
  readonly lang: Lang;
  readonly row: SubjectRow;
  /** The panel's id (the toggle's `aria-controls`). */
  readonly id: string;
  /** The target the reader typed, if any (else the next final mark's average). */
  readonly typed: string | undefined;
  readonly onInput: (text: string) => void;
}

/** The "marks still needed" panel: a target average and the ways to reach it (core's maths). */
export function renderCalculator({ lang, row, id, typed, onInput }: CalculatorView) {
  const text = typed ?? formatNumber(lang, nextFinal(row)?.target ?? 4.5);
  const parsed = parseTarget(lang, text);
  const error = typeof parsed === 'string' ? parsed : undefined;
  const inputId = `${id}-target`;
  let result: unknown = nothing;
  if (typeof parsed === 'number') {
    const paths = marksNeededOptions(row.marks, { target: parsed }).slice(0, 4);
    const target = formatNumber(lang, parsed);
    result =
      paths.length === 0
        ? html`<p class="diary-text">${t(lang, 'unreachable')}</p>`
        : paths[0]?.count === 0
          ? html`<p class="diary-text">${t(lang, 'reached', { target })}</p>`
          : html`<p class="diary-text">${t(lang, 'pathsIntro', { target })}</p>
              <ul class="diary-paths" part="paths">
                ${paths.map((p) => html`<li>${pathText(lang, p)}</li>`)}
              </ul>`;
  }
  return html`<section
    class="diary-calculator"
    part="calculator"
    id=${id}
    aria-label=${t(lang, 'calculatorFor', { subject: row.subjectName })}
  >
    <div class="diary-field ${error ? 'diary-field--error' : ''}" part="field">
      <label class="diary-label" part="label" for=${inputId}>${t(lang, 'target')}</label>
      <span class="diary-hint" part="hint" id="${inputId}-hint">${t(lang, 'targetHint')}</span>
      ${
        error
          ? html`<span class="diary-error" part="error" id="${inputId}-error"
              ><span class="diary-visually-hidden">${sharedText(lang, 'errorPrefix')}</span
              >${error}</span
            >`
          : nothing
      }
      <input
        id=${inputId}
        class="diary-input diary-input--short"
        part="input"
        inputmode="decimal"
        autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${inputId}-hint${error ? ` ${inputId}-error` : ''}"
        .value=${text}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
    </div>
    <div role="status" part="calculator-result">${result}</div>
  </section>`;
}
