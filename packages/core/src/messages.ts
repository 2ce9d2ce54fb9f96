import { ERROR_CODES, type ErrorCode } from './error-codes';
import { DEFAULT_LANG, type Lang } from './lang';

/** Values substituted into `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

// The catalogue is written compactly, since every browser that shows a widget downloads it:
// field names and codes once (FIELD_CODES), then each language's texts as a plain list in that
// order, with no per-message keys repeated for every language.

/** The codes each field words in its own way, in the order of its texts in {@link TEXTS}. */
const FIELD_CODES: Readonly<Record<string, readonly ErrorCode[]>> = {
  snils: ['required', 'format', 'checksum', 'already_registered'],
  inn: ['required', 'format', 'checksum'],
  phone: ['already_registered', 'required', 'format', 'not_mobile'],
  lastName: ['required', 'too_long', 'latin_letters', 'invalid_characters', 'format'],
  firstName: ['required', 'too_long', 'latin_letters', 'invalid_characters', 'format'],
  middleName: ['required', 'too_long', 'latin_letters', 'invalid_characters', 'format'],
  birthDate: ['required', 'format', 'impossible_date', 'future_date', 'too_young', 'too_old'],
  birthDay: ['required'],
  birthMonth: ['required'],
  birthYear: ['required', 'format'],
  sex: ['required', 'invalid_option'],
  school: ['required'],
  date: ['required', 'format', 'impossible_date'],
  email: ['required', 'too_long', 'format'],
  passport: ['required', 'format'],
  birthCertificate: ['required', 'format', 'roman_numeral'],
  schoolCode: ['required', 'format'],
  rosterId: ['required', 'format', 'too_short', 'too_long'],
  password: ['required', 'too_short', 'too_long', 'weak_password'],
  newPassword: ['required'],
  currentPassword: ['required'],
  code: ['required', 'format'],
};

/** One text per code, in the order of `Codes`: the compiler checks the count. */
type TextsOf<Codes extends readonly string[]> = { readonly [I in keyof Codes]: string };

/**
 * Each language's texts: the generic wording of every code in `ERROR_CODES` order (the fallback
 * when a field has none of its own), then every field's wording in {@link FIELD_CODES} order.
 */
