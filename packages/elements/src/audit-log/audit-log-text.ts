import { translator } from '../shared/localize';

/** The audit log widget's own words. */
export const auditLogText = translator({
  title: ['Журнал действий школы', 'The school’s audit log'],
  signedOut: [
    'Войдите в электронный дневник, чтобы открыть журнал действий школы.',
    'Sign in to the electronic diary to open the school’s audit log.',
  ],
  noSchool: [
    'Учётная запись не привязана к школе: журнал действий недоступен.',
    'The account is not linked to a school: there is no audit log to show.',
  ],
  filters: ['Отбор записей', 'Filter the entries'],
  from: ['С даты', 'From'],
  to: ['По дату', 'To'],
  action: ['Действие', 'Action'],
  outcome: ['Результат', 'Outcome'],
  anyAction: ['Любое', 'Any'],
  anyOutcome: ['Любой', 'Any'],
  apply: ['Показать', 'Show'],
  caption: ['Записи журнала действий, новые сверху', 'Audit log entries, newest first'],
  region: ['Журнал действий, таблица прокручивается', 'The audit log, a scrolling table'],
  at: ['Время', 'Time'],
  who: ['Кто', 'Who'],
  record: ['Запись', 'Record'],
  nobody: ['Не вошедший пользователь', 'Not signed in'],
  someone: ['{role} ({id})', '{role} ({id})'],
  empty: ['За выбранный период записей нет.', 'No entries for the chosen period.'],
  page: ['Страница {page} из {pages}', 'Page {page} of {pages}'],
  shown: ['Записей: {total}', 'Entries: {total}'],
  previous: ['Предыдущая страница', 'Previous page'],
  next: ['Следующая страница', 'Next page'],
  pages: ['Страницы журнала', 'Pages of the log'],
  success: ['Выполнено', 'Succeeded'],
  failure: ['Ошибка', 'Failed'],
  denied: ['Отказано в доступе', 'Access denied'],
  parent: ['Родитель', 'Parent'],
  student: ['Ученик', 'Student'],
  teacher: ['Учитель', 'Teacher'],
  school_admin: ['Администратор школы', 'School admin'],
});

/**
 * The actions an admin filters by most, in words; an action not listed here is shown by its code.
 * The codes are the ones the server records (`group.operation` of core's route table).
 */
export const AUDIT_ACTION_WORDS = {
  'auth.login': ['Вход', 'Sign-in'],
  'auth.logout': ['Выход', 'Sign-out'],
  'auth.register': ['Регистрация', 'Registration'],
  'auth.password_change': ['Смена пароля', 'Password change'],
  'auth.password_reset': ['Восстановление пароля', 'Password reset'],
  'auth.phone_change': ['Смена телефона', 'Phone change'],
  'auth.session_revoked': ['Завершение сеанса', 'Session ended'],
  'auth.refresh_reuse': ['Повторное использование токена', 'Token reused'],
  'children.create': ['Добавление ребёнка', 'Child added'],
  'children.update': ['Изменение карточки ребёнка', 'Child’s card changed'],
  'children.link_school': ['Привязка к школе', 'Linked to the school'],
  'children.unlink_school': ['Отвязка от школы', 'Unlinked from the school'],
  'applications.set_status': ['Решение по заявлению', 'Application decided'],
  'marks.create': ['Выставление отметки', 'Mark given'],
  'marks.update': ['Исправление отметки', 'Mark corrected'],
  'marks.delete': ['Удаление отметки', 'Mark deleted'],
  'final_marks.set': ['Итоговая отметка', 'Final mark set'],
  'attendance.record': ['Отметка посещаемости', 'Attendance recorded'],
  'homework.create': ['Задание на дом', 'Homework set'],
  'news.publish': ['Публикация новости', 'News published'],
  'news.remove': ['Удаление новости', 'News removed'],
  'import.apply': ['Загрузка данных школы', 'School data imported'],
  'setup.school_created': ['Создание школы', 'School created'],
  'audit.list': ['Просмотр журнала действий', 'Audit log read'],
} as const satisfies Record<string, readonly [string, string]>;

/** An audit action code the widget has words for. */
export type AuditActionCode = keyof typeof AUDIT_ACTION_WORDS;
