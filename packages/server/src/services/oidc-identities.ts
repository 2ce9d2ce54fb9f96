import type { Lang, LinkedIdentity, Session } from '@school-diary/core';
import type { Services } from './context';
import type { AuthUser } from './context';
import { DomainError, notFound } from './domain-error';
import { consumeChallenge } from './challenges';
import { tellOwner } from './login';
import type { TicketClaims } from './oidc-flow';
import { hashToken } from './secrets';
import { openSignedInSession } from './sign-in';

/** Where a request comes from, for the session and the audit. */
export interface Caller {
  readonly ip: string;
  readonly userAgent: string;
  readonly lang: Lang;
}

interface Ticket {
  readonly stateHash: string;
  readonly provider: string;
  readonly subject: string;
  readonly claims: TicketClaims;
}

/** The live ticket's flow; `provider_ticket_invalid` for an unknown, used or expired one. */
async function ticketOf(s: Services, ticket: string): Promise<Ticket> {
  const row = await s.db
    .selectFrom('oidc_flows')
    .selectAll()
    .where('ticket_hash', '=', hashToken(ticket))
    .where('used_at', 'is', null)
    .where('expires_at', '>', s.clock.now().toISOString())
    .executeTakeFirst();
  if (!row?.subject) throw new DomainError('provider_ticket_invalid');
  return {
    stateHash: row.state_hash,
    provider: row.provider,
    subject: row.subject,
    claims: JSON.parse(row.claims ?? '{}') as TicketClaims,
  };
}

/** Marks a ticket used; false when another request used it first. */
async function useTicket(s: Services, flow: Ticket): Promise<boolean> {
  const used = await s.db
    .updateTable('oidc_flows')
    .set({ used_at: s.clock.now().toISOString() })
    .where('state_hash', '=', flow.stateHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/**
 * Signs in with a ticket whose provider subject is linked to an account. An unlinked subject
 * answers `provider_not_linked` and the ticket stays usable for {@link linkOidcIdentity}.
 */
export async function completeOidcSignIn(
  s: Services,
  ticket: string,
  caller: Caller,
): Promise<Session> {
  const flow = await ticketOf(s, ticket);
  const linked = await s.db
    .selectFrom('user_identities')
    .select('user_id')
    .where('provider', '=', flow.provider)
    .where('subject', '=', flow.subject)
    .executeTakeFirst();
  if (!linked) {
    await s.audit.record(s.db, {
      action: 'auth.oidc_signin',
      outcome: 'failure',
      ip: caller.ip,
      detail: `${flow.provider}: identity not linked to an account`,
    });
    throw new DomainError('provider_not_linked');
  }
  if (!(await useTicket(s, flow))) throw new DomainError('provider_ticket_invalid');
  return openSignedInSession(s, {
    userId: linked.user_id,
    ...caller,
    action: 'auth.oidc_signin',
    detail: flow.provider,
  });
}

/** Whether the provider's SNILS is the account's (under any of the data keys). */
function sameSnils(s: Services, sealed: string, accountHash: string | null): boolean {
  if (accountHash === null) return false;
  return s.documents.indexes('snils', s.documents.open('snils', sealed)).includes(accountHash);
}

/**
 * Links a ticket's provider identity to the account whose password (`login`) and one-time code
 * the caller just proved, then signs in. A SNILS from the provider must be the account's: when it
 * is, the identity is marked confirmed; a different one refuses the link.
 */
export async function linkOidcIdentity(
  s: Services,
  input: { ticket: string; challengeId: string; code: string },
  caller: Caller,
): Promise<Session> {
  const flow = await ticketOf(s, input.ticket);
  const { userId } = await consumeChallenge(
    s,
    { challengeId: input.challengeId, code: input.code, purpose: 'login' },
    caller.ip,
  );
  const user = await s.db
    .selectFrom('users')
    .select(['id', 'role', 'school_id', 'phone', 'snils_hash', 'identity_status'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const actor = { id: user.id, role: user.role, schoolId: user.school_id };
  const refuse = async (error: DomainError, detail: string): Promise<never> => {
    await s.audit.record(s.db, {
      action: 'auth.oidc_link',
      outcome: 'denied',
      ip: caller.ip,
      actor,
      detail: `${flow.provider}: ${detail}`,
    });
    throw error;
  };
  if (user.role !== 'parent') return refuse(new DomainError('forbidden'), 'not a parent account');
  const snils = flow.claims.snils;
  const confirmed = snils !== undefined && sameSnils(s, snils, user.snils_hash);
  if (snils !== undefined && !confirmed)
    return refuse(new DomainError('identity_mismatch'), 'SNILS differs from the account');
  const inserted = await s.db
    .insertInto('user_identities')
    .values({
      provider: flow.provider,
      subject: flow.subject,
      user_id: user.id,
      linked_at: s.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    return refuse(new DomainError('already_linked'), 'subject or account already linked');
  if (!(await useTicket(s, flow))) throw new DomainError('provider_ticket_invalid');
  if (confirmed && ['unconfirmed', 'confirmed_sms'].includes(user.identity_status))
    await s.db
      .updateTable('users')
      .set({ identity_status: 'confirmed_provider' })
      .where('id', '=', user.id)
      .execute();
  await s.audit.record(s.db, {
    action: 'auth.oidc_link',
    outcome: 'success',
    ip: caller.ip,
    actor,
    target: user.id,
    detail: `${flow.provider}${confirmed ? ': SNILS matched, identity confirmed' : ': no SNILS claim'}`,
  });
  await tellOwner(
    s,
    user.phone,
    `к аккаунту привязан вход через «${s.oidc.settings(flow.provider).title}». Если это были не вы, отвяжите его в настройках и смените пароль.`,
  );
  return openSignedInSession(s, { userId: user.id, ...caller, action: 'auth.verify' });
}

/** The caller's linked identities. */
export async function listIdentities(s: Services, user: AuthUser): Promise<LinkedIdentity[]> {
  const rows = await s.db
    .selectFrom('user_identities')
    .select(['provider', 'linked_at'])
    .where('user_id', '=', user.id)
    .orderBy('linked_at')
    .execute();
  const titles = new Map(s.oidc.list().map((p) => [p.name, p.title]));
  return rows.map((r) => ({
    provider: r.provider,
    title: titles.get(r.provider) ?? r.provider,
    linkedAt: new Date(r.linked_at).toISOString(),
  }));
}

/** Unlinks the caller's identity at a provider; 404 when none is linked. */
export async function unlinkIdentity(
  s: Services,
  user: AuthUser,
  provider: string,
  ip: string,
): Promise<void> {
  const removed = await s.db
    .deleteFrom('user_identities')
    .where('user_id', '=', user.id)
    .where('provider', '=', provider)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw notFound();
  await s.audit.record(s.db, {
    action: 'auth.oidc_unlink',
    outcome: 'success',
    ip,
    actor: { id: user.id, role: user.role, schoolId: user.schoolId },
    target: user.id,
    detail: provider,
  });
}
