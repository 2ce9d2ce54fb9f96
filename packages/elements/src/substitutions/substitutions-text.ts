import { translator } from '../shared/localize';

/** The words of `<diary-substitutions>`, in Russian and English. */
export const substitutionsText = translator({
  title: ['Замены уроков', 'Lesson substitutions'],
  signedOut: [
    'Войдите как администратор школы, чтобы назначать замены.',
    "Sign in as the school's administrator to arrange substitutions.",
  ],
  notAdmin: [
    'Назначать замены может только администратор школы.',
    "Only the school's administrator can arrange substitutions.",
  ],
  noClasses: [
    'В школе пока нет классов. Добавьте их в настройке школы.',
    'The school has no classes yet. Add them in the school setup.',
  ],
  classLabel: ['Класс', 'Class'],
  weekNav: ['Выбор недели', 'Choose a week'],
  previous: ['Предыдущая неделя', 'Previous week'],
  next: ['Следующая неделя', 'Next week'],
  thisWeek: ['Текущая неделя', 'This week'],
  weekCaption: ['{name}, неделя {range}', '{name}, week of {range}'],
  emptyWeek: [
    'На эту неделю у класса нет уроков. Выберите другую неделю или составьте расписание в настройке школы.',
    'The class has no lessons this week. Choose another week or make the timetable in the school setup.',
  ],
  lesson: ['{n} урок, {start}–{end}', 'Lesson {n}, {start}–{end}'],
  room: ['каб. {room}', 'room {room}'],
  substitute: ['Назначить замену', 'Arrange a substitution'],
  substituteLabel: [
    'Назначить замену: {day}, {n} урок, {subject}',
    'Arrange a substitution: {day}, lesson {n}, {subject}',
  ],
  change: ['Изменить замену', 'Change the substitution'],
  changeLabel: [
    'Изменить замену: {day}, {n} урок, {subject}',
    'Change the substitution: {day}, lesson {n}, {subject}',
  ],
  remove: ['Отменить замену', 'Remove the substitution'],
  removeLabel: [
    'Отменить замену: {day}, {n} урок, {subject}',
    'Remove the substitution: {day}, lesson {n}, {subject}',
  ],
  removing: ['Отменяем…', 'Removing…'],
  formTitle: [
    'Замена: {day}, {n} урок — {subject} ({teacher})',
    'Substitution: {day}, lesson {n} — {subject} ({teacher})',
  ],
  teacher: ['Кто ведёт урок', 'Who teaches the lesson'],
  chooseTeacher: ['Выберите учителя', 'Choose a teacher'],
  subject: ['Предмет', 'Subject'],
  sameSubject: ['Тот же: {subject}', 'The same: {subject}'],
  roomLabel: ['Кабинет (необязательно)', 'Room (optional)'],
  roomHint: [
    'Если урок пройдёт в другом кабинете. Сейчас: {room}',
    'If the lesson moves. Now: {room}',
  ],
  reason: ['Причина', 'Reason'],
  reasonHint: [
    'Её увидят родители, например «Учитель на курсах»',
    'Parents will see it, for example “The teacher is on a course”',
  ],
  preview: ['Так увидят родители', 'What parents will see'],
  save: ['Сохранить замену', 'Save the substitution'],
  saving: ['Сохраняем…', 'Saving…'],
  close: ['Закрыть', 'Close'],
  summaryTitle: ['Исправьте ошибки', 'There is a problem'],
  errorPrefix: ['Ошибка: ', 'Error: '],
  saved: [
    'Замена сохранена: {day}, {n} урок — {subject}, ведёт {teacher}. Родители получат уведомление.',
    'Substitution saved: {day}, lesson {n} — {subject}, taught by {teacher}. Parents will be notified.',
  ],
  removed: [
    'Замена отменена: {day}, {n} урок — снова {subject}, ведёт {teacher}.',
    'Substitution removed: {day}, lesson {n} is {subject} again, taught by {teacher}.',
  ],
});
