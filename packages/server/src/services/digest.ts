import {
  defaultDigest,
  markValueText,
  periodName,
  summarizeBySubject,
  type Lang,
  type GradedMark,
  type MarkValue,
} from '@school-diary/core';
import type { Services } from './context';
import { englishDate, russianDate } from './journal-views';
import { channelsFor } from './notification-settings';
import { addInAppNotification, sendToUser } from './notify';
import { classCalendar, currentPeriod, periodOn } from './school-calendar';

/** How often digests go out. */
export type DigestFrequency = 'daily' | 'weekly' | 'monthly';

/** The marks a digest covers: created in `[from, to)`, both instants in UTC. */
export interface DigestWindow {
  readonly from: Date;
  readonly to: Date;
}

const DAY = 24 * 3600 * 1000;

/**
 * The last whole day, week (Monday to Monday) or calendar month before `now`, in UTC. Its `to` is
 * the start of the current day, week or month, which the scheduler also uses to tell whether one
 * is due.
 *
 * @example
 * digestWindow('weekly', new Date('2026-11-25T10:00Z')); // 2026-11-16T00:00Z – 2026-11-23T00:00Z
 */
export function digestWindow(frequency: DigestFrequency, now: Date): DigestWindow {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (frequency === 'daily') return { from: new Date(today - DAY), to: new Date(today) };
  if (frequency === 'weekly') {
    const to = today - ((now.getUTCDay() + 6) % 7) * DAY;
    return { from: new Date(to - 7 * DAY), to: new Date(to) };
  }
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
    to: new Date(to),
  };
}

/** One mark of a digest, as the grade maths reads it. */
interface DigestMark extends GradedMark {
  readonly createdAt: string;
}

function averageText(lang: Lang, average: number | null): string {
  if (average === null) return '—';
  return lang === 'ru' ? average.toFixed(2).replace('.', ',') : average.toFixed(2);
}

/**
 * A child's marks dated in an inclusive range (`by: 'date'`), or given in a half-open range of
 * instants (`by: 'created_at'`): a mark entered late for an old lesson is still news.
 */
async function childMarks(
  s: Services,
  childId: string,
  range: { by: 'date' | 'created_at'; from: string; to: string },
) {
  const column = range.by === 'date' ? 'marks.date' : 'marks.created_at';
  const rows = await s.db
    .selectFrom('marks')
    .innerJoin('subjects', 'subjects.id', 'marks.subject_id')
    .select(['marks.value', 'marks.weight', 'marks.date', 'marks.kind', 'marks.created_at'])
    .select(['subjects.id as subject_id', 'subjects.name as subject_name'])
    .where('marks.child_id', '=', childId)
    .where(column, '>=', range.from)
    .where(column, range.by === 'date' ? '<=' : '<', range.to)
    .orderBy('marks.date')
    .orderBy('marks.created_at')
    .execute();
  return rows.map((r): DigestMark => ({
    value: r.value === 'pass' || r.value === 'fail' ? r.value : (Number(r.value) as MarkValue),
    weight: r.weight,
    date: r.date,
    kind: r.kind,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    createdAt: r.created_at,
  }));
}

/** A digest's words in each language the server writes. */
const WORDS = {
  ru: {
    noun: { daily: 'день', weekly: 'неделю', monthly: 'месяц' },
    title: (name: string, noun: string) => `${name}: оценки за ${noun}`,
    heading: (from: string, to: string) =>
      `Новые оценки с ${russianDate(from)} по ${russianDate(to)}:`,
    over: (period: string | null) => (period ? `за ${period}` : 'за период'),
    average: (over: string, value: string) => `средний взвешенный ${over}: ${value}`,
  },
  en: {
    noun: { daily: 'the day', weekly: 'the week', monthly: 'the month' },
    title: (name: string, noun: string) => `${name}: marks of ${noun}`,
    heading: (from: string, to: string) =>
      `New marks from ${englishDate(from)} to ${englishDate(to)}:`,
    over: (period: string | null) => (period ? `in ${period}` : 'in the period'),
    average: (over: string, value: string) => `weighted average ${over}: ${value}`,
  },
} as const;

/** A digest's title and body, in Russian with its English version for English readers. */
interface DigestText {
  readonly title: string;
  readonly body: string;
  readonly en: { readonly title: string; readonly body: string };
}

