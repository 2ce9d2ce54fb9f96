import {
  DEFAULT_LANG,
  LANGS,
  interpolate,
  type Lang,
  type MessageParams,
} from '@school-diary/core';

/**
 * The first supported language among candidates (`lang` attributes such as `en-GB`), else
 * Russian. Each widget resolves its own language: nothing here is page-global, so a host page
 * that localises its own code (with @lit/localize or anything else) never clashes with ours.
 *
 * @example
 * resolveLang(undefined, 'en-US'); // 'en'
 */
export function resolveLang(...candidates: readonly (string | null | undefined)[]): Lang {
  for (const candidate of candidates) {
    const base = candidate?.trim().toLowerCase().split('-')[0];
    if (base && (LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return DEFAULT_LANG;
}

/**
 * A widget's UI strings: for each key its Russian and English text, side by side (the order of
 * core's `LANGS`). Each key is written once, and a text cannot lack its translation.
 * `{name}` placeholders are filled by `params`.
 */
export type Catalogue<K extends string> = Readonly<Record<K, readonly [ru: string, en: string]>>;

/** A lookup function over one catalogue. */
export type Translate<K extends string> = (lang: Lang, key: K, params?: MessageParams) => string;

/**
 * Makes the lookup function of a catalogue. Validation messages are not here: they come from
 * core's catalogue (`errorMessage`, `apiErrorMessage`), so the server and the widgets say the same.
 *
 * @example
 * const t = translator({ hi: ['Привет, {name}', 'Hello, {name}'] });
 * t('en', 'hi', { name: 'Anna' }); // 'Hello, Anna'
 */
export function translator<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  return (lang, key, params) => interpolate(catalogue[key][LANGS.indexOf(lang)] ?? '', params);
}

/** Strings every widget shares. */
export const sharedText = translator({
  noProvider: [
    'Виджет не подключён к дневнику: поместите его внутрь <diary-provider base-url="…">.',
    'This widget is not connected to the diary: place it inside <diary-provider base-url="…">.',
  ],
  noClient: [
    'Дневник не настроен: укажите адрес сервера в атрибуте base-url у <diary-provider>.',
    'The diary is not set up: give <diary-provider> the server address in base-url.',
  ],
  loading: ['Загрузка…', 'Loading…'],
  noChildren: [
    'Детей в дневнике пока нет. Запишите ребёнка, и здесь появятся его данные.',
    'There are no children in the diary yet. Register a child to see their data here.',
  ],
  retry: ['Повторить', 'Try again'],
  notForRole: [
    'Этот раздел дневника не предназначен для учётной записи {role}.',
    'This part of the diary is not meant for {role} account.',
  ],
  roleParent: ['родителя', 'a parent’s'],
  roleStudent: ['ученика', 'a student’s'],
  roleTeacher: ['учителя', 'a teacher’s'],
  roleSchoolAdmin: ['администратора школы', 'a school administrator’s'],
  networkError: [
    'Нет связи с сервером дневника. Проверьте подключение к интернету и повторите.',
    'Cannot reach the diary server. Check your internet connection and try again.',
  ],
  serverUnavailable: [
    'Дневник временно недоступен. Попробуйте зайти позже.',
    'The diary is temporarily unavailable. Please try again later.',
  ],
  unexpectedError: [
    'Что-то пошло не так. Повторите попытку позже.',
    'Something went wrong. Try again later.',
  ],
  signedOut: [
    'Войдите в электронный дневник, чтобы продолжить.',
    'Sign in to the e-diary to continue.',
  ],
  errorSummaryTitle: ['Есть ошибки', 'There is a problem'],
  errorPrefix: ['Ошибка: ', 'Error: '],
  dateHint: ['Например, 24.11.2026', 'For example, 24 Nov 2026 or 24/11/2026'],
  badDate: [
    'Введите дату полностью: день, месяц и год, например 24.11.2026',
    'Enter a full date, day first: for example, 24 Nov 2026',
  ],
  titlePrefix: ['Ошибка: ', 'Error: '],
});
