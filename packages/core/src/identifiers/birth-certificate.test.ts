import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import {
  checkBirthCertificate,
  isValidBirthCertificate,
  normalizeBirthCertificate,
} from './birth-certificate.js';
import { birthCertificateSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let roman = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      roman += symbol;
      rest -= amount;
    }
  }
  return roman;
}

const LETTERS = [...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ'];
const certificate = fc.record({
  roman: fc.integer({ min: 1, max: 3999 }).map(toRoman),
  letters: fc
    .tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...LETTERS))
    .map((l) => l.join('')),
  number: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
});

describe('birth certificate', () => {
  it('accepts the canonical form', () => {
    assert.equal(checkBirthCertificate('IV-АБ 123456'), null);
    assert.equal(normalizeBirthCertificate('IV-АБ 123456'), 'IV-АБ 123456');
    assert.equal(normalizeBirthCertificate('XXIX-ЁЙ 000001'), 'XXIX-ЁЙ 000001');
  });

  it('accepts lowercase and a missing hyphen or space', () => {
    assert.equal(normalizeBirthCertificate('iv-аб123456'), 'IV-АБ 123456');
    assert.equal(normalizeBirthCertificate('IVАБ123456'), 'IV-АБ 123456');
    assert.equal(normalizeBirthCertificate('IV АБ 123456'), 'IV-АБ 123456');
    assert.equal(normalizeBirthCertificate(' IV - АБ  123456 '), 'IV-АБ 123456');
  });

  it('swaps Cyrillic look-alikes typed in the Roman part for Latin letters', () => {
    assert.equal(normalizeBirthCertificate('ХІ-АБ 123456'), 'XI-АБ 123456');
    assert.equal(normalizeBirthCertificate('хі-аб 123456'), 'XI-АБ 123456');
    assert.equal(normalizeBirthCertificate('МСХ-АБ 123456'), 'MCX-АБ 123456');
  });

  it('keeps look-alike letters in the letter part Cyrillic', () => {
    assert.equal(normalizeBirthCertificate('X-СМ 123456'), 'X-СМ 123456');
    assert.equal(normalizeBirthCertificate('X-CM 123456'), 'X-СМ 123456');
    assert.equal(normalizeBirthCertificate('II-XM123456'), 'II-ХМ 123456');
  });

  it('does not treat Л or other Cyrillic letters as Roman digits', () => {
    assert.equal(checkBirthCertificate('Л-АБ 123456'), 'roman_numeral');
    assert.equal(checkBirthCertificate('ІЛ-АБ 123456'), 'roman_numeral');
  });

  it('rejects a series that is not a valid Roman numeral with roman_numeral', () => {
    for (const input of [
      'IIII-АБ 123456',
      'VV-АБ 123456',
      'IC-АБ 123456',
      '4-АБ 123456',
      'IVX-АБ 123456',
    ]) {
      assert.equal(checkBirthCertificate(input), 'roman_numeral', input);
    }
  });

  it('rejects Ъ, Ь and Ы and any other shape with format', () => {
    for (const input of [
      'IV-ЪБ 123456',
      'IV-АЬ 123456',
      'IV-ЫЫ 123456',
      'IV-А 123456',
      'IV-А1 123456',
      'IV-АБ 12345',
      'IV-АБ 1234567',
      'АБ 123456',
      '123456',
      'IV-DF 123456',
    ]) {
      assert.equal(checkBirthCertificate(input), 'format', input);
    }
  });

  it('treats empty and whitespace-only input as required', () => {
    assert.equal(checkBirthCertificate(''), 'required');
    assert.equal(checkBirthCertificate('   '), 'required');
  });

  it('outputs the canonical form and localised messages through the schema', () => {
    assert.deepEqual(validate(birthCertificateSchema, 'iv аб 123456'), {
      ok: true,
      value: 'IV-АБ 123456',
    });
    assert.deepEqual(validate(birthCertificateSchema, 'IIII-АБ 123456'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'roman_numeral',
          message:
            'Серия свидетельства начинается с римского числа латинскими буквами I, V, X, L, C, например IV-АБ',
        },
      ],
    });
    const en = validate(birthCertificateSchema, '123456', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'Enter the birth certificate series and number in the format IV-АБ 123456',
    );
  });

  it('reports the property path inside an object', () => {
    const schema = z.object({ birthCertificate: birthCertificateSchema });
    const result = validate(schema, { birthCertificate: 'IV-ЪЪ 123456' });
    assert.deepEqual(!result.ok && result.errors, [
      {
        path: 'birthCertificate',
        code: 'format',
        message: 'Введите серию и номер свидетельства о рождении в формате IV-АБ 123456',
      },
    ]);
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [123456, 'format'],
    ] as const) {
      const answer = validate(schema, { birthCertificate: input });
      assert.equal(!answer.ok && answer.errors[0]?.code, code);
    }
  });

  it('property: every valid certificate in any accepted style normalises to one form, idempotently', () => {
    fc.assert(
      fc.property(
        certificate,
        fc.constantFrom('-', ' ', '', ' - '),
        fc.constantFrom(' ', ''),
        fc.boolean(),
        ({ roman, letters, number }, hyphen, space, lower) => {
          const typed = `${roman}${hyphen}${letters}${space}${number}`;
          const input = lower ? typed.toLowerCase() : typed;
          const canonical = `${roman}-${letters} ${number}`;
          assert.equal(normalizeBirthCertificate(input), canonical, input);
          assert.equal(normalizeBirthCertificate(canonical), canonical);
        },
      ),
    );
  });

  it('property: a Roman part with four repeated I, X, C or M, or two V, L or D, is rejected', () => {
    fc.assert(
      fc.property(
        certificate,
        fc.constantFrom('IIII', 'XXXX', 'CCCC', 'MMMM', 'VV', 'LL', 'DD'),
        ({ letters, number }, bad) => {
          assert.equal(isValidBirthCertificate(`${bad}-${letters} ${number}`), false);
          assert.equal(checkBirthCertificate(`${bad}-${letters} ${number}`), 'roman_numeral');
        },
      ),
    );
  });
});
