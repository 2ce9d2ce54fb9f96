import type { ChangeGeneration } from '../db/change-generation';
import type { Kept } from '../db/kept-until-change';
import type { AuthUser } from '../services/context';
import { DomainError } from '../services/domain-error';
import type { Authenticate } from './register-routes';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Reads `Authorization: Bearer …` and resolves the token to its user: no header is an anonymous
 * caller (the route decides whether that is allowed), a malformed one is a 401.
 *
 * @example
 * registerRoutes(app, { authenticate: bearerAuthenticate(sessionResolver(services)), … });
 */
export function bearerAuthenticate(
  resolve: (token: string, changes: ChangeGeneration) => Kept<AuthUser>,
): Authenticate {
  return (request, changes) => {
    const header = request.headers.authorization;
    if (!header) return null;
    const token = BEARER.exec(header)?.[1];
    if (!token) throw new DomainError('unauthorized');
    return resolve(token, changes);
  };
}
