import type { Bell } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import { byLastSegment, type SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/** The bells being edited, kept by the element between renders. */
export interface BellsDraft {
  readonly bells: readonly Bell[];
  set(bells: readonly Bell[]): void;
}

/** `items.2.endTime` → the input `bell-2-end`. */
const bellField = (path: string): string | undefined => {
  const match = /^items\.(\d+)\.(startTime|endTime)$/.exec(path);
  if (match) return `bell-${match[1]}-${match[2] === 'startTime' ? 'start' : 'end'}`;
  return path === 'items' ? 'bell-0-start' : undefined;
};

/** The bell schedule: a start and an end for each lesson, a lesson more, and saving. */
export function renderBells(form: SetupForm, loaded: Loaded, draft: BellsDraft): TemplateResult {
  const setBell = (i: number, key: 'startTime' | 'endTime', value: string) => {
    draft.set(draft.bells.map((b, n) => (n === i ? { ...b, [key]: value } : b)));
  };
  const time = (id: string, label: string, value: string, set: (v: string) => void) =>
    html`<div
      @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)}
      class="diary-bell-time"
    >
      ${form.field(id, label, { hint: form.t('timeHint'), width: 'short', numeric: true, value })}
    </div>`;
  return form.section(
    'bells',
    form.t('bells'),
    html`${draft.bells.map(
      (b, i) =>
        html`<div class="diary-bell">
          ${time(`bell-${i}-start`, form.t('starts', { number: b.number }), b.startTime, (v) =>
            setBell(i, 'startTime', v),
          )}
          ${time(`bell-${i}-end`, form.t('ends', { number: b.number }), b.endTime, (v) =>
            setBell(i, 'endTime', v),
          )}
        </div>`,
    )}
    ${form.button('bells', 'add', form.t('addBell'), () => {
      const last = draft.bells.at(-1);
      draft.set([...draft.bells, { number: (last?.number ?? 0) + 1, startTime: '', endTime: '' }]);
    })}
    ${form.button('bells', 'save', form.t('saveBells'), () => {
      void form.run('bells', bellField, async (client) => {
        await client.setup.setBells({ schoolId: loaded.schoolId, items: [...draft.bells] });
        return form.t('bellsSaved');
      });
    })}`,
  );
}

const roundingField = byLastSegment({
  five: 'rounding-five',
  four: 'rounding-four',
  three: 'rounding-three',
});

/** An average as typed, with a comma or a point; NaN when it is not a number. */
const average = (text: string) => (text === '' ? Number.NaN : Number(text.replace(',', '.')));

/** The final-mark rounding: the lowest average that earns a 5, a 4 and a 3. */
export function renderRounding(form: SetupForm, loaded: Loaded): TemplateResult {
  const shown = (n: number) => n.toLocaleString(form.env.language() === 'ru' ? 'ru-RU' : 'en-GB');
  const { five, four, three } = loaded.rounding;
  const hint = form.t('roundingHint');
  return form.section(
    'rounding',
    form.t('rounding'),
    html`<p>${form.t('roundingIntro')}</p>
      ${form.field('rounding-five', form.t('roundingFive'), { hint, width: 'short', value: shown(five) })}
      ${form.field('rounding-four', form.t('roundingFour'), { hint, width: 'short', value: shown(four) })}
      ${form.field('rounding-three', form.t('roundingThree'), {
        hint,
        width: 'short',
        value: shown(three),
      })}
      ${form.button('rounding', 'save', form.t('saveRounding'), () => {
        const read = (id: string, was: number) => (form.has(id) ? average(form.value(id)) : was);
        void form.run('rounding', roundingField, async (client) => {
          await client.setup.setRounding({
            schoolId: loaded.schoolId,
            five: read('rounding-five', five),
            four: read('rounding-four', four),
            three: read('rounding-three', three),
          });
          return form.t('roundingSaved');
        });
      })}`,
  );
}
