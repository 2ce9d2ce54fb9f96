import { translator } from '../shared/localize';

/** The login's own words; validation messages come from core's catalogue. */
export const loginText = translator({
  title: ['Вход в электронный дневник', 'Sign in to the e-diary'],
  phone: ['Номер мобильного телефона', 'Mobile phone number'],
  phoneHint: ['Например, +7 999 123-45-67', 'For example, +7 999 123-45-67'],
  password: ['Пароль', 'Password'],
  showPassword: ['Показать', 'Show'],
  hidePassword: ['Скрыть', 'Hide'],
  showPasswordLabel: ['Показать пароль', 'Show password'],
  hidePasswordLabel: ['Скрыть пароль', 'Hide password'],
  passwordShown: ['Пароль виден на экране', 'Your password is visible'],
  passwordHidden: ['Пароль скрыт', 'Your password is hidden'],
  signIn: ['Войти', 'Sign in'],
  forgot: ['Забыли пароль?', 'Forgotten your password?'],
  codeTitle: ['Введите код из СМС', 'Enter the code from the text message'],
  codeSent: ['Мы отправили код на номер {sentTo}.', 'We have sent a code to {sentTo}.'],
  confirm: ['Продолжить', 'Continue'],
  changePhone: ['Изменить номер телефона', 'Change the phone number'],
  recoveryTitle: ['Восстановление пароля', 'Reset your password'],
  recoveryText: [
    'Мы отправим код на номер, с которым вы входите в дневник.',
    'We will send a code to the number you sign in with.',
  ],
  sendCode: ['Получить код', 'Send the code'],
  newPassword: ['Новый пароль', 'New password'],
  newPasswordHint: [
    'Не короче {minimum} символов. Подойдёт фраза из нескольких слов.',
    'At least {minimum} characters. A phrase of several words works well.',
  ],
  savePassword: ['Сохранить пароль', 'Save the password'],
  passwordChanged: [
    'Пароль изменён. Войдите с новым паролем.',
    'Your password has been changed. Sign in with the new password.',
  ],
  noAccount: ['Нет учётной записи?', 'No account yet?'],
  register: ['Зарегистрироваться', 'Create an account'],
  choosePassword: ['Придумайте пароль', 'Choose a password'],
  registerCodeTitle: ['Подтвердите номер телефона', 'Confirm your phone number'],
  registered: [
    'Номер подтверждён, учётная запись создана. Для входа мы отправили ещё один код — введите его.',
    'Your number is confirmed and the account is created. To sign in, enter the new code we have sent.',
  ],
  backToLogin: ['Вернуться ко входу', 'Back to sign in'],
  signedIn: ['Вы вошли как {name}.', 'You are signed in as {name}.'],
  signOut: ['Выйти', 'Sign out'],
  working: ['Подождите…', 'Please wait…'],
  signInWith: ['Войти через {title}', 'Sign in with {title}'],
  linkNotice: [
    'Этот вход ещё не связан с аккаунтом. Войдите один раз по паролю и коду из СМС — и дальше сможете входить через сервис.',
    'This sign-in is not linked to an account yet. Sign in once with your password and text-message code, and from then on you can use the service.',
  ],
  cancelled: [
    'Вход через сервис отменён. Войдите по паролю или попробуйте ещё раз.',
    'Signing in with the service was cancelled. Sign in with your password or try again.',
  ],
  providerDown: [
    'Сервис входа сейчас недоступен. Попробуйте позже или войдите по паролю.',
    'The sign-in service is unavailable now. Try later or sign in with your password.',
  ],
  refused: [
    'Сервис входа не подтвердил вход. Попробуйте ещё раз или войдите по паролю.',
    'The sign-in service did not confirm the sign-in. Try again or sign in with your password.',
  ],
});
