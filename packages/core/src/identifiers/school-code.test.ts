import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import {
  ROSTER_ID_LENGTH,
  checkRosterId,
  checkSchoolCode,
  normalizeRosterId,
  normalizeSchoolCode,
} from './school-code.js';
import { rosterIdSchema, schoolCodeSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

describe('school code', () => {
  it('accepts 6 to 12 digits and strips spaces', () => {
    assert.equal(checkSchoolCode('123456'), null);
    assert.equal(checkSchoolCode('123456789012'), null);
    assert.equal(normalizeSchoolCode(' 770 123 45 '), '77012345');
  });

  it('rejects too few or too many digits and anything but digits with format', () => {
    for (const input of ['12345', '1234567890123', '12345a', '123-456', 'школа1']) {
      assert.equal(checkSchoolCode(input), 'format', input);
    }
    assert.equal(normalizeSchoolCode('12345'), null);
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkSchoolCode(''), 'required');
    assert.equal(checkSchoolCode('   '), 'required');
  });

  it('outputs the digits and localised messages through the schema', () => {
    assert.deepEqual(validate(schoolCodeSchema, '770 123 45'), { ok: true, value: '77012345' });
    assert.deepEqual(validate(schoolCodeSchema, '123'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'format',
          message: 'Введите код школы — от 6 до 12 цифр, его сообщает школа',
        },
      ],
    });
    const en = validate(schoolCodeSchema, '', 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'Enter the school code');
  });

  it('property: normalise is idempotent and ignores spacing', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6,12}$/), fc.nat(), (code, at) => {
        const i = at % (code.length + 1);
        const spaced = `${code.slice(0, i)} ${code.slice(i)}`;
        assert.equal(normalizeSchoolCode(spaced), code);
        assert.equal(normalizeSchoolCode(code), code);
      }),
    );
  });
});

describe('roster id', () => {
  it('accepts 4 to 20 Latin letters, digits and hyphens, case-insensitively', () => {
    assert.equal(checkRosterId('5A-0123'), null);
    assert.equal(checkRosterId('abcd'), null);
    assert.equal(checkRosterId('A'.repeat(20)), null);
    assert.equal(normalizeRosterId(' 5a-0123 '), '5A-0123');
  });

  it('rejects Cyrillic letters, spaces and symbols with format', () => {
    for (const input of ['5А-0123', '5A 0123', '5A_0123', '5A.0123', 'ученик']) {
      assert.equal(checkRosterId(input), 'format', input);
    }
  });

  it('rejects lengths outside 4..20 with too_short and too_long', () => {
    assert.deepEqual(ROSTER_ID_LENGTH, { minimum: 4, maximum: 20 });
    assert.equal(checkRosterId('ABC'), 'too_short');
    assert.equal(checkRosterId('A'.repeat(21)), 'too_long');
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkRosterId(''), 'required');
    assert.equal(checkRosterId('  '), 'required');
  });

  it('outputs uppercase and localised messages with the limits through the schema', () => {
    assert.deepEqual(validate(rosterIdSchema, '5a-0123'), { ok: true, value: '5A-0123' });
    const ru = validate(rosterIdSchema, 'AB1');
    assert.equal(!ru.ok && ru.errors[0]?.message, 'Номер ученика должен быть не короче 4 символов');
    const en = validate(rosterIdSchema, 'A'.repeat(21), 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      "The student's number must be 20 characters or fewer",
    );
  });

  it('reports property paths and answers non-string input without throwing', () => {
    const schema = z.object({ schoolCode: schoolCodeSchema, rosterId: rosterIdSchema });
    assert.deepEqual(validate(schema, { schoolCode: '12 34', rosterId: 'ученик-1' }), {
      ok: false,
      errors: [
        {
          path: 'schoolCode',
          code: 'format',
          message: 'Введите код школы — от 6 до 12 цифр, его сообщает школа',
        },
        {
          path: 'rosterId',
          code: 'format',
          message: 'Номер ученика может содержать только латинские буквы, цифры и дефис',
        },
      ],
    });
    assert.deepEqual(validate(schema, { schoolCode: 123456 }), {
      ok: false,
      errors: [
        {
          path: 'schoolCode',
          code: 'format',
          message: 'Введите код школы — от 6 до 12 цифр, его сообщает школа',
        },
        { path: 'rosterId', code: 'required', message: 'Введите номер ученика в школе' },
      ],
    });
    const nothing = validate(schema, { schoolCode: null, rosterId: 42 });
    assert.deepEqual(!nothing.ok && nothing.errors.map((e) => e.code), ['required', 'format']);
  });

  it('property: normalise is idempotent and case does not matter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{4,20}$/), (id) => {
        const once = normalizeRosterId(id);
        assert.equal(once, id.toUpperCase());
        assert.equal(normalizeRosterId(once ?? ''), once);
        assert.equal(normalizeRosterId(id.toLowerCase()), once);
      }),
    );
  });
});
