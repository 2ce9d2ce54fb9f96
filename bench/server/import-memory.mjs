#!/usr/bin/env node
// Memory of a roster import preview of a large file, one format per fresh process: the roster
// template as CSV and XLSX and a OneRoster 1.2 bundle of N pupils (default 5,000 and 100,000, the
// latter tens of MB), each previewed through the server's import pipeline on a fresh SQLite
// database. Reported: the process's resident set once the modules are loaded and the school set up
// (the floor), its peak during the preview, and the difference — what the import itself needed.
// Usage: node bench/server/import-memory.mjs [--pupils N,N…] [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (!process.execArgv.includes('--conditions=source')) {
  const args = ['--conditions=source', '--import', 'tsx', ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}

const START = '<!-- bench:server-import-memory:start -->';
const END = '<!-- bench:server-import-memory:end -->';
const DOCS = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const YEAR = '2026/2027';
const LETTERS = [...'АБВГДЕЖЗИКЛМНОПРСТУФ'];
const LAST = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Орлов'];
const FIRST = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья'];
const MIDDLE = ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Игоревич', 'Олегович'];
const CLASSES = [];
for (let grade = 1; grade <= 11; grade += 1)
  for (const letter of LETTERS)
    CLASSES.push({ id: `cls-${grade}${letter}`, name: `${grade}${letter}`, grade });

const server = (path) => import(new URL(`../../packages/server/src/${path}`, import.meta.url).href);
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const peak = () => process.resourceUsage().maxRSS * 1024;

function pupil(n) {
  const cls = CLASSES[n % CLASSES.length];
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return {
    id: `stu-${n + 1}`,
    last: LAST[n % LAST.length],
    first: FIRST[Math.floor(n / LAST.length) % FIRST.length],
    middle: MIDDLE[Math.floor(n / 64) % MIDDLE.length],
    birth: `${2026 - 7 - cls.grade}-${month}-${day}`,
    cls,
  };
}

