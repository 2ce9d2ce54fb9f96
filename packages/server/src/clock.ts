import { todayIn } from '@school-diary/core';

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
/**
 * The wall-clock minute of an instant in a time zone, `YYYY-MM-DDTHH:MM`: comparable as text with
 * a lesson's date and time.
 *
 * @example
 * isoMinuteIn(new Date('2026-11-24T09:00:00Z'), 'Europe/Moscow'); // '2026-11-24T12:00'
 */
export function isoMinuteIn(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${todayIn(at, timeZone)}T${time}`;
}
