import type { ErrorCode } from './error-codes.js';
import { DEFAULT_LANG, type Lang } from './lang.js';

/** Values substituted into `{name}` placeholders of a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message in every language the kit speaks; `{name}` marks a placeholder. */
export type MessageTexts = Readonly<Record<Lang, string>>;

type Texts = MessageTexts;
type FieldTexts = Readonly<Partial<Record<ErrorCode, Texts>>>;

/** The generic wording of every code, used when a field has none of its own. */
const MESSAGES: Readonly<Record<ErrorCode, Texts>> = {
  required: {
    ru: 'Заполните это поле',
    en: 'Fill in this field',
  },
  format: {
    ru: 'Проверьте формат значения',
    en: 'Check the format of this value',
  },
  too_short: {
    ru: 'Значение должно быть не короче {minimum} символов',
    en: 'Must be at least {minimum} characters',
  },
  too_long: {
    ru: 'Значение должно быть не длиннее {maximum} символов',
    en: 'Must be {maximum} characters or fewer',
  },
  too_small: {
    ru: 'Значение должно быть не меньше {minimum}',
    en: 'Must be {minimum} or more',
  },
  too_big: {
    ru: 'Значение должно быть не больше {maximum}',
    en: 'Must be {maximum} or less',
  },
  invalid_option: {
    ru: 'Выберите одно из предложенных значений',
    en: 'Choose one of the options',
  },
  unknown_field: {
    ru: 'Это поле не поддерживается — уберите его',
    en: 'This field is not supported — remove it',
  },
  checksum: {
    ru: 'Контрольное число не совпадает — проверьте цифры',
    en: 'The check digits do not match — check the number',
  },
  not_mobile: {
    ru: 'Введите номер мобильного телефона России',
    en: 'Enter a Russian mobile phone number',
  },
  latin_letters: {
    ru: 'Используйте только русские буквы',
    en: 'Use Cyrillic letters only',
  },
  invalid_characters: {
    ru: 'Уберите цифры и знаки — допустимы буквы, дефис, пробел и апостроф',
    en: 'Remove digits and symbols — use letters, hyphens, spaces and apostrophes',
  },
  impossible_date: {
    ru: 'Такой даты не существует — проверьте день и месяц',
    en: 'This date does not exist — check the day and month',
  },
  future_date: {
    ru: 'Дата не может быть в будущем',
    en: 'The date must not be in the future',
  },
  too_young: {
    ru: 'Возраст меньше допустимого',
    en: 'The age is below the allowed range',
  },
  too_old: {
    ru: 'Возраст больше допустимого',
    en: 'The age is above the allowed range',
  },
  roman_numeral: {
    ru: 'Серия должна начинаться с римского числа латинскими буквами I, V, X, L, C',
    en: 'The series must start with a Roman numeral in Latin letters I, V, X, L, C',
  },
  date_order: {
    ru: 'Дата окончания должна быть не раньше даты начала',
    en: 'The end date must not be before the start date',
  },
  time_order: {
    ru: 'Время окончания должно быть позже времени начала, а уроки — идти по порядку',
    en: 'The end time must be after the start time, and lessons must follow in order',
  },
  threshold_order: {
    ru: 'Порог должен быть ниже порога следующей оценки: для «5» выше, чем для «4», для «4» выше, чем для «3»',
    en: 'The threshold must be below the next mark’s: the one for 5 above the one for 4, and 4 above 3',
  },
  outside_school_year: {
    ru: 'Даты должны лежать внутри учебного года {year}: с {start} по {end}',
    en: 'The dates must lie inside the school year {year}: from {start} to {end}',
  },
  file_too_large: {
    ru: 'Файл должен быть не больше {maximum}',
    en: 'The file must be {maximum} or smaller',
  },
  file_type: {
    ru: 'Этот тип файла не поддерживается',
    en: 'This file type is not supported',
  },
  weak_password: {
    ru: 'Этот пароль слишком распространён — придумайте фразу из нескольких слов',
    en: 'This password is too common — choose a phrase of several words',
  },
  wrong_code: {
    ru: 'Неверный код — проверьте СМС и введите код ещё раз',
    en: 'Wrong code — check the text message and enter the code again',
  },
  school_not_found: {
    ru: 'Школа с таким кодом не найдена — проверьте код',
    en: 'No school has this code — check the code',
  },
  unknown_reference: {
    ru: 'Такой записи нет в вашей школе — выберите из списка',
    en: 'Your school has no such record — choose one from the list',
  },
  roster_mismatch: {
    ru: 'В списках школы нет ученика с таким номером — проверьте номер у классного руководителя',
    en: "The school's lists have no student with this number — check it with the class teacher",
  },
  already_registered: {
    ru: 'Это значение уже зарегистрировано',
    en: 'This value is already registered',
  },
  // request shape and time (privacy and correctness)
  nothing_to_change: {
    ru: 'Укажите хотя бы одно поле, которое нужно изменить',
    en: 'Give at least one field to change',
  },
  past_date: {
    ru: 'Дата уже прошла — укажите сегодняшнюю или будущую',
    en: 'This date has passed — choose today or a later date',
  },
  school_year_closed: {
    ru: 'Заявление принимается только на текущий ({current}) или следующий ({next}) учебный год',
    en: 'Applications are accepted only for the current ({current}) or the next ({next}) school year',
  },
  duplicate: {
    ru: 'Это значение уже есть в строке {row} файла — оставьте одну из строк',
    en: 'This value is already in line {row} of the file — keep one of the lines',
  },
  missing_column: {
    ru: 'В файле нет столбца «{column}» — добавьте его по шаблону',
    en: 'The file has no “{column}” column — add it as in the template',
  },
  missing_file: {
    ru: 'В архиве нет файла {file} — добавьте его',
    en: 'The archive has no {file} — add it',
  },
};

