import type { ErrorCode } from './error-codes';
import { DEFAULT_LANG, type Lang } from './lang';

/** Values substituted into `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

type Templates = Partial<Record<ErrorCode, string>>;

interface Catalogue {
  /** Fallback wording for a code when the field has none of its own. */
  readonly generic: Record<ErrorCode, string>;
  /** Wording for a code on a particular field, keyed by the field's name on the wire. */
  readonly fields: Readonly<Record<string, Templates>>;
}

const ru: Catalogue = {
  generic: {
    required: 'Заполните это поле',
    format: 'Проверьте формат значения',
    too_short: 'Значение должно быть не короче {minimum} символов',
    too_long: 'Значение должно быть не длиннее {maximum} символов',
    too_small: 'Значение должно быть не меньше {minimum}',
    too_big: 'Значение должно быть не больше {maximum}',
    invalid_option: 'Выберите одно из предложенных значений',
    unknown_field: 'Это поле не поддерживается — уберите его',
    checksum: 'Контрольное число не совпадает — проверьте цифры',
    not_mobile: 'Введите номер мобильного телефона России',
    latin_letters: 'Используйте только русские буквы',
    invalid_characters: 'Уберите цифры и знаки — допустимы буквы, дефис, пробел и апостроф',
    impossible_date: 'Такой даты не существует — проверьте день и месяц',
    future_date: 'Дата не может быть в будущем',
    too_young: 'Возраст меньше допустимого',
    too_old: 'Возраст больше допустимого',
    roman_numeral: 'Серия должна начинаться с римского числа латинскими буквами I, V, X, L, C',
    date_order: 'Дата окончания должна быть не раньше даты начала',
    file_too_large: 'Файл должен быть не больше {maximum}',
    file_type: 'Этот тип файла не поддерживается',
    weak_password: 'Пароль должен быть не короче 8 символов и содержать буквы и цифры',
    already_registered: 'Это значение уже зарегистрировано',
  },
  fields: {
    snils: {
      required: 'Введите СНИЛС',
      format: 'Введите СНИЛС из 11 цифр',
      checksum: 'Контрольное число СНИЛС не совпадает — проверьте цифры',
    },
    inn: {
      required: 'Введите ИНН',
      format: 'Введите ИНН: 12 цифр у человека или 10 цифр у организации',
      checksum: 'Контрольные цифры ИНН не совпадают — проверьте номер',
    },
    phone: {
      already_registered: 'На этот номер уже есть учётная запись — войдите или восстановите пароль',
      required: 'Введите номер мобильного телефона',
      format: 'Введите номер мобильного телефона в формате +7 999 123-45-67',
      not_mobile: 'Введите номер мобильного телефона России — он начинается с +7 9 или 8 9',
    },
    lastName: {
      required: 'Введите фамилию',
      too_long: 'Фамилия должна быть не длиннее {maximum} символов',
      latin_letters: 'Напишите фамилию русскими буквами — проверьте раскладку клавиатуры',
      invalid_characters:
        'Уберите из фамилии цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      format:
        'Напишите фамилию буквами; дефис, пробел или апостроф — только между частями, по одному',
    },
    firstName: {
      required: 'Введите имя',
      too_long: 'Имя должно быть не длиннее {maximum} символов',
      latin_letters: 'Напишите имя русскими буквами — проверьте раскладку клавиатуры',
      invalid_characters:
        'Уберите из имени цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      format: 'Напишите имя буквами; дефис, пробел или апостроф — только между частями, по одному',
    },
    middleName: {
      required: 'Введите отчество',
      too_long: 'Отчество должно быть не длиннее {maximum} символов',
      latin_letters: 'Напишите отчество русскими буквами — проверьте раскладку клавиатуры',
      invalid_characters:
        'Уберите из отчества цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      format:
        'Напишите отчество буквами; дефис, пробел или апостроф — только между частями, по одному',
    },
    birthDate: {
      required: 'Введите дату рождения',
      format: 'Введите дату рождения в формате ДД.ММ.ГГГГ, например 01.09.2015',
      impossible_date: 'Такой даты нет в календаре — проверьте день и месяц рождения',
      future_date: 'Дата рождения не может быть позже сегодняшнего дня',
      too_young:
        'Проверьте дату рождения: ребёнок младше школьного возраста (минимум полных лет: {minimum})',
      too_old:
        'Проверьте дату рождения: ребёнок старше школьного возраста (максимум полных лет: {maximum})',
    },
    birthDay: {
      required: 'Дата рождения должна включать день',
    },
    birthMonth: {
      required: 'Дата рождения должна включать месяц',
    },
    birthYear: {
      required: 'Дата рождения должна включать год',
      format: 'Год рождения должен состоять из 4 цифр, например 2015',
    },
    sex: {
      required: 'Выберите, мальчик это или девочка',
      invalid_option: 'Выберите, мальчик это или девочка',
    },
    school: {
      required: 'Выберите школу: начните вводить её номер или название и выберите её из списка',
    },
    date: {
      required: 'Введите дату',
      format: 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
      impossible_date: 'Такой даты нет в календаре — проверьте день и месяц',
    },
    email: {
      required: 'Введите адрес электронной почты',
      too_long: 'Адрес электронной почты должен быть не длиннее {maximum} символов',
      format: 'Введите адрес электронной почты в формате name@example.ru',
    },
    passport: {
      required: 'Введите серию и номер паспорта',
      format: 'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
    },
    birthCertificate: {
      required: 'Введите серию и номер свидетельства о рождении',
      format: 'Введите серию и номер свидетельства о рождении в формате IV-АБ 123456',
      roman_numeral:
        'Серия свидетельства начинается с римского числа латинскими буквами I, V, X, L, C, например IV-АБ',
    },
    schoolCode: {
      required: 'Введите код школы',
      format: 'Введите код школы — от 6 до 12 цифр, его сообщает школа',
    },
    rosterId: {
      required: 'Введите номер ученика в школе',
      format: 'Номер ученика может содержать только латинские буквы, цифры и дефис',
      too_short: 'Номер ученика должен быть не короче {minimum} символов',
      too_long: 'Номер ученика должен быть не длиннее {maximum} символов',
    },
    password: {
      required: 'Придумайте пароль',
      too_short: 'Пароль должен быть не короче {minimum} символов',
      too_long: 'Пароль должен быть не длиннее {maximum} символов',
      weak_password: 'Добавьте в пароль хотя бы одну букву и одну цифру',
    },
    newPassword: {
      required: 'Придумайте новый пароль',
    },
    currentPassword: {
      required: 'Введите пароль',
    },
    code: {
      required: 'Введите код из СМС',
      format: 'Введите код из СМС — 6 цифр',
    },
  },
};

