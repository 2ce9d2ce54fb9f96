import { DEFAULT_LANG, type Lang } from './lang.js';
import { interpolate, type MessageParams, type MessageTexts } from './messages.js';
import type { ApiErrorCode } from './api-error-codes.js';

/** The message of every request-level code, in every language. */
const MESSAGES: Readonly<Record<ApiErrorCode, MessageTexts>> = {
  validation_failed: {
    ru: 'Исправьте ошибки в полях и отправьте снова',
    en: 'Fix the errors in the fields and submit again',
  },
  unauthorized: {
    ru: 'Войдите, чтобы продолжить',
    en: 'Sign in to continue',
  },
  token_expired: {
    ru: 'Сеанс истёк — войдите снова',
    en: 'Your session has expired — sign in again',
  },
  forbidden: {
    ru: 'У вас нет доступа к этому действию',
    en: 'You are not allowed to do this',
  },
  not_teaching: {
    ru: 'Вы не ведёте этот предмет в этом классе: его журнал заполняют учителя класса',
    en: 'You do not teach this subject in this class: its own teachers keep its journal',
  },
  other_school: {
    ru: 'Это данные другой школы: администратор видит и меняет только свою школу',
    en: 'This belongs to another school: an administrator sees and changes only their own',
  },
  not_found: {
    ru: 'Не найдено',
    en: 'Not found',
  },
  conflict: {
    ru: 'Данные изменились — обновите страницу и повторите',
    en: 'The data has changed — reload and try again',
  },
  rate_limited: {
    ru: 'Слишком много попыток — повторите через {seconds} с',
    en: 'Too many attempts — try again in {seconds} s',
  },
  account_locked: {
    ru: 'Вход временно заблокирован после нескольких неверных попыток — попробуйте после {until}',
    en: 'Sign-in is locked after several wrong attempts — try again after {until}',
  },
  ip_blocked: {
    ru: 'С вашего адреса слишком много неудачных входов — попробуйте позже',
    en: 'Too many failed sign-ins from your address — try again later',
  },
  code_invalid: {
    ru: 'Неверный код — проверьте SMS и введите код ещё раз',
    en: 'Wrong code — check the SMS and enter the code again',
  },
  code_expired: {
    ru: 'Срок действия кода истёк — запросите новый код',
    en: 'The code has expired — request a new code',
  },
  code_attempts_exhausted: {
    ru: 'Код введён неверно слишком много раз — запросите новый код',
    en: 'The code was entered wrongly too many times — request a new code',
  },
  resend_too_soon: {
    ru: 'Новый код можно запросить через {seconds} с',
    en: 'You can request a new code in {seconds} s',
  },
  invalid_credentials: {
    ru: 'Неверный номер телефона или пароль',
    en: 'Wrong phone number or password',
  },
  identity_unconfirmed: {
    ru: 'Подтвердите личность, чтобы продолжить',
    en: 'Confirm your identity to continue',
  },
  provider_not_linked: {
    ru: 'Этот вход ещё не связан с аккаунтом дневника — войдите по паролю и коду из SMS, чтобы связать',
    en: 'This sign-in is not linked to a diary account yet — sign in with your password and SMS code to link it',
  },
  provider_ticket_invalid: {
    ru: 'Ответ сервиса входа устарел или уже использован — войдите через него ещё раз',
    en: 'The sign-in service answer has expired or was already used — sign in through it again',
  },
  identity_mismatch: {
    ru: 'СНИЛС в сервисе входа не совпадает со СНИЛС аккаунта — связать их нельзя, обратитесь в школу',
    en: 'The SNILS at the sign-in service differs from the account SNILS — they cannot be linked; contact the school',
  },
  provider_unavailable: {
    ru: 'Сервис входа сейчас недоступен — попробуйте позже или войдите по паролю',
    en: 'The sign-in service is unavailable now — try later or sign in with your password',
  },
  roster_mismatch: {
    ru: 'В списках школы нет ученика с таким номером — проверьте номер у классного руководителя',
    en: "The school's lists have no student with this number — check it with the class teacher",
  },
  school_not_found: {
    ru: 'Школа с таким кодом не найдена — проверьте код',
    en: 'No school has this code — check the code',
  },
  school_not_connected: {
    ru: 'Эта школа ещё не подключена к электронному дневнику',
    en: 'This school is not connected to the e-diary yet',
  },
  school_not_linked: {
    ru: 'Сначала привяжите ребёнка к школе',
    en: 'Link the child to a school first',
  },
  child_exists: {
    ru: 'Карточка этого ребёнка уже есть — найдите её в списке детей',
    en: 'This child already has a card — find it in the list of children',
  },
  already_linked: {
    ru: 'Ребёнок уже привязан к этой школе',
    en: 'The child is already linked to this school',
  },
  handoff_invalid: {
    ru: 'QR-код не распознан — откройте новый код на устройстве, где вы уже вошли, и отсканируйте его',
    en: 'The QR code is not recognised — show a new code on the device you are signed in on and scan it',
  },
  handoff_expired: {
    ru: 'QR-код устарел: он действует 2 минуты — покажите новый код на устройстве, где вы уже вошли',
    en: 'The QR code has expired: it lasts 2 minutes — show a new code on the device you are signed in on',
  },
  handoff_used: {
    ru: 'Этот QR-код уже использован — покажите новый код на устройстве, где вы уже вошли',
    en: 'This QR code has already been used — show a new code on the device you are signed in on',
  },
  handoff_declined: {
    ru: 'Вход отклонён на устройстве, где вы уже вошли — войдите по номеру телефона и паролю',
    en: 'The sign-in was declined on the device you are signed in on — sign in with your phone and password',
  },
  link_code_required: {
    ru: 'Подтвердите привязку к школе кодом из СМС — начните её в карточке ребёнка',
    en: "Confirm the school link with an SMS code — start it from the child's card",
  },
  roster_id_taken: {
    ru: 'Этот номер ученика уже привязан к карточке другого ребёнка — обратитесь в школу',
    en: "This student number is already linked to another child's card — contact the school",
  },
  application_exists: {
    ru: 'Заявление в эту школу на этот учебный год уже подано — его статус виден в списке заявлений',
    en: 'An application to this school for this school year is already in — its status is in the list of applications',
  },
  invalid_transition: {
    ru: 'Заявление нельзя перевести в этот статус',
    en: 'The application cannot move to this status',
  },
  application_withdrawn: {
    ru: 'Заявление отозвано: родитель отвязал ребёнка от школы. Двигать его дальше нельзя — если семья вернётся, она подаст новое заявление',
    en: 'The application was withdrawn: the parent unlinked the child from the school. It cannot move on — if the family comes back, they will apply again',
  },
  too_few_marked: {
    ru: 'Распределение оценок показывается, только когда за работу оценены не меньше 5 учеников',
    en: 'The distribution of marks is shown only when at least 5 pupils were marked for the work',
  },
  in_use: {
    ru: 'Удалить нельзя: с этой записью уже связаны оценки, уроки или ученики. Ничего не удалено — измените её вместо удаления',
    en: 'This cannot be deleted: marks, lessons or pupils already refer to it. Nothing was deleted — edit it instead',
  },
  import_cancelled: {
    ru: 'Импорт отменён — в данных школы ничего не изменилось',
    en: 'The import was cancelled — nothing in the school’s data changed',
  },
  payload_too_large: {
    ru: 'Слишком большой запрос или файл',
    en: 'The request or file is too large',
  },
  unsupported_media_type: {
    ru: 'Этот тип данных не поддерживается',
    en: 'This content type is not supported',
  },
  internal: {
    ru: 'Что-то пошло не так на сервере — попробуйте позже',
    en: 'Something went wrong on the server — try again later',
  },
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
  const text = MESSAGES[code]?.[options.lang ?? DEFAULT_LANG] ?? code;
  return interpolate(text, options.params);
}
