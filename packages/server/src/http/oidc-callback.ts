import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/context';
import { callbackPath, takeOidcCallback } from '../services/oidc-flow';
import { PROVIDER_NAME } from '../services/oidc-providers';

const NO_PAGE = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Вход не удался</title>
<p>Ссылка входа недействительна или устарела. Вернитесь на сайт школы и войдите ещё раз.</p>
<p lang="en">This sign-in link is invalid or has expired. Go back to the school's site and sign in again.</p></html>`;

/**
 * The redirect address registered at each provider. It takes the provider's answer, then sends
 * the browser back to the page the sign-in started on, with a one-use ticket or the reason it
 * failed in the fragment (never sent to any server, never in a `Referer`). Every answer is audited.
 */
export function registerOidcCallback(
  app: FastifyInstance,
  services: Services,
  rateLimit: { max: number; timeWindow: number },
): void {
  app.get<{ Params: { provider: string } }>(
    callbackPath(':provider'),
    { config: { rateLimit } },
    async (request, reply) => {
      const { provider } = request.params;
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const known =
        PROVIDER_NAME.test(provider) && services.oidc.list().some((p) => p.name === provider);
      const outcome = known
        ? await takeOidcCallback(services, provider, query)
        : { location: null, failure: 'refused' as const, detail: 'unknown provider' };
      await services.audit.record(services.db, {
        action: 'auth.oidc_callback',
        outcome: outcome.failure === null ? 'success' : 'failure',
        ip: request.ip,
        detail: `${known ? provider : 'unknown'}: ${outcome.failure ?? 'ticket issued'}${outcome.detail ? `, ${outcome.detail}` : ''}`,
      });
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (outcome.location === null)
        return reply.code(400).type('text/html; charset=utf-8').send(NO_PAGE);
      return reply.redirect(outcome.location, 303);
    },
  );
}
