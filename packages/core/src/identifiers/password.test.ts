import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { PASSWORD_LENGTH, checkPassword, isValidPassword } from './password.js';
import { passwordSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

describe('password', () => {
  it('accepts 12 to 128 characters of any kind, with no composition rules', () => {
    assert.equal(checkPassword('quiet river evening'), null);
    assert.equal(checkPassword('тихий вечер у реки'), null);
    assert.equal(checkPassword('x'.repeat(128)), null);
    assert.equal(isValidPassword('correct horse battery'), true);
  });

  it('reports problems in priority order', () => {
    assert.equal(checkPassword(''), 'required');
    assert.equal(checkPassword('        '), 'required');
    assert.equal(checkPassword('abc1'), 'too_short');
    assert.equal(checkPassword(`a1${'x'.repeat(127)}`), 'too_long');
    assert.equal(checkPassword('secret12345'), 'too_short');
  });

  it('counts characters, not UTF-16 code units', () => {
    assert.deepEqual(PASSWORD_LENGTH, { minimum: 12, maximum: 128 });
    assert.equal(checkPassword('a1😀😀😀😀😀😀😀😀😀'), 'too_short');
    assert.equal(checkPassword('a1😀😀😀😀😀😀😀😀😀😀'), null);
  });

  it('outputs the password exactly as typed, never trimmed', () => {
    const typed = ' quiet river evening ';
    assert.deepEqual(validate(passwordSchema, typed), { ok: true, value: typed });
  });

  it('gives localised messages with the limits', () => {
    assert.deepEqual(validate(passwordSchema, 'abc1'), {
      ok: false,
      errors: [
        { path: '', code: 'too_short', message: 'Пароль должен быть не короче 12 символов' },
      ],
    });
    const en = validate(passwordSchema, 'password', 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'The password must be at least 12 characters');
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
          message: 'Пароль должен быть не короче 12 символов',
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

  it('property: any 12..128 characters with a non-space are accepted unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 11, maxLength: 127, unit: 'grapheme-ascii' }),
        fc.constantFrom(...'aZжЁ'),
        (rest, letter) => {
          const password = `${letter}${rest}`;
          assert.equal(checkPassword(password), null);
          assert.deepEqual(validate(passwordSchema, password), { ok: true, value: password });
        },
      ),
    );
  });

  it('property: a password under 12 characters is never accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11, unit: 'grapheme-ascii' }), (raw) => {
        assert.equal(isValidPassword(raw), false);
      }),
    );
  });
});
