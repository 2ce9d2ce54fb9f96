import { translator } from '../shared/localize';

/** The texts of `<diary-homework>`, in Russian and English. */
export const homeworkText = translator({
  title: ['Домашние задания', 'Homework'],
  signedOut: [
    'Войдите в электронный дневник, чтобы видеть домашние задания.',
    'Sign in to the e-diary to see the homework.',
  ],
  noChild: ['Выберите ребёнка, чтобы видеть его задания.', 'Choose a child to see their homework.'],
  period: ['Срок сдачи', 'Due'],
  tomorrow: ['На завтра', 'For tomorrow'],
  week: ['По неделям', 'By week'],
  previousWeek: ['Предыдущая неделя', 'Previous week'],
  nextWeek: ['Следующая неделя', 'Next week'],
  thisWeek: ['Эта неделя', 'This week'],
  weekOf: ['Неделя {from} – {to}', 'Week {from} – {to}'],
  subject: ['Предмет', 'Subject'],
  allSubjects: ['Все предметы', 'All subjects'],
  empty: ['На эти дни заданий нет.', 'No homework is due on these days.'],
  due: ['Сдать {date}', 'Due {date}'],
  done: ['Сделано', 'Done'],
  overdue: ['Просрочено', 'Overdue'],
  overdueTitle: ['Просрочено', 'Overdue'],
  overdueHint: [
    'Срок прошёл, а задание не отмечено сделанным.',
    'The due date has passed and the homework is not ticked done.',
  ],
  alert: ['Сообщать о просроченных заданиях', 'Tell me about overdue homework'],
  alertHint: [
    'Каждое утро — уведомление о заданиях на вчера, не отмеченных сделанными.',
    'Each morning, a notification of the homework due the day before that is not ticked done.',
  ],
  alertOn: ['Уведомления о просроченных заданиях включены', 'Overdue homework alerts are on'],
  alertOff: ['Уведомления о просроченных заданиях выключены', 'Overdue homework alerts are off'],
  ticked: ['{subject}: отмечено сделанным', '{subject}: ticked done'],
  unticked: ['{subject}: отметка «сделано» снята', '{subject}: no longer ticked done'],
  live: ['Новое задание: {subject}', 'New homework: {subject}'],
  attachments: ['Файлы', 'Files'],
  download: ['Скачать {name}', 'Download {name}'],
  newTab: ['(откроется в новой вкладке)', '(opens in a new tab)'],
  listLabel: ['Задания на {date}', 'Homework due {date}'],
});
