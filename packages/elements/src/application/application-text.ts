import { translator } from '../shared/localize';

/** The application widget's own words. */
export const applicationText = translator({
  title: ['Заявление на электронный дневник', 'Application for the electronic diary'],
  signedOut: [
    'Войдите в электронный дневник, чтобы увидеть заявление.',
    'Sign in to the electronic diary to see the application.',
  ],
  noChild: [
    'Выберите ребёнка: у виджета нет атрибута child-id.',
    'Choose a child: the widget has no child-id attribute.',
  ],
  number: ['Заявление {number}', 'Application {number}'],
  schoolYear: ['Учебный год', 'School year'],
  status: ['Статус', 'Status'],
  timeline: ['Ход рассмотрения заявления {number}', 'Progress of application {number}'],
  submitted: ['Подано', 'Submitted'],
  checking: ['На проверке в школе', 'Being checked by the school'],
  ready: ['Одобрено — можно подключить дневник', 'Approved — the diary can be connected'],
  active: ['Дневник подключён', 'Diary connected'],
  rejected: ['Отклонено', 'Rejected'],
  withdrawn: ['Отозвано', 'Withdrawn'],
  stepDone: ['выполнено', 'done'],
  stepCurrent: ['текущий шаг', 'current step'],
  stepNext: ['впереди', 'to come'],
  waiting: ['ожидается', 'pending'],
  reason: ['Причина: {reason}', 'Reason: {reason}'],
  noReason: ['Школа не указала причину.', 'The school gave no reason.'],
  whatToDo: [
    'Что делать: исправьте данные ребёнка в карточке или уточните их у классного руководителя, затем подайте заявление снова. Вопросы можно задать в поддержку.',
    'What to do: correct the child’s details on the card or check them with the class teacher, then apply again. Questions can go to support.',
  ],
  withdrawnWhatToDo: [
    'Школа больше не рассматривает это заявление. Чтобы подать новое, привяжите ребёнка к школе в его карточке.',
    'The school no longer considers this application. To apply again, link the child to a school on their card.',
  ],
  readyHint: [
    'Школа одобрила заявление. Подключите дневник, чтобы видеть оценки, расписание и домашние задания.',
    'The school approved the application. Connect the diary to see marks, the timetable and homework.',
  ],
  activate: ['Подключить дневник', 'Connect the diary'],
  activating: ['Подключаем…', 'Connecting…'],
  activated: ['Дневник подключён.', 'The diary is connected.'],
  none: [
    'Заявлений на электронный дневник для этого ребёнка пока нет.',
    'There are no applications for the electronic diary for this child yet.',
  ],
  apply: ['Подать заявление', 'Apply'],
  applyTitle: ['Новое заявление', 'New application'],
  applyHint: [
    'Заявление принимается на текущий или следующий учебный год.',
    'Applications are accepted for the current or the next school year.',
  ],
  sending: ['Отправляем…', 'Sending…'],
  live: ['Заявление {number}: {status}', 'Application {number}: {status}'],
  earlier: ['Прежние заявления', 'Earlier applications'],
});
