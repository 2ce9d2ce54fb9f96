// The widgets' typed date box (shared/date-field) written by hand for the vanilla baselines: a
// label, the format hint, the hidden «not a date» message, the text box and the hidden ISO value.
import { sharedText } from '../../packages/elements/src/shared/localize';

/** An empty date field of a range, as the widgets draw it on first render (Russian). */
export function vanillaDateField(id: string, label: string): HTMLElement {
  const field = document.createElement('div');
  field.className = 'diary-filter ';
  field.setAttribute('part', 'field');
  const labelEl = document.createElement('label');
  labelEl.className = 'diary-label';
  labelEl.setAttribute('part', 'label');
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const hint = document.createElement('span');
  hint.className = 'diary-hint';
  hint.id = `${id}-hint`;
  hint.textContent = sharedText('ru', 'dateHint');
  const error = document.createElement('span');
  error.className = 'diary-error';
  error.setAttribute('part', 'error');
  error.id = `${id}-format-error`;
  error.setAttribute('data-format-error', '');
  error.hidden = true;
  const prefix = document.createElement('span');
  prefix.className = 'diary-visually-hidden';
  prefix.textContent = sharedText('ru', 'errorPrefix');
  error.append(prefix, sharedText('ru', 'badDate'));
  const input = document.createElement('input');
  input.id = id;
  input.type = 'text';
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.className = 'diary-input diary-input--date';
  input.setAttribute('part', 'input');
  input.setAttribute('aria-invalid', 'false');
  input.setAttribute('aria-describedby', `${id}-hint`);
  const carrier = document.createElement('input');
  carrier.type = 'hidden';
  field.append(labelEl, hint, error, input, carrier);
  return field;
}
