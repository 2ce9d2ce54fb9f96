import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WORK_KINDS } from './work-kinds.js';
import { markValueText, workKindName } from './mark-text.js';

describe('mark text: kinds of work and mark values as people read them', () => {
  it('names every kind of work in both languages, distinctly', () => {
    for (const lang of ['ru', 'en'] as const) {
      const names = WORK_KINDS.map((kind) => workKindName(lang, kind));
      assert.equal(new Set(names).size, WORK_KINDS.length, `${lang}: one name per kind`);
      if (lang === 'ru')
        names.forEach((name, i) => assert.notEqual(name, WORK_KINDS[i], 'translated'));
    }
    assert.equal(workKindName('ru', 'test'), 'контрольная работа');
    assert.equal(workKindName('en', 'lab'), 'lab work');
  });

  it('shows an unknown kind as it came', () => {
    assert.equal(workKindName('ru', 'olympiad'), 'olympiad');
  });

  it('writes numbers as digits and pass marks as words', () => {
    assert.equal(markValueText('ru', 5), '5');
    assert.equal(markValueText('ru', 'pass'), 'зачёт');
    assert.equal(markValueText('ru', 'fail'), 'незачёт');
    assert.equal(markValueText('en', 'fail'), 'fail');
  });
});
