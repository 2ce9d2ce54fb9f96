import { translator } from '../shared/localize';

/** The QR hand-off widget's own words. */
export const handoffText = translator({
  title: ['Продолжить на телефоне', 'Continue on your phone'],
  intro: [
    'Откройте камеру телефона и наведите её на QR-код: дневник откроется на телефоне, а вы подтвердите вход здесь. Код действует 2 минуты и только один раз.',
    'Point your phone’s camera at the QR code: the diary opens on the phone, and you confirm the sign-in here. The code works for 2 minutes, once.',
  ],
  show: ['Показать QR-код', 'Show the QR code'],
  showAgain: ['Показать новый QR-код', 'Show a new QR code'],
  qrLabel: [
    'QR-код для входа в дневник на телефоне, действует до {time}',
    'QR code to sign in to the diary on a phone, valid until {time}',
  ],
  link: ['Ссылка из QR-кода', 'The link in the QR code'],
  validUntil: ['Код действует до {time}.', 'The code is valid until {time}.'],
  waiting: ['Ждём, когда телефон отсканирует код…', 'Waiting for the phone to scan the code…'],
  claimed: [
    'Устройство «{device}» хочет войти в дневник под вашей учётной записью. Это вы?',
    'The device «{device}» wants to sign in to the diary as you. Is it you?',
  ],
  unknownDevice: ['неизвестное устройство', 'unknown device'],
  approve: ['Да, впустить', 'Yes, let it in'],
  decline: ['Нет, отклонить', 'No, refuse'],
  confirmed: [
    'Вход разрешён: телефон входит в дневник.',
    'Sign-in allowed: the phone is signing in to the diary.',
  ],
  used: ['Готово: телефон вошёл в дневник.', 'Done: the phone is signed in to the diary.'],
  declined: ['Вход отклонён.', 'Sign-in refused.'],
  expired: ['Код устарел.', 'The code has expired.'],
  signedOut: [
    'Войдите в электронный дневник на этом устройстве, чтобы продолжить на телефоне.',
    'Sign in to the electronic diary on this device to continue on your phone.',
  ],
  claiming: ['Проверяем QR-код…', 'Checking the QR code…'],
  awaiting: [
    'Подтвердите вход на устройстве, где показан QR-код.',
    'Confirm the sign-in on the device that shows the QR code.',
  ],
  signedIn: [
    'Вы вошли в дневник на этом устройстве.',
    'You are signed in to the diary on this device.',
  ],
});