/** Wording of a code for one field, by the field's name on the wire. */
const FIELD_MESSAGES: Readonly<Record<string, FieldTexts>> = {
  className: {
    unknown_reference: {
      ru: 'В школе нет класса «{value}» — создайте его или исправьте название',
      en: 'The school has no class “{value}” — add it or correct the name',
    },
  },
  subject: {
    unknown_reference: {
      ru: 'В школе нет предмета «{value}» — добавьте его в настройке школы или исправьте название',
      en: 'The school has no subject “{value}” — add it in the school setup or correct the name',
    },
  },
  teacher: {
    unknown_reference: {
      ru: 'Среди сотрудников школы нет «{value}» — укажите ФИО или телефон учителя школы',
      en: 'The school’s staff has no “{value}” — give the full name or phone of a teacher of the school',
    },
    duplicate: {
      ru: 'ФИО «{value}» носят несколько сотрудников — укажите телефон учителя',
      en: 'Several staff members are called “{value}” — give the teacher’s phone',
    },
  },
  weekday: {
    invalid_option: {
      ru: 'Укажите день недели: Пн, Вт, Ср, Чт, Пт или Сб (полностью, сокращённо или числом от 1 до 6)',
      en: 'Give the weekday: Monday to Saturday, in full, shortened as in the template, or 1 to 6',
    },
  },
  lessonNumber: {
    format: {
      ru: 'Укажите номер урока целым числом от 0 до 12',
      en: 'Give the lesson number as a whole number from 0 to 12',
    },
    too_big: {
      ru: 'В расписании звонков нет урока {value} — добавьте звонок или исправьте номер (последний урок по звонкам — {maximum})',
      en: 'The bell schedule has no lesson {value} — add its bell or correct the number (the last lesson with a bell is {maximum})',
    },
  },
  weekParity: {
    invalid_option: {
      ru: 'Укажите неделю: «нечётная» (или «1», «числитель»), «чётная» (или «2», «знаменатель»), либо оставьте пустым, если урок каждую неделю',
      en: 'Give the week: odd (or 1), even (or 2), or leave it empty when the lesson is every week',
    },
  },
  homeroomTeacher: {
    duplicate: {
      ru: 'В классе {value} несколько учителей без предмета — отметьте классного руководителя значением true в столбце primary',
      en: 'Class {value} has several teachers without a subject — mark its homeroom teacher with true in the primary column',
    },
  },
  lessonSlot: {
    duplicate: {
      ru: 'У класса {value} уже есть урок в это время в строке {row} — оставьте одну из строк',
      en: 'Class {value} already has a lesson at this time in line {row} — keep one of the lines',
    },
  },
  teacherSlot: {
    duplicate: {
      ru: 'Учитель в это время уже ведёт урок в кабинете {room} (строка {row}) — исправьте кабинет или время',
      en: 'The teacher already teaches in room {room} at this time (line {row}) — correct the room or the time',
    },
    already_registered: {
      ru: 'Учитель в это время уже ведёт урок {value} в кабинете {room} — исправьте кабинет или время',
      en: 'The teacher already teaches {value} in room {room} at this time — correct the room or the time',
    },
  },
  periods: {
    date_order: {
      ru: 'Периоды должны идти по порядку, не пересекаться и лежать внутри учебного года',
      en: 'Periods must be in order, must not overlap and must lie inside the school year',
    },
    invalid_option: {
      ru: 'Число периодов не совпадает с их видом: 4 четверти, 3 триместра или 2 полугодия',
      en: 'The number of periods does not match their kind: 4 quarters, 3 trimesters or 2 half-years',
    },
  },
  quietHours: {
    date_order: {
      ru: 'Конец тихих часов должен отличаться от начала',
      en: 'Quiet hours must end at a different time from when they start',
    },
  },
  assessmentReminderDays: {
    too_small: {
      ru: 'Выберите, за сколько дней напоминать о проверочной: целое число от 1 до 7',
      en: 'Choose how many days before a test to remind you: a whole number from 1 to 7',
    },
    too_big: {
      ru: 'Выберите, за сколько дней напоминать о проверочной: целое число от 1 до 7',
      en: 'Choose how many days before a test to remind you: a whole number from 1 to 7',
    },
    format: {
      ru: 'Выберите, за сколько дней напоминать о проверочной: целое число от 1 до 7',
      en: 'Choose how many days before a test to remind you: a whole number from 1 to 7',
    },
    required: {
      ru: 'Выберите, за сколько дней напоминать о проверочной: целое число от 1 до 7',
      en: 'Choose how many days before a test to remind you: a whole number from 1 to 7',
    },
  },
  action: {
    invalid_option: {
      ru: 'Журнал действий не знает такого действия — выберите действие из списка',
      en: 'The audit log has no such action — choose an action from the list',
    },
  },
  timeZone: {
    invalid_option: {
      ru: 'Укажите часовой пояс в формате IANA, например Europe/Moscow',
      en: 'Give an IANA time zone, e.g. Europe/Moscow',
    },
  },
  snils: {
    required: {
      ru: 'Введите СНИЛС',
      en: 'Enter the SNILS',
    },
    already_registered: {
      ru: 'Ребёнок с этим СНИЛС уже зарегистрирован — школа подтвердит вас как второго родителя',
      en: 'A child with this SNILS is already registered — the school will confirm you as a second parent',
    },
    format: {
      ru: 'Введите СНИЛС из 11 цифр',
      en: 'Enter the SNILS as 11 digits',
    },
    checksum: {
      ru: 'Контрольное число СНИЛС не совпадает — проверьте цифры',
      en: 'The SNILS check number does not match — check the digits',
    },
  },
  inn: {
    required: {
      ru: 'Введите ИНН',
      en: 'Enter the INN',
    },
    format: {
      ru: 'Введите ИНН: 12 цифр у человека или 10 цифр у организации',
      en: 'Enter the INN: 12 digits for a person or 10 digits for an organisation',
    },
    checksum: {
      ru: 'Контрольные цифры ИНН не совпадают — проверьте номер',
      en: 'The INN check digits do not match — check the number',
    },
  },
  phone: {
    already_registered: {
      ru: 'На этот номер уже есть учётная запись — войдите или восстановите пароль',
      en: 'This number already has an account — sign in or reset the password',
    },
    required: {
      ru: 'Введите номер мобильного телефона',
      en: 'Enter a mobile phone number',
    },
    format: {
      ru: 'Введите номер мобильного телефона в формате +7 999 123-45-67',
      en: 'Enter a mobile phone number in the format +7 999 123-45-67',
    },
    not_mobile: {
      ru: 'Введите номер мобильного телефона России — он начинается с +7 9 или 8 9',
      en: 'Enter a Russian mobile phone number — it starts with +7 9 or 8 9',
    },
  },
  lastName: {
    required: {
      ru: 'Введите фамилию',
      en: 'Enter the last name',
    },
    too_long: {
      ru: 'Фамилия должна быть не длиннее {maximum} символов',
      en: 'The last name must be {maximum} characters or fewer',
    },
    latin_letters: {
      ru: 'Напишите фамилию русскими буквами — проверьте раскладку клавиатуры',
      en: 'Write the last name in Russian letters — check the keyboard layout',
    },
    invalid_characters: {
      ru: 'Уберите из фамилии цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      en: 'Remove digits and symbols from the last name — use Russian letters, hyphens, spaces and apostrophes',
    },
    format: {
      ru: 'Напишите фамилию буквами; дефис, пробел или апостроф — только между частями, по одному',
      en: 'Write the last name in letters, with a single hyphen, space or apostrophe only between parts',
    },
  },
  firstName: {
    required: {
      ru: 'Введите имя',
      en: 'Enter the first name',
    },
    too_long: {
      ru: 'Имя должно быть не длиннее {maximum} символов',
      en: 'The first name must be {maximum} characters or fewer',
    },
    latin_letters: {
      ru: 'Напишите имя русскими буквами — проверьте раскладку клавиатуры',
      en: 'Write the first name in Russian letters — check the keyboard layout',
    },
    invalid_characters: {
      ru: 'Уберите из имени цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      en: 'Remove digits and symbols from the first name — use Russian letters, hyphens, spaces and apostrophes',
    },
    format: {
      ru: 'Напишите имя буквами; дефис, пробел или апостроф — только между частями, по одному',
      en: 'Write the first name in letters, with a single hyphen, space or apostrophe only between parts',
    },
  },
  middleName: {
    required: {
      ru: 'Введите отчество',
      en: 'Enter the patronymic',
    },
    too_long: {
      ru: 'Отчество должно быть не длиннее {maximum} символов',
      en: 'The patronymic must be {maximum} characters or fewer',
    },
    latin_letters: {
      ru: 'Напишите отчество русскими буквами — проверьте раскладку клавиатуры',
      en: 'Write the patronymic in Russian letters — check the keyboard layout',
    },
    invalid_characters: {
      ru: 'Уберите из отчества цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      en: 'Remove digits and symbols from the patronymic — use Russian letters, hyphens, spaces and apostrophes',
    },
    format: {
      ru: 'Напишите отчество буквами; дефис, пробел или апостроф — только между частями, по одному',
      en: 'Write the patronymic in letters, with a single hyphen, space or apostrophe only between parts',
    },
  },
  birthDate: {
    required: {
      ru: 'Введите дату рождения',
      en: 'Enter the date of birth',
    },
    format: {
      ru: 'Введите дату рождения в формате ДД.ММ.ГГГГ, например 01.09.2015',
      en: 'Enter the date of birth as DD.MM.YYYY, for example 01.09.2015',
    },
    impossible_date: {
      ru: 'Такой даты нет в календаре — проверьте день и месяц рождения',
      en: 'This date is not in the calendar — check the day and month of birth',
    },
    future_date: {
      ru: 'Дата рождения не может быть позже сегодняшнего дня',
      en: 'The date of birth must not be after today',
    },
    too_young: {
      ru: 'Проверьте дату рождения: ребёнок младше школьного возраста (минимум полных лет: {minimum})',
      en: 'Check the date of birth: the child is below school age (at least {minimum} full years)',
    },
    too_old: {
      ru: 'Проверьте дату рождения: ребёнок старше школьного возраста (максимум полных лет: {maximum})',
      en: 'Check the date of birth: the child is above school age (at most {maximum} full years)',
    },
  },
  birthDay: {
    required: {
      ru: 'Дата рождения должна включать день',
      en: 'The date of birth must include a day',
    },
  },
  birthMonth: {
    required: {
      ru: 'Дата рождения должна включать месяц',
      en: 'The date of birth must include a month',
    },
  },
  birthYear: {
    required: {
      ru: 'Дата рождения должна включать год',
      en: 'The date of birth must include a year',
    },
    format: {
      ru: 'Год рождения должен состоять из 4 цифр, например 2015',
      en: 'The year of birth must be 4 digits, for example 2015',
    },
  },
  sex: {
    required: {
      ru: 'Выберите, мальчик это или девочка',
      en: 'Select if the child is a boy or a girl',
    },
    invalid_option: {
      ru: 'Выберите, мальчик это или девочка',
      en: 'Select if the child is a boy or a girl',
    },
  },
  eventDate: {
    required: {
      ru: 'Укажите день события',
      en: 'Enter the day of the event',
    },
  },
  startTime: {
    required: {
      ru: 'Укажите время начала: без него нельзя указать время окончания',
      en: 'Enter the start time: an end time needs one',
    },
  },
  endTime: {
    date_order: {
      ru: 'Время окончания должно быть позже времени начала',
      en: 'The end time must be after the start time',
    },
  },
  alt: {
    required: {
      ru: 'Опишите, что на картинке, для тех, кто её не видит',
      en: 'Describe what the picture shows, for those who cannot see it',
    },
  },
  imageUrl: {
    format: {
      ru: 'Укажите адрес картинки, начинающийся с https:// или с /',
      en: 'Give an image address starting with https:// or /',
    },
  },
  reason: {
    required: {
      ru: 'Выберите причину отсутствия',
      en: 'Choose the reason for the absence',
    },
    invalid_option: {
      ru: 'Выберите причину отсутствия',
      en: 'Choose the reason for the absence',
    },
  },
  school: {
    required: {
      ru: 'Выберите школу: начните вводить её номер или название и выберите её из списка',
      en: 'Select the school: start typing its number or name and choose it from the list',
    },
  },
  date: {
    required: {
      ru: 'Введите дату',
      en: 'Enter the date',
    },
    format: {
      ru: 'Введите дату в формате ГГГГ-ММ-ДД, например 2026-09-01',
      en: 'Enter the date as YYYY-MM-DD, for example 2026-09-01',
    },
    impossible_date: {
      ru: 'Такой даты нет в календаре — проверьте день и месяц',
      en: 'This date is not in the calendar — check the day and month',
    },
  },
  time: {
    format: {
      ru: 'Введите время в формате ЧЧ:ММ, например 08:30',
      en: 'Enter the time as HH:MM, for example 08:30',
    },
  },
  week: {
    format: {
      ru: 'Введите неделю в формате ГГГГ-Wнн, например 2026-W48',
      en: 'Enter the week as YYYY-Www, for example 2026-W48',
    },
  },
  applicationNumber: {
    format: {
      ru: 'Введите номер заявления в формате ЭД-2026-000001',
      en: 'Enter the application number as the diary shows it: two letters, the year and six digits',
    },
    invalid_option: {
      ru: 'Среди ваших заявлений нет заявления с таким номером — проверьте номер',
      en: 'None of your applications has this number — check the number',
    },
  },
  schoolId: {
    required: {
      ru: 'Выберите школу, которой адресовано обращение',
      en: 'Choose the school the request is for',
    },
    invalid_option: {
      ru: 'Эта школа не подключена к дневнику — выберите другую',
      en: 'This school is not connected to the diary — choose another one',
    },
  },
  schoolYear: {
    format: {
      ru: 'Введите учебный год в формате ГГГГ/ГГГГ, например 2026/2027',
      en: 'Enter the school year as YYYY/YYYY, for example 2026/2027',
    },
  },
  id: {
    format: {
      ru: 'Проверьте идентификатор: от 1 до 64 латинских букв, цифр, знаков _ и -',
      en: 'Check the identifier: 1 to 64 Latin letters, digits, _ and -',
    },
  },
  email: {
    required: {
      ru: 'Введите адрес электронной почты',
      en: 'Enter an email address',
    },
    too_long: {
      ru: 'Адрес электронной почты должен быть не длиннее {maximum} символов',
      en: 'The email address must be {maximum} characters or fewer',
    },
    format: {
      ru: 'Введите адрес электронной почты в формате name@example.ru',
      en: 'Enter an email address in the format name@example.ru',
    },
  },
  passport: {
    required: {
      ru: 'Введите серию и номер паспорта',
      en: 'Enter the passport series and number',
    },
    format: {
      ru: 'Введите серию и номер паспорта — 4 и 6 цифр, например 45 12 345678',
      en: 'Enter the passport series and number — 4 and 6 digits, for example 45 12 345678',
    },
  },
  birthCertificate: {
    required: {
      ru: 'Введите серию и номер свидетельства о рождении',
      en: 'Enter the birth certificate series and number',
    },
    format: {
      ru: 'Введите серию и номер свидетельства о рождении в формате IV-АБ 123456',
      en: 'Enter the birth certificate series and number in the format IV-АБ 123456',
    },
    roman_numeral: {
      ru: 'Серия свидетельства начинается с римского числа латинскими буквами I, V, X, L, C, например IV-АБ',
      en: 'The certificate series starts with a Roman numeral in Latin letters I, V, X, L, C, for example IV-АБ',
    },
  },
  schoolCode: {
    required: {
      ru: 'Введите код школы',
      en: 'Enter the school code',
    },
    format: {
      ru: 'Введите код школы — от 6 до 12 цифр, его сообщает школа',
      en: 'Enter the school code — 6 to 12 digits, the school gives it to you',
    },
  },
  rosterId: {
    required: {
      ru: 'Введите номер ученика в школе',
      en: "Enter the student's number at the school",
    },
    format: {
      ru: 'Номер ученика может содержать только латинские буквы, цифры и дефис',
      en: "The student's number may contain only Latin letters, digits and hyphens",
    },
    too_short: {
      ru: 'Номер ученика должен быть не короче {minimum} символов',
      en: "The student's number must be at least {minimum} characters",
    },
    already_registered: {
      ru: 'Этот номер ученика уже привязан к карточке другого ребёнка — обратитесь в школу',
      en: "This student number is already linked to another child's card — contact the school",
    },
    too_long: {
      ru: 'Номер ученика должен быть не длиннее {maximum} символов',
      en: "The student's number must be {maximum} characters or fewer",
    },
  },
  password: {
    required: {
      ru: 'Придумайте пароль',
      en: 'Create a password',
    },
    too_short: {
      ru: 'Пароль должен быть не короче {minimum} символов',
      en: 'The password must be at least {minimum} characters',
    },
    too_long: {
      ru: 'Пароль должен быть не длиннее {maximum} символов',
      en: 'The password must be {maximum} characters or fewer',
    },
    weak_password: {
      ru: 'Этот пароль слишком распространён или уже утёк — придумайте фразу из нескольких слов',
      en: 'This password is too common or has leaked — choose a phrase of several words',
    },
  },
  newPassword: {
    required: {
      ru: 'Придумайте новый пароль',
      en: 'Create a new password',
    },
  },
  currentPassword: {
    required: {
      ru: 'Введите пароль',
      en: 'Enter your password',
    },
    format: {
      ru: 'Текущий пароль введён неверно — проверьте раскладку и Caps Lock',
      en: 'The current password is wrong — check the keyboard layout and Caps Lock',
    },
  },
  file: {
    required: {
      ru: 'Выберите файл',
      en: 'Choose a file',
    },
    format: {
      ru: 'Файл не удалось прочитать — отправьте его ещё раз как форму multipart/form-data',
      en: 'The file could not be read — send it again as a multipart/form-data form',
    },
  },
  code: {
    required: {
      ru: 'Введите код из СМС',
      en: 'Enter the code from the text message',
    },
    format: {
      ru: 'Введите код из СМС — 6 цифр',
      en: 'Enter the 6-digit code from the text message',
    },
  },
  comment: {
    required: {
      ru: 'Введите текст комментария',
      en: 'Enter the text of the comment',
    },
  },
  staffPhone: {
    required: {
      ru: 'У сотрудника нет мобильного телефона — впишите его (столбец phone): на него придёт SMS-приглашение',
      en: 'The staff member has no mobile phone — add it (the phone column): the invitation comes by text message',
    },
    format: {
      ru: 'Телефон сотрудника записан неверно — нужен мобильный номер вида +7 999 123-45-67 для SMS-приглашения',
      en: 'The staff member’s phone is malformed — the text-message invitation needs a mobile number like +7 999 123-45-67',
    },
    not_mobile: {
      ru: 'Нужен мобильный номер России (+7 9…) — на городской номер SMS-приглашение не придёт',
      en: 'A Russian mobile number (+7 9…) is needed — a landline cannot receive the text-message invitation',
    },
    already_registered: {
      ru: 'Этот номер уже у учётной записи, которая не в штате вашей школы — укажите другой номер',
      en: 'This number belongs to an account that is not on your school’s staff — give another number',
    },
  },
  teachingSubject: {
    required: {
      ru: 'У группы не указан предмет — заполните courseSourcedId или subjects в classes.csv',
      en: 'The class section has no subject — fill in courseSourcedId or subjects in classes.csv',
    },
  },
  teachingClass: {
    unknown_reference: {
      ru: 'Не понять, в каком классе эта группа: в ней нет учеников — запишите их в группу или назначьте учителя на класс',
      en: 'Which class this section belongs to is unclear: it has no pupils — enrol them or enrol the teacher in a class',
    },
  },
};

/** The texts of a field's own wording of `code`, or undefined when it has none. */
function fieldTexts(field: string | undefined, code: ErrorCode): Texts | undefined {
  if (field === undefined || !Object.hasOwn(FIELD_MESSAGES, field)) return undefined;
  const own = FIELD_MESSAGES[field];
  return own && Object.hasOwn(own, code) ? own[code] : undefined;
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
  const texts = fieldTexts(options.field, code) ?? MESSAGES[code];
  const template = texts?.[options.lang ?? DEFAULT_LANG] ?? code;
  return interpolate(template, options.params);
}

/** Fills `{name}` placeholders of a message template; unknown names stay as they are. */
export function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Names of the fields that have their own wording (for documentation and tests). */
export function fieldsWithMessages(): string[] {
  return Object.keys(FIELD_MESSAGES);
}

/** Whether the catalogue words `code` specially for `field` (otherwise the generic text is used). */
export function hasFieldMessage(field: string, code: ErrorCode): boolean {
  return fieldTexts(field, code) !== undefined;
}
