import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkSnils, isValidSnils, normalizeSnils, snilsControlNumber } from './snils.js';
import { snilsSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

describe('SNILS', () => {
  it('accepts the worked examples', () => {
    assert.equal(isValidSnils('112-233-445 95'), true);
    assert.equal(isValidSnils('148-481-255 85'), true);
    assert.equal(isValidSnils('120-006-899 00'), true);
    assert.equal(isValidSnils('010-242-368 77'), true);
  });

  it('maps a weighted sum of 100 and 101 to 00 and takes larger sums mod 101', () => {
    assert.equal(snilsControlNumber('120006899'), '00');
    assert.equal(snilsControlNumber('148481255'), '85');
  });

  it('accepts numbers up to 001-001-998 without a checksum', () => {
    assert.equal(isValidSnils('001-001-998 12'), true);
    assert.equal(isValidSnils('001-001-999 12'), false);
  });

  it('rejects a SNILS whose control number does not match', () => {
    assert.equal(checkSnils('112-233-445 96'), 'checksum');
  });

  it('rejects wrong length and letters with format, empty with required', () => {
    assert.equal(checkSnils('112-233-445 9'), 'format');
    assert.equal(checkSnils('112-233-44a 95'), 'format');
    assert.equal(checkSnils('  '), 'required');
  });

  it('normalises any spacing to XXX-XXX-XXX YY and returns null for invalid input', () => {
    assert.equal(normalizeSnils('11223344595'), '112-233-445 95');
    assert.equal(normalizeSnils(' 112 233 445-95 '), '112-233-445 95');
    assert.equal(normalizeSnils('11223344596'), null);
  });

  it('reports the field, code and message through the schema', () => {
    const result = validate(snilsSchema, '112-233-445 96');
    assert.deepEqual(result, {
      ok: false,
      errors: [
        {
          path: '',
          code: 'checksum',
          message: 'Контрольное число СНИЛС не совпадает — проверьте цифры',
        },
      ],
    });
    assert.deepEqual(validate(snilsSchema, '11223344595'), { ok: true, value: '112-233-445 95' });
    const en = validate(snilsSchema, '123', 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'Enter the SNILS as 11 digits');
  });

  it('property: nine digits with their computed control number are valid, every other is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_001_999, max: 999_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (body, control) => {
          const nine = String(body).padStart(9, '0');
          const computed = snilsControlNumber(nine);
          const candidate = nine + String(control).padStart(2, '0');
          assert.equal(isValidSnils(candidate), candidate.slice(9) === computed);
          assert.equal(isValidSnils(nine + computed), true);
        },
      ),
    );
  });

  it('property: normalise is idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (body) => {
        const nine = String(body).padStart(9, '0');
        const once = normalizeSnils(nine + snilsControlNumber(nine));
        assert.ok(once);
        assert.equal(normalizeSnils(once), once);
      }),
    );
  });
});
