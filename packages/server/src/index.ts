// @school-diary/server — the reference API server. This file only re-exports.
export { createApp, type AppOptions, type DiaryApp } from './app';
export {
  openDatabase,
  openSqlite,
  type DiaryDatabase,
  type OpenDatabaseOptions,
  type OpenSqliteOptions,
  type SqliteDiaryDatabase,
} from './db/open';
export {
  openPostgres,
  DEFAULT_POOL_SIZE,
  type OpenPostgresOptions,
  type PostgresDiaryDatabase,
} from './db/postgres';
export { DEFAULT_CONFIG, type ServerConfig } from './config';
export { ManualClock, systemClock, type Clock } from './clock';
export type { MessageGateway, OutgoingMessage } from './services/gateway';
export { OutboxGateway } from './services/gateway';
export { DataKeyring, DataKeyError, type DocumentKind } from './services/data-keys';
export { seedDemo, DEMO, DEMO_PASSWORD } from './seed/demo';
