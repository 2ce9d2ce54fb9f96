// The zod schemas of Russian identifiers and personal data: each is governed by its rule in
// identifiers/ (the plain check a form can run without zod), reports that rule's codes and
// outputs the normalised value.
import { meta, nullable, optional, pipe, string, transform } from 'zod/mini';
import { todayIn } from '../calendar/time-zone.js';
import {
  checkBirthCertificate,
  normalizeBirthCertificate,
} from '../identifiers/birth-certificate.js';
import {
  DEFAULT_SCHOOL_AGE,
  checkBirthDate,
  checkIsoDate,
  parseRuDate,
} from '../identifiers/birth-date.js';
import { EMAIL_MAX_LENGTH, checkEmail, normalizeEmail } from '../identifiers/email.js';
import { checkInn, normalizeInn } from '../identifiers/inn.js';
import { checkOneTimeCode, normalizeOneTimeCode } from '../identifiers/one-time-code.js';
import { canonicalPassport, checkPassport } from '../identifiers/passport.js';
import { PASSWORD_LENGTH, checkPassword } from '../identifiers/password.js';
import {
  PERSON_NAME_MAX_LENGTH,
  checkPersonName,
  normalizePersonName,
} from '../identifiers/person-name.js';
import { checkRuPhone, normalizeRuPhone } from '../identifiers/phone.js';
import {
  ROSTER_ID_LENGTH,
  checkRosterId,
  checkSchoolCode,
  normalizeRosterId,
  normalizeSchoolCode,
} from '../identifiers/school-code.js';
import { checkSnils, normalizeSnils } from '../identifiers/snils.js';
import { ruleCheck, ruledString } from './rule.js';

/** Zod schema: accepts a SNILS as typed and outputs its canonical form. */
export const snilsSchema = ruledString(checkSnils, (value) => normalizeSnils(value) as string, {
  field: 'snils',
});

/**
 * Zod schema: accepts an INN (10 or 12 digits) as typed and outputs its digits.
 *
 * @example
 * validate(innSchema, '7707 083893'); // { ok: true, value: '7707083893' }
 */
export const innSchema = ruledString(checkInn, (value) => normalizeInn(value) as string, {
  field: 'inn',
});

/**
 * Zod schema: accepts a Russian mobile number as typed and outputs `+7XXXXXXXXXX`.
 *
 * @example
 * validate(phoneSchema, '8 916 123-45-67'); // { ok: true, value: '+79161234567' }
 */
export const phoneSchema = ruledString(checkRuPhone, (value) => normalizeRuPhone(value) as string, {
  field: 'phone',
});

function nameSchema(field: string) {
  return ruledString(checkPersonName, (value) => normalizePersonName(value) as string, {
    field,
    maximum: PERSON_NAME_MAX_LENGTH,
  });
}

/**
 * Zod schema of a surname (field `lastName`); outputs the normalised name.
 *
 * @example
 * validate(lastNameSchema, ' Иванова '); // { ok: true, value: 'Иванова' }
 */
export const lastNameSchema = nameSchema('lastName');

/**
 * Zod schema of a first name (field `firstName`); outputs the normalised name.
 *
 * @example
 * validate(firstNameSchema, 'Анна-Мария'); // { ok: true, value: 'Анна-Мария' }
 */
export const firstNameSchema = nameSchema('firstName');

/**
 * Zod schema of a required patronymic (field `middleName`); outputs the normalised name. Wrap it
 * in zod's `optional` or use {@link optionalMiddleNameSchema} when there may be none.
 *
 * @example
 * validate(middleNameSchema, 'Петрович'); // { ok: true, value: 'Петрович' }
 */
export const middleNameSchema = nameSchema('middleName');

const middleNameParams = { field: 'middleName', maximum: PERSON_NAME_MAX_LENGTH };

/**
 * Zod schema of a patronymic that may be absent: a missing key, `null`, `''` and blank input all
 * output `undefined`; anything else must be a valid name and outputs it normalised.
 *
 * @example
 * validate(optionalMiddleNameSchema, '  '); // { ok: true, value: undefined }
 */
export const optionalMiddleNameSchema = optional(
  pipe(
    nullable(
      string().check(
        ruleCheck(
          (value: string) => (value.trim() === '' ? null : checkPersonName(value)),
          middleNameParams,
        ),
      ),
    ),
    transform((value: string | null) =>
      value === null || value.trim() === '' ? undefined : (normalizePersonName(value) as string),
    ),
  ),
);

/** Options of {@link birthDateSchema}. */
export interface BirthDateSchemaOptions {
  /** A fixed today (`YYYY-MM-DD`); wins over `clock`. */
  readonly today?: string;
  /** Where today comes from, read on every parse; the system clock's local date by default. */
  readonly clock?: () => Date;
  /** The youngest acceptable age; {@link DEFAULT_SCHOOL_AGE} by default, `0` to allow any. */
  readonly minAge?: number;
  /** The oldest acceptable age; {@link DEFAULT_SCHOOL_AGE} by default, `Infinity` to allow any. */
  readonly maxAge?: number;
}

