import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as core from './index.js';
import * as validation from './validation.js';
import { snilsSchema } from './schemas/identifiers.js';

describe('@school-diary/core/validation', () => {
  it('is the same validation and catalogues as the main entry, not a copy', () => {
    for (const [name, value] of Object.entries(validation)) {
      assert.equal(value, (core as Record<string, unknown>)[name], name);
    }
    assert.deepEqual(Object.keys(validation).sort(), [
      'apiErrorMessage',
      'errorMessage',
      'fieldsWithMessages',
      'hasFieldMessage',
      'interpolate',
      'toFieldErrors',
      'validate',
    ]);
  });

  it('validates and words errors in both languages on its own', () => {
    const bad = validation.validate(snilsSchema, '112-233-445 96', 'en');
    assert.equal(bad.ok, false);
    assert.equal(bad.ok ? '' : bad.errors[0]?.code, 'checksum');
    const ru = validation.validate(snilsSchema, '12', 'ru');
    assert.equal(ru.ok ? '' : ru.errors[0]?.message, 'Введите СНИЛС из 11 цифр');
    assert.equal(validation.validate(snilsSchema, '112-233-445 95').ok, true);
    assert.equal(
      validation.apiErrorMessage('code_expired', { lang: 'en' }),
      'The code has expired — request a new code',
    );
  });
});
