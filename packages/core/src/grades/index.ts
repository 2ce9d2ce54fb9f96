// Grade maths: averages, final marks, period summaries, trends, year comparison, marks needed.

export * from './work-kinds.js';
export * from './mark-text.js';
export * from './grade-average.js';
export * from './final-mark.js';
export * from './period-summary.js';
export * from './grade-trend.js';
export * from './year-comparison.js';
export * from './marks-needed.js';
export * from './mark-threshold.js';
