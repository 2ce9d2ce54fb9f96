import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { ChangeGeneration } from '../db/change-generation';
import type { Database } from '../db/schema';
import type { IdGenerator } from '../ids';
import type { AuditLog } from './audit';
import type { DataKeyring } from './data-keys';
import type { MessageGateway } from './gateway';
import type { LiveEvents } from './live-events';
import type { OidcProviders } from './oidc-providers';

/** Everything a handler may use; injected so tests control time, ids and delivery. */
export interface Services {
  readonly db: Kysely<Database>;
  /** Moves whenever the database may have changed: what a memo of its rows checks. */
  readonly changes: ChangeGeneration;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly gateway: MessageGateway;
  readonly audit: AuditLog;
  readonly config: ServerConfig;
  /** Encrypts document numbers at rest and indexes the SNILS for look-ups. */
  readonly documents: DataKeyring;
  /** Secret for one-time code hashes. */
  readonly secret: string;
  /** Makes one-time codes; random by default. */
  readonly newCode: () => string;
  /** Live events: durable per-user log plus wake-ups for open streams. */
  readonly live: LiveEvents;
  /** The OpenID Connect providers parents may sign in with. */
  readonly oidc: OidcProviders;
}

/** The signed-in user behind a request. */
export interface AuthUser {
  readonly id: string;
  readonly role: 'parent' | 'student' | 'teacher' | 'school_admin';
  readonly schoolId: string | null;
  readonly sessionId: string;
  readonly familyId: string;
}
