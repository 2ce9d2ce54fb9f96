import { translator } from '../shared/localize';

/** The account widget's own words. */
export const accountText = translator({
  title: ['Учётная запись', 'Account'],
  signedOut: [
    'Войдите в электронный дневник, чтобы изменить учётную запись.',
    'Sign in to the electronic diary to change your account.',
  ],
  profile: ['Профиль', 'Profile'],
  lastName: ['Фамилия', 'Surname'],
  firstName: ['Имя', 'First name'],
  middleName: ['Отчество (если есть)', 'Patronymic (if any)'],
  email: ['Электронная почта (необязательно)', 'E-mail (optional)'],
  save: ['Сохранить', 'Save'],
  saved: ['Профиль сохранён.', 'The profile has been saved.'],
  phone: ['Телефон', 'Phone'],
  currentPhone: ['Сейчас: {phone}', 'Now: {phone}'],
  newPhone: ['Новый номер телефона', 'New phone number'],
  newPhoneHint: [
    'На новый номер придёт код подтверждения.',
    'A confirmation code will be sent to the new number.',
  ],
  sendCode: ['Получить код', 'Get a code'],
  code: ['Код из SMS, отправленного на {sentTo}', 'Code from the SMS sent to {sentTo}'],
  confirm: ['Подтвердить', 'Confirm'],
  phoneChanged: ['Номер телефона изменён.', 'The phone number has been changed.'],
  password: ['Пароль', 'Password'],
  currentPassword: ['Текущий пароль', 'Current password'],
  newPassword: ['Новый пароль', 'New password'],
  newPasswordHint: [
    'Не короче 8 символов. Остальные устройства выйдут из дневника.',
    'At least 8 characters. Your other devices will be signed out.',
  ],
  changePassword: ['Сменить пароль', 'Change password'],
  passwordChanged: [
    'Пароль изменён, остальные устройства вышли из дневника.',
    'The password has been changed; your other devices are signed out.',
  ],
  sessions: ['Где выполнен вход', 'Where you are signed in'],
  unknownDevice: ['Неизвестное устройство', 'Unknown device'],
  thisDevice: ['это устройство', 'this device'],
  lastSeen: ['последняя активность {date}', 'last active {date}'],
  place: ['адрес {place}', 'address {place}'],
  signOutHere: ['Выйти здесь', 'Sign out here'],
  signOutLabel: ['Выйти здесь: {device}', 'Sign out here: {device}'],
  signOutOthers: ['Выйти на всех остальных устройствах', 'Sign out on every other device'],
  signedOutSession: ['Сеанс на устройстве «{device}» завершён.', 'Signed out on «{device}».'],
  signedOutOthers: [
    'Остальные устройства вышли из дневника.',
    'Every other device has been signed out.',
  ],
});
