#!/usr/bin/env node
// The product's main command: the reference server with the demo school world on an embedded
// SQLite file, in dev mode (one-time codes readable at /api/v1/dev/outbox). Extra args pass through.
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const args = [
  `${root}packages/server/bin/school-diary-server.js`,
  '--seed',
  'demo',
  '--dev',
  '--db',
  process.env.DIARY_DB ?? `${root}diary.sqlite`,
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
