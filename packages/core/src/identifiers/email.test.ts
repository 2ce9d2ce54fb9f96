import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { EMAIL_MAX_LENGTH, checkEmail, isValidEmail, normalizeEmail } from './email.js';
import { emailSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const label = fc.stringMatching(/^[a-zа-я0-9](?:[a-zа-я0-9-]{0,10}[a-zа-я0-9])?$/);
const address = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_+%-]{1,10}(?:\.[A-Za-z0-9_+%-]{1,10}){0,2}$/),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('ru', 'RU', 'com', 'рф', 'РФ', 'xn--p1ai', 'moscow'),
  )
  .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);

describe('email', () => {
  it('accepts practical addresses, including Cyrillic domains', () => {
    for (const input of [
      'ivanova@mail.ru',
      'anna.ivanova+school@example.co.uk',
      'ivanova@почта.рф',
      'директор@школа-1.рф',
      'ivanova@xn--80a1acny.xn--p1ai',
      'i_v-a%nova@sub.domain-1.ru',
    ]) {
      assert.equal(checkEmail(input), null, input);
    }
  });

  it('rejects addresses without exactly one @ and a dotted domain with format', () => {
    for (const input of [
      'ivanova',
      'ivanova@',
      '@mail.ru',
      'ivanova@mail',
      'ivanova@@mail.ru',
      'iva@nova@mail.ru',
      'iva nova@mail.ru',
      'ivanova@mail .ru',
      'ivanova@mail.r',
      'ivanova@mail..ru',
      'ivanova@-mail.ru',
      'ivanova@mail-.ru',
      'ivanova@.mail.ru',
      'ivanova@mail.ru.',
      '.ivanova@mail.ru',
      'ivanova.@mail.ru',
      'iva..nova@mail.ru',
      'ivanova@mail.123',
      '"ivanova"@mail.ru',
      'Анна <ivanova@mail.ru>',
    ]) {
      assert.equal(checkEmail(input), 'format', input);
    }
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkEmail(''), 'required');
    assert.equal(checkEmail('   '), 'required');
  });

  it('rejects addresses longer than 254 characters with too_long', () => {
    const domain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.ru`;
    const fits = `${'x'.repeat(EMAIL_MAX_LENGTH - domain.length - 1)}@${domain}`;
    assert.equal(fits.length, 254);
    assert.equal(checkEmail(fits), null);
    assert.equal(checkEmail(`x${fits}`), 'too_long');
  });

  it('trims and lowercases the domain but keeps the local part as typed', () => {
    assert.equal(normalizeEmail(' Ivanova@Mail.RU '), 'Ivanova@mail.ru');
    assert.equal(normalizeEmail('Ivanova@ПОЧТА.РФ'), 'Ivanova@почта.рф');
    assert.equal(normalizeEmail('ivanova@mail'), null);
    assert.equal(isValidEmail(' ivanova@mail.ru '), true);
  });

  it('outputs the normalised address and localised messages through the schema', () => {
    assert.deepEqual(validate(emailSchema, 'Ivanova@Mail.ru'), {
      ok: true,
      value: 'Ivanova@mail.ru',
    });
    assert.deepEqual(validate(emailSchema, 'ivanova@mail'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'format',
          message: 'Введите адрес электронной почты в формате name@example.ru',
        },
      ],
    });
    const en = validate(emailSchema, `${'x'.repeat(250)}@mail.ru`, 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'The email address must be 254 characters or fewer',
    );
  });

  it('reports the property path, and an optional email may be left out', () => {
    const schema = z.object({ email: z.optional(emailSchema) });
    assert.deepEqual(validate(schema, {}), { ok: true, value: {} });
    assert.deepEqual(validate(schema, { email: 'x' }, 'en'), {
      ok: false,
      errors: [
        {
          path: 'email',
          code: 'format',
          message: 'Enter an email address in the format name@example.ru',
        },
      ],
    });
  });

  it('answers non-string input with required or format instead of throwing', () => {
    const schema = z.object({ email: emailSchema });
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [42, 'format'],
    ] as const) {
      const result = validate(schema, { email: input });
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('property: generated addresses are valid and normalise is idempotent', () => {
    fc.assert(
      fc.property(address, (input) => {
        const once = normalizeEmail(input);
        assert.ok(once, input);
        assert.equal(normalizeEmail(once), once);
      }),
    );
  });

  it('property: an address with whitespace inside is never valid', () => {
    fc.assert(
      fc.property(address, fc.nat(), fc.constantFrom(' ', '\t', '\u00a0'), (input, at, space) => {
        const i = 1 + (at % (input.length - 1));
        assert.equal(isValidEmail(input.slice(0, i) + space + input.slice(i)), false);
      }),
    );
  });
});
