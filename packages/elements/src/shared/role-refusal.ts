import type { Lang, Role } from '@school-diary/core';
import { ROLE_KEYS, type Failure } from './failure';
import { sharedText } from './localize';

/**
 * The refusal of a widget whose data is not for the account's role, said before any call (a
 * parent on the admin's page): the words a 403 for that role gets from `describeFailure`.
 *
 * @example
 * failureNotice(lang, roleRefusal(lang, 'parent'), retry) // «… не для учётной записи родителя»
 */
export function roleRefusal(lang: Lang, role: Role): Failure {
  return {
    kind: 'api',
    code: 'forbidden',
    message: sharedText(lang, 'notForRole', { role: sharedText(lang, ROLE_KEYS[role]) }),
    fields: [],
    retryAfterSeconds: undefined,
    retryable: false,
  };
}