/** The calendar date of an instant in the runtime's own time zone. */
const localIsoDate = (instant: Date): string => todayIn(instant);

const systemClock = (): Date => new Date();

/**
 * Zod schema factory for a child's date of birth (field `birthDate`): accepts `DD.MM.YYYY`,
 * `D.M.YYYY` or ISO, rejects impossible and future dates and ages outside the window
 * ({@link DEFAULT_SCHOOL_AGE} unless given), and outputs ISO. Today is read from `clock` on every
 * parse (the system clock's local date by default) unless a fixed `today` is given.
 *
 * @example
 * const schema = birthDateSchema({ today: '2026-09-01' });
 * validate(schema, '01.09.2015'); // { ok: true, value: '2015-09-01' }
 */
export function birthDateSchema(options: BirthDateSchemaOptions = {}) {
  const minAge = options.minAge ?? DEFAULT_SCHOOL_AGE.minAge;
  const maxAge = options.maxAge ?? DEFAULT_SCHOOL_AGE.maxAge;
  const clock = options.clock ?? systemClock;
  return ruledString(
    (value) =>
      checkBirthDate(value, { today: options.today ?? localIsoDate(clock()), minAge, maxAge }),
    (value) => parseRuDate(value) as string,
    { field: 'birthDate', minimum: minAge, maximum: maxAge },
  );
}

/**
 * Zod schema of a calendar date on the wire: strict ISO `YYYY-MM-DD` that exists in the
 * calendar (codes `required`, `format`, `impossible_date`, field `date`). Every date field of the
 * domain schemas reuses it.
 *
 * @example
 * validate(isoDateSchema, '2026-02-30'); // { ok: false, errors: [{ code: 'impossible_date', … }] }
 */
export const isoDateSchema = string().check(
  ruleCheck(checkIsoDate, { field: 'date' }),
  meta({ format: 'date' }),
);

/**
 * Zod schema: accepts an e-mail address as typed and outputs it normalised.
 *
 * @example
 * validate(emailSchema, 'Ivanova@Mail.ru'); // { ok: true, value: 'Ivanova@mail.ru' }
 */
export const emailSchema = ruledString(checkEmail, (value) => normalizeEmail(value) as string, {
  field: 'email',
  maximum: EMAIL_MAX_LENGTH,
});

/**
 * Zod schema (field `passport`): accepts a series and number as typed and outputs the canonical
 * string `4512 345678`.
 *
 * @example
 * validate(passportSchema, '45 12 345678'); // { ok: true, value: '4512 345678' }
 */
export const passportSchema = ruledString(
  checkPassport,
  (value) => canonicalPassport(value) as string,
  { field: 'passport' },
);

/**
 * Zod schema (field `birthCertificate`): accepts a birth certificate as typed and outputs
 * `IV-АБ 123456`.
 *
 * @example
 * validate(birthCertificateSchema, 'iv аб 123456'); // { ok: true, value: 'IV-АБ 123456' }
 */
export const birthCertificateSchema = ruledString(
  checkBirthCertificate,
  (value) => normalizeBirthCertificate(value) as string,
  { field: 'birthCertificate' },
);

/**
 * Zod schema (field `schoolCode`): a school's registry code of 6 to 12 digits, output without
 * spaces.
 *
 * @example
 * validate(schoolCodeSchema, '770 123 45'); // { ok: true, value: '77012345' }
 */
export const schoolCodeSchema = ruledString(
  checkSchoolCode,
  (value) => normalizeSchoolCode(value) as string,
  { field: 'schoolCode' },
);

/**
 * Zod schema (field `rosterId`): a student's roster id, 4–20 Latin letters, digits or hyphens,
 * output uppercase.
 *
 * @example
 * validate(rosterIdSchema, '5a-0123'); // { ok: true, value: '5A-0123' }
 */
export const rosterIdSchema = ruledString(
  checkRosterId,
  (value) => normalizeRosterId(value) as string,
  { field: 'rosterId', ...ROSTER_ID_LENGTH },
);

/**
 * Zod schema (field `password`) of a new password. It outputs the value exactly as typed: a
 * password is never trimmed or otherwise changed.
 *
 * @example
 * validate(passwordSchema, ' quiet river evening '); // { ok: true, value: ' quiet river evening ' }
 */
export const passwordSchema = ruledString(checkPassword, (value) => value, {
  field: 'password',
  ...PASSWORD_LENGTH,
});

/**
 * Zod schema (field `code`): a six-digit one-time code, output as its digits.
 *
 * @example
 * validate(oneTimeCodeSchema, '123-456'); // { ok: true, value: '123456' }
 */
export const oneTimeCodeSchema = ruledString(
  checkOneTimeCode,
  (value) => normalizeOneTimeCode(value) as string,
  { field: 'code' },
);
