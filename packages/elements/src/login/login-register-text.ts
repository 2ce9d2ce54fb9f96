import { translator } from '../shared/localize';

/** The registration step's own words; validation messages come from core's catalogue. */
export const registerText = translator({
  registerTitle: ['Регистрация родителя', 'Create a parent account'],
  registerText: [
    'Данные документов нужны, чтобы школа узнала вас. Они хранятся зашифрованными.',
    'The school needs your documents to know who you are. They are stored encrypted.',
  ],
  lastName: ['Фамилия', 'Last name'],
  firstName: ['Имя', 'First name'],
  middleName: ['Отчество (если есть)', 'Patronymic (if any)'],
  middleNameHint: ['Как в паспорте', 'As in your passport'],
  email: ['Электронная почта (необязательно)', 'Email (optional)'],
  emailHint: ['Например, name@example.ru', 'For example, name@example.ru'],
  snils: ['СНИЛС', 'SNILS'],
  snilsHint: ['11 цифр, например 112-233-445 95', '11 digits, for example 112-233-445 95'],
  passport: ['Серия и номер паспорта', 'Passport series and number'],
  passportHint: ['10 цифр, например 45 12 345678', '10 digits, for example 45 12 345678'],
  createAccount: ['Зарегистрироваться', 'Create the account'],
  haveAccount: ['Уже есть учётная запись? Войти', 'Already have an account? Sign in'],
});
