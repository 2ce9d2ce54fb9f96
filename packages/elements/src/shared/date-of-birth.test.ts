/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { checkDateParts, datePartsToIso, parseMonth } from './date-of-birth';

const TODAY = '2026-11-24';
const check = (day: string, month: string, year: string, lang: 'ru' | 'en' = 'ru') =>
  checkDateParts({ day, month, year }, TODAY, lang);

describe('date of birth in three boxes', () => {
  it('accepts month numbers and names in Russian and English, full, genitive or short', () => {
    expect(parseMonth('3')).to.equal(3);
    expect(parseMonth('03')).to.equal(3);
    expect(parseMonth('март')).to.equal(3);
    expect(parseMonth('марта')).to.equal(3);
    expect(parseMonth('Мар.')).to.equal(3);
    expect(parseMonth('сент')).to.equal(9);
    expect(parseMonth('March')).to.equal(3);
    expect(parseMonth('sep')).to.equal(9);
    expect(parseMonth('Май')).to.equal(5);
    expect(parseMonth('ма')).to.equal(null);
    expect(parseMonth('ию')).to.equal(null);
    expect(parseMonth('абв')).to.equal(null);
  });

  it('reads the ISO date of valid boxes', () => {
    expect(datePartsToIso({ day: '27', month: 'марта', year: '2015' })).to.equal('2015-03-27');
    expect(datePartsToIso({ day: '31', month: '2', year: '2015' })).to.equal(null);
  });

  it('asks for the date when every box is empty', () => {
    expect(check('', '', '')).to.deep.include({ code: 'required', part: 'day', whole: true });
    expect(check('', '', '')?.message).to.equal('Введите дату рождения');
    expect(check('', '', '', 'en')?.message).to.equal('Enter the date of birth');
  });

  it('names the missing part first, before any other problem', () => {
    expect(check('', '3', '2015')?.message).to.equal('Дата рождения должна включать день');
    expect(check('27', '', '15')?.message).to.equal('Дата рождения должна включать месяц');
    expect(check('27', '3', '')).to.deep.include({ part: 'year', whole: false });
    expect(check('27', '3', '')?.message).to.equal('Дата рождения должна включать год');
    expect(check('27', '', '2015', 'en')?.message).to.equal(
      'The date of birth must include a month',
    );
  });

  it('asks for a four-digit year before checking that the date exists', () => {
    expect(check('32', '3', '15')?.message).to.equal(
      'Год рождения должен состоять из 4 цифр, например 2015',
    );
  });

  it('says a date that cannot exist must be a real one', () => {
    const impossible = 'Такой даты нет в календаре — проверьте день и месяц рождения';
    expect(check('31', 'февраля', '2016')?.message).to.equal(impossible);
    expect(check('29', '2', '2015')?.message).to.equal(impossible);
    expect(check('12', '13', '2015')?.message).to.equal(impossible);
    expect(check('1a', '3', '2015')?.message).to.equal(impossible);
    expect(check('12', 'мартобря', '2015')?.message).to.equal(impossible);
    expect(check('29', '2', '2016')).to.equal(null);
  });

  it('refuses a date in the future', () => {
    expect(check('25', '11', '2026')?.message).to.equal(
      'Дата рождения не может быть позже сегодняшнего дня',
    );
    expect(check('24', '11', '2026')).to.equal(null);
  });

  it('leaves the school-age window to the form (an explanation, not an error)', () => {
    expect(check('1', '1', '2025')).to.equal(null);
    expect(check('1', '1', '1950')).to.equal(null);
  });
});