const TEXTS: Readonly<Record<Lang, readonly [TextsOf<typeof ERROR_CODES>, readonly string[]]>> = {
  ru: [
    [
      // generic, in the order of ERROR_CODES
      'Заполните это поле',
      'Проверьте формат значения',
      'Значение должно быть не короче {minimum} символов',
      'Значение должно быть не длиннее {maximum} символов',
      'Значение должно быть не меньше {minimum}',
      'Значение должно быть не больше {maximum}',
      'Выберите одно из предложенных значений',
      'Это поле не поддерживается — уберите его',
      'Контрольное число не совпадает — проверьте цифры',
      'Введите номер мобильного телефона России',
      'Используйте только русские буквы',
      'Уберите цифры и знаки — допустимы буквы, дефис, пробел и апостроф',
      'Такой даты не существует — проверьте день и месяц',
      'Дата не может быть в будущем',
      'Возраст меньше допустимого',
      'Возраст больше допустимого',
      'Серия должна начинаться с римского числа латинскими буквами I, V, X, L, C',
      'Дата окончания должна быть не раньше даты начала',
      'Файл должен быть не больше {maximum}',
      'Этот тип файла не поддерживается',
      'Этот пароль слишком распространён — придумайте фразу из нескольких слов',
      'Это значение уже зарегистрировано',
      'Укажите хотя бы одно поле, которое нужно изменить',
      'Дата уже прошла — укажите сегодняшнюю или будущую',
    ],
    [
      // snils: required, format, checksum, already_registered
      'Введите СНИЛС',
      'Введите СНИЛС из 11 цифр',
      'Контрольное число СНИЛС не совпадает — проверьте цифры',
      'Ребёнок с этим СНИЛС уже зарегистрирован — школа подтвердит вас как второго родителя',
      // inn: required, format, checksum
      'Введите ИНН',
      'Введите ИНН: 12 цифр у человека или 10 цифр у организации',
      'Контрольные цифры ИНН не совпадают — проверьте номер',
      // phone: already_registered, required, format, not_mobile
      'На этот номер уже есть учётная запись — войдите или восстановите пароль',
      'Введите номер мобильного телефона',
      'Введите номер мобильного телефона в формате +7 999 123-45-67',
      'Введите номер мобильного телефона России — он начинается с +7 9 или 8 9',
      // lastName: required, too_long, latin_letters, invalid_characters, format
      'Введите фамилию',
      'Фамилия должна быть не длиннее {maximum} символов',
      'Напишите фамилию русскими буквами — проверьте раскладку клавиатуры',
      'Уберите из фамилии цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      'Напишите фамилию буквами; дефис, пробел или апостроф — только между частями, по одному',
      // firstName: required, too_long, latin_letters, invalid_characters, format
      'Введите имя',
      'Имя должно быть не длиннее {maximum} символов',
      'Напишите имя русскими буквами — проверьте раскладку клавиатуры',
      'Уберите из имени цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      'Напишите имя буквами; дефис, пробел или апостроф — только между частями, по одному',
      // middleName: required, too_long, latin_letters, invalid_characters, format
      'Введите отчество',
      'Отчество должно быть не длиннее {maximum} символов',
      'Напишите отчество русскими буквами — проверьте раскладку клавиатуры',
      'Уберите из отчества цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      'Напишите отчество буквами; дефис, пробел или апостроф — только между частями, по одному',
      // birthDate: required, format, impossible_date, future_date, too_young, too_old
      'Введите дату рождения',
      'Введите дату рождения в формате ДД.ММ.ГГГГ, например 01.09.2015',
      'Такой даты нет в календаре — проверьте день и месяц рождения',
      'Дата рождения не может быть позже сегодняшнего дня',
      'Проверьте дату рождения: ребёнок младше школьного возраста (минимум полных лет: {minimum})',
      'Проверьте дату рождения: ребёнок старше школьного возраста (максимум полных лет: {maximum})',
      // birthDay: required
      'Дата рождения должна включать день',
      // birthMonth: required
      'Дата рождения должна включать месяц',
      // birthYear: required, format
      'Дата рождения должна включать год',
      'Год рождения должен состоять из 4 цифр, например 2015',
      // sex: required, invalid_option
      'Выберите, мальчик это или девочка',
      'Выберите, мальчик это или девочка',
      // school: required
      'Выберите школу: начните вводить её номер или название и выберите её из списка',
      // date: required, format, impossible_date
      'Введите дату',
      'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
      'Такой даты нет в календаре — проверьте день и месяц',
      // email: required, too_long, format
      'Введите адрес электронной почты',
      'Адрес электронной почты должен быть не длиннее {maximum} символов',
      'Введите адрес электронной почты в формате name@example.ru',
      // passport: required, format
      'Введите серию и номер паспорта',
      'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
      // birthCertificate: required, format, roman_numeral
      'Введите серию и номер свидетельства о рождении',
      'Введите серию и номер свидетельства о рождении в формате IV-АБ 123456',
      'Серия свидетельства начинается с римского числа латинскими буквами I, V, X, L, C, например IV-АБ',
      // schoolCode: required, format
      'Введите код школы',
      'Введите код школы — от 6 до 12 цифр, его сообщает школа',
      // rosterId: required, format, too_short, too_long
      'Введите номер ученика в школе',
      'Номер ученика может содержать только латинские буквы, цифры и дефис',
      'Номер ученика должен быть не короче {minimum} символов',
      'Номер ученика должен быть не длиннее {maximum} символов',
      // password: required, too_short, too_long, weak_password
      'Придумайте пароль',
      'Пароль должен быть не короче {minimum} символов',
      'Пароль должен быть не длиннее {maximum} символов',
      'Этот пароль слишком распространён или уже утёк — придумайте фразу из нескольких слов',
      // newPassword: required
      'Придумайте новый пароль',
      // currentPassword: required
      'Введите пароль',
      // code: required, format
      'Введите код из СМС',
      'Введите код из СМС — 6 цифр',
    ],
  ],
  en: [
    [
      // generic, in the order of ERROR_CODES
      'Fill in this field',
      'Check the format of this value',
      'Must be at least {minimum} characters',
      'Must be {maximum} characters or fewer',
      'Must be {minimum} or more',
      'Must be {maximum} or less',
      'Choose one of the options',
      'This field is not supported — remove it',
      'The check digits do not match — check the number',
      'Enter a Russian mobile phone number',
      'Use Cyrillic letters only',
      'Remove digits and symbols — use letters, hyphens, spaces and apostrophes',
      'This date does not exist — check the day and month',
      'The date must not be in the future',
      'The age is below the allowed range',
      'The age is above the allowed range',
      'The series must start with a Roman numeral in Latin letters I, V, X, L, C',
      'The end date must not be before the start date',
      'The file must be {maximum} or smaller',
      'This file type is not supported',
      'This password is too common — choose a phrase of several words',
      'This value is already registered',
      'Give at least one field to change',
      'This date has passed — choose today or a later date',
    ],
    [
      // snils: required, format, checksum, already_registered
      'Enter the SNILS',
      'Enter the SNILS as 11 digits',
      'The SNILS check number does not match — check the digits',
      'A child with this SNILS is already registered — the school will confirm you as a second parent',
      // inn: required, format, checksum
      'Enter the INN',
      'Enter the INN: 12 digits for a person or 10 digits for an organisation',
      'The INN check digits do not match — check the number',
      // phone: already_registered, required, format, not_mobile
      'This number already has an account — sign in or reset the password',
      'Enter a mobile phone number',
      'Enter a mobile phone number in the format +7 999 123-45-67',
      'Enter a Russian mobile phone number — it starts with +7 9 or 8 9',
      // lastName: required, too_long, latin_letters, invalid_characters, format
      'Enter the last name',
      'The last name must be {maximum} characters or fewer',
      'Write the last name in Russian letters — check the keyboard layout',
      'Remove digits and symbols from the last name — use Russian letters, hyphens, spaces and apostrophes',
      'Write the last name in letters, with a single hyphen, space or apostrophe only between parts',
      // firstName: required, too_long, latin_letters, invalid_characters, format
      'Enter the first name',
      'The first name must be {maximum} characters or fewer',
      'Write the first name in Russian letters — check the keyboard layout',
      'Remove digits and symbols from the first name — use Russian letters, hyphens, spaces and apostrophes',
      'Write the first name in letters, with a single hyphen, space or apostrophe only between parts',
      // middleName: required, too_long, latin_letters, invalid_characters, format
      'Enter the patronymic',
      'The patronymic must be {maximum} characters or fewer',
      'Write the patronymic in Russian letters — check the keyboard layout',
      'Remove digits and symbols from the patronymic — use Russian letters, hyphens, spaces and apostrophes',
      'Write the patronymic in letters, with a single hyphen, space or apostrophe only between parts',
      // birthDate: required, format, impossible_date, future_date, too_young, too_old
      'Enter the date of birth',
      'Enter the date of birth as DD.MM.YYYY, for example 01.09.2015',
      'This date is not in the calendar — check the day and month of birth',
      'The date of birth must not be after today',
      'Check the date of birth: the child is below school age (at least {minimum} full years)',
      'Check the date of birth: the child is above school age (at most {maximum} full years)',
      // birthDay: required
      'The date of birth must include a day',
      // birthMonth: required
      'The date of birth must include a month',
      // birthYear: required, format
      'The date of birth must include a year',
      'The year of birth must be 4 digits, for example 2015',
      // sex: required, invalid_option
      'Select if the child is a boy or a girl',
      'Select if the child is a boy or a girl',
      // school: required
      'Select the school: start typing its number or name and choose it from the list',
      // date: required, format, impossible_date
      'Enter the date',
      'Enter the date as YYYY-MM-DD, for example 2026-09-01',
      'This date is not in the calendar — check the day and month',
      // email: required, too_long, format
      'Enter an email address',
      'The email address must be {maximum} characters or fewer',
      'Enter an email address in the format name@example.ru',
      // passport: required, format
      'Enter the passport series and number',
      'Enter the passport series and number — 4 and 6 digits, for example 45 12 345678',
      // birthCertificate: required, format, roman_numeral
      'Enter the birth certificate series and number',
      'Enter the birth certificate series and number in the format IV-АБ 123456',
      'The certificate series starts with a Roman numeral in Latin letters I, V, X, L, C, for example IV-АБ',
      // schoolCode: required, format
      'Enter the school code',
      'Enter the school code — 6 to 12 digits, the school gives it to you',
      // rosterId: required, format, too_short, too_long
      "Enter the student's number at the school",
      "The student's number may contain only Latin letters, digits and hyphens",
      "The student's number must be at least {minimum} characters",
      "The student's number must be {maximum} characters or fewer",
      // password: required, too_short, too_long, weak_password
      'Create a password',
      'The password must be at least {minimum} characters',
      'The password must be {maximum} characters or fewer',
      'This password is too common or has leaked — choose a phrase of several words',
      // newPassword: required
      'Create a new password',
      // currentPassword: required
      'Enter your password',
      // code: required, format
      'Enter the code from the text message',
      'Enter the 6-digit code from the text message',
    ],
  ],
};

