import {
  ASSESSMENT_REMINDER_DAYS,
  NOTIFICATION_KINDS,
  defaultChannels,
  defaultDigest,
  type NotificationKind,
  type NotificationSettings,
  type QuietHours,
  type Role,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readQuietHours, writeQuietHours } from './quiet-hours';

/** The channels a kind of notification goes through. */
export interface ChannelFlags {
  readonly inApp: boolean;
  readonly sms: boolean;
  readonly email: boolean;
}

/** How often a parent gets a digest of their children's marks. */
export type DigestPeriod = NotificationSettings['digest'];

type SettingsRow = Pick<Database['notification_settings'], 'in_app' | 'sms' | 'email'>;

function flags(row: SettingsRow): ChannelFlags {
  return { inApp: row.in_app === 1, sms: row.sms === 1, email: row.email === 1 };
}

/**
 * The channels a user wants for one kind of notification: their stored choice or the default.
 *
 * @example
 * const { inApp, sms } = await channelsFor(s.db, userId, 'substitution');
 */
export async function channelsFor(
  db: Kysely<Database>,
  userId: string,
  kind: NotificationKind,
): Promise<ChannelFlags> {
  const row = await db
    .selectFrom('users')
    .leftJoin('notification_settings as ns', (join) =>
      join.onRef('ns.user_id', '=', 'users.id').on('ns.kind', '=', kind),
    )
    .select(['users.role', 'ns.in_app', 'ns.sms', 'ns.email'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return { inApp: false, sms: false, email: false };
  const { in_app, sms, email } = row;
  if (in_app === null || sms === null || email === null) return defaultChannels(kind, row.role);
  return flags({ in_app, sms, email });
}

/** Every kind's channels, the digest and the quiet hours of a user, defaults filled in. */
export async function readSettings(
  db: Kysely<Database>,
  user: { readonly id: string; readonly role: Role | string },
): Promise<NotificationSettings> {
  const rows = await db
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', '=', user.id)
    .execute();
  const stored = new Map(rows.map((r) => [r.kind, flags(r)]));
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, stored.get(kind) ?? defaultChannels(kind, user.role)]),
  ) as NotificationSettings['kinds'];
  const digest = await db
    .selectFrom('digest_settings')
    .select('period')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const quietHours = await readQuietHours(db, user.id);
  const reminder = await db
    .selectFrom('assessment_reminder_settings')
    .select('days_before')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return {
    kinds,
    digest: (digest?.period as DigestPeriod | undefined) ?? defaultDigest(user.role),
    ...(quietHours ? { quietHours } : {}),
    assessmentReminderDays: reminder?.days_before ?? ASSESSMENT_REMINDER_DAYS.default,
  };
}

/**
 * A change of settings: per kind only the channels given, the digest if given, the quiet hours if
 * given (`null` turns them off) and the days before a planned test its reminder comes, if given.
 */
export interface SettingsPatch {
  readonly kinds?: Partial<Record<NotificationKind, Partial<ChannelFlags>>> | undefined;
  readonly digest?: DigestPeriod | undefined;
  readonly quietHours?: QuietHours | null | undefined;
  readonly assessmentReminderDays?: number | undefined;
}

/**
 * Applies a patch over the current settings (call it in the write's transaction) and returns the
 * new settings. A kind is stored whole, so later changes of the defaults do not half-apply to it.
 */
export async function writeSettings(
  trx: Kysely<Database>,
  user: { readonly id: string; readonly role: Role | string },
  patch: SettingsPatch,
): Promise<NotificationSettings> {
  const current = await readSettings(trx, user);
  for (const [kind, change] of Object.entries(patch.kinds ?? {})) {
    if (!change) continue;
    const next = { ...current.kinds[kind as NotificationKind], ...change };
    const values = { in_app: +next.inApp, sms: +next.sms, email: +next.email };
    await trx
      .insertInto('notification_settings')
      .values({ user_id: user.id, kind, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet(values))
      .execute();
  }
  if (patch.digest) {
    const period = patch.digest;
    await trx
      .insertInto('digest_settings')
      .values({ user_id: user.id, period })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ period }))
      .execute();
  }
  if (patch.quietHours !== undefined) await writeQuietHours(trx, user.id, patch.quietHours);
  if (patch.assessmentReminderDays !== undefined) {
    const days = { days_before: patch.assessmentReminderDays };
    await trx
      .insertInto('assessment_reminder_settings')
      .values({ user_id: user.id, ...days })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(days))
      .execute();
  }
  return readSettings(trx, user);
}
