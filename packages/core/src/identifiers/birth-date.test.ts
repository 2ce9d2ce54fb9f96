import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod/mini';
import {
  DEFAULT_SCHOOL_AGE,
  ageOn,
  checkBirthDate,
  checkIsoDate,
  checkSchoolAge,
  formatRuDate,
  parseRuDate,
} from './birth-date.js';
import { birthDateSchema, isoDateSchema } from '../schemas/identifiers.js';
import { validate } from '../messages/field-errors.js';

const TODAY = '2026-09-01';

/** Real calendar dates, with an independent oracle: the UTC calendar of `Date`. */
const realDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day-month-year triples that are not in the calendar. */
const impossibleDate = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) =>
      fc
        .integer({ min: daysInMonth(year, month) + 1, max: 99 })
        .map((day) => ({ year, month, day })),
    ),
  fc.record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.constantFrom(0, 13, 20, 99),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.constant(0),
  }),
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('parseRuDate', () => {
  it('reads DD.MM.YYYY, D.M.YYYY and ISO into ISO', () => {
    assert.equal(parseRuDate('01.09.2019'), '2019-09-01');
    assert.equal(parseRuDate('1.9.2019'), '2019-09-01');
    assert.equal(parseRuDate('29.02.2020'), '2020-02-29');
    assert.equal(parseRuDate('2019-09-01'), '2019-09-01');
    assert.equal(parseRuDate(' 01.09.2019 '), '2019-09-01');
  });

  it('returns null for other shapes and for dates not in the calendar', () => {
    for (const input of [
      '',
      '01/09/2019',
      '01.09.19',
      '2019-9-1',
      '2019.09.01',
      '01.09.2019 12:00',
      '31.02.2020',
      '29.02.2023',
      '31.04.2020',
      '00.01.2020',
      '01.13.2020',
      '29.02.1900',
    ]) {
      assert.equal(parseRuDate(input), null, input);
    }
    assert.equal(parseRuDate('29.02.2000'), '2000-02-29');
  });

  it('formats an ISO date back as DD.MM.YYYY', () => {
    assert.equal(formatRuDate('2019-09-01'), '01.09.2019');
    assert.equal(formatRuDate('2019-02-30'), null);
    assert.equal(formatRuDate('01.09.2019'), null);
  });

  it('property: every real date round-trips between DD.MM.YYYY and ISO', () => {
    fc.assert(
      fc.property(realDate, (iso) => {
        const ru = formatRuDate(iso);
        assert.ok(ru);
        assert.equal(parseRuDate(ru), iso);
        const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
        assert.equal(parseRuDate(`${day}.${month}.${year}`), iso);
        assert.equal(parseRuDate(iso), iso);
        assert.equal(checkIsoDate(iso), null);
      }),
    );
  });

  it('property: generated impossible dates are rejected in every shape', () => {
    fc.assert(
      fc.property(impossibleDate, ({ year, month, day }) => {
        const ru = `${pad(day)}.${pad(month)}.${year}`;
        const iso = `${year}-${pad(month)}-${pad(day)}`;
        assert.equal(parseRuDate(ru), null, ru);
        assert.equal(checkBirthDate(ru, { today: TODAY }), 'impossible_date', ru);
        assert.equal(checkIsoDate(iso), 'impossible_date', iso);
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, turning older on the birthday itself', () => {
    assert.equal(ageOn('2015-09-01', '2026-08-31'), 10);
    assert.equal(ageOn('2015-09-01', '2026-09-01'), 11);
    assert.equal(ageOn('2015-09-01', '2015-09-01'), 0);
    assert.equal(ageOn('2015-12-31', '2016-01-01'), 0);
  });

  it('lets a 29 February birthday count from 1 March in common years', () => {
    assert.equal(ageOn('2016-02-29', '2023-02-28'), 6);
    assert.equal(ageOn('2016-02-29', '2023-03-01'), 7);
    assert.equal(ageOn('2016-02-29', '2024-02-28'), 7);
    assert.equal(ageOn('2016-02-29', '2024-02-29'), 8);
  });

  it('throws a RangeError for a date that is not ISO', () => {
    assert.throws(() => ageOn('01.09.2015', TODAY), RangeError);
    assert.throws(() => ageOn('2015-09-01', '2026-02-30'), RangeError);
  });

  it('property: matches counting anniversaries with the UTC calendar', () => {
    fc.assert(
      fc.property(realDate, realDate, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        let years = 0;
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
        // The n-th anniversary is the birthday in year by+n, or 1 March when that is 29 Feb of a common year.
        const anniversary = (n: number) => {
          const date = new Date(Date.UTC(by + n, bm - 1, bd));
          return date.toISOString().slice(0, 10);
        };
        while (anniversary(years + 1) <= on) years += 1;
        assert.equal(ageOn(birth, on), years);
      }),
    );
  });
});

describe('checkSchoolAge', () => {
  it('uses 6 to 18 full years by default', () => {
    assert.deepEqual(DEFAULT_SCHOOL_AGE, { minAge: 6, maxAge: 18 });
    assert.equal(checkSchoolAge('2020-09-01', { today: TODAY }), null);
    assert.equal(checkSchoolAge('2020-09-02', { today: TODAY }), 'too_young');
    assert.equal(checkSchoolAge('2007-09-02', { today: TODAY }), null);
    assert.equal(checkSchoolAge('2007-09-01', { today: TODAY }), 'too_old');
  });

  it('honours a custom window', () => {
    assert.equal(checkSchoolAge('2021-03-01', { today: TODAY, minAge: 5 }), null);
    assert.equal(checkSchoolAge('2010-01-01', { today: TODAY, maxAge: 15 }), 'too_old');
  });
});

describe('checkBirthDate', () => {
  it('accepts a real past date in either style', () => {
    assert.equal(checkBirthDate('01.09.2015', { today: TODAY }), null);
    assert.equal(checkBirthDate('2015-09-01', { today: TODAY }), null);
    assert.equal(checkBirthDate(TODAY, { today: TODAY }), null);
  });

  it('reports problems in priority order', () => {
    assert.equal(checkBirthDate('  ', { today: TODAY }), 'required');
    assert.equal(checkBirthDate('1 сентября 2015', { today: TODAY }), 'format');
    assert.equal(checkBirthDate('31.02.2020', { today: TODAY }), 'impossible_date');
    assert.equal(checkBirthDate('29.02.2023', { today: TODAY }), 'impossible_date');
    assert.equal(checkBirthDate('02.09.2026', { today: TODAY, maxAge: 18 }), 'future_date');
    assert.equal(checkBirthDate('01.09.2021', { today: TODAY, minAge: 6 }), 'too_young');
    assert.equal(checkBirthDate('01.09.1990', { today: TODAY, maxAge: 18 }), 'too_old');
  });

  it('checks no age window unless one is given', () => {
    assert.equal(checkBirthDate('01.09.1950', { today: TODAY }), null);
    assert.equal(checkBirthDate('31.08.2026', { today: TODAY }), null);
  });

  it('throws a RangeError when today is not an ISO date', () => {
    assert.throws(() => checkBirthDate('01.09.2015', { today: '01.09.2026' }), RangeError);
  });
});

describe('birthDateSchema', () => {
  it('outputs ISO and applies the school-age window by default', () => {
    const schema = birthDateSchema({ today: TODAY });
    assert.deepEqual(validate(schema, '1.9.2015'), { ok: true, value: '2015-09-01' });
    assert.deepEqual(validate(schema, '01.09.2021'), {
      ok: false,
      errors: [
        {
          path: '',
          code: 'too_young',
          message:
            'Проверьте дату рождения: ребёнок младше школьного возраста (минимум полных лет: 6)',
        },
      ],
    });
    const en = validate(schema, '01.09.1990', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'Check the date of birth: the child is above school age (at most 18 full years)',
    );
  });

  it('reads today from the injected clock on every parse', () => {
    let now = new Date(2026, 8, 1, 12);
    const schema = birthDateSchema({ clock: () => now });
    assert.equal(validate(schema, '02.09.2020').ok, false);
    now = new Date(2026, 8, 2, 12);
    assert.deepEqual(validate(schema, '02.09.2020'), { ok: true, value: '2020-09-02' });
  });

  it('uses the given window in checks and messages', () => {
    const schema = birthDateSchema({ today: TODAY, minAge: 5, maxAge: 10 });
    assert.equal(validate(schema, '01.03.2021').ok, true);
    const old = validate(schema, '01.09.2014', 'en');
    assert.equal(
      !old.ok && old.errors[0]?.message,
      'Check the date of birth: the child is above school age (at most 10 full years)',
    );
  });

  it('reports the field path, code and message inside an object', () => {
    const schema = z.object({ birthDate: birthDateSchema({ today: TODAY }) });
    assert.deepEqual(validate(schema, { birthDate: '31.02.2019' }), {
      ok: false,
      errors: [
        {
          path: 'birthDate',
          code: 'impossible_date',
          message: 'Такой даты нет в календаре — проверьте день и месяц рождения',
        },
      ],
    });
    assert.deepEqual(validate(schema, { birthDate: '2019/02/01' }, 'en'), {
      ok: false,
      errors: [
        {
          path: 'birthDate',
          code: 'format',
          message: 'Enter the date of birth as DD.MM.YYYY, for example 01.09.2015',
        },
      ],
    });
    const future = validate(schema, { birthDate: '02.09.2026' });
    assert.equal(
      !future.ok && future.errors[0]?.message,
      'Дата рождения не может быть позже сегодняшнего дня',
    );
  });

  it('answers non-string input with required or format instead of throwing', () => {
    const schema = z.object({ birthDate: birthDateSchema({ today: TODAY }) });
    for (const [input, code] of [
      [undefined, 'required'],
      [null, 'required'],
      [20150901, 'format'],
      [new Date(2015, 8, 1), 'format'],
    ] as const) {
      const result = validate(schema, { birthDate: input });
      assert.equal(!result.ok && result.errors[0]?.code, code);
    }
  });
});

describe('isoDateSchema', () => {
  it('accepts only strict real ISO dates', () => {
    assert.deepEqual(validate(isoDateSchema, '2024-02-29'), { ok: true, value: '2024-02-29' });
    assert.equal(checkIsoDate('01.09.2019'), 'format');
    assert.equal(checkIsoDate(' 2019-09-01'), 'format');
    assert.equal(checkIsoDate('2019-9-1'), 'format');
    assert.equal(checkIsoDate('2019-09-01T00:00:00Z'), 'format');
    assert.equal(checkIsoDate('2023-02-29'), 'impossible_date');
    assert.equal(checkIsoDate('0000-01-01'), 'impossible_date');
    assert.equal(checkIsoDate(' '), 'required');
  });

  it('speaks of a date on any field that reuses it', () => {
    const schema = z.object({ from: isoDateSchema, to: isoDateSchema });
    assert.deepEqual(validate(schema, { from: '2026-02-30', to: '30.02.2026' }), {
      ok: false,
      errors: [
        {
          path: 'from',
          code: 'impossible_date',
          message: 'Такой даты нет в календаре — проверьте день и месяц',
        },
        {
          path: 'to',
          code: 'format',
          message: 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
        },
      ],
    });
    const en = validate(isoDateSchema, '2026-13-01', 'en');
    assert.equal(
      !en.ok && en.errors[0]?.message,
      'This date is not in the calendar — check the day and month',
    );
  });
});
