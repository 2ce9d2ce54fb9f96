import {
  type z,
  array,
  boolean,
  coerce,
  _default,
  int,
  maximum,
  maxLength,
  minimum,
  nonnegative,
  number,
  object,
  optional,
  refine,
  string,
} from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment.js';
import { idSchema, textSchema, timestampSchema } from './common.js';
import { roleSchema } from './user.js';

/** A message in a thread. `id` is chosen by the client so that a retried send creates one message. */
export const messageSchema = /* @__PURE__ */ object({
  id: idSchema,
  threadId: idSchema,
  authorId: idSchema,
  authorName: /* @__PURE__ */ string(),
  authorRole: roleSchema,
  text: /* @__PURE__ */ string(),
  attachments: /* @__PURE__ */ array(attachmentSchema),
  sentAt: timestampSchema,
  readBy: /* @__PURE__ */ array(
    /* @__PURE__ */ object({ userId: idSchema, readAt: timestampSchema }),
  ),
});
/** A message. */
export type Message = z.infer<typeof messageSchema>;

/** A conversation between a family member and a teacher about a child. */
export const threadSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ string(),
  participantId: idSchema,
  participantName: /* @__PURE__ */ string(),
  subjectId: /* @__PURE__ */ optional(idSchema),
  subjectName: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  title: /* @__PURE__ */ string(),
  createdAt: timestampSchema,
  lastMessageAt: /* @__PURE__ */ optional(timestampSchema),
  lastMessagePreview: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  unreadCount: /* @__PURE__ */ number().check(/* @__PURE__ */ int(), /* @__PURE__ */ nonnegative()),
});
/** A thread. */
export type Thread = z.infer<typeof threadSchema>;

/** Opening a thread with a teacher about a child (optionally about a subject). */
export const threadInputSchema = /* @__PURE__ */ object({
  childId: idSchema,
  teacherId: idSchema,
  subjectId: /* @__PURE__ */ optional(idSchema),
  title: /* @__PURE__ */ optional(/* @__PURE__ */ textSchema(200)),
});

/** Listing threads. */
export const threadQuerySchema = /* @__PURE__ */ object({
  childId: /* @__PURE__ */ optional(idSchema),
});

/** Sending a message; the client-chosen `id` makes the send idempotent. */
export const messageInputSchema = /* @__PURE__ */ object({
  id: idSchema,
  text: /* @__PURE__ */ _default(
    /* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(4000)),
    '',
  ),
  attachmentIds: /* @__PURE__ */ _default(attachmentIdsSchema, []),
}).check(
  /* @__PURE__ */ refine((v) => v.text.trim() !== '' || v.attachmentIds.length > 0, {
    path: ['text'],
    params: { code: 'required' },
  }),
);

/** Paging back through a history: messages older than `before`. */
export const messageQuerySchema = /* @__PURE__ */ object({
  before: /* @__PURE__ */ optional(idSchema),
  limit: /* @__PURE__ */ _default(
    coerce
      .number()
      .check(/* @__PURE__ */ int(), /* @__PURE__ */ minimum(1), /* @__PURE__ */ maximum(100)),
    50,
  ),
});

/** A page of messages, oldest first, and whether older ones exist. */
export const messagePageSchema = /* @__PURE__ */ object({
  items: /* @__PURE__ */ array(messageSchema),
  hasMore: /* @__PURE__ */ boolean(),
});

/** Marking a thread read up to a message. */
export const readInputSchema = /* @__PURE__ */ object({ upToMessageId: idSchema });

/** Unread counts for the signed-in user. */
export const unreadSchema = /* @__PURE__ */ object({
  total: /* @__PURE__ */ number().check(/* @__PURE__ */ int(), /* @__PURE__ */ nonnegative()),
  threads: /* @__PURE__ */ array(
    /* @__PURE__ */ object({ threadId: idSchema, unreadCount: /* @__PURE__ */ number() }),
  ),
});
