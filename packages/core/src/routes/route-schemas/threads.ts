import {
  messageInputSchema,
  messagePageSchema,
  messageQuerySchema,
  messageSchema,
  readInputSchema,
  threadInputSchema,
  threadQuerySchema,
  threadSchema,
  unreadSchema,
} from '../../schemas/chat.js';
import { listOf } from '../../schemas/common.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.threads;

/** The operations of `threads` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: threadQuerySchema,
    response: listOf(threadSchema),
  }),
  create: withSchemas(m.create, {
    body: threadInputSchema,
    response: threadSchema,
  }),
  messages: withSchemas(m.messages, {
    query: messageQuerySchema,
    response: messagePageSchema,
  }),
  send: withSchemas(m.send, { body: messageInputSchema, response: messageSchema }),
  read: withSchemas(m.read, { body: readInputSchema, response: unreadSchema }),
  unread: withSchemas(m.unread, { response: unreadSchema }),
};