const en: Catalogue = {
  generic: {
    required: 'Fill in this field',
    format: 'Check the format of this value',
    too_short: 'Must be at least {minimum} characters',
    too_long: 'Must be {maximum} characters or fewer',
    too_small: 'Must be {minimum} or more',
    too_big: 'Must be {maximum} or less',
    invalid_option: 'Choose one of the options',
    unknown_field: 'This field is not supported — remove it',
    checksum: 'The check digits do not match — check the number',
    not_mobile: 'Enter a Russian mobile phone number',
    latin_letters: 'Use Cyrillic letters only',
    invalid_characters: 'Remove digits and symbols — use letters, hyphens, spaces and apostrophes',
    impossible_date: 'This date does not exist — check the day and month',
    future_date: 'The date must not be in the future',
    too_young: 'The age is below the allowed range',
    too_old: 'The age is above the allowed range',
    roman_numeral: 'The series must start with a Roman numeral in Latin letters I, V, X, L, C',
    date_order: 'The end date must not be before the start date',
    file_too_large: 'The file must be {maximum} or smaller',
    file_type: 'This file type is not supported',
    weak_password: 'The password must be at least 8 characters and contain letters and digits',
    already_registered: 'This value is already registered',
  },
  fields: {
    snils: {
      required: 'Enter the SNILS',
      format: 'Enter the SNILS as 11 digits',
      checksum: 'The SNILS check number does not match — check the digits',
    },
    inn: {
      required: 'Enter the INN',
      format: 'Enter the INN: 12 digits for a person or 10 digits for an organisation',
      checksum: 'The INN check digits do not match — check the number',
    },
    phone: {
      already_registered: 'This number already has an account — sign in or reset the password',
      required: 'Enter a mobile phone number',
      format: 'Enter a mobile phone number in the format +7 999 123-45-67',
      not_mobile: 'Enter a Russian mobile phone number — it starts with +7 9 or 8 9',
    },
    lastName: {
      required: 'Enter the last name',
      too_long: 'The last name must be {maximum} characters or fewer',
      latin_letters: 'Write the last name in Russian letters — check the keyboard layout',
      invalid_characters:
        'Remove digits and symbols from the last name — use Russian letters, hyphens, spaces and apostrophes',
      format:
        'Write the last name in letters, with a single hyphen, space or apostrophe only between parts',
    },
    firstName: {
      required: 'Enter the first name',
      too_long: 'The first name must be {maximum} characters or fewer',
      latin_letters: 'Write the first name in Russian letters — check the keyboard layout',
      invalid_characters:
        'Remove digits and symbols from the first name — use Russian letters, hyphens, spaces and apostrophes',
      format:
        'Write the first name in letters, with a single hyphen, space or apostrophe only between parts',
    },
    middleName: {
      required: 'Enter the patronymic',
      too_long: 'The patronymic must be {maximum} characters or fewer',
      latin_letters: 'Write the patronymic in Russian letters — check the keyboard layout',
      invalid_characters:
        'Remove digits and symbols from the patronymic — use Russian letters, hyphens, spaces and apostrophes',
      format:
        'Write the patronymic in letters, with a single hyphen, space or apostrophe only between parts',
    },
    birthDate: {
      required: 'Enter the date of birth',
      format: 'Enter the date of birth as DD.MM.YYYY, for example 01.09.2015',
      impossible_date: 'This date is not in the calendar — check the day and month of birth',
      future_date: 'The date of birth must not be after today',
      too_young:
        'Check the date of birth: the child is below school age (at least {minimum} full years)',
      too_old:
        'Check the date of birth: the child is above school age (at most {maximum} full years)',
    },
    birthDay: {
      required: 'The date of birth must include a day',
    },
    birthMonth: {
      required: 'The date of birth must include a month',
    },
    birthYear: {
      required: 'The date of birth must include a year',
      format: 'The year of birth must be 4 digits, for example 2015',
    },
    sex: {
      required: 'Select if the child is a boy or a girl',
      invalid_option: 'Select if the child is a boy or a girl',
    },
    school: {
      required: 'Select the school: start typing its number or name and choose it from the list',
    },
    date: {
      required: 'Enter the date',
      format: 'Enter the date as YYYY-MM-DD, for example 2026-09-01',
      impossible_date: 'This date is not in the calendar — check the day and month',
    },
    email: {
      required: 'Enter an email address',
      too_long: 'The email address must be {maximum} characters or fewer',
      format: 'Enter an email address in the format name@example.ru',
    },
    passport: {
      required: 'Enter the passport series and number',
      format: 'Enter the passport series and number — 4 and 6 digits, for example 45 12 345678',
    },
    birthCertificate: {
      required: 'Enter the birth certificate series and number',
      format: 'Enter the birth certificate series and number in the format IV-АБ 123456',
      roman_numeral:
        'The certificate series starts with a Roman numeral in Latin letters I, V, X, L, C, for example IV-АБ',
    },
    schoolCode: {
      required: 'Enter the school code',
      format: 'Enter the school code — 6 to 12 digits, the school gives it to you',
    },
    rosterId: {
      required: "Enter the student's number at the school",
      format: "The student's number may contain only Latin letters, digits and hyphens",
      too_short: "The student's number must be at least {minimum} characters",
      too_long: "The student's number must be {maximum} characters or fewer",
    },
    password: {
      required: 'Create a password',
      too_short: 'The password must be at least {minimum} characters',
      too_long: 'The password must be {maximum} characters or fewer',
      weak_password: 'Add at least one letter and one digit to the password',
    },
    newPassword: {
      required: 'Create a new password',
    },
    currentPassword: {
      required: 'Enter your password',
    },
    code: {
      required: 'Enter the code from the text message',
      format: 'Enter the 6-digit code from the text message',
    },
  },
};

const catalogues: Record<Lang, Catalogue> = { ru, en };

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
  const catalogue = catalogues[options.lang ?? DEFAULT_LANG];
  const template =
    (options.field !== undefined ? catalogue.fields[options.field]?.[code] : undefined) ??
    catalogue.generic[code];
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
  return Object.keys(catalogues.ru.fields);
}

/** Whether the catalogue words `code` specially for `field` (otherwise the generic text is used). */
export function hasFieldMessage(field: string, code: ErrorCode): boolean {
  return catalogues.ru.fields[field]?.[code] !== undefined;
}
