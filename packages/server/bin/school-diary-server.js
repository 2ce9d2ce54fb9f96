#!/usr/bin/env node
// The `school-diary-server` command. A published package runs its build (dist/cli.js); a fresh
// clone has no build, so the TypeScript source runs through tsx in a child Node process, with the
// `source` export condition so the workspace packages resolve to their src/ too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
const sourceFile = new URL('../src/cli.ts', import.meta.url);
const args = process.argv.slice(2);

function resolveTsx() {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return undefined;
  }
}

// A checkout (with src/ and tsx) runs the source, so a stale build never hides an edit; a
// published package has only dist/.
const tsxEntry = existsSync(fileURLToPath(sourceFile)) ? resolveTsx() : undefined;

if (!tsxEntry) {
  if (!existsSync(fileURLToPath(built))) {
    console.error(
      'school-diary-server: no build (dist/cli.js) and no tsx to run the source: run `npm ci` or `npm run build`',
    );
    process.exit(1);
  }
  const { main } = await import(built.href);
  process.exitCode = await main(args);
} else {
  const source = fileURLToPath(sourceFile);
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', tsxEntry, source, ...args],
    {
      stdio: 'inherit',
    },
  );
  // The child shares our terminal, so Ctrl+C reaches it directly too; it ignores the repeat.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`school-diary-server: cannot start Node: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
  });
}
