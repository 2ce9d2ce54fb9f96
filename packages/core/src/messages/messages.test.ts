import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES } from './error-codes.js';
import { LANGS } from './lang.js';
import { errorMessage, fieldsWithMessages, hasFieldMessage } from './messages.js';
import { apiErrorMessage } from './api-messages.js';
import { API_ERROR_CODES } from '../schemas/error-response.js';
import { object } from 'zod/mini';
import { validate } from './field-errors.js';
import { isoDateSchema } from '../schemas/common.js';
import { isoWeekSchema, schoolYearSchema, timeOfDaySchema } from '../schemas/common.js';

const CYRILLIC = /[а-яё]/i;

describe('message catalogues', () => {
  it('words every code generically in both languages, Russian in Cyrillic', () => {
    for (const code of ERROR_CODES) {
      const ru = errorMessage(code);
      const en = errorMessage(code, { lang: 'en' });
      assert.match(ru, CYRILLIC, code);
      assert.doesNotMatch(en, CYRILLIC, code);
      assert.notEqual(ru, code);
      assert.notEqual(en, code);
    }
  });

  it('looks each field text up by its field and code', () => {
    assert.equal(errorMessage('required', { field: 'snils' }), 'Введите СНИЛС');
    assert.equal(errorMessage('required', { field: 'snils', lang: 'en' }), 'Enter the SNILS');
    assert.equal(
      errorMessage('too_old', { field: 'birthDate', lang: 'en', params: { maximum: 18 } }),
      'Check the date of birth: the child is above school age (at most 18 full years)',
    );
  });

  it('has every code, generic, field-specific and request-level, in both languages', () => {
    const texts: [string, string][] = [];
    for (const lang of LANGS) {
      for (const code of ERROR_CODES) {
        texts.push([`${lang} ${code}`, errorMessage(code, { lang })]);
        for (const field of fieldsWithMessages().filter((f) => hasFieldMessage(f, code)))
          texts.push([`${lang} ${field} ${code}`, errorMessage(code, { lang, field })]);
      }
      for (const code of API_ERROR_CODES)
        texts.push([`${lang} api ${code}`, apiErrorMessage(code, { lang })]);
    }
    for (const [key, text] of texts) {
      assert.ok(text.trim().length > 0, key);
      assert.ok(!text.endsWith(key.split(' ').pop() ?? ''), `${key} falls back to its code`);
      const ru = key.startsWith('ru');
      assert.equal(CYRILLIC.test(text.replace('IV-АБ', '')), ru, `${key}: ${text}`);
    }
  });

  it('uses only placeholders that callers fill in, and fills them by name', () => {
    const known = new Set([
      ...['minimum', 'maximum', 'seconds', 'until', 'current', 'next'],
      ...['row', 'column', 'file', 'value', 'year', 'start', 'end', 'room', 'count', 'found'],
    ]);
    const params = {
      minimum: 4,
      maximum: 20,
      seconds: 30,
      until: '12:30',
      current: '2026/2027',
      next: '2027/2028',
      row: 17,
      column: 'Класс',
      file: 'users.csv',
      value: '5Я',
      year: '2026/2027',
      start: '2026-09-01',
      end: '2027-05-31',
      room: '21',
      count: 4,
      found: 2,
    };
    for (const lang of LANGS) {
      const templates = [
        ...ERROR_CODES.flatMap((code) => [
          errorMessage(code, { lang }),
          ...fieldsWithMessages().map((field) => errorMessage(code, { lang, field })),
        ]),
        ...API_ERROR_CODES.map((code) => apiErrorMessage(code, { lang })),
      ];
      for (const template of templates) {
        for (const [, name] of template.matchAll(/\{(\w+)\}/g))
          assert.ok(known.has(name ?? ''), `${template}: {${name}}`);
      }
      const filled = [
        ...ERROR_CODES.map((code) => errorMessage(code, { lang, field: 'rosterId', params })),
        ...API_ERROR_CODES.map((code) => apiErrorMessage(code, { lang, params })),
      ];
      for (const text of filled) assert.doesNotMatch(text, /[{}]/, text);
    }
    assert.equal(
      errorMessage('too_short', { field: 'rosterId', params: { maximum: 20, minimum: 4 } }),
      'Номер ученика должен быть не короче 4 символов',
    );
  });

  it('gives every field-specific text in both languages, different from the generic one', () => {
    let count = 0;
    for (const field of fieldsWithMessages()) {
      for (const code of ERROR_CODES.filter((c) => hasFieldMessage(field, c))) {
        count++;
        for (const lang of LANGS) {
          const text = errorMessage(code, { field, lang });
          assert.notEqual(text, errorMessage(code, { lang }), `${lang} ${field} ${code}`);
          assert.equal(CYRILLIC.test(text.replace('IV-АБ', '')), lang === 'ru', text);
        }
      }
    }
    assert.ok(count > 0, 'no field has a wording of its own');
  });

  it('names the expected format of a date, time, week or school year, whatever the field is called', () => {
    const schema = object({
      from: isoDateSchema,
      startsAt: timeOfDaySchema,
      week: isoWeekSchema,
      year: schoolYearSchema,
    });
    const input = { from: '01.09.2026', startsAt: '8.30', week: '48', year: '2026-2027' };
    const say = (lang: 'ru' | 'en') => {
      const result = validate(schema, input, lang);
      return result.ok ? [] : result.errors.map((e) => [e.path, e.code, e.message]);
    };
    assert.deepEqual(say('ru'), [
      ['from', 'format', 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01'],
      ['startsAt', 'format', 'Введите время в формате ЧЧ:ММ, например 08:30'],
      ['week', 'format', 'Введите неделю в формате ГГГГ-Wнн, например 2026-W48'],
      ['year', 'format', 'Введите учебный год в формате ГГГГ/ГГГГ, например 2026/2027'],
    ]);
    assert.deepEqual(
      say('en').map(([, , message]) => message),
      [
        'Enter the date as YYYY-MM-DD, for example 2026-09-01',
        'Enter the time as HH:MM, for example 08:30',
        'Enter the week as YYYY-Www, for example 2026-W48',
        'Enter the school year as YYYY/YYYY, for example 2026/2027',
      ],
    );
  });

  it('falls back to the generic text for a field without its own wording, or an unknown field', () => {
    assert.equal(hasFieldMessage('snils', 'too_long'), false);
    assert.equal(
      errorMessage('too_long', { field: 'snils', params: { maximum: 5 } }),
      'Значение должно быть не длиннее 5 символов',
    );
    for (const field of ['nope', 'constructor', '__proto__', '']) {
      assert.equal(hasFieldMessage(field, 'required'), false, field);
      assert.equal(errorMessage('required', { field, lang: 'en' }), 'Fill in this field', field);
    }
  });

  it('words every request-level code in both languages, at its own code', () => {
    for (const code of API_ERROR_CODES) {
      assert.match(apiErrorMessage(code), CYRILLIC, code);
      assert.doesNotMatch(apiErrorMessage(code, { lang: 'en' }), CYRILLIC, code);
    }
    assert.equal(
      apiErrorMessage('validation_failed', { lang: 'en' }),
      'Fix the errors in the fields and submit again',
    );
    assert.equal(apiErrorMessage('internal'), 'Что-то пошло не так на сервере — попробуйте позже');
    assert.equal(
      apiErrorMessage('rate_limited', { lang: 'en', params: { seconds: 30 } }),
      'Too many attempts — try again in 30 s',
    );
  });
});
