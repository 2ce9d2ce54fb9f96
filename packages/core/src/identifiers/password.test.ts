import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { PASSWORD_LENGTH, checkPassword, isValidPassword, passwordSchema } from './password.js';
import { validate } from '../messages/field-errors.js';

describe('password', () => {
  it('accepts 8 to 128 characters with a letter and a digit, in any alphabet', () => {
    assert.equal(checkPassword('secret12'), null);
    assert.equal(checkPassword('Пароль12'), null);
    assert.equal(checkPassword(`a1${'x'.repeat(126)}`), null);
    assert.equal(isValidPassword('correct horse 9 battery'), true);
  });

  it('reports problems in priority order', () => {
    assert.equal(checkPassword(''), 'required');
    assert.equal(checkPassword('        '), 'required');
    assert.equal(checkPassword('abc1'), 'too_short');
    assert.equal(checkPassword(`a1${'x'.repeat(127)}`), 'too_long');
    assert.equal(checkPassword('password'), 'weak_password');
    assert.equal(checkPassword('12345678'), 'weak_password');
    assert.equal(checkPassword('!@#$%^&*()'), 'weak_password');
  });

  it('counts characters, not UTF-16 code units', () => {
    assert.deepEqual(PASSWORD_LENGTH, { minimum: 8, maximum: 128 });
    assert.equal(checkPassword('a1😀😀😀😀'), 'too_short');
    assert.equal(checkPassword('a1😀😀😀😀😀😀'), null);
  });

  it('outputs the password exactly as typed, never trimmed', () => {
    assert.deepEqual(validate(passwordSchema, ' secret12 '), { ok: true, value: ' secret12 ' });
  });

  it('gives localised messages with the limits', () => {
    assert.deepEqual(validate(passwordSchema, 'abc1'), {
      ok: false,
      errors: [{ path: '', code: 'too_short', message: 'Пароль должен быть не короче 8 символов' }],
    });
    const en = validate(passwordSchema, 'password', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'Add at least one letter and one digit to the password',
    );
    const long = validate(passwordSchema, `a1${'x'.repeat(127)}`, 'en');
    assert.equal(
      !long.ok && long.errors[0]?.message,
      'The password must be 128 characters or fewer',
    );
  });

  it('reports the property path and the password wording under another key', () => {
    const schema = z.object({ newPassword: passwordSchema });
    assert.deepEqual(validate(schema, { newPassword: 'short1' }), {
      ok: false,
      errors: [
        {
          path: 'newPassword',
          code: 'too_short',
          message: 'Пароль должен быть не короче 8 символов',
        },
      ],
    });
    assert.deepEqual(validate(schema, {}), {
      ok: false,
      errors: [{ path: 'newPassword', code: 'required', message: 'Придумайте новый пароль' }],
    });
    const wrongType = validate(z.object({ password: passwordSchema }), { password: 12345678 });
    assert.equal(!wrongType.ok && wrongType.errors[0]?.code, 'format');
  });

  it('property: any 8..128 characters with a letter and a digit are accepted unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 126, unit: 'grapheme-ascii' }),
        fc.constantFrom(...'aZжЁ'),
        fc.integer({ min: 0, max: 9 }),
        (rest, letter, digit) => {
          const password = `${letter}${digit}${rest}`;
          assert.equal(checkPassword(password), null);
          assert.deepEqual(validate(passwordSchema, password), { ok: true, value: password });
        },
      ),
    );
  });

  it('property: a password without a digit is never accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (raw) => {
        assert.equal(isValidPassword(raw.replace(/\d/g, '')), false);
      }),
    );
  });
});
