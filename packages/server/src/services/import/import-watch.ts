import { DomainError } from '../domain-error';

/** The steps of an import: reading the file, comparing it with the school, writing it. */
export type ImportStage = 'read' | 'planned' | 'applying' | 'applied';

/** Where an import is: the data lines read, the errors found and the records written so far. */
export interface ImportProgress {
  readonly stage: ImportStage;
  readonly rowsRead: number;
  readonly errors: number;
  readonly applied: number;
}

/** How often, in data lines read or records written, progress is told. */
const EVERY = 500;

/**
 * Follows one import: counts what it has read and written, tells its progress every
 * {@link EVERY} lines (and at each stage), and stops it with `import_cancelled` as soon as its
 * signal is aborted — before the apply's transaction commits, so a cancelled import writes nothing.
 */
export class ImportWatch {
  readonly #signal: AbortSignal | undefined;
  readonly #tell: ((progress: ImportProgress) => void) | undefined;
  #stage: ImportStage = 'read';
  #rowsRead = 0;
  #errors = 0;
  #applied = 0;

  constructor(signal?: AbortSignal, tell?: (progress: ImportProgress) => void) {
    this.#signal = signal;
    this.#tell = tell;
  }

  /** Throws `import_cancelled` when the import was cancelled. */
  check(): void {
    if (this.#signal?.aborted) throw new DomainError('import_cancelled');
  }

  /** One more data line read, with the errors found so far. */
  read(errors: number): void {
    this.#rowsRead += 1;
    this.#errors = errors;
    if (this.#rowsRead % EVERY === 0) this.#report();
    this.check();
  }

  /** The import has reached `stage` (once `applied`, it is written and can no longer stop). */
  stage(stage: ImportStage, errors = this.#errors): void {
    this.#stage = stage;
    this.#errors = errors;
    this.#report();
    if (stage !== 'applied') this.check();
  }

  /** `count` more records written. */
  wrote(count: number): void {
    const before = this.#applied;
    this.#applied += count;
    if (Math.floor(before / EVERY) !== Math.floor(this.#applied / EVERY)) this.#report();
    this.check();
  }

  #report(): void {
    this.#tell?.({
      stage: this.#stage,
      rowsRead: this.#rowsRead,
      errors: this.#errors,
      applied: this.#applied,
    });
  }
}
