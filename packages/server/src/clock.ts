/** The source of "now" for everything time-dependent (code expiry, lockouts, tokens). */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; tests use it instead of sleeping. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date | string = '2026-11-29T09:00:00.000Z') {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#now += ms;
  }
  /** Sets the clock to an instant. */
  set(at: Date | string): void {
    this.#now = new Date(at).getTime();
  }
}
