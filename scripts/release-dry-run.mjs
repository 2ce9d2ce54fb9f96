#!/usr/bin/env node
// A release rehearsal, run by CI after `npm run build`: on a throw-away copy of the workspace,
// `changeset version` applies the pending changesets; each package is packed with `npm pack`;
// the tarballs are installed into a fresh project (with react, @types/react and @lit/react at the
// lockfile's versions), which strictly type-checks a file importing every package's entry points
// and a TSX file using the React wrappers and JSX types, under `moduleResolution: bundler` and
// `nodenext` (any error fails), and runs the pure entry points. publint and @arethetypeswrong/cli
// check every tarball first; either reporting anything fails. Nothing in the repository changes.
//
//   node scripts/release-dry-run.mjs [--keep]     (--keep leaves the temp folder for a look)
import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const started = performance.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };

function run(command, args, cwd, options = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      env: npmEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
  } catch (error) {
    const out = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${out}`, { cause: error });
  }
}

/** Runs a linter; its exit code and everything it printed (a finding is not a crash here). */
function lintTarball(command, args) {
  try {
    return {
      code: 0,
      output: run(command, args, root, { stdio: ['ignore', 'pipe', 'pipe'] }).trim(),
    };
  } catch (error) {
    const { status, stdout = '', stderr = '' } = error.cause ?? {};
    return { code: status ?? 1, output: `${stdout}${stderr}`.trim() };
  }
}

function step(label) {
  console.log(`== ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

// What a first-time user of each package writes; every import must resolve to the tarball's types.
const CHECK_SOURCE = `
import { routes, validate, childInputSchema, weightedAverage, type Child, type Mark } from '@school-diary/core';
import { buildOpenApiDocument } from '@school-diary/server/openapi';
import { createDiaryClient, DiaryApiError, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, demoFixtures, MEMORY_CODE, type MemoryClient } from '@school-diary/sdk/testing';
import { DiaryProvider, DiaryLogin, DiaryChildForm } from '@school-diary/elements';
import '@school-diary/elements/define/login';
import { createApp } from '@school-diary/server';

const client: DiaryClient = createDiaryClient({ baseUrl: 'https://diary.example' });
const memory: MemoryClient = createMemoryClient({ fixtures: demoFixtures(), language: 'en' });
const marks: Promise<{ items: Mark[] }> = memory.grades.list({ childId: 'chd_maria' });
const child: Promise<Child> = client.children.get({ childId: 'chd_maria' });
const checked = validate(childInputSchema, { lastName: 'Иванова' }, 'ru');
const average: number | null = weightedAverage([{ value: 5, weight: 2 }, { value: 4, weight: 1 }]);
const login: HTMLElement = document.createElement('diary-login');
const provider: typeof DiaryProvider = DiaryProvider;
export const used = [client, marks, child, checked, average, routes, buildOpenApiDocument, DiaryApiError,
  MEMORY_CODE, login, provider, DiaryLogin, DiaryChildForm, createApp];
`;

// What a React app writes: the all-in-one and per-element `@lit/react` wrappers (props, typed
// event handlers) and the `./jsx` intrinsic elements. Each `@ts-expect-error` fails the check if
// the line below it ever type-checks, so the types are known to reject wrong props too.
const REACT_CHECK_SOURCE = `
import type {} from '@school-diary/elements/jsx';
import type { DiaryLoginDetail, DiaryPeriodChangeDetail } from '@school-diary/elements';
import { DiaryProvider, DiaryLogin } from '@school-diary/elements/react';
import { DiaryGradeTable } from '@school-diary/elements/react/grade-table';
import { DiarySchedule } from '@school-diary/elements/react/schedule';
import { DiaryChildForm } from '@school-diary/elements/react/child-form';
import { createDiaryClient } from '@school-diary/sdk';

const client = createDiaryClient({ baseUrl: 'https://diary.example' });

export function Diary({ childId }: { childId: string }) {
  const onLogin = (event: CustomEvent<DiaryLoginDetail>): string => event.detail.user.id;
  return (
    <DiaryProvider client={client} lang="en">
      <DiaryLogin onDiaryLogin={onLogin} onDiaryErrors={(event) => event.detail.titlePrefix} />
      <DiaryGradeTable
        childId={childId}
        threshold={3.5}
        onDiaryPeriodChange={(event) => {
          const period: string = event.detail.period;
          return period;
        }}
      />
      <DiarySchedule layout="week" />
      <DiaryChildForm searchDelay={300} />
    </DiaryProvider>
  );
}

export const bareTags = (
  <diary-provider base-url="https://diary.example" lang="ru" session="memory">
    <diary-login step="credentials" ondiary-login={(event) => event.detail.user.id} />
    <diary-grade-table child-id="chd_maria" threshold={3} ondiary-period-change={(event) => event.detail.period} />
    <diary-timeline-chart child-id="chd_maria" />
  </diary-provider>
);

export const rejected = [
  // @ts-expect-error threshold is a number
  <DiaryGradeTable threshold="high" />,
  // @ts-expect-error the grade table has no onDiaryLogin event
  <DiaryGradeTable onDiaryLogin={() => undefined} />,
  // @ts-expect-error the handler receives CustomEvent<DiaryLoginDetail>
  <DiaryLogin onDiaryLogin={(event: CustomEvent<DiaryPeriodChangeDetail>) => event} />,
  // @ts-expect-error layout is one of 'auto' | 'week' | 'day'
  <DiarySchedule layout="sideways" />,
  // @ts-expect-error threshold is a number on the bare tag too
  <diary-grade-table threshold="high" />,
  // @ts-expect-error no such tag in the kit
  <diary-unknown />,
];
`;

// Node runs what needs no browser and no native module: core's validators and the SDK's memory client.
const RUN_SOURCE = `
import { validate, childInputSchema } from '@school-diary/core';
import { createMemoryClient } from '@school-diary/sdk/testing';
const bad = validate(childInputSchema, { lastName: '' }, 'en');
if (bad.ok) throw new Error('an empty child card validated');
const client = createMemoryClient();
const { items } = await client.children.list();
client.close();
if (items.length === 0) throw new Error('the memory client served no children');
console.log('   core rejects a bad card (' + bad.errors.length + ' field errors); the SDK lists ' + items.length + ' children');
`;

const packageDirs = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter(
    (dir) => existsSync(join(dir, 'package.json')) && !readJson(join(dir, 'package.json')).private,
  );
for (const dir of packageDirs)
  if (!existsSync(join(dir, 'dist')))
    throw new Error(`${dir}/dist is missing: run \`npm run build\` first`);

const work = mkdtempSync(join(tmpdir(), 'diary-release-'));
try {
  // 1. A throw-away copy: root manifest, changesets, and each package's published files.
  step(`copy the workspace to ${work}`);
  cpSync(join(root, 'package.json'), join(work, 'package.json'));
  cpSync(join(root, '.changeset'), join(work, '.changeset'), { recursive: true });
  const before = new Map();
  for (const dir of packageDirs) {
    const manifest = readJson(join(dir, 'package.json'));
    before.set(manifest.name, manifest.version);
    const [{ files }] = JSON.parse(
      run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], dir),
    );
    const target = join(work, 'packages', dir.split('/').pop());
    for (const { path } of files) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      cpSync(join(dir, path), join(target, path));
    }
    for (const extra of ['CHANGELOG.md'])
      if (existsSync(join(dir, extra))) cpSync(join(dir, extra), join(target, extra));
  }

  // 2. The version bump the next release would make.
  step('changeset version');
  const pending = readdirSync(join(work, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  run(bin('changeset'), ['version'], work);
  const bumped = [];
  for (const dir of readdirSync(join(work, 'packages'))) {
    const manifest = readJson(join(work, 'packages', dir, 'package.json'));
    const from = before.get(manifest.name);
    if (from !== manifest.version) bumped.push(`${manifest.name} ${from} -> ${manifest.version}`);
    for (const [dep, range] of Object.entries(manifest.dependencies ?? {}))
      if (dep.startsWith('@school-diary/') && range.startsWith('workspace:'))
        throw new Error(`${manifest.name} depends on ${dep}@${range}, which npm cannot install`);
  }
  if (pending.length > 0 && bumped.length === 0)
    throw new Error(`${pending.length} changesets are pending but no package version changed`);
  if (readdirSync(join(work, '.changeset')).some((f) => pending.includes(f)))
    throw new Error('changeset version left consumed changesets behind');
  console.log(
    bumped.length ? bumped.map((b) => `   ${b}`).join('\n') : '   (no pending changesets)',
  );

  // 3. A tarball per package, as `npm publish` would upload it.
  step('npm pack');
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  for (const dir of readdirSync(join(work, 'packages'))) {
    const [{ filename, size, entryCount }] = JSON.parse(
      run(
        'npm',
        ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs],
        join(work, 'packages', dir),
      ),
    );
    console.log(`   ${filename}: ${entryCount} files, ${(size / 1024).toFixed(1)} KiB`);
  }

  // 4. publint (package.json, exports, files) and Are the Types Wrong (each entry's types as
  // TypeScript resolves them) on every tarball: both must report nothing, not even a suggestion.
  // The packages are ESM only, so attw checks them with its `esm-only` profile (Node 16+ ESM and
  // bundlers), not against CommonJS resolution they do not offer.
  step('publint and attw on every tarball');
  const findings = [];
  for (const tarball of readdirSync(tarballs).map((f) => join(tarballs, f))) {
    const name = tarball.split('/').pop();
    const lint = lintTarball(bin('publint'), ['run', tarball, '--level', 'suggestion']);
    if (!/All good/.test(lint.output) || lint.code !== 0)
      findings.push(`publint ${name}:\n${lint.output}`);
    // attw exits 1 on any problem under the profile; its table then says which.
    const types = lintTarball(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-color',
      '--no-emoji',
    ]);
    if (types.code !== 0) findings.push(`attw ${name}:\n${types.output}`);
    console.log(
      `   ${name}: publint ${findings.some((f) => f.startsWith(`publint ${name}`)) ? 'found problems' : 'all good'}, attw ${types.code === 0 ? 'no problems' : 'found problems'}`,
    );
  }
  if (findings.length) throw new Error(findings.join('\n\n'));

  // 5. A fresh project that installs the tarballs and imports every package.
  step('install the tarballs into a fresh project');
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'diary-release-check', private: true, type: 'module' }, null, 2),
  );
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  // React as an app has it, at the versions the repository is tested with (its lockfile).
  const lock = readJson(join(root, 'package-lock.json'));
  const reactPackages = ['react', '@types/react', '@lit/react'].map((name) => {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`package-lock.json has no ${name}: run npm install`);
    return `${name}@${version}`;
  });
  console.log(`   with ${reactPackages.join(', ')}`);
  // Install scripts are skipped: the check needs types and pure modules, not a compiled SQLite.
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--prefer-offline',
      '--no-package-lock',
      ...files,
      ...reactPackages,
    ],
    app,
  );
  // `bundler` is how sites and apps with Vite, webpack or esbuild resolve; `nodenext` is plain
  // Node ESM, which also demands file extensions in the declarations' relative imports. Both are
  // strict and check the libraries' declarations too (no skipLibCheck): an import in a published
  // `.d.ts` that does not resolve is an error, not a silent `any`.
  for (const resolution of ['bundler', 'nodenext'])
    writeFileSync(
      join(app, `tsconfig.${resolution}.json`),
      JSON.stringify(
        {
          compilerOptions: {
            target: 'es2022',
            module: resolution === 'bundler' ? 'preserve' : 'nodenext',
            moduleResolution: resolution,
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            noErrorTruncation: true,
            jsx: 'react-jsx',
            lib: ['es2022', 'dom', 'dom.iterable'],
            types: ['node'],
          },
          files: ['check.ts', 'check-react.tsx'],
        },
        null,
        2,
      ),
    );
  cpSync(
    join(root, 'node_modules', '@types', 'node'),
    join(app, 'node_modules', '@types', 'node'),
    { recursive: true },
  );
  cpSync(join(root, 'node_modules', 'undici-types'), join(app, 'node_modules', 'undici-types'), {
    recursive: true,
  });
  writeFileSync(join(app, 'check.ts'), CHECK_SOURCE);
  writeFileSync(join(app, 'check-react.tsx'), REACT_CHECK_SOURCE);
  writeFileSync(join(app, 'run.mjs'), RUN_SOURCE);

  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  // The two checks run side by side (CI has two cores): together about as long as one.
  step('type-check every entry point and the React TSX (moduleResolution: bundler and nodenext)');
  const results = await Promise.all(
    ['bundler', 'nodenext'].map(async (resolution) => {
      const checkStarted = performance.now();
      const { code, output } = await new Promise((done) =>
        execFile(
          process.execPath,
          [tsc, '-p', `tsconfig.${resolution}.json`],
          { cwd: app, env: npmEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) =>
            done({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
        ),
      );
      const seconds = ((performance.now() - checkStarted) / 1000).toFixed(1);
      return { resolution, code, output, seconds };
    }),
  );
  for (const { resolution, code, output, seconds } of results) {
    if (code === 0) {
      console.log(`   ${resolution}: no errors (${seconds} s)`);
      continue;
    }
    const errors = output.match(/\S+\(\d+,\d+\): error TS\d+: [^\n]*/g) ?? [];
    throw new Error(
      `${errors.length || 'some'} type errors under moduleResolution ${resolution}:\n` +
        `${(errors.length ? errors : [output.trim()]).slice(0, 20).join('\n')}`,
    );
  }
  step('run the pure entry points from the installed tarballs');
  process.stdout.write(run(process.execPath, ['run.mjs'], app));
  step('release dry run passed');
} finally {
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
