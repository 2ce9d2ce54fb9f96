// CSV writing and the marks export.

export * from './csv.js';
export * from './marks-csv.js';
