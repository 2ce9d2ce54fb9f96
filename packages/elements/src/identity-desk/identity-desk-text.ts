import { translator } from '../shared/localize';

/** The identity desk's own words. */
export const identityDeskText = translator({
  title: ['Подтверждение личности', 'Identity check'],
  signedOut: [
    'Войдите как администратор школы, чтобы подтверждать личность родителей.',
    "Sign in as the school's administrator to confirm parents' identity.",
  ],
  notAdmin: [
    'Подтверждать личность родителей может только администратор школы.',
    "Only the school's administrator can confirm parents' identity.",
  ],
  searchTitle: ['Найти родителя', 'Find a parent'],
  searchHint: [
    'Введите телефон и СНИЛС из документов, которые показывает родитель.',
    'Enter the phone number and SNILS from the documents the parent shows.',
  ],
  phone: ['Телефон', 'Phone number'],
  phoneHint: ['Например, +7 999 123-45-67', 'For example, +7 999 123-45-67'],
  snils: ['СНИЛС', 'SNILS'],
  snilsHint: ['11 цифр, например 112-233-445 95', '11 digits, for example 112-233-445 95'],
  find: ['Найти', 'Find'],
  finding: ['Ищем…', 'Searching…'],
  errorPrefix: ['Ошибка: ', 'Error: '],
  summaryTitle: ['Исправьте ошибки', 'There is a problem'],
  notFound: [
    'Родитель с таким телефоном и СНИЛС не найден. Проверьте цифры по документам.',
    'No parent with this phone number and SNILS. Check the digits against the documents.',
  ],
  foundTitle: ['Найден родитель', 'Parent found'],
  status: ['Статус личности: {status}', 'Identity: {status}'],
  unconfirmed: ['не подтверждена', 'not confirmed'],
  confirmed_sms: ['подтверждена по SMS', 'confirmed by SMS'],
  confirmed_in_person: ['подтверждена лично', 'confirmed in person'],
  confirmed_provider: [
    'подтверждена через поставщика удостоверений',
    'confirmed by an identity provider',
  ],
  alreadyConfirmed: [
    'Личность уже подтверждена лично — ничего делать не нужно.',
    'The identity is already confirmed in person: nothing to do.',
  ],
  document: ['Проверенный документ', 'Document checked'],
  passport: ['Паспорт', 'Passport'],
  mfc_certificate: ['Справка МФЦ', 'MFC certificate'],
  note: ['Примечание (необязательно)', 'Note (optional)'],
  confirm: ['Подтвердить личность', 'Confirm identity'],
  confirming: ['Подтверждаем…', 'Confirming…'],
  confirmed: ['Личность {name} подтверждена лично.', "{name}'s identity is confirmed in person."],
  claimsTitle: ['Заявки вторых родителей', "Second guardians' claims"],
  claimsEmpty: ['Новых заявок нет.', 'No pending claims.'],
  claim: [
    '{parent} ({phone}) — родитель ребёнка {child}',
    '{parent} ({phone}) as a parent of {child}',
  ],
  approve: ['Одобрить', 'Approve'],
  approveLabel: [
    'Одобрить заявку: {parent}, ребёнок {child}',
    'Approve the claim: {parent}, child {child}',
  ],
  approved: ['{parent} теперь родитель ребёнка {child}.', '{parent} is now a guardian of {child}.'],
});
