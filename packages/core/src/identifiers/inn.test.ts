import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { checkInn, innCheckDigits, isValidInn, normalizeInn } from './inn.js';
import { innSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));

describe('INN', () => {
  it('accepts the worked examples of organisations', () => {
    assert.equal(isValidInn('7707083893'), true);
    assert.equal(isValidInn('7736207543'), true);
    assert.equal(isValidInn('1234567894'), true);
  });

  it('accepts the worked examples of individuals', () => {
    assert.equal(isValidInn('123456789047'), true);
    assert.equal(isValidInn('772053240109'), true);
    assert.equal(isValidInn('366412345604'), true);
  });

  it('computes one check digit for an organisation and two for an individual', () => {
    assert.equal(innCheckDigits('770708389'), '3');
    assert.equal(innCheckDigits('773620754'), '3');
    assert.equal(innCheckDigits('1234567890'), '47');
    assert.equal(innCheckDigits('7720532401'), '09');
    assert.equal(innCheckDigits('3664123456'), '04');
  });

  it('gives no check digits for a body of the wrong length or with non-digits', () => {
    assert.equal(innCheckDigits('12345678'), '');
    assert.equal(innCheckDigits('12345678901'), '');
    assert.equal(innCheckDigits('12345678a'), '');
  });

  it('rejects an organisation INN whose check digit does not match', () => {
    assert.equal(checkInn('7707083894'), 'checksum');
  });

  it('rejects an individual INN when either check digit does not match', () => {
    assert.equal(checkInn('123456789048'), 'checksum');
    assert.equal(checkInn('123456789057'), 'checksum');
  });

  it('rejects lengths other than 10 and 12 and letters with format', () => {
    assert.equal(checkInn('770708389'), 'format');
    assert.equal(checkInn('77070838931'), 'format');
    assert.equal(checkInn('1234567890471'), 'format');
    assert.equal(checkInn('77070838a3'), 'format');
    assert.equal(checkInn('+7707083893'), 'format');
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkInn(''), 'required');
    assert.equal(checkInn('   '), 'required');
  });

  it('ignores spaces and hyphens and normalises to digits only', () => {
    assert.equal(normalizeInn(' 7707 083 893 '), '7707083893');
    assert.equal(normalizeInn('1234-5678-9047'), '123456789047');
    assert.equal(normalizeInn('7707083894'), null);
    assert.equal(normalizeInn('abc'), null);
  });

  it('reports the code and a Russian or English message through the schema', () => {
    assert.deepEqual(validate(innSchema, '7707 083893'), { ok: true, value: '7707083893' });
    assert.deepEqual(validate(innSchema, '7707083894'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'checksum',
          message: 'Контрольные цифры ИНН не совпадают — проверьте номер',
        },
      ],
    });
    const en = validate(innSchema, '123', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'Enter the INN: 12 digits for a person or 10 digits for an organisation',
    );
  });

  it('reports the property path when the schema is a field of an object', () => {
    const schema = z.object({ inn: innSchema });
    assert.deepEqual(validate(schema, { inn: 'x' }), {
      ok: false,
      errors: [
        {
          path: 'inn',
          code: 'format',
          message: 'Введите ИНН: 12 цифр у человека или 10 цифр у организации',
        },
      ],
    });
    const missing = validate(schema, {});
    assert.deepEqual(!missing.ok && missing.errors[0], {
      path: 'inn',
      code: 'required',
      message: 'Введите ИНН',
    });
  });

  it('answers non-string input with required or format instead of throwing', () => {
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [7707083893, 'format'],
    ] as const) {
      const result = validate(innSchema, input);
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('property: an organisation body with its computed digit is valid, every other digit is not', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 0, max: 9 }), (body, digit) => {
        const computed = innCheckDigits(body);
        assert.equal(isValidInn(body + computed), true);
        assert.equal(isValidInn(body + String(digit)), String(digit) === computed);
      }),
    );
  });

  it('property: an individual body with its computed digits is valid, every other pair is not', () => {
    fc.assert(
      fc.property(digits(10), fc.integer({ min: 0, max: 99 }), (body, pair) => {
        const computed = innCheckDigits(body);
        const candidate = String(pair).padStart(2, '0');
        assert.equal(isValidInn(body + computed), true);
        assert.equal(isValidInn(body + candidate), candidate === computed);
      }),
    );
  });

  it('property: normalise is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(digits(9), digits(10)), (body) => {
        const once = normalizeInn(body + innCheckDigits(body));
        assert.ok(once);
        assert.equal(normalizeInn(once), once);
      }),
    );
  });
});
