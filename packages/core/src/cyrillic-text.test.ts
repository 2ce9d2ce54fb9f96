import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeCyrillic } from '../tools/cyrillic-strings.mjs';
import { cyrillicText } from './cyrillic-text';

describe('Cyrillic text as the build writes it into dist/', () => {
  it('writes each lowercase letter as one ASCII character, a capital as two', () => {
    assert.equal(
      encodeCyrillic('абвгдежзийклмнопрстуфхцчшщъыьэюя'),
      'abcdefghijklmnopqrstuvwxyz[]^_|~',
    );
    assert.equal(encodeCyrillic('ёЁ'), '$`$');
    assert.equal(encodeCyrillic('АЯ'), '`a`~');
  });

  it('escapes the characters that are codes, and leaves the rest alone', () => {
    assert.equal(encodeCyrillic('SMS'), '#S#M#S');
    assert.equal(encodeCyrillic('{minimum}'), '{#m#i#n#i#m#u#m}');
    assert.equal(encodeCyrillic('#`$^_|~[]'), '###`#$#^#_#|#~#[#]');
    assert.equal(encodeCyrillic('12:30 — 45, «ok»?'), '12:30 — 45, «#o#k»?');
  });

  it('reads back the catalogue texts exactly', () => {
    for (const text of [
      'Введите СНИЛС из 11 цифр',
      'Контрольное число СНИЛС не совпадает — проверьте цифры',
      'Серия свидетельства начинается с римского числа латинскими буквами I, V, X, L, C, например IV-АБ',
      'Слишком много попыток — повторите через {seconds} с',
      'Ребёнок, ЁЛКА, объявление, съезд',
      '',
    ]) {
      assert.equal(cyrillicText(encodeCyrillic(text)), text);
    }
  });

  it('makes Russian text shorter in UTF-8: one byte a lowercase letter instead of two', () => {
    const text = 'введите дату рождения в формате';
    const encoded = encodeCyrillic(text);
    assert.equal(Buffer.byteLength(encoded), text.length);
    assert.equal(Buffer.byteLength(text), 2 * text.length - 4);
  });

  it('reads back any text, whatever characters it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.equal(cyrillicText(encodeCyrillic(text)), text);
      }),
    );
    const tricky = fc.constantFrom(...'аяАЯёЁщЩ#`$^_|~[]azAZ{} —\n\\"'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: tricky }), (text) => {
        assert.equal(cyrillicText(encodeCyrillic(text)), text);
      }),
    );
  });
});