/** Where a field's wording of `code` sits in its language's list, or -1 when it has none. */
function fieldTextIndex(field: string, code: ErrorCode): number {
  let index = 0;
  for (const [name, codes] of Object.entries(FIELD_CODES)) {
    if (name === field) {
      const at = codes.indexOf(code);
      return at === -1 ? -1 : index + at;
    }
    index += codes.length;
  }
  return -1;
}

/** Options for {@link errorMessage}. */
export interface ErrorMessageOptions {
  /** Language of the message; Russian by default. */
  readonly lang?: Lang;
  /** Name of the field on the wire (`snils`, `birthDate` …); selects field-specific wording. */
  readonly field?: string;
  /** Values for the message's placeholders. */
  readonly params?: MessageParams;
}

/**
 * The human message for an error code, in Russian or English, worded for the field when the
 * catalogue has field-specific text. Messages say how to fix the problem.
 *
 * @example
 * errorMessage('checksum', { field: 'snils' }); // 'Контрольное число СНИЛС не совпадает — проверьте цифры'
 */
export function errorMessage(code: ErrorCode, options: ErrorMessageOptions = {}): string {
  const [generic, fields] = TEXTS[options.lang ?? DEFAULT_LANG];
  const at = options.field === undefined ? -1 : fieldTextIndex(options.field, code);
  const template = (at === -1 ? generic[ERROR_CODES.indexOf(code)] : fields[at]) ?? code;
  return interpolate(template, options.params);
}

/** Fills `{name}` placeholders of a message template; unknown names stay as they are. */
export function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Names of the fields that have their own wording (for documentation and tests). */
export function fieldsWithMessages(): string[] {
  return Object.keys(FIELD_CODES);
}

/** Whether the catalogue words `code` specially for `field` (otherwise the generic text is used). */
export function hasFieldMessage(field: string, code: ErrorCode): boolean {
  return fieldTextIndex(field, code) !== -1;
}