const csvText = (rows) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function bundle(size) {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const pupils = Array.from({ length: size }, (_, n) => pupil(n));
  zip.file(
    'academicSessions.csv',
    csvText([
      ['sourcedId', 'title', 'type', 'startDate', 'endDate'],
      ['as', YEAR, 'schoolYear', '2026-09-01', '2027-05-31'],
    ]),
  );
  zip.file(
    'classes.csv',
    csvText([
      ['sourcedId', 'title', 'grades', 'classCode', 'classType', 'termSourcedIds'],
      ...CLASSES.map((c) => [c.id, c.name, String(c.grade), c.name, 'homeroom', 'as']),
    ]),
  );
  zip.file(
    'users.csv',
    csvText([
      ['sourcedId', 'givenName', 'familyName', 'middleName'],
      ...pupils.map((p) => [p.id, p.first, p.last, p.middle]),
    ]),
  );
  zip.file(
    'demographics.csv',
    csvText([['sourcedId', 'birthDate'], ...pupils.map((p) => [p.id, p.birth])]),
  );
  zip.file(
    'enrollments.csv',
    csvText([
      ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
      ...pupils.map((p) => [`e-${p.id}`, p.cls.id, p.id, 'student']),
    ]),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function templateRows(size) {
  const rows = [['Идентификатор', 'ФИО', 'Дата рождения', 'Класс', 'Учебный год']];
  for (let n = 0; n < size; n += 1) {
    const p = pupil(n);
    rows.push([
      p.id,
      `${p.last} ${p.first} ${p.middle}`,
      p.birth.split('-').reverse().join('.'),
      p.cls.name,
      YEAR,
    ]);
  }
  return rows;
}

async function writeFiles(size, dir) {
  const { default: ExcelJS } = await import('exceljs');
  const rows = templateRows(size);
  const files = {
    classes: join(dir, `classes.zip`),
    csv: join(dir, `roster-${size}.csv`),
    xlsx: join(dir, `roster-${size}.xlsx`),
    oneroster: join(dir, `oneroster-${size}.zip`),
  };
  writeFileSync(files.classes, await bundle(0));
  writeFileSync(files.csv, '\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: files.xlsx });
  const sheet = book.addWorksheet('Ученики');
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  writeFileSync(files.oneroster, await bundle(size));
  return files;
}

/** In a child process: one preview of one file, with the memory before and during it. */
async function child(format, file, classes, db) {
  const { openDatabase } = await server('db/open.ts');
  const { createSchool } = await server('cli-create-school.ts');
  const { runImport } = await server('services/import/run-import.ts');
  const { systemClock } = await server('clock.ts');
  const { randomIds } = await server('ids.ts');
  const made = await createSchool({
    db,
    code: '770999',
    name: 'Школа № 999',
    shortName: 'Школа № 999',
    region: '',
    address: '',
    timeZone: 'Europe/Moscow',
    admin: { phone: '+79999990001', lastName: 'Орлова', firstName: 'Анна', middleName: null },
    password: 'bench school admin passphrase',
  });
  const database = await openDatabase(db);
  const s = { db: database.db, clock: systemClock, ids: randomIds };
  const run = (path, apply) =>
    runImport(s, {
      schoolId: made.schoolId,
      file: { name: path.split('/').at(-1), path },
      lang: 'ru',
      apply,
    });
  if (format !== 'oneroster') await run(classes, true);
  globalThis.gc?.();
  const floor = process.memoryUsage().rss;
  const before = peak();
  const started = performance.now();
  const report = await run(file, false);
  const ms = performance.now() - started;
  await database.close();
  process.stdout.write(
    JSON.stringify({
      floor,
      before,
      peak: peak(),
      ms,
      rows: report.rowsRead,
      errors: report.counts.error,
    }),
  );
}

async function main() {
  const at = process.argv.indexOf('--pupils');
  const sizes = (at >= 0 ? process.argv[at + 1] : '5000,100000').split(',').map(Number);
  const loadAtStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'diary-bench-import-memory-'));
  const lines = [];
  try {
    for (const size of sizes) {
      const files = await writeFiles(size, dir);
      for (const format of ['csv', 'xlsx', 'oneroster']) {
        const db = join(dir, `${format}-${size}.sqlite`);
        const out = spawnSync(
          process.execPath,
          [
            ...process.execArgv,
            '--expose-gc',
            fileURLToPath(import.meta.url),
            '--child',
            format,
            files[format],
            files.classes,
            db,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        if (out.status !== 0) throw new Error(`${format} ${size}: ${out.stderr}`);
        const r = JSON.parse(out.stdout);
        if (r.errors > 0 || r.rows < size) throw new Error(`${format} ${size}: ${out.stdout}`);
        const row = `| ${size.toLocaleString('en-US')} | ${format} | ${mb(statSync(files[format]).size * 10) / 10} | ${Math.round(r.ms).toLocaleString('en-US')} | ${mb(r.floor)} | ${mb(r.peak)} | ${mb(r.peak - Math.max(r.floor, 0))} |`;
        console.log(row);
        lines.push(row);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = [
    '| pupils | file | MB | preview ms | resident set before, MB | peak during the preview, MB | the preview’s own, MB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
  console.log(`\n${table}\n`);
  if (!process.argv.includes('--no-write')) await writeSection(table, loadAtStart);
}

async function writeSection(table, loadAtStart) {
  const prettier = await import('prettier');
  const body = [
    START,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, SQLite; ` +
      `load average ${loadAtStart.toFixed(1)} at the start. Each row is a fresh process.`,
    '',
    table,
    '',
    END,
  ].join('\n');
  const text = readFileSync(DOCS, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + body + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n## Memory of a large roster import\n\n` +
        '`node bench/server/import-memory.mjs [--pupils 5000,100000]`. One preview per fresh process ' +
        'of the roster template (CSV, XLSX) and of a OneRoster bundle; the import reads the file as a ' +
        `stream, so what it needs grows with the records it keeps, not with the file's bytes.\n\n${body}\n`;
  const options = (await prettier.resolveConfig(DOCS)) ?? {};
  writeFileSync(DOCS, await prettier.format(next, { ...options, filepath: DOCS }));
  console.log('written to docs/benchmarks.md');
}

const c = process.argv.indexOf('--child');
if (c >= 0) await child(...process.argv.slice(c + 1, c + 5));
else await main();