/** A child's digest text, or null when no mark was given in the window. */
async function childDigest(
  s: Services,
  child: { id: string; firstName: string; classId: string | null },
  frequency: DigestFrequency,
  window: DigestWindow,
): Promise<DigestText | null> {
  const lastDay = new Date(window.to.getTime() - DAY).toISOString().slice(0, 10);
  const calendar = await classCalendar(s, s.db, child.classId);
  const period = calendar ? (periodOn(calendar.periods, lastDay) ?? currentPeriod(calendar)) : null;
  const from = window.from.toISOString();
  const fresh = await childMarks(s, child.id, {
    by: 'created_at',
    from,
    to: window.to.toISOString(),
  });
  if (fresh.length === 0) return null;
  const inPeriod = period
    ? await childMarks(s, child.id, { by: 'date', from: period.start_date, to: period.end_date })
    : fresh;
  const averages = new Map(
    summarizeBySubject(inPeriod).map((summary) => [summary.subjectId, summary.weightedAverage]),
  );
  const subjects = summarizeBySubject(fresh);
  const write = (lang: Lang) => {
    const words = WORDS[lang];
    const over = words.over(period ? periodName(lang, period.name) : null);
    const lines = subjects.map((subject) => {
      const marks = subject.marks.map((m) => markValueText(lang, m.value)).join(', ');
      const average = averageText(lang, averages.get(subject.subjectId) ?? null);
      return `${subject.subjectName}: ${marks} (${words.average(over, average)})`;
    });
    return {
      title: words.title(child.firstName, words.noun[frequency]),
      body: [words.heading(from.slice(0, 10), lastDay), ...lines].join('\n'),
    };
  };
  return { ...write('ru'), en: write('en') };
}

/** Parents whose digest is the given frequency (stored, or the parents' default). */
async function subscribers(s: Services, frequency: DigestFrequency): Promise<string[]> {
  const rows = await s.db
    .selectFrom('users')
    .leftJoin('digest_settings', 'digest_settings.user_id', 'users.id')
    .select(['users.id', 'users.role', 'digest_settings.period'])
    .where('users.role', '=', 'parent')
    .orderBy('users.id')
    .execute();
  return rows.filter((r) => (r.period ?? defaultDigest(r.role)) === frequency).map((r) => r.id);
}

/** What {@link sendDigests} did. */
export interface DigestReport {
  /** Digests composed: one per parent and child with new marks. */
  readonly digests: number;
  /** Of them, sent by e-mail and by SMS. */
  readonly emails: number;
  readonly sms: number;
}

/** Sends one text through a channel and counts it in the report when it went. */
async function sendCounted(
  s: Services,
  parentId: string,
  channel: 'sms' | 'email',
  text: { readonly text: string; readonly en: string },
  report: { emails: number; sms: number },
): Promise<void> {
  if (!(await sendToUser(s, s.db, parentId, { channel, ...text }))) return;
  if (channel === 'sms') report.sms += 1;
  else report.emails += 1;
}

/**
 * Sends the daily, weekly or monthly digest of marks: to every parent who chose that frequency,
 * one per child with marks given in the last whole day, week or month ({@link digestWindow}): the
 * new marks per subject with the subject's weighted average over the current reporting period.
 * Each goes through exactly the channels the parent's `digest` settings turn on: in-app, e-mail
 * (by default, when the parent has an address), SMS (only when the parent turned it on). Call it
 * outside any transaction.
 *
 * @example
 * await sendDigests(s, { period: 'weekly' }); // { digests: 2, emails: 2, sms: 0 }
 */
export async function sendDigests(
  s: Services,
  options: { readonly period: DigestFrequency },
): Promise<DigestReport> {
  const window = digestWindow(options.period, s.clock.now());
  const report = { digests: 0, emails: 0, sms: 0 };
  for (const parentId of await subscribers(s, options.period)) {
    const children = await s.db
      .selectFrom('parent_children')
      .innerJoin('children', 'children.id', 'parent_children.child_id')
      .select(['children.id', 'children.first_name as firstName', 'children.class_id as classId'])
      .where('parent_children.parent_id', '=', parentId)
      .orderBy('children.birth_date')
      .execute();
    for (const child of children) {
      const digest = await childDigest(s, child, options.period, window);
      if (!digest) continue;
      report.digests += 1;
      const channels = await channelsFor(s.db, parentId, 'digest');
      if (channels.inApp) {
        await s.db.transaction().execute((trx) =>
          addInAppNotification(s, trx, {
            userId: parentId,
            kind: 'digest',
            childId: child.id,
            title: digest.title,
            body: digest.body,
          }),
        );
      }
      const text = {
        text: `${digest.title}\n${digest.body}`,
        en: `${digest.en.title}\n${digest.en.body}`,
      };
      if (channels.email) await sendCounted(s, parentId, 'email', text, report);
      if (channels.sms) await sendCounted(s, parentId, 'sms', text, report);
    }
  }
  return report;
}
