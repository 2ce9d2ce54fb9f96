// Every group's routes in one module, so that a client's first call loads zod and all schemas as
// one chunk: one request on a slow connection instead of a waterfall of group and entity chunks,
// and less in total, since one chunk compresses as a whole.
export * as auth from './auth';
export * as admin from './admin';
export * as children from './children';
export * as schools from './schools';
export * as classes from './classes';
export * as applications from './applications';
export * as grades from './grades';
export * as thresholds from './thresholds';
export * as schedule from './schedule';
export * as homework from './homework';
export * as attendance from './attendance';
export * as threads from './threads';
export * as attachments from './attachments';
export * as notifications from './notifications';
export * as portfolio from './portfolio';
export * as news from './news';
export * as notes from './notes';
export * as support from './support';
export * as audit from './audit';
export * as events from './events';
export * as dev from './dev';
