import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../clock';
import { randomIds } from '../../ids';
import { DEMO } from '../../seed/demo';
import { startTestServer, type TestServer } from '../../testing/harness';
import { DomainError } from '../domain-error';
import { OutboxGateway } from '../gateway';
import { ImportJobs } from './import-jobs';
import { runImport, type ImportProgress } from './run-import';

const SCHOOL = DEMO.schools.school42.id;
const PUPILS = 1_200;

/** A promise the test's job resolves once it runs, so the test cancels it mid-way. */
const started = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open: () => open(), opened };
};

describe('a long import tells its progress and stops when cancelled, writing nothing', () => {
  let server: TestServer;
  let dir: string;
  let path: string;

  before(async () => {
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'diary-import-cancel-'));
    path = join(dir, 'roster.csv');
    const lines = ['Идентификатор;ФИО;Дата рождения;Класс'];
    for (let n = 1; n <= PUPILS; n += 1)
      lines.push(`ОТМ-${n};Отменова Вера ${n % 2 ? 'Ивановна' : 'Петровна'};01.02.2016;5А`);
    await writeFile(path, '\uFEFF' + lines.join('\r\n') + '\r\n');
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const rosterCount = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('roster')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('school_id', '=', SCHOOL)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = (
    apply: boolean,
    stopWhen: (p: ImportProgress) => boolean,
    seen: ImportProgress[],
  ) => {
    const controller = new AbortController();
    return runImport(
      {
        db: server.database.db,
        clock: server.clock,
        ids: randomIds,
        gateway: new OutboxGateway(server.database.db, server.clock),
      },
      {
        schoolId: SCHOOL,
        file: { name: 'roster.csv', path },
        lang: 'ru',
        apply,
        signal: controller.signal,
        progress: (p) => {
          seen.push(p);
          if (stopWhen(p)) controller.abort();
        },
      },
    );
  };
  const cancelled = (error: unknown) =>
    error instanceof DomainError && error.code === 'import_cancelled';

  it('reports lines read as it reads, and a cancel while reading stops at the next line', async () => {
    const seen: ImportProgress[] = [];
    await assert.rejects(
      run(false, (p) => p.rowsRead >= 500, seen),
      cancelled,
    );
    assert.deepEqual(
      seen.map((p) => [p.stage, p.rowsRead]),
      [['read', 500]],
    );
  });

  it('an apply cancelled after writing its first batch rolls everything back', async () => {
    const before = await rosterCount();
    const seen: ImportProgress[] = [];
    await assert.rejects(
      run(true, (p) => p.stage === 'applying' && p.applied > 0, seen),
      cancelled,
    );
    assert.ok(
      seen.some((p) => p.stage === 'applying' && p.applied >= 500),
      JSON.stringify(seen),
    );
    assert.equal(await rosterCount(), before, 'nothing of the cancelled apply is kept');
    const done: ImportProgress[] = [];
    const report = await run(true, () => false, done);
    assert.equal(report.applied, true);
    assert.deepEqual(
      done.filter((p) => p.stage !== 'read' && p.stage !== 'applying').map((p) => p.stage),
      ['planned', 'applied'],
    );
    assert.equal(done.at(-1)?.applied, PUPILS);
    assert.equal(await rosterCount(), before + PUPILS);
  });
});

describe('import jobs', () => {
  it('answers a cancel once the job has stopped, and keeps its outcome for a while', async () => {
    const clock = new ManualClock();
    const jobs = new ImportJobs(clock);
    const { open, opened } = started();
    const key = { schoolId: 'sch_1', id: 'job-1', step: 'apply' as const, fileName: 'r.csv' };
    const running = jobs.run(key, new AbortController().signal, async (job) => {
      job.progress({ stage: 'read', rowsRead: 500, errors: 2, applied: 0 });
      open();
      await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
      throw new DomainError('import_cancelled');
    });
    await opened;
    assert.deepEqual(
      (({ state, rowsRead, errors }) => ({ state, rowsRead, errors }))(
        jobs.status('sch_1', 'job-1'),
      ),
      { state: 'running', rowsRead: 500, errors: 2 },
    );
    await assert.rejects(
      jobs.run(key, new AbortController().signal, async () => 0),
      (e: unknown) => e instanceof DomainError && e.code === 'conflict',
    );
    assert.equal((await jobs.cancel('sch_1', 'job-1')).state, 'cancelled');
    await assert.rejects(running);
    assert.throws(() => jobs.status('sch_2', 'job-1'), /not_found/);
    clock.advance(16 * 60 * 1000);
    assert.throws(() => jobs.status('sch_1', 'job-1'), /not_found/);
  });

  it('stops a job whose caller went away', async () => {
    const jobs = new ImportJobs(new ManualClock());
    const gone = new AbortController();
    const running = jobs.run(
      { schoolId: 's', id: undefined, step: 'preview', fileName: 'r.csv' },
      gone.signal,
      (job) =>
        new Promise((_, reject) =>
          job.signal.addEventListener('abort', () => reject(new DomainError('import_cancelled'))),
        ),
    );
    gone.abort();
    await assert.rejects(running, (e: unknown) => e instanceof DomainError);
  });
});
