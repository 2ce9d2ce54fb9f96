import { translator } from '../shared/localize';

/** The upcoming tests widget's own words. */
export const upcomingTestsText = translator({
  title: ['Ближайшие контрольные', 'Upcoming tests'],
  signedOut: [
    'Войдите в электронный дневник, чтобы видеть ближайшие контрольные.',
    'Sign in to the electronic diary to see upcoming tests.',
  ],
  noChild: ['Выберите ребёнка.', 'Choose a child.'],
  empty: [
    'В ближайшие {days} дн. контрольных не запланировано.',
    'No tests planned in the next {days} days.',
  ],
  today: ['Сегодня', 'Today'],
  tomorrow: ['Завтра', 'Tomorrow'],
  lesson: ['{number}-й урок', 'Lesson {number}'],
  weight: ['Вес оценки: {weight}', 'Mark weight: {weight}'],
  teacher: ['Учитель: {name}', 'Teacher: {name}'],
  live: ['Запланирована работа: {subject}', 'A test was planned: {subject}'],
  cancelled: ['Работа отменена', 'A test was cancelled'],
});
