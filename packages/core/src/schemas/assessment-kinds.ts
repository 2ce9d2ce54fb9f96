// The kinds of planned assessment: plain data without zod, so a widget can label them without
// loading the schemas (assessment.ts builds those on them).

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
