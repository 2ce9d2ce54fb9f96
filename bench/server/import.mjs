#!/usr/bin/env node
// Roster import at a school's scale, in one process over the server's own import pipeline (the
// one `imports.preview`/`imports.apply` and `school-diary-server import` run) on fresh SQLite
// databases: a OneRoster 1.2 bundle and the diary's Russian template (CSV and XLSX) of N pupils in
// classes of at most 30, previewed, applied in one transaction, and applied again (which changes nothing);
// then the year's timetable of those classes in the timetable template (both half-years, 30
// lessons a week each, one teacher per class and slot), the same way.
// Times are reported as ratios to reading the same CSV with core's parser alone, measured in the
// same run; memory as the process's peak resident set so far.
// Usage: node bench/server/import.mjs [--pupils N,N…] [--no-write]   (default 1000,5000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The server's TypeScript sources run through tsx with the workspace's `source` condition.
if (!process.execArgv.includes('--conditions=source')) {
  const args = ['--conditions=source', '--import', 'tsx', ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}

const { default: ExcelJS } = await import('exceljs');
const { default: JSZip } = await import('jszip');
const prettier = await import('prettier');
const { parseCsv } = await import('@school-diary/core');
const server = (path) => import(new URL(`../../packages/server/src/${path}`, import.meta.url).href);
const { openDatabase } = await server('db/open.ts');
const { createSchool } = await server('cli-create-school.ts');
const { runImport } = await server('services/import/run-import.ts');
const { rosterCsv } = await server('services/import/roster-export.ts');
const { timetableCsv } = await server('services/import/timetable-export.ts');
const { systemClock } = await server('clock.ts');
const { randomIds } = await server('ids.ts');

const START = '<!-- bench:server-import:start -->';
const END = '<!-- bench:server-import:end -->';
const DOCS = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const at = process.argv.indexOf('--pupils');
const SIZES = (at >= 0 ? process.argv[at + 1] : '1000,5000').split(',').map(Number);
const write = !process.argv.includes('--no-write');
const YEAR = '2026/2027';
const LETTERS = [...'АБВГДЕЖЗИКЛМНОПРСТУФ'];
const LAST = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Орлов'];
const FIRST = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья'];
const MIDDLE = ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Игоревич', 'Олегович'];

/** Classes 1–11 with as many parallel letters as keep a class at 30 pupils or fewer. */
function classesFor(size) {
  const letters = LETTERS.slice(0, Math.max(4, Math.ceil(size / 11 / 30)));
  const list = [];
  for (let grade = 1; grade <= 11; grade += 1)
    for (const letter of letters)
      list.push({ id: `cls-${grade}${letter}`, name: `${grade}${letter}`, grade });
  return list;
}

function school(size) {
  const classes = classesFor(size);
  return Array.from({ length: size }, (_, n) => {
    const cls = classes[n % classes.length];
    const day = String((n % 28) + 1).padStart(2, '0');
    const month = String((n % 12) + 1).padStart(2, '0');
    return {
      id: `stu-${n + 1}`,
      last: LAST[n % LAST.length],
      first: FIRST[Math.floor(n / LAST.length) % FIRST.length],
      middle: MIDDLE[Math.floor(n / 64) % MIDDLE.length],
      birth: `${2026 - 7 - cls.grade}-${month}-${day}`,
      cls,
      number: Math.floor(n / classes.length) + 1,
    };
  });
}

const csv = (rows) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
function oneRoster(pupils, classes) {
  const zip = new JSZip();
  zip.file(
    'orgs.csv',
    csv([
      ['sourcedId', 'name', 'type'],
      ['org', 'Школа № 999', 'school'],
    ]),
  );
  zip.file(
    'academicSessions.csv',
    csv([
      ['sourcedId', 'title', 'type', 'startDate', 'endDate'],
      ['as', YEAR, 'schoolYear', '2026-09-01', '2027-05-31'],
    ]),
  );
  zip.file(
    'courses.csv',
    csv([
      ['sourcedId', 'title', 'courseCode'],
      ['m', 'Математика', 'Матем.'],
    ]),
  );
  zip.file(
    'classes.csv',
    csv([
      ['sourcedId', 'title', 'grades', 'classCode', 'classType', 'termSourcedIds'],
      ...classes.map((c) => [c.id, c.name, String(c.grade), c.name, 'homeroom', 'as']),
    ]),
  );
  zip.file(
    'users.csv',
    csv([
      ['sourcedId', 'givenName', 'familyName', 'middleName'],
      ...pupils.map((p) => [p.id, p.first, p.last, p.middle]),
    ]),
  );
  zip.file(
    'demographics.csv',
    csv([['sourcedId', 'birthDate'], ...pupils.map((p) => [p.id, p.birth])]),
  );
  zip.file(
    'enrollments.csv',
    csv([
      ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
      ...pupils.map((p) => [`e-${p.id}`, p.cls.id, p.id, 'student']),
    ]),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

function template(pupils) {
  return [
    ['Идентификатор', 'ФИО', 'Дата рождения', 'Класс', 'Номер в списке'],
    ...pupils.map((p) => [
      p.id,
      `${p.last} ${p.first} ${p.middle}`,
      p.birth.split('-').reverse().join('.'),
      p.cls.name,
      String(p.number),
    ]),
  ];
}

const SUBJECTS = [
  ...['Математика', 'Русский язык', 'Литература', 'Английский язык', 'История', 'Биология'],
  ...['География', 'Физика', 'Химия', 'Информатика', 'Физическая культура', 'Музыка'],
];
const HALVES = [
  ['01.09.2026', '31.12.2026'],
  ['01.01.2027', '31.05.2027'],
];
const teacherPhone = (n) => `+7999100${String(n).padStart(4, '0')}`;

/**
 * The year's timetable of the classes: each half-year's week of 30 lessons (Monday to Friday, 1–6)
 * per class; the class `i`'s lesson at slot `s` is taught by teacher `(i + s) mod classes` in
 * their own room, so no teacher is in two places at once. The import takes the half in force.
 */
function timetable(classes) {
  const rows = [
    [
      'Класс',
      'День недели',
      'Урок',
      'Предмет',
      'Учитель',
      'Кабинет',
      'Действует с',
      'Действует по',
    ],
  ];
  HALVES.forEach(([from, to], half) =>
    classes.forEach((c, i) => {
      for (let s = 0; s < 30; s += 1) {
        const teacher = (i + s) % classes.length;
        const subject = SUBJECTS[(i + s + half) % SUBJECTS.length];
        const day = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт'][Math.floor(s / 6)];
        rows.push([
          c.name,
          day,
          String((s % 6) + 1),
          subject,
          teacherPhone(teacher),
          String(100 + teacher),
          from,
          to,
        ]);
      }
    }),
  );
  return rows;
}

/** The school's subjects and a teacher per class, written straight to its tables. */
async function staffAndSubjects(target, classes) {
  const { db } = target.database;
  await db
    .insertInto('subjects')
    .values(
      SUBJECTS.map((name, n) => ({
        id: `sub-${n}`,
        school_id: target.schoolId,
        name,
        short_name: name.slice(0, 5),
      })),
    )
    // The roster's bundle made «Математика» already.
    .onConflict((oc) => oc.doNothing())
    .execute();
  const now = new Date().toISOString();
  for (let n = 0; n < classes.length; n += 100)
    await db
      .insertInto('users')
      .values(
        classes.slice(n, n + 100).map((_, k) => ({
          id: `usr-t${n + k}`,
          role: 'teacher',
          phone: teacherPhone(n + k),
          password_hash: '-',
          last_name: LAST[(n + k) % LAST.length],
          first_name: FIRST[(n + k) % FIRST.length],
          middle_name: `Учителевич${n + k}`,
          school_id: target.schoolId,
          identity_status: 'unconfirmed',
          failed_logins: 0,
          created_at: now,
        })),
      )
      .execute();
}

async function xlsx(rows, name = 'Ученики') {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const peakMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs one step, timed; logs it with the import's counts. */
async function step(name, work) {
  const started = performance.now();
  const report = await work();
  const ms = performance.now() - started;
  const c = report?.counts;
  const what = c ? `+${c.create} ~${c.update} =${c.unchanged} !${c.error}` : '';
  console.log(`${name}: ${fmt(ms)} ms ${what}`);
  if (c && c.error > 0) throw new Error(`${name}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return { name, ms, mb: peakMb() };
}

/** A fresh database with one school; returns its handle and id. */
async function freshSchool(dir, name) {
  const db = join(dir, `${name}.sqlite`);
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
  return { database: await openDatabase(db), schoolId: made.schoolId };
}

async function measure(size, dir) {
  const pupils = school(size);
  const rows = template(pupils);
  const text = '\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
  const lessons = timetable(classesFor(size));
  const files = {
    timetable: new TextEncoder().encode(lessons.map((r) => r.join(';')).join('\r\n') + '\r\n'),
    timetableXlsx: await xlsx(lessons, 'Расписание'),
    bundle: await oneRoster(pupils, classesFor(size)),
    classesOnly: await oneRoster([], classesFor(size)),
    csv: new TextEncoder().encode(text),
    xlsx: await xlsx(rows),
  };
  // The baseline: only reading the template's text with core's CSV parser (best of three).
  const base = { ms: Infinity };
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    parseCsv(text, { delimiter: ';' });
    base.ms = Math.min(base.ms, performance.now() - started);
  }
  const a = await freshSchool(dir, `a${size}`);
  const b = await freshSchool(dir, `b${size}`);
  const s = (database) => ({ db: database.db, clock: systemClock, ids: randomIds });
  // The import reads files from disk as streams, as the server does with an upload.
  const onDisk = (name, bytes) => {
    const path = join(dir, `${size}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };
  const imp = (target, name, bytes, apply) => {
    const path = onDisk(name, bytes);
    return () =>
      runImport(s(target.database), {
        schoolId: target.schoolId,
        file: { name, path },
        lang: 'ru',
        apply,
      });
  };
  try {
    const out = [
      await step('OneRoster bundle: preview', imp(a, 'or.zip', files.bundle, false)),
      await step('OneRoster bundle: apply', imp(a, 'or.zip', files.bundle, true)),
      await step('OneRoster bundle: apply again (no change)', imp(a, 'or.zip', files.bundle, true)),
    ];
    await imp(b, 'classes.zip', files.classesOnly, true)();
    out.push(
      await step('template CSV: preview', imp(b, 'roster.csv', files.csv, false)),
      await step('template CSV: apply', imp(b, 'roster.csv', files.csv, true)),
      await step('template CSV: apply again (no change)', imp(b, 'roster.csv', files.csv, true)),
      await step('template XLSX: preview', imp(b, 'roster.xlsx', files.xlsx, false)),
      await step('export as the template (CSV)', () => rosterCsv(b.database.db, b.schoolId)),
    );
    await staffAndSubjects(b, classesFor(size));
    const tt = `timetable of the year (${fmt(lessons.length - 1)} lines)`;
    out.push(
      await step(`${tt} CSV: preview`, imp(b, 'tt.csv', files.timetable, false)),
      await step(`${tt} CSV: apply`, imp(b, 'tt.csv', files.timetable, true)),
      await step(`${tt} CSV: apply again (no change)`, imp(b, 'tt.csv', files.timetable, true)),
      await step(`${tt} XLSX: preview`, imp(b, 'tt.xlsx', files.timetableXlsx, false)),
      await step('export the timetable (CSV)', () => timetableCsv(b.database.db, b.schoolId)),
    );
    return { size, classes: classesFor(size).length, base, rows: out };
  } finally {
    await a.database.close();
    await b.database.close();
  }
}

async function main() {
  const loadAtStart = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'diary-bench-import-'));
  const results = [];
  try {
    for (const size of SIZES) results.push(await measure(size, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = [
    '| pupils | step | ms | × parsing the CSV | peak memory MB |',
    '| --- | --- | --- | --- | --- |',
    ...results.flatMap((r) => [
      `| ${fmt(r.size)} in ${r.classes} classes | core's \`parseCsv\` of the template (baseline) | ${fmt(r.base.ms, 1)} | 1 | |`,
      ...r.rows.map(
        (x) =>
          `| ${fmt(r.size)} in ${r.classes} classes | ${x.name} | ${fmt(x.ms)} | ${fmt(x.ms / r.base.ms)} | ${fmt(x.mb)} |`,
      ),
    ]),
  ].join('\n');
  console.log(`\n${table}\n`);
  if (write) await writeSection(table, loadAtStart);
}

async function writeSection(table, loadAtStart) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const body = [
    START,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}, ` +
      'SQLite; classes 1–11 with as many parallel letters as keep a class at 30 pupils or fewer. ' +
      "Peak memory is the process's maximum resident " +
      'set so far (it only grows, so a row shows the most any step up to it needed). The ' +
      `machine's load average was ${fmt(loadAtStart, 1)} when the run started (other jobs share ` +
      'these cores; above 2 every figure is depressed and noisy).',
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
      : `${text.trimEnd()}\n\n## Roster import at a school's scale\n\n` +
        '`node bench/server/import.mjs [--pupils 1000,5000]`. A OneRoster bundle and the roster ' +
        "template (CSV, XLSX) of a whole school, then the year's timetable of its classes in the " +
        'timetable template (CSV, XLSX: two half-years of 30 lessons a week per class, the half in ' +
        'force imported), through the server’s one import pipeline on fresh ' +
        'SQLite databases: previewed, applied in one transaction, and applied again (nothing ' +
        `changes).\n\n${body}\n`;
  const options = (await prettier.resolveConfig(DOCS)) ?? {};
  writeFileSync(DOCS, await prettier.format(next, { ...options, filepath: DOCS }));
  console.log('written to docs/benchmarks.md');
}

await main();
