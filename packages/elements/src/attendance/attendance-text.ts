import { translator } from '../shared/localize';

/** The attendance widget's own words. */
export const attendanceText = translator({
  title: ['Посещаемость', 'Attendance'],
  signedOut: [
    'Войдите в электронный дневник, чтобы увидеть посещаемость.',
    'Sign in to the electronic diary to see attendance.',
  ],
  period: ['Период', 'Period'],
  summary: ['Итоги за период', 'Totals for the period'],
  missed: ['Пропущено уроков', 'Lessons missed'],
  ill: ['Болезнь', 'Illness'],
  absent_excused: ['Уважительная причина', 'Excused'],
  absent_unexcused: ['Без уважительной причины', 'Unexcused'],
  late: ['Опоздания', 'Late'],
  lateOne: ['Опоздание', 'Late'],
  lateMinutes: ['опоздание на {minutes} мин', '{minutes} min late'],
  bySubject: ['По предметам', 'By subject'],
  byDay: ['По дням', 'By day'],
  noMisses: [
    'За этот период пропусков и опозданий нет.',
    'No absences or late arrivals in this period.',
  ],
  lesson: ['{number}-й урок, {subject}', 'Lesson {number}, {subject}'],
  reportTitle: ['Сообщить об отсутствии заранее', 'Report an absence ahead'],
  reportOpen: ['Сообщить об отсутствии', 'Report an absence'],
  reportHint: [
    'Классный руководитель и учителя этих уроков увидят сообщение заранее.',
    'The class teacher and the teachers of those lessons will see it in advance.',
  ],
  from: ['С даты', 'From'],
  to: ['По дату (если больше одного дня)', 'To (if more than one day)'],
  reason: ['Причина', 'Reason'],
  reasonIll: ['Болезнь', 'Illness'],
  reasonExcused: ['Другая уважительная причина', 'Another excused reason'],
  comment: ['Комментарий для учителя', 'A note for the teacher'],
  commentHint: [
    'Например: «Семейные обстоятельства» или «Соревнования по плаванию».',
    'For example: “Family matters” or “A swimming competition”.',
  ],
  file: [
    'Справка или другой документ (необязательно)',
    'A doctor’s note or another document (optional)',
  ],
  fileHint: ['Один файл не больше 10 МБ.', 'One file of 10 MB or smaller.'],
  send: ['Отправить', 'Send'],
  sending: ['Отправляем…', 'Sending…'],
  cancel: ['Отмена', 'Cancel'],
  notices: ['Сообщения об отсутствии', 'Absence reports'],
  noNotices: ['Сообщений об отсутствии пока нет.', 'No absences reported yet.'],
  submitted: ['Отправлено, ждёт учителя', 'Sent, awaiting the teacher'],
  acknowledged: ['Принято', 'Acknowledged'],
  acknowledgedBy: ['Принято: {name}, {date}', 'Acknowledged by {name}, {date}'],
  days: ['{from} — {to}', '{from} – {to}'],
  lessonsCount: ['уроков: {count}', 'lessons: {count}'],
  reported: ['Сообщение об отсутствии отправлено', 'The absence report was sent'],
  liveRecorded: [
    'Отмечено: {subject}, {date} — {status}',
    'Recorded: {subject}, {date} — {status}',
  ],
  liveAcknowledged: [
    'Учитель принял сообщение об отсутствии',
    'A teacher acknowledged the absence report',
  ],
  present: ['Присутствовал', 'Present'],
  download: ['Скачать {name}', 'Download {name}'],
});

/** Plural forms of «пропуск» for the per-subject counts. */
export const MISSES = {
  ru: { one: '{n} пропуск', few: '{n} пропуска', many: '{n} пропусков', other: '{n} пропуска' },
  en: { one: '{n} absence', other: '{n} absences' },
} as const;
