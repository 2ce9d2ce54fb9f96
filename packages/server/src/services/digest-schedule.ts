import { systemClock } from '../clock';
import type { Services } from './context';
import { digestWindow, sendDigests, type DigestFrequency } from './digest';
import { runDueOverdueHomework } from './homework-overdue';
import { runDueAssessmentReminders } from './assessment-reminders';
import { claimRun } from './run-claim';

const FREQUENCIES: readonly DigestFrequency[] = ['daily', 'weekly', 'monthly'];
/** The first check after start waits a little, so a restart loop cannot send anything twice fast. */
const FIRST_CHECK_MS = 60_000;

/**
 * Claims the digest of the week or month that has just ended, if nobody has (the `settings` row
 * `digest:<frequency>` holds the start of the last week or month whose predecessor was handled).
 */
function claim(s: Services, frequency: DigestFrequency): Promise<boolean> {
  const boundary = digestWindow(frequency, s.clock.now()).to.toISOString();
  return claimRun(s, `digest:${frequency}`, boundary);
}

/**
 * Sends each digest whose week or month has ended since the last check; returns what was sent.
 *
 * @example
 * await runDueDigests(s); // ['weekly'] on the first check after a Monday began
 */
export async function runDueDigests(s: Services): Promise<DigestFrequency[]> {
  const sent: DigestFrequency[] = [];
  for (const frequency of FREQUENCIES) {
    if (!(await claim(s, frequency))) continue;
    await sendDigests(s, { period: frequency });
    sent.push(frequency);
  }
  return sent;
}

/** Where a background job reports its failures (the server's logger). */
export interface ErrorLog {
  error(details: object, message: string): void;
}

/**
 * Checks every `digestCheckSeconds` whether a digest, the overdue homework alert of the day
 * that ended or the reminders of tomorrow's assessments are due (by default hourly, and only on the
 * system clock: real timers mean nothing against a test's manual clock), on unref'd timers that
 * never keep the process alive; returns the function that stops the schedule.
 */
export function startDigestSchedule(s: Services, log: ErrorLog): () => void {
  const every = (s.config.digestCheckSeconds ?? (s.clock === systemClock ? 3600 : 0)) * 1000;
  if (every <= 0) return () => {};
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      runDueDigests(s)
        .catch((error: unknown) => log.error({ err: error }, 'digest run failed'))
        .then(() => runDueOverdueHomework(s))
        .catch((error: unknown) => log.error({ err: error }, 'overdue homework run failed'))
        .then(() => runDueAssessmentReminders(s))
        .catch((error: unknown) => log.error({ err: error }, 'assessment reminders failed'))
        .finally(() => tick(every));
    }, delay);
    timer.unref();
  };
  tick(Math.min(FIRST_CHECK_MS, every));
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
