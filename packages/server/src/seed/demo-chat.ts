import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { NEWS, NOTES, PORTFOLIO, PORTFOLIO_COMMENTS, THREADS } from './data/chat';
import { DEMO } from './data/demo-world';

const U = DEMO.users;
const HOUR = 3600 * 1000;

const ROLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(U).map((u) => [u.id, u.role]),
);

async function seedThreads(trx: Kysely<Database>, ago: (hours: number) => string) {
  let n = 0;
  for (const t of THREADS) {
    const last = t.messages[t.messages.length - 1];
    await trx
      .insertInto('threads')
      .values({
        id: t.id,
        child_id: t.childId,
        teacher_id: t.teacherId,
        participant_id: t.participantId,
        subject_id: t.subjectId,
        title: t.title,
        created_at: ago((t.messages[0]?.[1] ?? 0) + 0.1),
        last_message_at: last ? ago(last[1]) : null,
      })
      .execute();
    for (const [author, hours, text, read] of t.messages) {
      n += 1;
      const row = await trx
        .insertInto('messages')
        .values({
          id: `msg_demo_${String(n).padStart(3, '0')}`,
          thread_id: t.id,
          author_id: author,
          author_role: ROLES[author] ?? 'parent',
          text,
          sent_at: ago(hours),
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      if (read === false) continue;
      const reader = author === t.teacherId ? t.participantId : t.teacherId;
      await trx
        .insertInto('message_reads')
        .values({ message_seq: row.seq, user_id: reader, read_at: ago(Math.max(hours - 1, 0)) })
        .execute();
    }
  }
}

async function seedNews(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  inDays: (d: number) => string,
) {
  await trx
    .insertInto('news')
    .values(
      NEWS.map((n) => ({
        id: n.id,
        school_id: n.schoolId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        event_date: n.inDays === undefined ? null : inDays(n.inDays),
        start_time: n.startTime ?? null,
        end_time: n.endTime ?? null,
        location: n.location ?? null,
        image_url: n.image?.url ?? null,
        image_alt: n.image?.alt ?? null,
        author_id: n.authorId,
        published_at: ago(n.hoursAgo),
      })),
    )
    .execute();
}

async function seedPortfolio(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  daysAgo: (d: number) => string,
) {
  await trx
    .insertInto('portfolio_items')
    .values(
      PORTFOLIO.map((p) => ({
        id: p.id,
        child_id: p.childId,
        kind: p.kind,
        title: p.title,
        description: p.description ?? null,
        date: daysAgo(p.daysAgo),
        subject_id: p.subjectId,
        period_id: null,
        level: p.level,
        attachment_id: null,
        created_by: p.createdBy,
        created_at: ago(p.hoursAgo),
      })),
    )
    .execute();
  await trx
    .insertInto('portfolio_comments')
    .values(
      PORTFOLIO_COMMENTS.map((c) => ({
        id: c.id,
        item_id: c.itemId,
        author_id: c.authorId,
        text: c.text,
        created_at: ago(c.hoursAgo),
      })),
    )
    .execute();
}

async function seedNotes(
  trx: Kysely<Database>,
  ago: (hours: number) => string,
  daysAgo: (d: number) => string,
) {
  await trx
    .insertInto('journal_notes')
    .values(
      NOTES.map((n) => ({
        id: n.id,
        child_id: n.childId,
        author_id: n.authorId,
        date: daysAgo(n.daysAgo),
        kind: n.kind,
        text: n.text,
        plan: n.plan,
        created_at: ago(n.daysAgo * 24),
        updated_at: ago(n.daysAgo * 24),
      })),
    )
    .execute();
}

/**
 * The demo world's conversations and family pages: threads between the demo parents (and Мария)
 * and their teachers, some unread; news and events of Школа № 42 and Лицей № 17; portfolio items
 * with teachers' comments; a few private notes. Runs inside the demo seed's transaction.
 *
 * @example
 * await db.transaction().execute((trx) => seedDemoChat(trx, { clock }));
 */
export async function seedDemoChat(
  trx: Kysely<Database>,
  options: { clock: Clock },
): Promise<void> {
  const now = options.clock.now().getTime();
  const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
  const day = (days: number) => new Date(now + days * 24 * HOUR).toISOString().slice(0, 10);
  await seedThreads(trx, ago);
  await seedNews(trx, ago, day);
  await seedPortfolio(trx, ago, (d) => day(-d));
  await seedNotes(trx, ago, (d) => day(-d));
}
