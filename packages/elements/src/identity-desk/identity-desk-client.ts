import type { Group, WidgetClient } from '../shared/client';

/**
 * The SDK client as `<diary-identity-desk>` needs it: the school office's look-up of a parent,
 * the in-person identity confirmation, and second guardians' claims.
 */
export interface IdentityDeskClient extends WidgetClient {
  readonly admin: Group<
    'admin',
    'findUser' | 'confirmIdentityInPerson' | 'guardianClaims' | 'approveGuardian'
  >;
}

/** Whether the provider's client can serve `<diary-identity-desk>` (a full SDK client can). */
export const isIdentityDeskClient = (
  client: WidgetClient | undefined,
): client is IdentityDeskClient => {
  const admin = (client as Partial<IdentityDeskClient> | undefined)?.admin;
  return (
    typeof admin?.findUser === 'function' &&
    typeof admin.confirmIdentityInPerson === 'function' &&
    typeof admin.guardianClaims === 'function' &&
    typeof admin.approveGuardian === 'function'
  );
};
