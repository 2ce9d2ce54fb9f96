import { DEFAULT_LANG, type Lang } from './lang';
import { interpolate, type MessageParams } from './messages';
import { API_ERROR_CODES, type ApiErrorCode } from './api-error-codes';

/** One text per code, in the order of `API_ERROR_CODES`: the compiler checks the count. */
type TextsOf<Codes extends readonly string[]> = { readonly [I in keyof Codes]: string };

/** Each language's texts (the codes are not repeated per language: browsers download this). */
const TEXTS: Readonly<Record<Lang, TextsOf<typeof API_ERROR_CODES>>> = {
  ru: [
    'Исправьте ошибки в полях и отправьте снова', // validation_failed
    'Войдите, чтобы продолжить', // unauthorized
    'Сеанс истёк — войдите снова', // token_expired
    'У вас нет доступа к этому действию', // forbidden
    'Не найдено', // not_found
    'Данные изменились — обновите страницу и повторите', // conflict
    'Слишком много попыток — повторите через {seconds} с', // rate_limited
    'Вход временно заблокирован после нескольких неверных попыток — попробуйте после {until}', // account_locked
    'С вашего адреса слишком много неудачных входов — попробуйте позже', // ip_blocked
    'Неверный код — проверьте SMS и введите код ещё раз', // code_invalid
    'Срок действия кода истёк — запросите новый код', // code_expired
    'Код введён неверно слишком много раз — запросите новый код', // code_attempts_exhausted
    'Новый код можно запросить через {seconds} с', // resend_too_soon
    'Неверный номер телефона или пароль', // invalid_credentials
    'Подтвердите личность, чтобы продолжить', // identity_unconfirmed
    'В списках школы нет ученика с таким номером — проверьте номер у классного руководителя', // roster_mismatch
    'Школа с таким кодом не найдена — проверьте код', // school_not_found
    'Эта школа ещё не подключена к электронному дневнику', // school_not_connected
    'Заявление нельзя перевести в этот статус', // invalid_transition
    'Слишком большой запрос или файл', // payload_too_large
    'Этот тип данных не поддерживается', // unsupported_media_type
    'Что-то пошло не так на сервере — попробуйте позже', // internal
  ],
  en: [
    'Fix the errors in the fields and submit again', // validation_failed
    'Sign in to continue', // unauthorized
    'Your session has expired — sign in again', // token_expired
    'You are not allowed to do this', // forbidden
    'Not found', // not_found
    'The data has changed — reload and try again', // conflict
    'Too many attempts — try again in {seconds} s', // rate_limited
    'Sign-in is locked after several wrong attempts — try again after {until}', // account_locked
    'Too many failed sign-ins from your address — try again later', // ip_blocked
    'Wrong code — check the SMS and enter the code again', // code_invalid
    'The code has expired — request a new code', // code_expired
    'The code was entered wrongly too many times — request a new code', // code_attempts_exhausted
    'You can request a new code in {seconds} s', // resend_too_soon
    'Wrong phone number or password', // invalid_credentials
    'Confirm your identity to continue', // identity_unconfirmed
    "The school's lists have no student with this number — check it with the class teacher", // roster_mismatch
    'No school has this code — check the code', // school_not_found
    'This school is not connected to the e-diary yet', // school_not_connected
    'The application cannot move to this status', // invalid_transition
    'The request or file is too large', // payload_too_large
    'This content type is not supported', // unsupported_media_type
    'Something went wrong on the server — try again later', // internal
  ],
};

/**
 * The message for a request-level error code, in Russian or English.
 *
 * @example
 * apiErrorMessage('code_expired', { lang: 'en' }); // 'The code has expired — request a new code'
 */
export function apiErrorMessage(
  code: ApiErrorCode,
  options: { lang?: Lang; params?: MessageParams } = {},
): string {
  const text = TEXTS[options.lang ?? DEFAULT_LANG][API_ERROR_CODES.indexOf(code)] ?? code;
  return interpolate(text, options.params);
}
