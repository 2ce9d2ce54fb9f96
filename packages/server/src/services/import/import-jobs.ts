import type { ImportJob } from '@school-diary/core';
import type { Clock } from '../../clock';
import { DomainError, notFound } from '../domain-error';
import type { ImportProgress } from './import-watch';

/** How long a finished import's status stays readable. */
const KEPT_MS = 15 * 60 * 1000;

interface Entry {
  job: ImportJob;
  readonly controller: AbortController;
  finishedAtMs: number | undefined;
  settled: Promise<unknown>;
}

/** What a running import is given: its stop signal and where to tell its progress. */
export interface JobHandle {
  readonly signal: AbortSignal;
  readonly progress: (progress: ImportProgress) => void;
}

/**
 * The imports of this server process followed by the ids their callers chose: each one's progress
 * while it runs and its outcome for a quarter of an hour after, per school. A cancel stops the
 * import's reading, comparing or writing at the next line or batch; an apply stopped before its
 * commit writes nothing.
 */
export class ImportJobs {
  readonly #clock: Clock;
  readonly #jobs = new Map<string, Entry>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Runs `work` as the job `id` of the school (without an id, only with `abort`); `abort` (the
   * request's end) cancels it too. A job id that is still running is a conflict.
   */
  async run<T>(
    key: { schoolId: string; id: string | undefined; step: ImportJob['step']; fileName: string },
    abort: AbortSignal,
    work: (handle: JobHandle) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const stop = () => controller.abort();
    abort.addEventListener('abort', stop, { once: true });
    if (abort.aborted) stop();
    const entry = key.id === undefined ? undefined : this.#open(key, controller);
    const progress = (p: ImportProgress) => {
      if (entry) entry.job = { ...entry.job, ...p };
    };
    const outcome = (async () => {
      try {
        const result = await work({ signal: controller.signal, progress });
        if (entry) this.#finish(entry, 'done');
        return result;
      } catch (error) {
        const cancelled = error instanceof DomainError && error.code === 'import_cancelled';
        if (entry) this.#finish(entry, cancelled ? 'cancelled' : 'failed');
        throw error;
      } finally {
        abort.removeEventListener('abort', stop);
      }
    })();
    if (entry) entry.settled = outcome.catch(() => undefined);
    return outcome;
  }

  /** The job's status; 404 when the school has no such job (or it finished long ago). */
  status(schoolId: string, id: string): ImportJob {
    this.#prune();
    const entry = this.#jobs.get(`${schoolId}|${id}`);
    if (!entry) throw notFound();
    return entry.job;
  }

  /** Stops a running job and answers once it has stopped (or finished first: then `done`). */
  async cancel(schoolId: string, id: string): Promise<ImportJob> {
    const entry = this.#jobs.get(`${schoolId}|${id}`);
    if (!entry) throw notFound();
    entry.controller.abort();
    await entry.settled;
    return entry.job;
  }

  #open(
    key: { schoolId: string; id: string | undefined; step: ImportJob['step']; fileName: string },
    controller: AbortController,
  ): Entry {
    this.#prune();
    const name = `${key.schoolId}|${key.id}`;
    if (this.#jobs.get(name)?.job.state === 'running') throw new DomainError('conflict');
    const entry: Entry = {
      job: {
        id: key.id ?? '',
        step: key.step,
        state: 'running',
        stage: 'read',
        rowsRead: 0,
        errors: 0,
        applied: 0,
        fileName: key.fileName,
        startedAt: this.#clock.now().toISOString(),
      },
      controller,
      finishedAtMs: undefined,
      settled: Promise.resolve(),
    };
    this.#jobs.set(name, entry);
    return entry;
  }

  #finish(entry: Entry, state: ImportJob['state']): void {
    const now = this.#clock.now();
    entry.finishedAtMs = now.getTime();
    entry.job = { ...entry.job, state, finishedAt: now.toISOString() };
  }

  #prune(): void {
    const now = this.#clock.now().getTime();
    for (const [name, entry] of this.#jobs)
      if (entry.finishedAtMs !== undefined && now - entry.finishedAtMs > KEPT_MS)
        this.#jobs.delete(name);
  }
}
