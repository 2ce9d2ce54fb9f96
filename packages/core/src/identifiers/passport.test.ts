import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import {
  canonicalPassport,
  checkPassport,
  formatPassport,
  isValidPassport,
  normalizePassport,
} from './passport.js';
import { passportSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
const series = digits(4).filter((s) => s !== '0000');

describe('passport of the Russian Federation', () => {
  it('accepts the three usual ways of writing series and number', () => {
    for (const input of ['45 12 345678', '4512 345678', '4512345678', ' 45 12 345678 ']) {
      assert.deepEqual(normalizePassport(input), { series: '4512', number: '345678' }, input);
    }
  });

  it('formats for display as 45 12 345678 and stores as 4512 345678', () => {
    assert.equal(formatPassport('4512345678'), '45 12 345678');
    assert.equal(formatPassport({ series: '4512', number: '345678' }), '45 12 345678');
    assert.equal(canonicalPassport('45 12 345678'), '4512 345678');
    assert.equal(formatPassport('451234567'), null);
  });

  it('rejects wrong lengths, letters and odd separators with format', () => {
    for (const input of [
      '4512 34567',
      '4512 3456789',
      '451 2345678',
      '45 12 34567a',
      'АБ 12 345678',
      '4512-345678',
      '45  12  345678',
      '4512 № 345678',
    ]) {
      assert.equal(checkPassport(input), 'format', input);
    }
  });

  it('rejects an all-zero series with format', () => {
    assert.equal(checkPassport('00 00 123456'), 'format');
    assert.equal(checkPassport('0000123456'), 'format');
    assert.equal(isValidPassport('0001 123456'), true);
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkPassport(''), 'required');
    assert.equal(checkPassport('  '), 'required');
  });

  it('outputs the canonical string and localised messages through the schema', () => {
    assert.deepEqual(validate(passportSchema, '45 12 345678'), {
      ok: true,
      value: '4512 345678',
    });
    assert.deepEqual(validate(passportSchema, '4512'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'format',
          message: 'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
        },
      ],
    });
    const en = validate(passportSchema, ' ', 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'Enter the passport series and number');
  });

  it('reports the property path inside an object', () => {
    const result = validate(z.object({ passport: passportSchema }), { passport: '00 00 000000' });
    assert.deepEqual(!result.ok && result.errors, [
      {
        path: 'passport',
        code: 'format',
        message: 'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
      },
    ]);
  });

  it('answers non-string input with required or format instead of throwing', () => {
    const schema = z.object({ passport: passportSchema });
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [4512345678, 'format'],
      [{ series: '4512', number: '345678' }, 'format'],
    ] as const) {
      const result = validate(schema, { passport: input });
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('property: every writing style gives the same parts and normalise is idempotent', () => {
    fc.assert(
      fc.property(
        series,
        digits(6),
        fc.constantFrom('', ' '),
        fc.constantFrom('', ' '),
        (s, n, a, b) => {
          const input = `${s.slice(0, 2)}${a}${s.slice(2)}${b}${n}`;
          assert.deepEqual(normalizePassport(input), { series: s, number: n });
          const canonical = canonicalPassport(input);
          assert.ok(canonical);
          assert.equal(canonicalPassport(canonical), canonical);
          assert.equal(canonicalPassport(formatPassport(input) ?? ''), canonical);
        },
      ),
    );
  });
});
