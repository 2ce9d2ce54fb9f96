// @school-diary/elements — the widgets. This file only re-exports; importing it registers
// nothing (import '@school-diary/elements/define' for that).
export * from './provider';
export * from './login';
export * from './child-form';
export * from './child-picker';
export * from './grade-table';
export * from './timeline-chart';
export * from './schedule';
export * from './chat';
export * from './notifications';
export * from './application';
export * from './support';
export * from './portfolio';
export * from './homework';
export * from './account';
export * from './attendance';
export * from './journal';
export * from './school-setup';
export * from './news';
export { DiaryElement, type DiaryTheme } from './shared/diary-element';
export { KIT_VERSION, defineElement } from './shared/define';
export type { DiaryErrorsDetail } from './shared/events';
export { plural, formatNumber, type PluralForms } from './shared/plural';
export { formatDate, formatTime } from './shared/dates';
export { resolveLang } from './shared/localize';
export * from './appearance';
