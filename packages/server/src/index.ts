// @school-diary/server — the reference API server. This file only re-exports.
export { createApp, type AppOptions, type DiaryApp } from './app';
export { openSqlite, type DiaryDatabase, type OpenSqliteOptions } from './db/open';
export { DEFAULT_CONFIG, type ServerConfig } from './config';
export { ManualClock, systemClock, type Clock } from './clock';
export type { MessageGateway, OutgoingMessage } from './services/gateway';
export { OutboxGateway } from './services/gateway';
export { seedDemo, DEMO, DEMO_PASSWORD } from './seed/demo';
