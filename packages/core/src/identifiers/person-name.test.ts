import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import {
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_MIN_LENGTH,
  checkPersonName,
  isValidPersonName,
  normalizePersonName,
} from './person-name.js';
import {
  firstNameSchema,
  lastNameSchema,
  middleNameSchema,
  optionalMiddleNameSchema,
} from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const cyrillicWord = fc
  .array(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЯ'), {
    minLength: 1,
    maxLength: 12,
  })
  .map((letters) => letters.join(''));

/** A name of one to three words joined by a hyphen, space or apostrophe. */
const cyrillicName = fc
  .tuple(
    cyrillicWord,
    fc.array(fc.tuple(fc.constantFrom('-', ' ', "'"), cyrillicWord), { maxLength: 2 }),
  )
  .map(([first, rest]) => first + rest.map(([sep, word]) => sep + word).join(''));

describe('person name', () => {
  it('accepts Cyrillic names with ё, hyphens, single spaces and apostrophes', () => {
    for (const name of [
      'Иванова',
      'Пётр',
      'Ёлкин',
      'Римский-Корсаков',
      'Анна-Мария',
      'Оглы Мамедов',
      "Д'Артаньян",
      'Я',
      'иванов',
    ]) {
      assert.equal(checkPersonName(name), null, name);
    }
  });

  it('trims, collapses inner whitespace and removes spaces around hyphens', () => {
    assert.equal(normalizePersonName('  Иванова  '), 'Иванова');
    assert.equal(normalizePersonName('Оглы \t  Мамедов'), 'Оглы Мамедов');
    assert.equal(normalizePersonName('Римский - Корсаков'), 'Римский-Корсаков');
    assert.equal(normalizePersonName('Анна‑Мария'), 'Анна-Мария');
    assert.equal(normalizePersonName('Д’Артаньян'), "Д'Артаньян");
  });

  it('keeps letter case as typed', () => {
    assert.equal(normalizePersonName('иВАНОВ'), 'иВАНОВ');
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkPersonName(''), 'required');
    assert.equal(checkPersonName(' \n\t '), 'required');
  });

  it('rejects Latin letters, including a single look-alike letter, with latin_letters', () => {
    assert.equal(checkPersonName('Ivanov'), 'latin_letters');
    assert.equal(checkPersonName('Ивaнов'), 'latin_letters');
    assert.equal(checkPersonName('Ivanov1'), 'latin_letters');
  });

  it('rejects digits and symbols with invalid_characters', () => {
    assert.equal(checkPersonName('Иванов1'), 'invalid_characters');
    assert.equal(checkPersonName('Иванов!'), 'invalid_characters');
    assert.equal(checkPersonName('Иванов_Петров'), 'invalid_characters');
    assert.equal(checkPersonName('Иванов.'), 'invalid_characters');
    assert.equal(checkPersonName('Іван'), 'invalid_characters');
  });

  it('rejects leading, trailing and doubled separators with format', () => {
    assert.equal(checkPersonName('-Иванов'), 'format');
    assert.equal(checkPersonName('Иванов-'), 'format');
    assert.equal(checkPersonName('Римский--Корсаков'), 'format');
    assert.equal(checkPersonName('Римский - - Корсаков'), 'format');
    assert.equal(checkPersonName("'Иванов"), 'format');
    assert.equal(checkPersonName("Д''Артаньян"), 'format');
    assert.equal(checkPersonName("Анна' Мария"), 'format');
    assert.equal(checkPersonName('-'), 'format');
  });

  it('limits the length to the exported bounds after tidying whitespace', () => {
    assert.equal(PERSON_NAME_MIN_LENGTH, 1);
    assert.equal(PERSON_NAME_MAX_LENGTH, 60);
    assert.equal(checkPersonName('а'.repeat(60)), null);
    assert.equal(checkPersonName(`  ${'а'.repeat(60)}  `), null);
    assert.equal(checkPersonName('а'.repeat(61)), 'too_long');
  });

  it('gives every name field its own wording in Russian and English', () => {
    const ru = validate(lastNameSchema, 'Ivanov');
    assert.deepEqual(ru, {
      ok: false,
      errors: [
        {
          path: '',
          code: 'latin_letters',
          message: 'Напишите фамилию русскими буквами — проверьте раскладку клавиатуры',
        },
      ],
    });
    const en = validate(firstNameSchema, 'а'.repeat(61), 'en');
    assert.equal(!en.ok && en.errors[0]?.message, 'The first name must be 60 characters or fewer');
    const middle = validate(middleNameSchema, 'Петрович2');
    assert.equal(
      !middle.ok && middle.errors[0]?.message,
      'Уберите из отчества цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
    );
  });

  it('outputs the normalised name and reports object paths', () => {
    const schema = z.object({
      lastName: lastNameSchema,
      firstName: firstNameSchema,
      middleName: middleNameSchema,
    });
    assert.deepEqual(
      validate(schema, {
        lastName: ' Римский - Корсаков ',
        firstName: 'Анна',
        middleName: 'Ивановна',
      }),
      {
        ok: true,
        value: { lastName: 'Римский-Корсаков', firstName: 'Анна', middleName: 'Ивановна' },
      },
    );
    const result = validate(schema, { lastName: '', firstName: 'Анна-', middleName: null }, 'en');
    assert.deepEqual(!result.ok && result.errors, [
      { path: 'lastName', code: 'required', message: 'Enter the last name' },
      {
        path: 'firstName',
        code: 'format',
        message:
          'Write the first name in letters, with a single hyphen, space or apostrophe only between parts',
      },
      { path: 'middleName', code: 'required', message: 'Enter the patronymic' },
    ]);
  });

  it('answers non-string input with required or format instead of throwing', () => {
    const schema = z.object({ lastName: lastNameSchema });
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [42, 'format'],
      [['Иванов'], 'format'],
    ] as const) {
      const result = validate(schema, { lastName: input });
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });

  it('lets an optional patronymic be missing, null, empty or blank, and outputs undefined', () => {
    const schema = z.object({ middleName: optionalMiddleNameSchema });
    assert.deepEqual(validate(schema, {}), { ok: true, value: {} });
    for (const middleName of [undefined, null, '', '   ']) {
      assert.deepEqual(validate(schema, { middleName }), {
        ok: true,
        value: { middleName: undefined },
      });
    }
    assert.deepEqual(validate(schema, { middleName: '  Петрович ' }), {
      ok: true,
      value: { middleName: 'Петрович' },
    });
  });

  it('still checks an optional patronymic that is given', () => {
    const schema = z.object({ middleName: optionalMiddleNameSchema });
    assert.deepEqual(validate(schema, { middleName: 'Petrovich' }), {
      ok: false,
      errors: [
        {
          path: 'middleName',
          code: 'latin_letters',
          message: 'Напишите отчество русскими буквами — проверьте раскладку клавиатуры',
        },
      ],
    });
    const tooLong = validate(optionalMiddleNameSchema, 'а'.repeat(61), 'en');
    assert.equal(
      !tooLong.ok && tooLong.errors[0]?.message,
      'The patronymic must be 60 characters or fewer',
    );
  });

  it('property: every generated Cyrillic name is valid and normalise is idempotent', () => {
    fc.assert(
      fc.property(cyrillicName, fc.constantFrom('', ' ', '  '), (name, pad) => {
        const once = normalizePersonName(pad + name + pad);
        assert.equal(once, name);
        assert.equal(normalizePersonName(name), name);
      }),
    );
  });

  it('property: a name with any ASCII Latin letter inside is rejected with latin_letters', () => {
    fc.assert(
      fc.property(
        cyrillicWord,
        cyrillicWord,
        fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ'),
        (before, after, latin) => {
          assert.equal(checkPersonName(before + latin + after), 'latin_letters');
          assert.equal(isValidPersonName(before + latin + after), false);
        },
      ),
    );
  });
});
