import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import { checkOneTimeCode, normalizeOneTimeCode } from './one-time-code.js';
import { oneTimeCodeSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

describe('one-time code', () => {
  it('accepts six digits with spaces or hyphens anywhere', () => {
    assert.equal(normalizeOneTimeCode('123456'), '123456');
    assert.equal(normalizeOneTimeCode('123 456'), '123456');
    assert.equal(normalizeOneTimeCode(' 12-34-56 '), '123456');
    assert.equal(normalizeOneTimeCode('000000'), '000000');
  });

  it('rejects other lengths and non-digits with format', () => {
    for (const input of ['12345', '1234567', '12345a', '１２３４５６', '123_456', '+123456']) {
      assert.equal(checkOneTimeCode(input), 'format', input);
      assert.equal(normalizeOneTimeCode(input), null, input);
    }
  });

  it('treats empty, whitespace-only and separator-only input as required', () => {
    assert.equal(checkOneTimeCode(''), 'required');
    assert.equal(checkOneTimeCode('  '), 'required');
    assert.equal(checkOneTimeCode(' - '), 'required');
  });

  it('outputs the digits and localised messages through the schema', () => {
    assert.deepEqual(validate(oneTimeCodeSchema, '123-456'), { ok: true, value: '123456' });
    assert.deepEqual(validate(oneTimeCodeSchema, '12345'), {
      ok: false,
      errors: [{ path: '', code: 'format', message: 'Введите код из СМС — 6 цифр' }],
    });
    const en = validate(oneTimeCodeSchema, '', 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'Enter the code from the text message');
  });

  it('reports the property path and answers non-string input without throwing', () => {
    const schema = z.object({ code: oneTimeCodeSchema });
    assert.deepEqual(validate(schema, { code: 'abc' }, 'en'), {
      ok: false,
      errors: [
        { path: 'code', code: 'format', message: 'Enter the 6-digit code from the text message' },
      ],
    });
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [123456, 'format'],
    ] as const) {
      const result = validate(schema, { code: input });
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('property: six digits split by any spaces and hyphens normalise to the digits, idempotently', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', ' ', '-', ' - ')), {
          minLength: 6,
          maxLength: 6,
        }),
        (parts) => {
          const digits = parts.map(([d]) => d).join('');
          const typed = parts.map(([d, sep]) => `${d}${sep}`).join('');
          const once = normalizeOneTimeCode(typed);
          assert.equal(once, digits);
          assert.equal(normalizeOneTimeCode(digits), digits);
        },
      ),
    );
  });
});
