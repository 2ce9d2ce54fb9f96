import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { checkRuPhone, formatRuPhone, isValidRuPhone, normalizeRuPhone } from './phone.js';
import { phoneSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const nationalNumber = (first: fc.Arbitrary<number>) =>
  fc
    .tuple(first, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
    .map(([head, tail]) => `${head}${tail.join('')}`);

/** One of the ways people write a number: prefix, brackets round the code, group separators. */
const style = fc.record({
  prefix: fc.constantFrom('+7', '7', '8', '', '+7 ', '8 '),
  brackets: fc.boolean(),
  separator: fc.constantFrom('', ' ', '-'),
  padding: fc.constantFrom('', ' ', '  '),
});
type Style = typeof style extends fc.Arbitrary<infer T> ? T : never;

function writeAs(national: string, s: Style): string {
  const code = s.brackets ? `(${national.slice(0, 3)})` : national.slice(0, 3);
  const groups = [national.slice(3, 6), national.slice(6, 8), national.slice(8)];
  return `${s.padding}${s.prefix}${code}${s.separator}${groups.join(s.separator)}${s.padding}`;
}

describe('Russian mobile phone', () => {
  it('normalises the worked examples to +7 and ten digits', () => {
    assert.equal(normalizeRuPhone('8 (916) 123-45-67'), '+79161234567');
    assert.equal(normalizeRuPhone('+7 916 123 45 67'), '+79161234567');
    assert.equal(normalizeRuPhone('9161234567'), '+79161234567');
    assert.equal(normalizeRuPhone('79161234567'), '+79161234567');
    assert.equal(normalizeRuPhone('+7(916)1234567'), '+79161234567');
  });

  it('rejects Kazakhstan, toll-free and landline numbers as not mobile', () => {
    assert.equal(checkRuPhone('+7 701 123 45 67'), 'not_mobile');
    assert.equal(checkRuPhone('8-800-555-35-35'), 'not_mobile');
    assert.equal(checkRuPhone('8 (495) 123-45-67'), 'not_mobile');
    assert.equal(checkRuPhone('4951234567'), 'not_mobile');
    assert.equal(normalizeRuPhone('+7 701 123 45 67'), null);
    assert.equal(normalizeRuPhone('8-800-555-35-35'), null);
  });

  it('rejects wrong length, letters, other country codes and stray symbols with format', () => {
    assert.equal(checkRuPhone('+7 916 123 45 6'), 'format');
    assert.equal(checkRuPhone('+7 916 123 45 678'), 'format');
    assert.equal(checkRuPhone('8 916 ABC 45 67'), 'format');
    assert.equal(checkRuPhone('+375 29 123 45 67'), 'format');
    assert.equal(checkRuPhone('+8 916 123 45 67'), 'format');
    assert.equal(checkRuPhone('+9161234567'), 'format');
    assert.equal(checkRuPhone('99161234567'), 'format');
    assert.equal(checkRuPhone('8.916.123.45.67'), 'format');
    assert.equal(checkRuPhone('8 916 123 45 67 доб. 1'), 'format');
    assert.equal(isValidRuPhone('916 123 45 6'), false);
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkRuPhone(''), 'required');
    assert.equal(checkRuPhone(' \t '), 'required');
  });

  it('formats a number for display as +7 999 123-45-67', () => {
    assert.equal(formatRuPhone('+79991234567'), '+7 999 123-45-67');
    assert.equal(formatRuPhone('8 (999) 123 45 67'), '+7 999 123-45-67');
    assert.equal(formatRuPhone('8 800 555 35 35'), null);
  });

  it('outputs the normalised number and localised messages through the schema', () => {
    assert.deepEqual(validate(phoneSchema, '8 (916) 123-45-67'), {
      ok: true,
      value: '+79161234567',
    });
    assert.deepEqual(validate(phoneSchema, '12345'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'format',
          message: 'Введите номер мобильного телефона в формате +7 999 123-45-67',
        },
      ],
    });
    const en = validate(phoneSchema, '+7 701 123 45 67', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'Enter a Russian mobile phone number — it starts with +7 9 or 8 9',
    );
  });

  it('reports the property path when the schema is a field of an object', () => {
    const schema = z.object({ phone: phoneSchema });
    const result = validate(schema, { phone: '8 800 555 35 35' });
    assert.deepEqual(!result.ok && result.errors, [
      {
        path: 'phone',
        code: 'not_mobile',
        message: 'Введите номер мобильного телефона России — он начинается с +7 9 или 8 9',
      },
    ]);
    const missing = validate(schema, {}, 'en');
    assert.deepEqual(!missing.ok && missing.errors[0], {
      path: 'phone',
      code: 'required',
      message: 'Enter a mobile phone number',
    });
  });

  it('answers non-string input with required or format instead of throwing', () => {
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [79161234567, 'format'],
    ] as const) {
      const result = validate(phoneSchema, input);
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('property: every style of writing a mobile number normalises to the same +7 form', () => {
    fc.assert(
      fc.property(nationalNumber(fc.constant(9)), style, (national, s) => {
        const written = writeAs(national, s);
        assert.equal(normalizeRuPhone(written), `+7${national}`, written);
        assert.equal(checkRuPhone(written), null);
      }),
    );
  });

  it('property: a number whose national part does not start with 9 is never mobile', () => {
    fc.assert(
      fc.property(nationalNumber(fc.integer({ min: 0, max: 8 })), style, (national, s) => {
        const written = writeAs(national, s);
        assert.equal(normalizeRuPhone(written), null);
        assert.equal(checkRuPhone(written), 'not_mobile', written);
      }),
    );
  });

  it('property: normalise is idempotent and display form normalises back', () => {
    fc.assert(
      fc.property(nationalNumber(fc.constant(9)), (national) => {
        const once = normalizeRuPhone(national);
        assert.ok(once);
        assert.equal(normalizeRuPhone(once), once);
        assert.equal(normalizeRuPhone(formatRuPhone(once) ?? ''), once);
      }),
    );
  });
});
