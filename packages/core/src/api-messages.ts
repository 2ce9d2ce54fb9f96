import { DEFAULT_LANG, type Lang } from './lang';
import { interpolate, type MessageParams } from './messages';
import type { ApiErrorCode } from './schemas/error-response';

const ru: Record<ApiErrorCode, string> = {
  validation_failed: 'Исправьте ошибки в полях и отправьте снова',
  unauthorized: 'Войдите, чтобы продолжить',
  token_expired: 'Сеанс истёк — войдите снова',
  forbidden: 'У вас нет доступа к этому действию',
  not_found: 'Не найдено',
  conflict: 'Данные изменились — обновите страницу и повторите',
  rate_limited: 'Слишком много попыток — повторите через {seconds} с',
  account_locked:
    'Вход временно заблокирован после нескольких неверных попыток — попробуйте после {until}',
  ip_blocked: 'С вашего адреса слишком много неудачных входов — попробуйте позже',
  code_invalid: 'Неверный код — проверьте SMS и введите код ещё раз',
  code_expired: 'Срок действия кода истёк — запросите новый код',
  code_attempts_exhausted: 'Код введён неверно слишком много раз — запросите новый код',
  resend_too_soon: 'Новый код можно запросить через {seconds} с',
  invalid_credentials: 'Неверный номер телефона или пароль',
  identity_unconfirmed: 'Подтвердите личность, чтобы продолжить',
  roster_mismatch:
    'В списках школы нет ученика с таким номером — проверьте номер у классного руководителя',
  school_not_found: 'Школа с таким кодом не найдена — проверьте код',
  school_not_connected: 'Эта школа ещё не подключена к электронному дневнику',
  invalid_transition: 'Заявление нельзя перевести в этот статус',
  payload_too_large: 'Слишком большой запрос или файл',
  unsupported_media_type: 'Этот тип данных не поддерживается',
  internal: 'Что-то пошло не так на сервере — попробуйте позже',
};

const en: Record<ApiErrorCode, string> = {
  validation_failed: 'Fix the errors in the fields and submit again',
  unauthorized: 'Sign in to continue',
  token_expired: 'Your session has expired — sign in again',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  conflict: 'The data has changed — reload and try again',
  rate_limited: 'Too many attempts — try again in {seconds} s',
  account_locked: 'Sign-in is locked after several wrong attempts — try again after {until}',
  ip_blocked: 'Too many failed sign-ins from your address — try again later',
  code_invalid: 'Wrong code — check the SMS and enter the code again',
  code_expired: 'The code has expired — request a new code',
  code_attempts_exhausted: 'The code was entered wrongly too many times — request a new code',
  resend_too_soon: 'You can request a new code in {seconds} s',
  invalid_credentials: 'Wrong phone number or password',
  identity_unconfirmed: 'Confirm your identity to continue',
  roster_mismatch:
    "The school's lists have no student with this number — check it with the class teacher",
  school_not_found: 'No school has this code — check the code',
  school_not_connected: 'This school is not connected to the e-diary yet',
  invalid_transition: 'The application cannot move to this status',
  payload_too_large: 'The request or file is too large',
  unsupported_media_type: 'This content type is not supported',
  internal: 'Something went wrong on the server — try again later',
};

const catalogues: Record<Lang, Record<ApiErrorCode, string>> = { ru, en };

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
  return interpolate(catalogues[options.lang ?? DEFAULT_LANG][code], options.params);
}
