import type { Lang } from '@school-diary/core';
import { translator } from '../shared/localize';
import type { PluralForms } from '../shared/plural';

/** The grade table's strings (validation wording comes from core's catalogue). */
export const gradeTableText = translator({
  caption: ['Оценки за период: {period}', 'Marks for: {period}'],
  period: ['Период', 'Period'],
  wholeYear: ['Весь год', 'Whole year'],
  filters: ['Отбор оценок', 'Filter marks'],
  subject: ['Предмет', 'Subject'],
  allSubjects: ['Все предметы', 'All subjects'],
  kind: ['Вид работы', 'Kind of work'],
  allKinds: ['Все виды работ', 'All kinds of work'],
  from: ['С даты', 'From'],
  to: ['По дату', 'To'],
  dateRange: ['Даты', 'Dates'],
  compare: ['Сравнить с прошлым годом', 'Compare with last year'],
  exportCsv: ['Скачать CSV', 'Download CSV'],
  exportPdf: ['Скачать PDF', 'Download PDF'],
  exporting: ['Готовим файл…', 'Preparing the file…'],
  exported: ['Файл с оценками скачан.', 'The marks file has been downloaded.'],
  colSubject: ['Предмет', 'Subject'],
  colMarks: ['Оценки', 'Marks'],
  colWeighted: ['Средний балл', 'Average'],
  colArithmetic: ['Среднее арифметическое', 'Arithmetic mean'],
  colFinal: ['Итоговая', 'Final'],
  colAbsences: ['Пропуски', 'Absences'],
  colPrevious: ['Прошлый год', 'Last year'],
  sortedAscending: ['сортировка по возрастанию', 'sorted ascending'],
  sortedDescending: ['сортировка по убыванию', 'sorted descending'],
  sortable: ['нажмите, чтобы отсортировать', 'select to sort'],
  noMarks: ['За этот период оценок пока нет.', 'No marks for this period yet.'],
  noMatch: [
    'Нет оценок, подходящих под отбор. Измените или сбросьте условия.',
    'No marks match the filters. Change or reset them.',
  ],
  resetFilters: ['Сбросить отбор', 'Reset filters'],
  weight: ['вес {weight}', 'weight {weight}'],
  corrected: [
    'Исправлена {date} в {time}: {from} → {to} ({by})',
    'Corrected on {date} at {time}: {from} → {to} ({by})',
  ],
  distribution: ['Как написал класс (оценено: {n})', 'How the class did ({n} marked)'],
  distributionHidden: [
    'Оценки класса не показываются: оценено меньше 5 учеников.',
    "The class's marks are not shown: fewer than 5 pupils were marked.",
  ],
  belowThreshold: ['ниже порога {threshold}', 'below the threshold {threshold}'],
  comment: ['комментарий: {comment}', 'comment: {comment}'],
  noAverage: ['нет', 'none'],
  notPrevious: ['нет данных', 'no data'],
  deltaUp: ['выше на {delta}', 'up {delta}'],
  deltaDown: ['ниже на {delta}', 'down {delta}'],
  deltaSame: ['без изменений', 'no change'],
  calculator: ['Как получить «{mark}»', 'How to get a {mark}'],
  calculatorFor: ['Сколько оценок нужно: {subject}', 'Marks still needed: {subject}'],
  target: ['Желаемый средний балл', 'Target average'],
  targetHint: ['От 2 до 5, например 4,5', 'From 2 to 5, for example 4.5'],
  pathsIntro: [
    'Чтобы средний балл стал не ниже {target}, достаточно одного из вариантов:',
    'To bring the average to {target} or above, any one of these is enough:',
  ],
  path: ['{count} «{value}» с весом {weight}', '{count} of «{value}» at weight {weight}'],
  reached: ['Средний балл уже не ниже {target}.', 'The average is already {target} or above.'],
  unreachable: [
    'Оценками «4» и «5» такой средний балл не получить.',
    'Marks of 4 and 5 cannot bring the average that high.',
  ],
  newMark: ['Новая оценка по предмету «{subject}»: {value}.', 'New mark in {subject}: {value}.'],
  updatedMark: [
    'Оценка по предмету «{subject}» исправлена: {value}.',
    'Mark in {subject} corrected: {value}.',
  ],
  deletedMark: ['Оценка по предмету «{subject}» удалена.', 'A mark in {subject} was deleted.'],
  noYear: [
    'Для класса ребёнка ещё не задан учебный год.',
    "The school year of the child's class is not set up yet.",
  ],
  commentNote: [
    'Оценка с комментарием учителя: наведите на неё или выберите её, чтобы прочитать.',
    "A mark with the teacher's comment: point at it or select it to read it.",
  ],
  thresholdNote: [
    'Выделены оценки ниже порога, заданного родителем.',
    "Marks below the parent's threshold are highlighted.",
  ],
});

/** «1 пропуск, 2 пропуска, 5 пропусков». */
export const ABSENCE_FORMS: Readonly<Record<Lang, PluralForms>> = {
  ru: { one: '{n} пропуск', few: '{n} пропуска', many: '{n} пропусков', other: '{n} пропуска' },
  en: { one: '{n} absence', other: '{n} absences' },
};
