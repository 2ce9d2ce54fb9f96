import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './cli';
import { IMPORT_FIXTURES, zipFolder } from './testing/import-files';

describe('school-diary-server import and export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diary-import-'));
  const db = join(dir, 'fresh.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (args: readonly string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([...args, '--db', db], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('previews, applies and re-applies a OneRoster bundle on a fresh school, then exports it', async () => {
    const made = await run([
      ...['create-school', '--code', '770777', '--name', 'Школа № 777'],
      ...['--admin-phone', '+79997770001', '--admin-last-name', 'Орлова'],
      ...['--admin-first-name', 'Татьяна'],
    ]);
    assert.equal(made.code, 0, made.err);
    const bundle = join(dir, 'oneroster.zip');
    writeFileSync(bundle, await zipFolder(`${IMPORT_FIXTURES}oneroster`));
    const preview = await run(['import', '--school', '770777', bundle]);
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /18 to create, 0 to change, 0 unchanged, 0 with errors/);
    assert.match(preview.out, /^school year 2026\/2027 \(as-2027\): to create$/m);
    assert.match(preview.out, /^period IV четверть \(as-2027-q4\): to create$/m);
    assert.match(preview.out, /Preview only/);
    assert.match(preview.err, /read: \d+ lines read, 0 errors, 0 records written so far/);
    const applied = await run(['import', '--school', '770777', bundle, '--apply']);
    assert.match(applied.out, /Applied\./, applied.err);
    const again = await run(['import', '--school', '770777', bundle, '--apply']);
    assert.match(again.out, /0 to create, 0 to change, 18 unchanged/);
    assert.doesNotMatch(again.out, /school year|period/);

    const csv = join(dir, 'roster.csv');
    const exported = await run(['export', '--school', '770777', '--to', csv]);
    assert.equal(exported.out, `Wrote 3 pupils to ${csv}.`);
    assert.match(readFileSync(csv, 'utf8'), /usr-s3;Никитина Ева;19\.07\.2011;9Д;2026\/2027/);
    const back = await run(['import', '--school', '770777', csv]);
    assert.match(back.out, /0 to create, 0 to change, 3 unchanged, 0 with errors/);
    const zip = join(dir, 'export.zip');
    assert.equal((await run(['export', '--school', '770777', '--to', zip])).code, 0);
    const bundleBack = await run(['import', '--school', '770777', zip]);
    assert.match(
      bundleBack.out,
      /oneroster: .*0 to create, 0 to change, 19 unchanged, 0 with errors/,
    );
  });

  it('imports a timetable into the classes it made, dry run first, and exports it back', async () => {
    const file = join(dir, 'timetable.csv');
    writeFileSync(
      file,
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет\n' +
        '6Г;Пн;1;Астрономия;Орлова Татьяна;12\n9Д;Пн;1;Черчение;+7 999 777-00-01;12\n',
    );
    const dry = await run(['import', '--school', '770777', file, '--dry-run']);
    assert.match(dry.out, /timetable_csv: 2 lines; 2 to create/, dry.err);
    assert.match((await run(['import', '--school', '770777', file, '--apply'])).out, /Applied\./);
    const out = join(dir, 'timetable-export.xlsx');
    const exported = await run(['export', '--school', '770777', '--to', out, '--timetable']);
    assert.equal(exported.out, `Wrote 2 lessons to ${out}.`, exported.err);
    const back = await run(['import', '--school', '770777', out]);
    assert.match(back.out, /timetable_xlsx: 2 lines; 0 to create, 0 to change, 2 unchanged/);
  });

  it('prints each error with its line and column, exits 1 and writes nothing', async () => {
    const res = await run([
      ...['import', '--school', '770777', `${IMPORT_FIXTURES}roster-errors.csv`],
      ...['--apply', '--lang', 'en'],
    ]);
    assert.equal(res.code, 1);
    assert.match(res.out, /roster-errors\.csv:4 \[Класс\]: The school has no class “5Я”/);
    assert.match(res.out, /Nothing was changed/);
    const bad = await run(['import', 'x.csv']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--school/);
  });
});
