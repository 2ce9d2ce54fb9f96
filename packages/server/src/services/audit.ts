import type { AuditAction } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import type { IdGenerator } from '../ids';

/** One thing that happened, for the audit log. */
export interface AuditRecord {
  /** One of core's audit action codes: a code missing there does not compile. */
  readonly action: AuditAction;
  readonly outcome: 'success' | 'failure' | 'denied';
  readonly ip: string;
  readonly actor?: {
    readonly id: string;
    readonly role: string;
    readonly schoolId?: string | null;
  } | null;
  readonly schoolId?: string | null;
  readonly target?: string | null;
  readonly detail?: string | null;
}

/** Writes audit entries: every write and every login attempt. */
export class AuditLog {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Records an entry inside the caller's transaction (or directly on the database). */
  async record(db: Kysely<Database>, entry: AuditRecord): Promise<void> {
    await db
      .insertInto('audit')
      .values({
        id: this.ids('aud'),
        at: this.clock.now().toISOString(),
        actor_id: entry.actor?.id ?? null,
        actor_role: entry.actor?.role ?? null,
        school_id: entry.schoolId ?? entry.actor?.schoolId ?? null,
        action: entry.action,
        target: entry.target ?? null,
        ip: entry.ip,
        outcome: entry.outcome,
        detail: entry.detail ?? null,
      })
      .execute();
  }
}
