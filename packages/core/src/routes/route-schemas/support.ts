import { listOf } from '../../schemas/common.js';
import {
  ticketInputSchema,
  ticketReplyInputSchema,
  ticketSchema,
  ticketStatusInputSchema,
} from '../../schemas/support.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.support;

/** The operations of `support` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  create: withSchemas(m.create, {
    body: ticketInputSchema,
    response: ticketSchema,
  }),
  list: withSchemas(m.list, { response: listOf(ticketSchema) }),
  get: withSchemas(m.get, { response: ticketSchema }),
  reply: withSchemas(m.reply, {
    body: ticketReplyInputSchema,
    response: ticketSchema,
  }),
  setStatus: withSchemas(m.setStatus, {
    body: ticketStatusInputSchema,
    response: ticketSchema,
  }),
};
