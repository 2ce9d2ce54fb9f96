// The kinds of planned assessment: plain data without zod, so a widget can label them without
// loading the schemas (assessment.ts builds those on them).
import type { WorkKind } from '../grades/work-kinds.js';
import type { Lang } from '../messages/lang.js';

/**
 * What a planned assessment is: a контрольная работа (`test`), a проверочная (`check`), a
 * самостоятельная (`independent`), a диктант (`dictation`), a зачёт (`credit`), the all-Russian
 * проверочная работа (`vpr`), a mock ОГЭ or ЕГЭ (`mock_oge`, `mock_ege`), or an exam (`exam`).
 */
export const ASSESSMENT_KINDS = [
  'test',
  'check',
  'independent',
  'dictation',
  'credit',
  'vpr',
  'mock_oge',
  'mock_ege',
  'exam',
] as const;
/** A kind of planned assessment. */
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/**
 * The kind of work the marks of an assessment's lesson are given for: a контрольная or a зачёт is
 * a `test`, a проверочная or a самостоятельная a `quiz`, a mock ОГЭ/ЕГЭ an `exam`.
 *
 * @example
 * ASSESSMENT_WORK_KINDS.check; // 'quiz'
 */
export const ASSESSMENT_WORK_KINDS = {
  test: 'test',
  check: 'quiz',
  independent: 'quiz',
  dictation: 'dictation',
  credit: 'test',
  vpr: 'test',
  mock_oge: 'exam',
  mock_ege: 'exam',
  exam: 'exam',
} as const satisfies Record<AssessmentKind, WorkKind>;

const ASSESSMENT_NAMES: Readonly<Record<Lang, Readonly<Record<AssessmentKind, string>>>> = {
  ru: {
    test: 'Контрольная работа',
    check: 'Проверочная работа',
    independent: 'Самостоятельная работа',
    dictation: 'Диктант',
    credit: 'Зачёт',
    vpr: 'ВПР',
    mock_oge: 'Пробный ОГЭ',
    mock_ege: 'Пробный ЕГЭ',
    exam: 'Экзамен',
  },
  en: {
    test: 'Test',
    check: 'Check-up test',
    independent: 'Independent work',
    dictation: 'Dictation',
    credit: 'Pass/fail test',
    vpr: 'National check-up (VPR)',
    mock_oge: 'Mock OGE',
    mock_ege: 'Mock EGE',
    exam: 'Exam',
  },
};

/**
 * The name of a kind of planned assessment in the language, capitalised (it heads a line): one
 * wording for the widgets and the server's reminders. An unknown kind is shown as it came.
 *
 * @example
 * assessmentKindName('ru', 'check'); // 'Проверочная работа'
 */
export function assessmentKindName(lang: Lang, kind: string): string {
  return ASSESSMENT_NAMES[lang][kind as AssessmentKind] ?? kind;
}
