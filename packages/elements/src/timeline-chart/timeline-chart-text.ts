import { translator } from '../shared/localize';

/** The timeline chart's strings. */
export const timelineText = translator({
  title: ['Оценки и скользящее среднее по предметам', 'Marks and the moving average by subject'],
  chart: ['График оценок', 'Marks chart'],
  chartRole: ['график', 'chart'],
  pointRole: ['оценка', 'mark'],
  trendUp: [
    '{subject}: средний балл вырос с {from} до {to}.',
    '{subject}: the average rose from {from} to {to}.',
  ],
  trendDown: [
    '{subject}: средний балл снизился с {from} до {to}.',
    '{subject}: the average fell from {from} to {to}.',
  ],
  trendFlat: [
    '{subject}: средний балл не изменился — {to}.',
    '{subject}: the average stayed at {to}.',
  ],
  noTrend: [
    'Нет оценок для выбранных предметов и дат.',
    'No marks for the chosen subjects and dates.',
  ],
  subjects: ['Предметы', 'Subjects'],
  from: ['С даты', 'From'],
  to: ['По дату', 'To'],
  reset: ['Показать весь период', 'Show the whole period'],
  showTable: ['Показать таблицей', 'Show as a table'],
  hideTable: ['Скрыть таблицу', 'Hide the table'],
  keys: [
    'Нажмите Tab, чтобы перейти к графику; стрелки ← → — соседние оценки, ↑ ↓ — другой предмет, Home и End — первая и последняя, Esc — скрыть подсказку. Выделите мышью участок, чтобы увеличить его.',
    'Press Tab to reach the chart; arrows ← → move between marks, ↑ ↓ to another subject, Home and End to the first and last, Esc hides the tooltip. Drag across the chart to zoom in.',
  ],
  point: ['{date}, оценка {value}, {kind}', '{date}, mark {value}, {kind}'],
  pointSubject: ['{point}, {subject}', '{point}, {subject}'],
  moving: ['Скользящее среднее: {average}', 'Moving average: {average}'],
  colDate: ['Дата', 'Date'],
  colSubject: ['Предмет', 'Subject'],
  colMark: ['Оценка', 'Mark'],
  colKind: ['Вид работы', 'Kind of work'],
  colWeight: ['Вес', 'Weight'],
  colMoving: ['Скользящее среднее', 'Moving average'],
  tableCaption: ['Оценки с {from} по {to}', 'Marks from {from} to {to}'],
  pages: ['Страницы таблицы', 'Table pages'],
  firstPage: ['В начало', 'First'],
  previousPage: ['Предыдущие', 'Previous'],
  nextPage: ['Следующие', 'Next'],
  lastPage: ['В конец', 'Last'],
  rowsShown: ['Строки {from}–{to} из {total}', 'Rows {from}–{to} of {total}'],
  noRows: ['В таблице нет оценок.', 'No marks in the table.'],
  empty: ['Оценок пока нет.', 'No marks yet.'],
  zoomed: ['Показаны оценки с {from} по {to}.', 'Showing marks from {from} to {to}.'],
});
